// A generated province-scale data set for benchmarks: N plans (one per district) × T tasks × P
// periods of reports, in realistic Chinese made from the seed table's own vocabulary (targets,
// progress texts, themes, unit and leader names), numbers varied. Loaded with batched multi-row
// inserts, one transaction per plan, through the store's own tables and search index.
// Reused by the server load benchmark: `loadProvince(store, {plans: 10})`.
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { parseText } from '../../src/parse/index.js';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod, periodDates, type Assessment, type Task } from '../../src/domain/index.js';
import type { Store } from '../../src/store/db.js';
import type { DB } from '../../src/store/schema.js';
import { indexReports, indexTargets } from '../../src/store/search.js';
import { indexTokens } from '../../src/store/tokenize.js';
import { chunks } from '../../src/store/transaction.js';

export interface ProvinceOptions {
  plans?: number;
  tasksPerPlan?: number;
  periods?: number;
  seed?: number;
  onPlan?: (done: number, total: number) => void;
}

export interface ProvinceData {
  planIds: number[];
  /** Period ids per plan, oldest first. */
  periodIds: Map<number, number[]>;
  unitIds: Map<number, number[]>;
  leaderIds: Map<number, number[]>;
  reports: number;
}

/** Deterministic random numbers (mulberry32), so every run loads the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED_FILE = new URL('../../test/fixtures/qiantang-2023-q4.txt', import.meta.url);
const REGION_HEADS = '东西南北中上下新清长安永宁平江河湖山海云青白金玉龙凤华兴德和泰丰德瑞福明光'.split('');
const REGION_TAILS = '阳川城州林原溪桥塘湾浦岭亭阳安宁昌平兴隆源'.split('');
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华慧建国峰俊斌宇浩凯鹏辉'.split('');

/** Varies the numbers of a text (×0.5–1.6), keeping its wording: "增长4%" → "增长5.3%". */
function varyNumbers(text: string, r: () => number): string {
  return text.replace(/\d+(?:\.\d+)?/g, (n) => {
    if (/^(19|20)\d\d$/.test(n)) return n; // years stay years
    const v = Number(n) * (0.5 + r() * 1.1);
    return n.includes('.') ? v.toFixed(1) : String(Math.max(1, Math.round(v)));
  });
}

interface Vocab {
  tasks: Task[];
  themes: string[];
  units: string[];
  sentences: string[];
}

function vocabulary(): Vocab {
  const table = parseText(readFileSync(SEED_FILE, 'utf8'));
  const tasks = table.tasks.filter((t) => t.target.trim());
  return {
    tasks,
    themes: [...new Set(tasks.map((t) => t.theme).filter((x): x is string => !!x))],
    units: [...new Set(tasks.flatMap((t) => t.units))].map((u) => u.replace(/^区/, '')),
    sentences: tasks
      .flatMap((t) => t.progress.split('。'))
      .map((s) => s.trim())
      .filter((s) => s.length > 6),
  };
}

interface Variant {
  text: string;
  tokens: string[];
}
interface TargetVariant {
  target: string;
  theme: string;
  tokens: string[];
  /** Progress texts for this target, each assessed against it for a quarter-end period. */
  progress: { variant: Variant; assessment: Assessment; json: string }[];
}

/** Targets with numbers varied, each with a handful of progress texts assessed once (reused by reports). */
function buildPool(v: Vocab, r: () => number, size: number): TargetVariant[] {
  const period = parsePeriod('2023Q4');
  const pool: TargetVariant[] = [];
  for (let i = 0; i < size; i++) {
    const base = v.tasks[i % v.tasks.length];
    const target = i < v.tasks.length ? base.target : varyNumbers(base.target, r);
    const texts = new Set<string>();
    if (base.progress) texts.add(varyNumbers(base.progress, r));
    while (texts.size < 5) {
      const n = 1 + Math.floor(r() * 3);
      const picked = Array.from({ length: n }, () => v.sentences[Math.floor(r() * v.sentences.length)]);
      texts.add(varyNumbers(`${picked.join('。')}。`, r));
    }
    const progress = [...texts, ''].map((text) => {
      const assessment = assessTask({ target, progress: text }, { period });
      return { variant: { text, tokens: indexTokens(text) }, assessment, json: JSON.stringify(assessment) };
    });
    pool.push({ target, theme: base.theme ?? v.themes[0], tokens: indexTokens(target), progress });
  }
  return pool;
}

