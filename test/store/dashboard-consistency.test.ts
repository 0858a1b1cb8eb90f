// The dashboard's one-statement tallies (src/store/dashboard.ts) must agree with a count made the
// slow way, task by task from the task list, after every kind of write that changes a report's
// status or a task's people: import, save, override, open period, close-out, re-import with new
// lead units. For every period and for every scope (whole plan, each unit, each leader).
import { expect, it } from 'vitest';
import { LIGHTS, type Light } from '../../src/domain/light.js';
import { STATUSES, type Status } from '../../src/domain/index.js';
import { SYSTEM_ACTOR } from '../../src/store/audit.js';
import { closeTask } from '../../src/store/cycle.js';
import {
  dashboardCounts,
  directTallies,
  summaryTallies,
  type DashboardCounts,
  type TallyRow,
} from '../../src/store/dashboard.js';
import { importParsedTable } from '../../src/store/import.js';
import { listLeaders } from '../../src/store/leaders.js';
import { listPeriods, openPeriod, setDueDate } from '../../src/store/periods.js';
import { saveReport } from '../../src/store/reports.js';
import { overrideStatus } from '../../src/store/review.js';
import { setTaskLinks } from '../../src/store/task-links.js';
import { listTasks, type TaskListItem } from '../../src/store/tasks.js';
import { listUnits } from '../../src/store/units.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/store/schema.js';
import { describeEachStore } from '../helpers/stores.js';
import { smallTable, smallTasks } from '../fixtures/store/small-plan.js';

const TODAY = '2030-01-01'; // after every due date: missing reports are red

function handCount(items: TaskListItem[]) {
  const zero = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const counts = zero();
  const lights = Object.fromEntries(LIGHTS.map((l) => [l, 0])) as Record<Light, number>;
  const by = {
    theme: new Map<string, Record<Status, number>>(),
    leader: new Map<string, Record<Status, number>>(),
    unit: new Map<string, Record<Status, number>>(),
  };
  const add = (m: Map<string, Record<Status, number>>, key: string, s: Status) => {
    if (!m.has(key)) m.set(key, zero());
    m.get(key)![s]++;
  };
  for (const t of items) {
    const s = t.report!.status;
    counts[s]++;
    lights[t.report!.light]++;
    if (t.theme) add(by.theme, t.theme, s);
    for (const l of t.leaders) add(by.leader, l.name, s);
    for (const u of t.units) add(by.unit, u.name, s);
  }
  const sorted = (m: Map<string, Record<Status, number>>) =>
    [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    counts,
    lights,
    total: items.length,
    byTheme: sorted(by.theme),
    byLeader: sorted(by.leader),
    byUnit: sorted(by.unit),
    behind: items
      .filter((t) => t.report!.status === 'behind')
      .map((t) => [t.seq, t.report!.light, t.units.map((u) => u.name), t.leaders.map((l) => l.name)])
      .sort(),
  };
}

function shapeOf(d: DashboardCounts) {
  const named = (gs: DashboardCounts['byTheme']) =>
    gs.map((g) => [g.name, g.counts] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const g of [...d.byTheme, ...d.byLeader, ...d.byUnit])
    expect(g.total).toBe(Object.values(g.counts).reduce((a, b) => a + b, 0));
  return {
    counts: d.counts,
    lights: d.lights,
    total: d.total,
    byTheme: named(d.byTheme),
    byLeader: named(d.byLeader),
    byUnit: named(d.byUnit),
    behind: d.behind.map((b) => [b.seq, b.light, b.units, b.leaders]).sort(),
  };
}

const sortedTallies = (rows: TallyRow[]) =>
  rows.map((r) => `${r.kind}|${r.id ?? ''}|${r.name ?? ''}|${r.status}|${Number(r.n)}`).sort();

async function expectConsistent(db: Kysely<DB>, planId: number): Promise<number> {
  let checked = 0;
  // The trigger-kept summary equals a count over the reports, row for row.
  for (const period of await listPeriods(db, planId)) {
    const f = { planId, periodId: period.id };
    expect(sortedTallies(await summaryTallies(db, f)), `summary of ${period.label}`).toEqual(
      sortedTallies(await directTallies(db, f)),
    );
  }
  const units = await listUnits(db);
  const leaders = await listLeaders(db);
  const scopes: { unitId?: number; leaderId?: number }[] = [
    {},
    ...units.map((u) => ({ unitId: u.id })),
    ...leaders.map((l) => ({ leaderId: l.id })),
  ];
  for (const period of await listPeriods(db, planId)) {
    for (const scope of scopes) {
      const items = (await listTasks(db, { planId, periodId: period.id, pageSize: 200, today: TODAY, ...scope })).items;
      const d = await dashboardCounts(db, { planId, periodId: period.id, today: TODAY, ...scope });
      expect(shapeOf(d), `period ${period.label}, scope ${JSON.stringify(scope)}`).toEqual(handCount(items));
      // The list's light filter (statuses from the index, behind assessments fetched apart) agrees
      // with each item's own light.
      for (const light of LIGHTS) {
        const filtered = (
          await listTasks(db, { planId, periodId: period.id, pageSize: 200, today: TODAY, light, ...scope })
        ).items;
        expect(
          filtered.map((t) => t.seq),
          `${light} in ${period.label}`,
        ).toEqual(items.filter((t) => t.report!.light === light).map((t) => t.seq));
      }
      checked++;
    }
  }
  return checked;
}

