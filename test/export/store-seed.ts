// Puts a small plan into a store with plain Kysely inserts: the Lin'an half-year fixture as the
// second quarter, an earlier first quarter with other statuses and figures, units, leaders,
// reminders. Returns the ids the tests refer to.
import type { Kysely } from 'kysely';
import type { Assessment, Status } from '../../src/domain/index.js';
import type { ProgressRow } from '../../src/export/model.js';
import type { DB } from '../../src/store/schema.js';
import { goldRows } from './seed.js';

export const PLAN_TITLE = '2024年临安区政府工作报告重点工作任务';
const AT = '2024-07-01T00:00:00.000Z';

/** Statuses of the first quarter, by seq; the second quarter's come from the fixture. */
export const Q1_STATUS: Record<number, Status> = {
  1: 'on_track',
  2: 'pending',
  3: 'behind',
  4: 'on_track',
  5: 'on_track',
  6: 'on_track',
  7: 'behind',
  8: 'on_track',
  9: 'on_track',
  10: 'done',
  11: 'on_track',
  12: 'done',
};
/**
 * Report states of the second quarter: what has been submitted by the due date. Only handed-in
 * reports are published (task 4 was returned, task 5 is an empty draft: both print as 未报送).
 */
export const Q2_STATE: Record<number, 'draft' | 'submitted' | 'returned' | 'approved'> = {
  1: 'approved',
  2: 'submitted',
  3: 'submitted',
  4: 'returned',
  5: 'draft',
  6: 'submitted',
  7: 'approved',
  8: 'approved',
  9: 'submitted',
  10: 'approved',
  11: 'approved',
  12: 'submitted',
};

/**
 * The gold table as the office publishes it from this seed: a report not handed in (returned, draft)
 * prints no progress and 未报送.
 */
export function asPublished(rows: ProgressRow[]): ProgressRow[] {
  return rows.map((r) =>
    Q2_STATE[r.seq] === 'submitted' || Q2_STATE[r.seq] === 'approved'
      ? r
      : { ...r, progress: '', status: 'no_report', reason: '未提交' },
  );
}

const assessment = (status: Status, reason: string, figures: Array<[string, number, string, string]> = []): string =>
  JSON.stringify({
    status,
    reason,
    indicators: figures.map(([metric, actual, unit, period]) => ({
      metric,
      kind: 'amount',
      direction: 'at_least',
      target: actual * 2,
      floor: actual * 2,
      unit,
      actual,
      actual_period: period,
      source: { target: { start: 0, end: 1 }, actual: { start: 0, end: 1 } },
    })),
  } satisfies Assessment);