export async function loadProvince(store: Store, options: ProvinceOptions = {}): Promise<ProvinceData> {
  const plans = options.plans ?? 100;
  const perPlan = options.tasksPerPlan ?? 200;
  const periods = options.periods ?? 20;
  const r = rng(options.seed ?? 20231231);
  const vocab = vocabulary();
  const pool = buildPool(vocab, r, Math.min(600, perPlan * 3));
  const labels = Array.from(
    { length: periods },
    (_, i) => `${2024 - Math.ceil(periods / 4) + Math.floor(i / 4)}Q${(i % 4) + 1}`,
  );
  const out: ProvinceData = { planIds: [], periodIds: new Map(), unitIds: new Map(), leaderIds: new Map(), reports: 0 };
  const usedRegions = new Set<string>();
  const now = new Date().toISOString();

  for (let p = 0; p < plans; p++) {
    let region = '';
    while (!region || usedRegions.has(region))
      region = `${REGION_HEADS[Math.floor(r() * REGION_HEADS.length)]}${REGION_TAILS[Math.floor(r() * REGION_TAILS.length)]}区`;
    usedRegions.add(region);
    await store.db.transaction().execute(async (trx: Kysely<DB>) => {
      const plan = await trx
        .insertInto('plans')
        .values({ region, year: 2023, title: `2023年${region}政府工作报告重点工作任务`, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const themeNames = vocab.themes.slice(0, 8);
      const themes = await trx
        .insertInto('themes')
        .values(themeNames.map((name, position) => ({ plan_id: plan.id, name, position })))
        .returning(['id', 'name'])
        .execute();
      const themeId = new Map(themes.map((t) => [t.name, t.id]));
      const units = await trx
        .insertInto('units')
        .values(vocab.units.slice(0, 30).map((u) => ({ name: `${region}${u}`, parent_id: null, created_at: now })))
        .returning('id')
        .execute();
      const leaderNames = new Set<string>();
      while (leaderNames.size < 10)
        leaderNames.add(
          `${SURNAMES[Math.floor(r() * SURNAMES.length)]}${GIVEN[Math.floor(r() * GIVEN.length)]}${r() < 0.5 ? GIVEN[Math.floor(r() * GIVEN.length)] : ''}`,
        );
      // Leaders are people, unique by name: one district's 王伟 is not another's.
      const leaders = await trx
        .insertInto('leaders')
        .values([...leaderNames].map((n) => ({ name: `${n}（${region}）`, title: null, created_at: now })))
        .returning('id')
        .execute();

      const picks = Array.from({ length: perPlan }, () => pool[Math.floor(r() * pool.length)]);
      const taskRows = picks.map((v, i) => ({
        plan_id: plan.id,
        seq: i + 1,
        theme_id: themeId.get(v.theme) ?? themes[0].id,
        category_id: null,
        target: v.target,
        deadline: null,
        notes: null,
        closed_at: null,
        closed_by: null,
        created_at: now,
        updated_at: now,
      }));
      const tasks: { id: number; seq: number }[] = [];
      for (const batch of chunks(taskRows, 400))
        tasks.push(...(await trx.insertInto('tasks').values(batch).returning(['id', 'seq']).execute()));
      tasks.sort((a, b) => a.seq - b.seq);
      const leaderLinks = tasks.flatMap((t) => {
        const first = leaders[Math.floor(r() * leaders.length)].id;
        const second = leaders[Math.floor(r() * leaders.length)].id;
        return [first, ...(r() < 0.2 && second !== first ? [second] : [])].map((leader_id, position) => ({
          task_id: t.id,
          leader_id,
          position,
        }));
      });
      for (const batch of chunks(leaderLinks, 1000)) await trx.insertInto('task_leaders').values(batch).execute();
      const unitLinks = tasks.flatMap((t) => {
        const lead = units[Math.floor(r() * units.length)].id;
        const co = units[Math.floor(r() * units.length)].id;
        return [
          { task_id: t.id, unit_id: lead, role: 'lead' as const, position: 0 },
          ...(r() < 0.3 && co !== lead ? [{ task_id: t.id, unit_id: co, role: 'co' as const, position: 1 }] : []),
        ];
      });
      for (const batch of chunks(unitLinks, 1000)) await trx.insertInto('task_units').values(batch).execute();

      const periodRows = labels.map((label) => {
        const { start, end } = periodDates(parsePeriod(label)!);
        return {
          plan_id: plan.id,
          label,
          start_date: start,
          end_date: end,
          due_date: end,
          state: 'closed' as const,
          created_at: now,
        };
      });
      const periodIds = (await trx.insertInto('periods').values(periodRows).returning(['id', 'label']).execute()).map(
        (x) => x.id,
      );

      const reportRows: { row: Record<string, unknown>; taskId: number; periodId: number; v: Variant }[] = [];
      for (const [i, t] of tasks.entries()) {
        for (const periodId of periodIds) {
          const choice = picks[i].progress[Math.floor(r() * picks[i].progress.length)];
          reportRows.push({
            taskId: t.id,
            periodId,
            v: choice.variant,
            row: {
              task_id: t.id,
              period_id: periodId,
              state: choice.variant.text ? 'approved' : 'draft',
              text: choice.variant.text,
              version: 1,
              author_id: null,
              machine_status: choice.assessment.status,
              status: choice.assessment.status,
              reason: choice.assessment.reason,
              assessment: choice.json,
              created_at: now,
              updated_at: now,
              submitted_at: choice.variant.text ? now : null,
            },
          });
        }
      }
      const indexed: Parameters<typeof indexReports>[1] = [];
      for (const batch of chunks(reportRows, 400)) {
        const ids = await trx
          .insertInto('reports')
          .values(batch.map((b) => b.row) as never)
          .returning(['id', 'task_id', 'period_id'])
          .execute();
        const key = new Map(batch.map((b) => [`${b.taskId}:${b.periodId}`, b]));
        for (const x of ids) {
          const b = key.get(`${x.task_id}:${x.period_id}`)!;
          indexed.push({
            id: x.id,
            taskId: b.taskId,
            planId: plan.id,
            periodId: b.periodId,
            text: b.v.text,
            tokens: b.v.tokens,
          });
        }
      }
      await indexTargets(
        trx,
        tasks.map((t, i) => ({ id: t.id, planId: plan.id, target: picks[i].target })),
        { fresh: true },
      );
      await indexReports(trx, indexed, { fresh: true });
      out.planIds.push(plan.id);
      out.periodIds.set(plan.id, periodIds);
      out.unitIds.set(
        plan.id,
        units.map((u) => u.id),
      );
      out.leaderIds.set(
        plan.id,
        leaders.map((l) => l.id),
      );
      out.reports += reportRows.length;
    });
    options.onPlan?.(p + 1, plans);
  }
  return out;
}