describeEachStore('dashboard tallies equal a task-by-task count after a mix of writes', (ctx) => {
  it('holds after import, saves, an override, a new period, a close-out and a re-import that moves tasks between units', async () => {
    const db = ctx.store.db;
    const actor = SYSTEM_ACTOR;
    const s = await importParsedTable(ctx.store, actor, { table: smallTable(), fileName: 'q1.txt', sha256: 'a' });
    await setDueDate(db, actor, s.periodId, '2024-04-10'); // past TODAY's view: a missing report is red
    expect(await expectConsistent(db, s.planId)).toBeGreaterThan(1);

    // Saves that move reports between statuses (the empty 光伏 report gets a text; 充电桩 falls behind).
    const q1 = (await listTasks(db, { planId: s.planId, periodId: s.periodId, pageSize: 200 })).items;
    const bySeq = (seq: number) => q1.find((t) => t.seq === seq)!.report!;
    await saveReport(db, actor, {
      reportId: bySeq(4).id,
      text: '一季度新增光伏装机容量1.2万千瓦。',
      expectedVersion: bySeq(4).version,
    });
    await saveReport(db, actor, {
      reportId: bySeq(5).id,
      text: '已建成充电桩120个，因选址调整进度滞后。',
      expectedVersion: bySeq(5).version,
    });
    await overrideStatus(db, actor, bySeq(2).id, 'behind', '增速口径有误，实际未达序时进度');
    await overrideStatus(db, actor, bySeq(1).id, 'done', '已提前完成');
    await expectConsistent(db, s.planId);

    // A new period: one empty report per task; then the next table, in which task 5 changes lead unit
    // and task 3 gets a second leader.
    await openPeriod(db, actor, { planId: s.planId, label: '2024Q2', dueDate: '2024-07-10' });
    await expectConsistent(db, s.planId);
    const q2tasks = smallTasks().map((t) =>
      t.seq === 5
        ? { ...t, units: ['区发展改革局'], progress: '已建成充电桩600个，全部投用。' }
        : t.seq === 3
          ? { ...t, leaders: ['李华', '王明'] }
          : t,
    );
    await importParsedTable(ctx.store, actor, {
      table: { ...smallTable(), period: '2024Q2', tasks: q2tasks },
      fileName: 'q2.txt',
      sha256: 'b',
    });
    await expectConsistent(db, s.planId);

    // Close-out of a done task, and clearing an override: the statuses stay where the reports say.
    const q2 = (await listTasks(db, { planId: s.planId, pageSize: 200 })).items;
    const done = q2.find((t) => t.report!.status === 'done');
    if (done) await closeTask(db, actor, done.id, '已完成');
    await overrideStatus(db, actor, bySeq(2).id, null, '');
    await expectConsistent(db, s.planId);

    // People and themes change under existing reports: links replaced, a task moved to another theme,
    // a task deleted (its reports go with it).
    const [first, second, third] = q2;
    await setTaskLinks(db, first.id, {
      leaders: third.leaders.map((l) => l.id),
      units: second.units.map((u) => u.id),
      coUnits: first.units.map((u) => u.id),
    });
    const otherTheme = await db
      .selectFrom('tasks')
      .select('theme_id')
      .where('id', '=', third.id)
      .executeTakeFirstOrThrow();
    await db.updateTable('tasks').set({ theme_id: otherTheme.theme_id }).where('id', '=', first.id).execute();
    await db.deleteFrom('tasks').where('id', '=', second.id).execute();
    await expectConsistent(db, s.planId);

    // The mix above must have produced more than one status and light, or the comparison proves little.
    const all = await dashboardCounts(db, { planId: s.planId, periodId: s.periodId, today: TODAY });
    expect(Object.values(all.counts).filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(Object.values(all.lights).filter((n) => n > 0).length).toBeGreaterThan(1);
  });
});
