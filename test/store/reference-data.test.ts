import { expect, it } from 'vitest';
import { listAudit, SYSTEM_ACTOR } from '../../src/store/audit.js';
import { createLeader, ensureLeader, listLeaders, updateLeader } from '../../src/store/leaders.js';
import { getPeriod, listPeriods, openPeriod, setDueDate, setPeriodState } from '../../src/store/periods.js';
import { createPlan, findPlanByTitle, getPlan, listPlans, listThemes } from '../../src/store/plans.js';
import { planInfoFromTitle } from '../../src/parse/plan-title.js';
import { createUnit, ensureUnit, listUnits, updateUnit } from '../../src/store/units.js';
import { importParsedTable } from '../../src/store/import.js';
import { describeEachStore } from '../helpers/stores.js';
import { smallTable } from '../fixtures/store/small-plan.js';

const admin = { id: null, name: '督查科' };

describeEachStore('units and leaders', (ctx) => {
  it('finds a unit by name instead of creating it twice', async () => {
    const a = await ensureUnit(ctx.store.db, '区教育局');
    const b = await ensureUnit(ctx.store.db, ' 区教育局 ');
    expect(b).toBe(a);
    expect((await listUnits(ctx.store.db)).filter((u) => u.name === '区教育局')).toHaveLength(1);
  });

  it('creates and renames a unit with a parent, auditing both, and refuses a duplicate name', async () => {
    const parent = await createUnit(ctx.store.db, admin, { name: '区卫生健康局' });
    const child = await createUnit(ctx.store.db, admin, { name: '区疾控中心', parentId: parent.id });
    expect(child).toMatchObject({ name: '区疾控中心', parentId: parent.id });
    const renamed = await updateUnit(ctx.store.db, admin, child.id, { name: '区疾病预防控制中心' });
    expect(renamed.name).toBe('区疾病预防控制中心');
    await expect(createUnit(ctx.store.db, admin, { name: '区卫生健康局' })).rejects.toMatchObject({ code: 'conflict' });
    const audit = await listAudit(ctx.store.db, { entity: 'unit', entityId: child.id });
    expect(audit.items.map((a) => a.action)).toEqual(['unit.update', 'unit.create']);
    expect(audit.items[0].before).toMatchObject({ name: '区疾控中心' });
  });

  it('creates, lists and updates leaders', async () => {
    const id = await ensureLeader(ctx.store.db, '陶峰');
    expect(await ensureLeader(ctx.store.db, '陶峰')).toBe(id);
    const l = await createLeader(ctx.store.db, admin, { name: '马于惠', title: '副区长' });
    await updateLeader(ctx.store.db, admin, l.id, { title: '常务副区长' });
    expect((await listLeaders(ctx.store.db)).find((x) => x.id === l.id)).toEqual({
      id: l.id,
      name: '马于惠',
      title: '常务副区长',
    });
  });
});

describeEachStore('plans and periods', (ctx) => {
  it('creates a plan and finds it by title', async () => {
    const plan = await createPlan(ctx.store.db, admin, {
      title: '2024年萧山区政府工作报告重点工作任务',
      region: '萧山区',
      year: 2024,
    });
    expect(await findPlanByTitle(ctx.store.db, '2024年萧山区政府工作报告重点工作任务')).toEqual(plan);
    expect(await getPlan(ctx.store.db, plan.id)).toMatchObject({ region: '萧山区', year: 2024, taskCount: 0 });
    expect((await listPlans(ctx.store.db)).map((p) => p.id)).toContain(plan.id);
  });

  it('opening a period creates one empty report per task, and closing it is audited', async () => {
    const summary = await importParsedTable(ctx.store, SYSTEM_ACTOR, {
      table: smallTable(),
      fileName: 'q1.txt',
      sha256: 'x1',
    });
    const period = await openPeriod(ctx.store.db, admin, {
      planId: summary.planId,
      label: '2024年二季度',
      dueDate: '2024-07-10',
    });
    expect(period).toMatchObject({
      label: '2024Q2',
      startDate: '2024-04-01',
      endDate: '2024-06-30',
      dueDate: '2024-07-10',
      state: 'open',
    });
    const reports = await ctx.store.db.selectFrom('reports').selectAll().where('period_id', '=', period.id).execute();
    expect(reports).toHaveLength(5);
    expect(
      reports.every((r) => r.text === '' && r.state === 'draft' && r.status === 'no_report' && r.version === 1),
    ).toBe(true);
    await expect(openPeriod(ctx.store.db, admin, { planId: summary.planId, label: '2024Q2' })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(openPeriod(ctx.store.db, admin, { planId: summary.planId, label: '明年' })).rejects.toMatchObject({
      code: 'bad_input',
    });

    expect((await listPeriods(ctx.store.db, summary.planId)).map((p) => p.label)).toEqual(['2024Q2', '2024Q1']);
    await setPeriodState(ctx.store.db, admin, period.id, 'closed');
    await setDueDate(ctx.store.db, admin, period.id, '2024-07-15');
    expect(await getPeriod(ctx.store.db, period.id)).toMatchObject({ state: 'closed', dueDate: '2024-07-15' });
    const audit = await listAudit(ctx.store.db, { entity: 'period', entityId: period.id });
    expect(audit.items.map((a) => a.action)).toEqual(['period.due_date', 'period.close', 'period.open']);
  });

  it('lists themes with their categories in table order', async () => {
    const plan = await findPlanByTitle(ctx.store.db, planInfoFromTitle(smallTable().title).title);
    const themes = await listThemes(ctx.store.db, plan!.id);
    expect(themes.map((t) => [t.name, t.categories.map((c) => c.name)])).toEqual([
      ['主要经济指标', []],
      ['做强先进制造业', ['生物医药', '新能源']],
    ]);
  });
});
