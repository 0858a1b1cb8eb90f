// The demo lives in today: this year's plan, the current quarter open with its due date ahead,
// the earlier periods before it, and the bundled 2023 table's years moved to the plan's year.
import { expect, it } from 'vitest';
import { demoCalendar, shiftYears } from '../../src/server/demo-calendar.js';
import { seedDemo } from '../../src/server/demo.js';
import { describeEachStore } from '../helpers/stores.js';

it('puts the open period in the current quarter, due after it ends, with the two quarters before it', () => {
  expect(demoCalendar(new Date('2026-12-06T08:00:00Z'))).toEqual({
    year: 2026,
    shift: 3,
    open: { label: '2026Q4', due: '2027-01-10' },
    table: { label: '2026Q3', due: '2026-10-10' },
    earlier: { label: '2026Q2', due: '2026-07-10' },
  });
});

it('goes back into the previous year in the first quarter', () => {
  const c = demoCalendar(new Date('2027-02-15T00:00:00Z'));
  expect([c.earlier.label, c.table.label, c.open.label]).toEqual(['2026Q3', '2026Q4', '2027Q1']);
  expect(c.open.due).toBe('2027-04-10');
});

it('moves the years of titles and texts, and nothing else', () => {
  expect(shiftYears('2023年钱塘区政府工作报告重点工作任务', 3)).toBe('2026年钱塘区政府工作报告重点工作任务');
  expect(shiftYears('较2022年增长8%，2024 年完成20公里', 3)).toBe('较2025年增长8%，2027 年完成20公里');
  expect(shiftYears('新增学位2023个', 3)).toBe('新增学位2023个');
});

describeEachStore('the demo in today', (ctx) => {
  it('seeds this year’s plan with the current quarter open and its due date ahead', async () => {
    const today = new Date();
    const cal = demoCalendar(today);
    const demo = await seedDemo(ctx.store, () => {}, today);
    const plan = await ctx.store.db
      .selectFrom('plans')
      .select(['year', 'title'])
      .where('id', '=', demo.planId)
      .executeTakeFirstOrThrow();
    expect(plan.year).toBe(today.getUTCFullYear());
    expect(plan.title.startsWith(`${today.getUTCFullYear()}年`)).toBe(true);
    const open = await ctx.store.db
      .selectFrom('periods')
      .select(['label', 'due_date'])
      .where('plan_id', '=', demo.planId)
      .where('state', '=', 'open')
      .execute();
    expect(open).toEqual([{ label: cal.open.label, due_date: cal.open.due }]);
    expect(open[0].due_date! > today.toISOString().slice(0, 10)).toBe(true);
    const again = await seedDemo(ctx.store, () => {}, today);
    expect(again).toMatchObject({ created: false, planId: demo.planId });
  }, 180_000);
});
