// Importing a progress table into the store, in one transaction: the plan, its units, leaders,
// themes, categories and tasks, the period and its reports, assessed. Re-importing the same
// content writes nothing; the next period's table of the same plan matches tasks by seq, adds
// that period's reports and lists the tasks whose target text changed.
import { Kysely, type Selectable } from 'kysely';
import { DubanError, numberedForPlan, parsePeriod, type ProgressPart, type Task } from '../domain/index.js';
import { setImmediate } from 'node:timers/promises';
import { assessProgress } from './assessing.js';
import { recordAudit, type Actor } from './audit.js';
import type { Store } from './db.js';
import { createEmptyReports, findPeriod, insertPeriod } from './periods.js';
import { PUBLISHED_STATES } from './reports.js';
import { planInfoFromTitle } from '../parse/plan-title.js';
import { createPlan, ensureCategory, ensureTheme, findPlanByTitle } from './plans.js';
import type { DB } from './schema.js';
import { indexReports, indexTargets } from './search.js';
import { inTransaction } from './transaction.js';
import { loadTaskLinks, setTaskLinks, type TaskLinks } from './task-links.js';
import { ensureLeader } from './leaders.js';
import { appendUnitOrder } from './unit-order.js';
import { ensureUnit } from './units.js';

export interface ImportInput {
  table: { tasks: Task[]; title: string | null; period: string | null };
  /** Plan title; by default the table title without its period words. */
  planTitle?: string;
  region?: string;
  year?: number;
  /** Period label (`2023Q4`); by default the period named in the table title. */
  period?: string;
  fileName: string;
  sha256: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportSummary {
  planId: number;
  planTitle: string;
  periodId: number;
  periodLabel: string;
  planCreated: boolean;
  periodCreated: boolean;
  /** Tasks created, updated (any field), unchanged. */
  created: number;
  updated: number;
  unchanged: number;
  /** Seqs of existing tasks whose target text differs from the table's. */
  targetChanged: number[];
  targetChanges: { seq: number; before: string; after: string }[];
  reports: { created: number; updated: number; unchanged: number; keptNewer: number };
  unitsCreated: number;
  leadersCreated: number;
  /** Seqs of the plan's tasks that this table does not list. */
  missing: number[];
  /** True when the store already held exactly this content: nothing was written. */
  nothingChanged: boolean;
  /** True when the table's numbers repeated and its tasks were stored numbered 1—N in order. */
  renumbered: boolean;
}

function validate(tasks: Task[]): void {
  if (tasks.length === 0) throw new DubanError('bad_input', '表格中没有任务行');
  const seen = new Set<number>();
  for (const t of tasks) {
    if (!Number.isInteger(t.seq) || t.seq <= 0) throw new DubanError('bad_input', `序号“${t.seq}”无效`);
    if (seen.has(t.seq)) throw new DubanError('bad_input', `序号 ${t.seq} 重复出现`);
    seen.add(t.seq);
    if (!t.target?.trim()) throw new DubanError('bad_input', `序号 ${t.seq} 没有具体目标任务`);
  }
}

/**
 * A table whose numbers meet the plan's tasks but whose targets mostly differ is another table (the
 * next sheet of a workbook, another office's plan of the same name), not the next period's: read
 * into the plan, it would write its targets over the plan's. It is refused, naming what differs.
 */
function refuseAnotherTable(tasks: Task[], bySeq: Map<number, { target: string }>, planTitle: string): void {
  const same = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
  const matched = tasks.filter((t) => bySeq.has(t.seq));
  const differing = matched.filter((t) => !same(bySeq.get(t.seq)!.target, t.target.trim()));
  if (matched.length < MIN_MATCHED_TO_JUDGE || differing.length * 2 <= matched.length) return;
  const first = differing[0];
  throw new DubanError(
    'bad_input',
    `表中 ${matched.length} 项任务的序号与计划“${planTitle}”已有任务相同，其中 ${differing.length} 项的目标任务不同` +
      `（如序号 ${first.seq}：已有“${clip(bySeq.get(first.seq)!.target)}”，表中“${clip(first.target)}”），` +
      '不像同一计划另一期的进展表；为免覆盖已有目标任务，未导入。请换一个计划名称，或核对所选的表格/工作表',
  );
}
/** Fewer tasks in common than this say nothing about whether the tables are one. */
const MIN_MATCHED_TO_JUDGE = 3;
const clip = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text);

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const clean = (names: string[] | undefined) => [...new Set((names ?? []).map((n) => n.trim()).filter(Boolean))];

