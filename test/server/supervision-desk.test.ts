// The overdue desk through the API: one row per unit with its overdue task count, longest delay,
// reminders and escalations; totals that count tasks, not unit × task pairs; units in official
// order (序列, else pinyin); sorting, filters (leader, theme, 督办单 level) and paging done on the
// server; a leader sees only their tasks; a unit row opens its tasks.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../src/store/supervision-ladder.js';
import { describeEachStore } from '../helpers/stores.js';
import { login, seed, testApp, type Client, type Seed } from './helpers.js';

const DUE = '2023-01-10';
const today = () => new Date().toISOString().slice(0, 10);
const daysSince = (date: string) => Math.round((Date.parse(today()) - Date.parse(date)) / 86_400_000);

describeEachStore('overdue desk API', (ctx) => {
  let app: FastifyInstance;
  let s: Seed;
  let admin: Client;
  let tao: Client;
  let desk: (query?: string) => Promise<{
    items: {
      unit: { id: number; name: string };
      overdueTasks: number;
      maxDaysOverdue: number;
      reminders: number;
      escalated: number;
      topLevel: string | null;
    }[];
    total: number;
    totalTasks: number;
  }>;

  beforeAll(async () => {
    s = await seed(ctx.store, { q4Due: DUE });
    // The road task is led by both bureaus: two unit rows, one task.
    await ctx.store.db
      .updateTable('task_units')
      .set({ role: 'lead' })
      .where('task_id', '=', s.tasks.road)
      .where('unit_id', '=', s.units.fagai)
      .execute();
    app = await testApp(ctx.store);
    admin = await login(app, 'admin');
    tao = await login(app, 'taofeng');
    desk = async (query = '') =>
      (await admin.request({ method: 'GET', url: `/api/overdue/desk?periodId=${s.periods.q4}${query}` })).json();
  });
  afterAll(async () => app?.close());

  it('gives one row per unit and counts tasks, not unit × task pairs', async () => {
    const page = await desk();
    expect(page.total).toBe(2);
    expect(page.totalTasks).toBe(3);
    expect(page.items.map((r) => [r.unit.name, r.overdueTasks])).toEqual([
      ['区发展改革局', 2],
      ['区建设局', 2],
    ]);
    expect(page.items[0].maxDaysOverdue).toBe(daysSince(DUE));
  });

  it('puts units with a 序列 first, in that order, before the rest by pinyin', async () => {
    const order = (unitIds: number[]) =>
      admin.request({ method: 'PUT', url: '/api/units/order', payload: { unitIds } });
    expect((await order([s.units.jianshe])).statusCode).toBe(200);
    expect((await desk()).items.map((r) => r.unit.name)).toEqual(['区建设局', '区发展改革局']);
    expect((await order([s.units.jianshe, 999999])).statusCode).toBe(404);
    expect((await tao.request({ method: 'PUT', url: '/api/units/order', payload: { unitIds: [] } })).statusCode).toBe(
      403,
    );
    await order([]);
    expect((await desk()).items.map((r) => r.unit.name)).toEqual(['区发展改革局', '区建设局']);
  });

  it('counts reminders and escalations, sorts by them, and a later due date by extension drops a task', async () => {
    for (let i = 0; i < 2; i++)
      await admin.request({
        method: 'POST',
        url: '/api/reminders',
        payload: { taskId: s.tasks.school, periodId: s.periods.q4, message: `第${i + 1}次催办：请报送` },
      });
    const sorted = await desk('&sort=reminders&order=desc');
    expect(sorted.items[0]).toMatchObject({ unit: { name: '区建设局' }, reminders: 2, escalated: 1 });
    const ext = await ctx.store.db
      .insertInto('extensions')
      .values({
        task_id: s.tasks.gdp,
        period_id: s.periods.q4,
        unit_id: s.units.fagai,
        requested_by: null,
        reason: '统计数据尚未发布',
        requested_due: addDays(today(), 30),
        state: 'approved',
        decided_by: null,
        decided_at: null,
        decision_comment: null,
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await desk()).items.find((r) => r.unit.name === '区发展改革局')?.overdueTasks).toBe(1);
    await ctx.store.db.deleteFrom('extensions').where('id', '=', ext.id).execute();
  });

  it('filters by leader, theme and 督办单 level, and pages on the server', async () => {
    const byXu = await desk(`&leaderId=${s.leaders.xu}`);
    expect(byXu.totalTasks).toBe(2);
    expect(byXu.items.map((r) => [r.unit.name, r.overdueTasks])).toEqual([
      ['区发展改革局', 1],
      ['区建设局', 2],
    ]);
    expect((await desk('&themeId=999999')).total).toBe(0);
    await admin.request({
      method: 'POST',
      url: '/api/supervision',
      payload: {
        planId: s.planId,
        unitId: s.units.fagai,
        taskIds: [s.tasks.gdp],
        level: 'key',
        deadline: addDays(today(), 5),
        feedbackRequired: '说明经济指标滞后原因',
      },
    });
    const key = await desk('&urgency=key');
    expect(key.items).toEqual([
      expect.objectContaining({
        unit: expect.objectContaining({ name: '区发展改革局' }),
        overdueTasks: 1,
        topLevel: 'key',
      }),
    ]);
    expect((await desk('&urgency=none')).totalTasks).toBe(2);
    const second = await desk('&pageSize=1&page=2');
    expect(second.total).toBe(2);
    expect(second.items.map((r) => r.unit.name)).toEqual(['区建设局']);
  });

  it('shows a leader only the tasks they lead, whatever leader they ask for', async () => {
    const page = (
      await tao.request({ method: 'GET', url: `/api/overdue/desk?periodId=${s.periods.q4}&leaderId=${s.leaders.xu}` })
    ).json();
    expect(page.totalTasks).toBe(1);
    expect(page.items.map((r: { unit: { name: string } }) => r.unit.name)).toEqual(['区发展改革局']);
  });

  it('opens a unit row as its tasks, longest delay first, with reminders and notice level', async () => {
    const tasks = (
      await admin.request({ method: 'GET', url: `/api/overdue/desk/${s.units.jianshe}?periodId=${s.periods.q4}` })
    ).json();
    expect(tasks.map((t: { seq: number }) => t.seq)).toEqual([2, 3]);
    expect(tasks[0]).toMatchObject({ reminders: 2, escalated: true, daysOverdue: daysSince(DUE), noticeLevel: null });
  });

  it('is closed to units', async () => {
    const unit = await login(app, 'fagai');
    expect((await unit.request({ method: 'GET', url: `/api/overdue/desk?periodId=${s.periods.q4}` })).statusCode).toBe(
      403,
    );
  });
});