export async function seedPlan(
  db: Kysely<DB>,
): Promise<{ planId: number; q1: number; q2: number; taskIds: Map<number, number> }> {
  const rows = goldRows('../fixtures/export/linan-2024-h1.gold.json');
  const { id: planId } = await db
    .insertInto('plans')
    .values({ region: '临安区', year: 2024, title: PLAN_TITLE, created_at: AT })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids = {
    theme: new Map<string, number>(),
    category: new Map<string, number>(),
    leader: new Map<string, number>(),
    unit: new Map<string, number>(),
  };
  const ensure = async (kind: 'leader' | 'unit', name: string) => {
    if (!ids[kind].has(name)) {
      const table = kind === 'leader' ? 'leaders' : 'units';
      const { id } = await db
        .insertInto(table)
        .values({ name, created_at: AT })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids[kind].set(name, id);
    }
    return ids[kind].get(name)!;
  };
  const q = async (label: string, start: string, end: string, due: string) =>
    (
      await db
        .insertInto('periods')
        .values({
          plan_id: planId,
          label,
          start_date: start,
          end_date: end,
          due_date: due,
          state: 'closed',
          created_at: AT,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const q1 = await q('2024Q1', '2024-01-01', '2024-03-31', '2024-04-10');
  const q2 = await q('2024Q2', '2024-04-01', '2024-06-30', '2024-07-10');
  const taskIds = new Map<number, number>();
  for (const r of rows) {
    let themeId: number | null = null;
    let categoryId: number | null = null;
    if (r.theme) {
      if (!ids.theme.has(r.theme))
        ids.theme.set(
          r.theme,
          (
            await db
              .insertInto('themes')
              .values({ plan_id: planId, name: r.theme, position: ids.theme.size })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
        );
      themeId = ids.theme.get(r.theme)!;
      if (r.category) {
        const key = `${r.theme}/${r.category}`;
        if (!ids.category.has(key))
          ids.category.set(
            key,
            (
              await db
                .insertInto('categories')
                .values({ theme_id: themeId, name: r.category, position: ids.category.size })
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id,
          );
        categoryId = ids.category.get(key)!;
      }
    }
    const { id: taskId } = await db
      .insertInto('tasks')
      .values({
        plan_id: planId,
        seq: r.seq,
        theme_id: themeId,
        category_id: categoryId,
        target: r.target,
        created_at: AT,
        updated_at: AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    taskIds.set(r.seq, taskId);
    // Inserted out of printed order on purpose: the position decides the order, not the row id.
    for (const [position, name] of [...r.leaders.entries()].reverse())
      await db
        .insertInto('task_leaders')
        .values({ task_id: taskId, leader_id: await ensure('leader', name), position })
        .execute();
    for (const [position, name] of [...r.units.entries()].reverse())
      await db
        .insertInto('task_units')
        .values({ task_id: taskId, unit_id: await ensure('unit', name), role: 'lead', position })
        .execute();
    const report = (periodId: number, text: string, status: Status, reason: string, state: string, json: string) => ({
      task_id: taskId,
      period_id: periodId,
      state: state as 'draft',
      text,
      version: 1,
      machine_status: status,
      // reports.status is what the office publishes: a draft or returned report counts as no report.
      status: state === 'submitted' || state === 'approved' ? status : 'no_report',
      reason,
      assessment: json,
      created_at: AT,
      updated_at: AT,
    });
    const q1Figures: Array<[string, number, string, string]> = r.seq === 7 ? [['完成改造', 30, '座', '一季度']] : [];
    const q2Figures: Array<[string, number, string, string]> =
      r.seq === 7 ? [['完成改造', 87, '座', '截至目前']] : r.seq === 4 ? [['高标准农田', 11000, '亩', '截至目前']] : [];
    await db
      .insertInto('reports')
      .values(
        report(
          q1,
          `一季度进展${r.seq}`,
          Q1_STATUS[r.seq],
          `一季度理由${r.seq}`,
          'approved',
          assessment(Q1_STATUS[r.seq], '', q1Figures),
        ),
      )
      .execute();
    const { status, reason } = r;
    if (!status || reason === undefined) throw new Error(`the fixture gives task ${r.seq} no status or reason`);
    await db
      .insertInto('reports')
      .values(report(q2, r.progress, status, reason, Q2_STATE[r.seq], assessment(status, reason, q2Figures)))
      .execute();
  }
  // 区民政局 co-leads task 3 (a co-unit is not printed in 牵头单位, but the unit's export includes the task).
  await db
    .insertInto('task_units')
    .values({ task_id: taskIds.get(3)!, unit_id: await ensure('unit', '区民政局'), role: 'co', position: 9 })
    .execute();
  await db
    .insertInto('reminders')
    .values({
      task_id: taskIds.get(4)!,
      period_id: q2,
      unit_id: ids.unit.get('区农业农村局')!,
      message: '请尽快报送',
      created_at: AT,
    })
    .execute();
  await db
    .insertInto('reminders')
    .values({
      task_id: taskIds.get(4)!,
      period_id: q2,
      unit_id: ids.unit.get('区农业农村局')!,
      message: '再次催办',
      created_at: AT,
    })
    .execute();
  return { planId, q1, q2, taskIds };
}