export async function importParsedTable(
  store: Store | Kysely<DB>,
  actor: Actor,
  input: ImportInput,
): Promise<ImportSummary> {
  const db = store instanceof Kysely ? store : store.db;
  // numbers printed twice (restarting in each section) are stored as 1—N in the table's order
  const { tasks, renumbered } = numberedForPlan(input.table.tasks);
  validate(tasks);
  const periodText = input.period ?? input.table.period;
  const period = periodText ? parsePeriod(periodText) : null;
  if (!period) {
    throw new DubanError(
      'bad_input',
      periodText ? `无法识别的报告期“${periodText}”` : '表格标题中没有报告期，请用 --period 指定（例：2023Q4）',
    );
  }
  const titleSource = input.planTitle?.trim() || input.table.title?.trim();
  if (!titleSource) throw new DubanError('bad_input', '表格没有标题，请用 --plan 指定计划名称');
  const info = planInfoFromTitle(titleSource);
  const planTitle = input.planTitle?.trim() || info.title;

  return inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    let plan = await findPlanByTitle(trx, planTitle);
    const planCreated = !plan;
    plan ??= await createPlan(trx, actor, {
      title: planTitle,
      region: input.region ?? info.region ?? '',
      year: input.year ?? info.year ?? period.year,
    });
    const planId = plan.id;

    let periodRow = await findPeriod(trx, planId, period.label);
    const periodCreated = !periodRow;
    periodRow ??= await insertPeriod(trx, planId, period, null, now);
    const periodId = periodRow.id;
    // A report edited in the app after an earlier import of this very file is newer than the file.
    const earlier = await trx
      .selectFrom('imports')
      .select('created_at')
      .where('plan_id', '=', planId)
      .where('sha256', '=', input.sha256)
      .orderBy('id', 'desc')
      .executeTakeFirst();

    const existing = await trx.selectFrom('tasks').selectAll().where('plan_id', '=', planId).execute();
    const bySeq = new Map(existing.map((t) => [t.seq, t]));
    refuseAnotherTable(tasks, bySeq, planTitle);
    const links = await loadTaskLinks(
      trx,
      existing.map((t) => t.id),
    );
    const reports = await trx.selectFrom('reports').selectAll().where('period_id', '=', periodId).execute();
    const reportOf = new Map(reports.map((r) => [r.task_id, r]));
    const otherPeriods = await trx
      .selectFrom('periods')
      .select(['id', 'label'])
      .where('plan_id', '=', planId)
      .where('id', '!=', periodId)
      .execute();
    const unitCount = await countRows(trx, 'units');
    // Units this table creates take the next 序列 positions, in the order they first appear in it.
    const unitsBefore = new Set((await trx.selectFrom('units').select('id').execute()).map((u) => u.id));
    const unitsInOrder = new Set<number>();
    const leaderCount = await countRows(trx, 'leaders');

    const s: ImportSummary = {
      planId,
      planTitle,
      periodId,
      periodLabel: period.label,
      planCreated,
      periodCreated,
      created: 0,
      updated: 0,
      unchanged: 0,
      targetChanged: [],
      targetChanges: [],
      reports: { created: 0, updated: 0, unchanged: 0, keptNewer: 0 },
      unitsCreated: 0,
      leadersCreated: 0,
      missing: [],
      nothingChanged: false,
      renumbered,
    };
    const reindexTargets: { id: number; planId: number; target: string }[] = [];
    const reindexReports: { id: number; taskId: number; planId: number; periodId: number; text: string }[] = [];

    for (const [i, t] of tasks.entries()) {
      // better-sqlite3 answers synchronously, so without this a 5,000-task import would hold the
      // event loop for seconds: every 100 tasks, let the process answer other requests.
      if (i > 0 && i % 100 === 0) await setImmediate();
      const target = t.target.trim();
      const themeName = t.theme?.trim() || t.category?.trim() || null;
      const themeId = themeName ? await ensureTheme(trx, planId, themeName) : null;
      const categoryName = t.theme?.trim() ? t.category?.trim() || null : null;
      const categoryId = themeId != null && categoryName ? await ensureCategory(trx, themeId, categoryName) : null;
      const wanted: TaskLinks = {
        leaders: await ids(clean(t.leaders), (n) => ensureLeader(trx, n, now)),
        units: await ids(clean(t.units), (n) => ensureUnit(trx, n, now)),
        coUnits: await ids(
          clean(t.co_units).filter((n) => !clean(t.units).includes(n)),
          (n) => ensureUnit(trx, n, now),
        ),
      };
      for (const id of [...wanted.units, ...wanted.coUnits]) unitsInOrder.add(id);
      const fields = {
        target,
        theme_id: themeId,
        category_id: categoryId,
        deadline: t.deadline ?? null,
        notes: t.notes ?? null,
      };
      let task = bySeq.get(t.seq);
      if (!task) {
        task = await trx
          .insertInto('tasks')
          .values({ plan_id: planId, seq: t.seq, ...fields, created_at: now, updated_at: now })
          .returningAll()
          .executeTakeFirstOrThrow();
        await setTaskLinks(trx, task.id, wanted);
        // Every task × period has a report: the periods this table is not about get empty ones.
        for (const p of otherPeriods) await createEmptyReports(trx, p.id, p.label, [{ id: task.id, target }], now);
        reindexTargets.push({ id: task.id, planId, target });
        s.created++;
      } else {
        const have = links.get(task.id) ?? { leaders: [], units: [], coUnits: [] };
        const changed =
          task.target !== target ||
          task.theme_id !== themeId ||
          task.category_id !== categoryId ||
          task.deadline !== fields.deadline ||
          task.notes !== fields.notes ||
          !sameList(have.leaders.map(String), wanted.leaders.map(String)) ||
          !sameList(have.units.map(String), wanted.units.map(String)) ||
          !sameList(have.coUnits.map(String), wanted.coUnits.map(String));
        if (changed) {
          if (task.target !== target) {
            s.targetChanged.push(t.seq);
            s.targetChanges.push({ seq: t.seq, before: task.target, after: target });
            reindexTargets.push({ id: task.id, planId, target });
          }
          await trx
            .updateTable('tasks')
            .set({ ...fields, updated_at: now })
            .where('id', '=', task.id)
            .execute();
          await setTaskLinks(trx, task.id, wanted);
          await recordAudit(
            trx,
            actor,
            {
              action: 'task.update',
              entity: 'task',
              entityId: task.id,
              before: { ...pick(task), ...have },
              after: { ...fields, ...wanted },
            },
            now,
          );
          s.updated++;
        } else s.unchanged++;
      }
      await importReport(
        trx,
        actor,
        {
          task: { id: task.id, target, deadline: t.deadline ?? null },
          text: t.progress ?? '',
          parts: t.progress_parts,
          report: reportOf.get(task.id),
          periodId,
          periodLabel: period.label,
          planId,
          earlierAt: earlier?.created_at,
          now,
        },
        s,
        reindexReports,
      );
      input.onProgress?.(i + 1, tasks.length);
    }

    const listed = new Set(tasks.map((t) => t.seq));
    const notListed = existing.filter((t) => !listed.has(t.seq));
    s.missing = notListed.map((t) => t.seq).sort((a, b) => a - b);
    if (periodCreated) await createEmptyReports(trx, periodId, period.label, notListed, now);
    s.unitsCreated = (await countRows(trx, 'units')) - unitCount;
    await appendUnitOrder(
      trx,
      [...unitsInOrder].filter((id) => !unitsBefore.has(id)),
    );
    s.leadersCreated = (await countRows(trx, 'leaders')) - leaderCount;
    await indexTargets(trx, reindexTargets);
    await indexReports(trx, reindexReports);

    s.nothingChanged =
      !planCreated &&
      !periodCreated &&
      s.created === 0 &&
      s.updated === 0 &&
      s.reports.created === 0 &&
      s.reports.updated === 0 &&
      s.unitsCreated === 0 &&
      s.leadersCreated === 0;
    if (!s.nothingChanged) {
      const summary = JSON.stringify(s);
      const row = await trx
        .insertInto('imports')
        .values({
          plan_id: planId,
          period_id: periodId,
          file_name: input.fileName,
          sha256: input.sha256,
          summary,
          imported_by: actor.id,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(
        trx,
        actor,
        {
          action: 'plan.import',
          entity: 'import',
          entityId: row.id,
          after: { fileName: input.fileName, sha256: input.sha256, ...s },
        },
        now,
      );
    }
    return s;
  });
}

