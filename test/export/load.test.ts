import { beforeAll, expect, it } from 'vitest';
import { loadBriefing, loadDiff, loadNotice, loadProgressTable } from '../../src/export/load.js';
import { describeEachStore } from '../helpers/stores.js';
import { expectedTasks, taskFields } from './round-trip.js';
import { goldRows } from './seed.js';
import { PLAN_TITLE, Q1_STATUS, asPublished, seedPlan } from './store-seed.js';

// Task 4's report was returned: not published, so neither printed nor counted.
const gold = asPublished(goldRows('../fixtures/export/linan-2024-h1.gold.json'));
const seqs = (r: { ok: boolean; value?: { rows: { seq: number }[] } }) => (r.ok ? r.value!.rows.map((x) => x.seq) : r);

describeEachStore('publishing loader', (ctx) => {
  let planId = 0;
  beforeAll(async () => {
    ({ planId } = await seedPlan(ctx.store.db));
  });
  const today = '2024-07-20';

  it('builds the progress table of a period, by plan title or id, with the published title', async () => {
    for (const plan of [PLAN_TITLE, planId, String(planId)]) {
      const r = await loadProgressTable(ctx.store.db, { plan, period: '2024q2', today });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.title).toBe('2024年临安区政府工作报告重点工作任务二季度进展情况表');
      expect(r.value.rows.map(taskFields)).toEqual(expectedTasks(gold));
      expect(r.value.rows.map((x) => x.status)).toEqual(gold.map((g) => g.status));
    }
  });

  it('gives each row a light: red behind, grey pending, red for a report missing after the due date', async () => {
    const r = await loadProgressTable(ctx.store.db, { plan: PLAN_TITLE, period: '2024Q2', today, withStatus: true });
    if (!r.ok) throw new Error(r.error.message);
    const light = (seq: number) => r.value.rows.find((x) => x.seq === seq)!.light;
    expect([light(1), light(2), light(3), light(5), light(10)]).toEqual(['red', 'grey', 'green', 'red', 'green']);
    const early = await loadProgressTable(ctx.store.db, { plan: PLAN_TITLE, period: '2024Q2', today: '2024-07-01' });
    expect(early.ok && early.value.rows.find((x) => x.seq === 5)!.light).toBe('grey'); // not yet due
  });

  it('filters by status, by unit (lead or co-lead) and by leader', async () => {
    const db = ctx.store.db;
    const base = { plan: PLAN_TITLE, period: '2024Q2', today };
    // Task 4 behind in its returned report prints as no report: 1 behind, 4 returned, 5 empty.
    expect(seqs(await loadProgressTable(db, { ...base, statuses: ['behind', 'no_report'] }))).toEqual([1, 4, 5]);
    expect(seqs(await loadProgressTable(db, { ...base, unit: '区民政局' }))).toEqual([3, 11, 12]);
    expect(seqs(await loadProgressTable(db, { ...base, leader: '王建国' }))).toEqual([1, 2, 6, 11]);
    expect(seqs(await loadProgressTable(db, { ...base, leader: '王建国', statuses: ['done'] }))).toEqual([11]);
  });

  it('refuses unknown plans, periods, units and leaders, and an empty selection', async () => {
    const db = ctx.store.db;
    const base = { plan: PLAN_TITLE, period: '2024Q2', today };
    const code = async (p: Promise<{ ok: boolean; error?: { code: string; message: string } }>) => {
      const r = await p;
      return r.ok ? 'ok' : `${r.error!.code}: ${r.error!.message}`;
    };
    expect(await code(loadProgressTable(db, { ...base, plan: '2024年不存在的计划' }))).toMatch(
      /^not_found: no plan “2024年不存在的计划”/,
    );
    expect(await code(loadProgressTable(db, { ...base, period: '2024Q3' }))).toMatch(
      /^not_found: .*has no period 2024Q3/,
    );
    expect(await code(loadProgressTable(db, { ...base, period: '下个季度' }))).toMatch(/^bad_input: /);
    expect(await code(loadProgressTable(db, { ...base, unit: '区外事办' }))).toMatch(
      /^not_found: no unit named “区外事办”/,
    );
    expect(await code(loadProgressTable(db, { ...base, leader: '不存在' }))).toMatch(/^not_found: no leader/);
    expect(await code(loadProgressTable(db, { ...base, unit: '区交通运输局', statuses: ['behind'] }))).toMatch(
      /^not_found: no tasks in scope/,
    );
  });

  it("builds a leader's briefing with last quarter's statuses and this quarter's new figures", async () => {
    const r = await loadBriefing(ctx.store.db, { plan: PLAN_TITLE, period: '2024Q2', leader: '陈志远', today });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.previousPeriodLabel).toBe('2024Q1');
    expect(r.value.tasks.map((t) => t.seq)).toEqual([4, 5, 6, 7]);
    expect(r.value.tasks.map((t) => t.previousStatus)).toEqual([4, 5, 6, 7].map((s) => Q1_STATUS[s]));
    const figures = Object.fromEntries(
      r.value.tasks.map((t) => [t.seq, t.newFigures.map((f) => `${f.metric}=${f.actual}${f.unit}`)]),
    );
    expect(figures).toEqual({ 4: [], 5: [], 6: [], 7: ['完成改造=87座'] });
    const first = await loadBriefing(ctx.store.db, { plan: PLAN_TITLE, period: '2024Q1', leader: '陈志远', today });
    expect(first.ok && first.value.previousPeriodLabel).toBeNull();
  });

  it("lists a unit's tasks without a submitted report once the due date has passed", async () => {
    const r = await loadNotice(ctx.store.db, { plan: PLAN_TITLE, period: '2024Q2', unit: '区农业农村局', today });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.tasks.map((t) => [t.seq, t.state, t.reminders, t.dueDate])).toEqual([
      [4, 'returned', 2, '2024-07-10'],
      [5, null, 0, '2024-07-10'],
    ]);
    const early = await loadNotice(ctx.store.db, {
      plan: PLAN_TITLE,
      period: '2024Q2',
      unit: '区农业农村局',
      today: '2024-07-10',
    });
    expect(early.ok ? 'ok' : early.error.message).toMatch(/nothing is overdue yet/);
    const none = await loadNotice(ctx.store.db, { plan: PLAN_TITLE, period: '2024Q2', unit: '区教育局', today });
    expect(none.ok ? 'ok' : none.error.message).toMatch(/no overdue task/);
  });

  it('compares two quarters: moved up, moved down, unchanged', async () => {
    const r = await loadDiff(ctx.store.db, { plan: PLAN_TITLE, from: '2024Q1', to: '2024Q2' });
    if (!r.ok) throw new Error(r.error.message);
    // Expected moves derived from the two status tables, not typed in.
    const rank = { done: 4, on_track: 3, pending: 2, behind: 1, no_report: 0 } as const;
    const up = gold.filter((g) => rank[g.status!] > rank[Q1_STATUS[g.seq]]).map((g) => g.seq);
    const down = gold.filter((g) => rank[g.status!] < rank[Q1_STATUS[g.seq]]).map((g) => g.seq);
    expect(r.value.up.map((m) => m.seq)).toEqual(up);
    expect(r.value.down.map((m) => m.seq)).toEqual(down);
    expect(r.value.same).toBe(gold.length - up.length - down.length);
    expect(up.length * down.length).toBeGreaterThan(0);
    expect(r.value.new).toEqual([]);
  });
});
