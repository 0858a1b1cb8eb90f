import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { SYSTEM_ACTOR } from '../../src/store/audit.js';
import { importParsedTable } from '../../src/store/import.js';
import { listPeriods } from '../../src/store/periods.js';
import { listPlans } from '../../src/store/plans.js';
import { findReport, listVersions } from '../../src/store/reports.js';
import { describeEachStore } from '../helpers/stores.js';

const seedText = readFileSync(new URL('../fixtures/qiantang-2023-q4.txt', import.meta.url), 'utf8');
const gold = JSON.parse(readFileSync(new URL('../fixtures/qiantang-2023-q4.gold.json', import.meta.url), 'utf8')) as {
  seq: number;
  target: string;
}[];

const TABLES = [
  'plans',
  'periods',
  'tasks',
  'reports',
  'report_versions',
  'units',
  'leaders',
  'themes',
  'imports',
  'audit_log',
] as const;
async function counts(db: any): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES)
    out[t] = Number(
      (
        await db
          .selectFrom(t)
          .select((eb: any) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      ).n,
    );
  return out;
}

describeEachStore('importing a progress table', (ctx) => {
  const table = parseText(seedText);

  it('imports the seed table: the plan, 136 tasks, the period and its assessed reports', async () => {
    const s = await importParsedTable(ctx.store, SYSTEM_ACTOR, {
      table,
      fileName: 'qiantang-2023-q4.txt',
      sha256: 'seed',
    });
    expect(s).toMatchObject({
      planCreated: true,
      periodCreated: true,
      periodLabel: '2023Q4',
      created: 136,
      updated: 0,
      unchanged: 0,
      targetChanged: [],
    });
    expect(s.reports.created).toBe(136);
    const [plan] = await listPlans(ctx.store.db);
    expect(plan).toMatchObject({
      title: '2023年钱塘区政府工作报告重点工作任务',
      region: '钱塘区',
      year: 2023,
      taskCount: 136,
    });
    const tasks = await ctx.store.db.selectFrom('tasks').select(['seq', 'target']).orderBy('seq').execute();
    expect(tasks.map((t) => t.seq)).toEqual(gold.map((g) => g.seq));
    const reports = await ctx.store.db.selectFrom('reports').selectAll().execute();
    expect(reports).toHaveLength(136);
    const statuses = new Set(reports.map((r) => r.status));
    expect(statuses.size).toBeGreaterThan(2); // assessed, not left at one default
    for (const r of reports) expect(JSON.parse(r.assessment).status).toBe(r.machine_status);
    const withText = reports.filter((r) => r.text !== '');
    expect(await ctx.store.db.selectFrom('report_versions').selectAll().execute()).toHaveLength(withText.length);
    expect(s.unitsCreated).toBeGreaterThan(10);
    expect(s.leadersCreated).toBeGreaterThan(3);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await counts(ctx.store.db);
    const s = await importParsedTable(ctx.store, SYSTEM_ACTOR, {
      table: parseText(seedText),
      fileName: 'qiantang-2023-q4.txt',
      sha256: 'seed',
    });
    expect(s).toMatchObject({ nothingChanged: true, created: 0, updated: 0, unchanged: 136 });
    expect(s.reports).toMatchObject({ created: 0, updated: 0, unchanged: 136 });
    expect(await counts(ctx.store.db)).toEqual(before);
  });

  it('imports the next period of the same plan: new reports, tasks matched by seq, a changed target reported', async () => {
    const next = parseText(seedText.replaceAll('四季度进展情况表', '一季度进展情况表'));
    const changed = next.tasks.find((t) => t.seq === 12)!;
    changed.target = changed.target.replace('打造配套产业社区', '打造配套产业社区和人才社区');
    for (const t of next.tasks) t.progress = t.progress ? `一季度：${t.progress}` : '';
    const before = await counts(ctx.store.db);
    const s = await importParsedTable(ctx.store, SYSTEM_ACTOR, {
      table: next,
      period: '2024Q1',
      fileName: 'qiantang-2024-q1.txt',
      sha256: 'next',
    });
    expect(s).toMatchObject({
      planCreated: false,
      periodCreated: true,
      periodLabel: '2024Q1',
      created: 0,
      targetChanged: [12],
      missing: [],
    });
    expect(s.targetChanges[0].after).toContain('人才社区');
    expect(s.updated).toBe(1);
    const after = await counts(ctx.store.db);
    expect(after.tasks).toBe(before.tasks);
    expect(after.reports).toBe(before.reports + 136);
    expect(after.plans).toBe(1);
    expect((await listPeriods(ctx.store.db, s.planId)).map((p) => p.label)).toEqual(['2024Q1', '2023Q4']);
    const task = await ctx.store.db
      .selectFrom('tasks')
      .select(['id', 'target'])
      .where('seq', '=', 12)
      .executeTakeFirstOrThrow();
    expect(task.target).toContain('人才社区');
    const old = await ctx.store.db
      .selectFrom('periods')
      .select('id')
      .where('label', '=', '2023Q4')
      .executeTakeFirstOrThrow();
    expect((await findReport(ctx.store.db, task.id, old.id))!.text).not.toMatch(/^一季度/);
  });

  it('keeps a report edited in the app when the same file is imported again', async () => {
    const task = await ctx.store.db.selectFrom('tasks').select('id').where('seq', '=', 1).executeTakeFirstOrThrow();
    const period = await ctx.store.db
      .selectFrom('periods')
      .select('id')
      .where('label', '=', '2023Q4')
      .executeTakeFirstOrThrow();
    const r = (await findReport(ctx.store.db, task.id, period.id))!;
    await new Promise((res) => setTimeout(res, 5));
    await ctx.store.db
      .updateTable('reports')
      .set({
        text: '全年地区生产总值增长6.2%。',
        version: r.version + 1,
        updated_at: new Date(Date.now() + 1000).toISOString(),
      })
      .where('id', '=', r.id)
      .execute();
    const s = await importParsedTable(ctx.store, SYSTEM_ACTOR, {
      table: parseText(seedText),
      fileName: 'qiantang-2023-q4.txt',
      sha256: 'seed',
    });
    expect(s.reports.keptNewer).toBe(1);
    expect((await findReport(ctx.store.db, task.id, period.id))!.text).toBe('全年地区生产总值增长6.2%。');
    expect((await listVersions(ctx.store.db, r.id)).length).toBeGreaterThan(0);
  });

  it('stores nothing from a table that cannot be imported', async () => {
    const before = await counts(ctx.store.db);
    const broken = parseText(seedText.replaceAll('2023年钱塘区', '2025年富阳区'));
    broken.tasks[100].target = ' '; // a task without its target, far down the table
    await expect(
      importParsedTable(ctx.store, SYSTEM_ACTOR, { table: broken, fileName: 'broken.txt', sha256: 'b' }),
    ).rejects.toMatchObject({ code: 'bad_input' });
    const noPeriod = { ...parseText(seedText), title: '重点工作任务进展情况表', period: null };
    await expect(
      importParsedTable(ctx.store, SYSTEM_ACTOR, { table: noPeriod, fileName: 'x.txt', sha256: 'c' }),
    ).rejects.toMatchObject({ code: 'bad_input' });
    expect(await counts(ctx.store.db)).toEqual(before);
  });

  it('rolls back everything when a write fails half-way', async () => {
    const before = await counts(ctx.store.db);
    const table = parseText(seedText.replaceAll('2023年钱塘区', '2026年滨江区'));
    let calls = 0;
    await expect(
      importParsedTable(ctx.store, SYSTEM_ACTOR, {
        table,
        fileName: 'half.txt',
        sha256: 'h',
        onProgress: () => {
          if (++calls === 50) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(await counts(ctx.store.db)).toEqual(before);
  });
});
