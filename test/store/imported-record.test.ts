// An imported published table is a closed record: its printed reports arrive approved (published at
// once, on the dashboard), while 考核 counts only what units did in duban — the imported reports are
// not a unit's submission — and a ranking in which every unit scores the same says so (no ranks)
// instead of ranking every unit first.
import { expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/store/audit.js';
import { dashboardCounts } from '../../src/store/dashboard.js';
import { importParsedTable } from '../../src/store/import.js';
import { openPeriod } from '../../src/store/periods.js';
import { saveReport } from '../../src/store/reports.js';
import { submitReport } from '../../src/store/review.js';
import { unitScores } from '../../src/store/scores.js';
import { describeEachStore } from '../helpers/stores.js';
import { smallTable } from '../fixtures/store/small-plan.js';

describeEachStore('an imported table as a closed record', (ctx) => {
  it('approves the printed reports, scores only what units did in duban, and ranks no one when all are equal', async () => {
    const db = ctx.store.db;
    const s = await importParsedTable(ctx.store, SYSTEM_ACTOR, {
      table: smallTable(),
      fileName: 'q1.txt',
      sha256: 'r',
    });
    const reports = await db
      .selectFrom('reports as r')
      .innerJoin('tasks as t', 't.id', 'r.task_id')
      .select(['t.seq', 'r.state', 'r.status'])
      .where('r.period_id', '=', s.periodId)
      .orderBy('t.seq')
      .execute();
    // Printed progress: approved and published; task 4's blank cell stays the unit's draft.
    expect(reports.map((r) => r.state)).toEqual(['approved', 'approved', 'approved', 'draft', 'approved']);
    const counts = (await dashboardCounts(db, { planId: s.planId, periodId: s.periodId })).counts;
    expect(counts.no_report).toBe(1);
    expect(counts.done + counts.on_track + counts.behind + counts.pending).toBe(4);

    // The imported period scores only task 4 (the one report duban still owes), for its lead units.
    const imported = await unitScores(db, { planId: s.planId, periodId: s.periodId });
    expect(imported.map((u) => [u.unit.name, u.tasks]).sort()).toEqual([
      ['区住建局', 1],
      ['区发展改革局', 1],
    ]);
    expect(imported.every((u) => u.rank === null)).toBe(true); // both 0: nothing tells them apart

    // A new period: one unit reports and submits, so the ranking means something.
    const q2 = await openPeriod(db, SYSTEM_ACTOR, { planId: s.planId, label: '2024Q2', dueDate: '2099-07-10' });
    const gdp = await db
      .selectFrom('reports as r')
      .innerJoin('tasks as t', 't.id', 'r.task_id')
      .select(['r.id', 'r.version'])
      .where('r.period_id', '=', q2.id)
      .where('t.seq', '=', 1)
      .executeTakeFirstOrThrow();
    const saved = await saveReport(db, SYSTEM_ACTOR, {
      reportId: gdp.id,
      text: '上半年地区生产总值增长6.3%。',
      expectedVersion: gdp.version,
    });
    await submitReport(db, SYSTEM_ACTOR, gdp.id, saved.version);
    const ranked = await unitScores(db, { planId: s.planId, periodId: q2.id });
    const first = ranked.find((u) => u.rank === 1)!;
    expect(first.unit.name).toBe('区发展改革局');
    expect(ranked.filter((u) => u.rank === 1)).toHaveLength(1);
    expect(ranked.every((u) => u.rank !== null)).toBe(true);
  });
});
