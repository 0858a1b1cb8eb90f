import { expect, it } from 'vitest';
import { STATUSES } from '../../src/domain/index.js';
import { SYSTEM_ACTOR } from '../../src/store/audit.js';
import { dashboardCounts, trend } from '../../src/store/dashboard.js';
import { importParsedTable, type ImportSummary } from '../../src/store/import.js';
import { listLeaders } from '../../src/store/leaders.js';
import { openPeriod } from '../../src/store/periods.js';
import { listThemes } from '../../src/store/plans.js';
import { getTask, listTasks } from '../../src/store/tasks.js';
import { listUnits } from '../../src/store/units.js';
import { describeEachStore } from '../helpers/stores.js';
import { smallTable, smallTasks } from '../fixtures/store/small-plan.js';

describeEachStore('task lists', (ctx) => {
  let s: ImportSummary;
  const unitId = async (name: string) => (await listUnits(ctx.store.db)).find((u) => u.name === name)!.id;
  const leaderId = async (name: string) => (await listLeaders(ctx.store.db)).find((l) => l.name === name)!.id;

  it("lists a period's tasks with their people and reports, paged", async () => {
    s = await importParsedTable(ctx.store, SYSTEM_ACTOR, { table: smallTable(), fileName: 'q1.txt', sha256: 'a' });
    const page1 = await listTasks(ctx.store.db, { planId: s.planId, periodId: s.periodId, pageSize: 2 });
    expect(page1.total).toBe(5);
    expect(page1.items.map((t) => t.seq)).toEqual([1, 2]);
    const page3 = await listTasks(ctx.store.db, { planId: s.planId, pageSize: 2, page: 3 });
    expect(page3.items.map((t) => t.seq)).toEqual([5]);
    const [three] = (await listTasks(ctx.store.db, { planId: s.planId, q: undefined, pageSize: 200 })).items.filter(
      (t) => t.seq === 3,
    );
    expect(three).toMatchObject({
      theme: '做强先进制造业',
      category: '生物医药',
      leaders: [{ name: '李华' }],
      units: [{ name: '区经信局' }],
      coUnits: [{ name: '区商务局' }],
      report: {
        periodId: s.periodId,
        state: 'approved', // imported from a published table: its closed record
        version: 1,
        text: '生物医药产业园一期已开工，新引进医药企业3家。',
      },
    });
    expect(['green', 'yellow', 'red', 'grey']).toContain(three.report!.light);
    expect(await getTask(ctx.store.db, three.id)).toMatchObject({ seq: 3, target: three.target });
  });

  it('filters by leader, unit (lead or co), theme, category and status', async () => {
    const seqs = async (f: object) =>
      (await listTasks(ctx.store.db, { planId: s.planId, pageSize: 200, ...f })).items.map((t) => t.seq);
    expect(await seqs({ leaderId: await leaderId('王明') })).toEqual([1, 2, 4]);
    expect(await seqs({ unitId: await unitId('区商务局') })).toEqual([3]);
    expect(await seqs({ unitId: await unitId('区住建局') })).toEqual([4, 5]);
    const themes = await listThemes(ctx.store.db, s.planId);
    expect(await seqs({ themeId: themes[1].id })).toEqual([3, 4, 5]);
    expect(await seqs({ categoryId: themes[1].categories[1].id })).toEqual([4, 5]);
    expect(await seqs({ status: 'no_report' })).toEqual([4]);
    const all = (await listTasks(ctx.store.db, { planId: s.planId, pageSize: 200 })).items;
    for (const status of STATUSES) {
      expect(await seqs({ status })).toEqual(all.filter((t) => t.report!.status === status).map((t) => t.seq));
    }
  });

  it('restricts a unit to its own lead and co tasks, and a leader to theirs, whatever the filters ask', async () => {
    const seqs = async (f: object) =>
      (await listTasks(ctx.store.db, { planId: s.planId, pageSize: 200, ...f })).items.map((t) => t.seq);
    const commerce = await unitId('区商务局');
    expect(await seqs({ scope: { unitId: commerce } })).toEqual([3]);
    expect(await seqs({ scope: { unitId: commerce }, unitId: await unitId('区住建局') })).toEqual([]);
    expect(await seqs({ scope: { leaderId: await leaderId('李华') } })).toEqual([3, 4, 5]);
    const page = await listTasks(ctx.store.db, { planId: s.planId, scope: { leaderId: await leaderId('李华') } });
    expect(page.total).toBe(3);
  });

  it('sorts by status (worst first), by lead unit and by seq descending', async () => {
    const list = async (f: object) => (await listTasks(ctx.store.db, { planId: s.planId, pageSize: 200, ...f })).items;
    const byStatus = await list({ sort: 'status' });
    const rank = ['behind', 'no_report', 'pending', 'on_track', 'done'];
    const ranks = byStatus.map((t) => rank.indexOf(t.report!.status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const byUnit = (await list({ sort: 'unit' })).map((t) => t.units[0].name);
    expect(byUnit).toEqual([...byUnit].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect((await list({ order: 'desc' })).map((t) => t.seq)).toEqual([5, 4, 3, 2, 1]);
  });

  it('shows no report for a period that has none yet, and the new period once opened', async () => {
    const q2 = await openPeriod(ctx.store.db, SYSTEM_ACTOR, { planId: s.planId, label: '2024Q2' });
    const items = (await listTasks(ctx.store.db, { planId: s.planId })).items;
    expect(items.every((t) => t.report!.periodId === q2.id && t.report!.status === 'no_report')).toBe(true);
  });
});

describeEachStore('dashboard', (ctx) => {
  it("counts equal a hand count of the period's reports, overall and by theme, leader and unit", async () => {
    const s = await importParsedTable(ctx.store, SYSTEM_ACTOR, {
      table: smallTable(),
      fileName: 'q1.txt',
      sha256: 'a',
    });
    const d = await dashboardCounts(ctx.store.db, { planId: s.planId, periodId: s.periodId });
    const items = (await listTasks(ctx.store.db, { planId: s.planId, periodId: s.periodId, pageSize: 200 })).items;
    const tasks = smallTasks();
    const statusOf = (seq: number) => items.find((t) => t.seq === seq)!.report!.status;
    const hand = (pred: (t: (typeof tasks)[number]) => boolean) => {
      const c = Object.fromEntries(STATUSES.map((x) => [x, 0]));
      for (const t of tasks.filter(pred)) c[statusOf(t.seq)]++;
      return c;
    };
    expect(d.counts).toEqual(hand(() => true));
    expect(d.total).toBe(5);
    expect(Object.values(d.lights).reduce((a, b) => a + b, 0)).toBe(5);
    expect(d.byTheme.map((g) => [g.name, g.counts])).toEqual([
      ['主要经济指标', hand((t) => t.theme === '主要经济指标')],
      ['做强先进制造业', hand((t) => t.theme === '做强先进制造业')],
    ]);
    const wang = d.byLeader.find((g) => g.name === '王明')!;
    expect(wang.counts).toEqual(hand((t) => t.leaders.includes('王明')));
    const housing = d.byUnit.find((g) => g.name === '区住建局')!;
    expect(housing.counts).toEqual(hand((t) => t.units.includes('区住建局')));
    expect(d.byUnit.find((g) => g.name === '区商务局')).toBeUndefined(); // a co-unit only
    expect(d.behind.map((b) => b.seq)).toEqual(items.filter((t) => t.report!.status === 'behind').map((t) => t.seq));
    for (const b of d.behind) expect(b.reason).not.toBe('');

    const onlyHousing = await dashboardCounts(ctx.store.db, {
      planId: s.planId,
      periodId: s.periodId,
      unitId: housing.id,
    });
    expect(onlyHousing.counts).toEqual(hand((t) => t.units.includes('区住建局')));

    await openPeriod(ctx.store.db, SYSTEM_ACTOR, { planId: s.planId, label: '2024Q2' });
    const points = await trend(ctx.store.db, s.planId);
    expect(points.map((p) => p.label)).toEqual(['2024Q1', '2024Q2']);
    expect(points[0].counts).toEqual(d.counts);
    expect(points[1].counts.no_report).toBe(5);
  });
});