const pick = (t: {
  target: string;
  theme_id: number | null;
  category_id: number | null;
  deadline: string | null;
  notes: string | null;
}) => ({
  target: t.target,
  theme_id: t.theme_id,
  category_id: t.category_id,
  deadline: t.deadline,
  notes: t.notes,
});

async function ids(names: string[], ensure: (name: string) => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (const n of names) out.push(await ensure(n));
  return [...new Set(out)];
}

async function countRows(db: Kysely<DB>, table: 'units' | 'leaders'): Promise<number> {
  const { n } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

type ReportRow = Selectable<DB['reports']>;

async function importReport(
  trx: Kysely<DB>,
  actor: Actor,
  x: {
    task: { id: number; target: string; deadline: string | null };
    text: string;
    /** The report as the table split it over columns, for the assessor. */
    parts?: readonly ProgressPart[];
    report: ReportRow | undefined;
    periodId: number;
    periodLabel: string;
    planId: number;
    earlierAt?: string;
    now: string;
  },
  s: ImportSummary,
  reindex: { id: number; taskId: number; planId: number; periodId: number; text: string }[],
): Promise<void> {
  const text = x.text.trim();
  const r = x.report;
  if (r && r.text === text) {
    s.reports.unchanged++;
    return;
  }
  if (r && x.earlierAt && r.updated_at > x.earlierAt) {
    s.reports.keptNewer++;
    return;
  }
  const assessment = assessProgress(x.task, text, x.periodLabel, x.parts);
  const values = {
    text,
    machine_status: assessment.status,
    reason: assessment.reason,
    assessment: JSON.stringify(assessment),
    author_id: actor.id,
    updated_at: x.now,
  };
  let id: number;
  let version: number;
  let status: string;
  // A published table is a closed record: the progress it prints is approved as published. A
  // report the table leaves empty stays the unit's draft to write.
  const state = text ? ('approved' as const) : (r?.state ?? ('draft' as const));
  if (!r) {
    version = 1;
    status = assessment.status;
    const row = await trx
      .insertInto('reports')
      .values({
        task_id: x.task.id,
        period_id: x.periodId,
        state,
        version,
        status: PUBLISHED_STATES.includes(state) ? status : 'no_report',
        ...values,
        created_at: x.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
    s.reports.created++;
  } else {
    version = r.version + 1;
    status = r.override_status ?? assessment.status;
    await trx
      .updateTable('reports')
      .set({ ...values, version, state, status: PUBLISHED_STATES.includes(state) ? status : 'no_report' })
      .where('id', '=', r.id)
      .where('version', '=', r.version)
      .execute();
    id = r.id;
    s.reports.updated++;
  }
  if (text) {
    await trx
      .insertInto('report_versions')
      .values({
        report_id: id,
        version,
        state,
        text,
        status,
        assessment: values.assessment,
        author_id: actor.id,
        created_at: x.now,
      })
      .execute();
  }
  reindex.push({ id, taskId: x.task.id, planId: x.planId, periodId: x.periodId, text });
}
