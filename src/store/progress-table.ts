// Read queries behind publishing (src/export/load.ts): a plan's tasks with theme, category,
// leaders, lead units and one period's report, filtered by status, unit or leader; the names
// and periods a command line refers to; and the reminders for a 催办通知. Dialect-agnostic Kysely.
import type { Kysely } from 'kysely';
import { isStatus, parsePeriod, type Status } from '../domain/index.js';
import { publishedStatesNow } from './reports.js';
import type { DB } from './schema.js';
import { taskHasLeader, taskHasUnit } from './task-links.js';

export interface PlanRef {
  id: number;
  title: string;
  region: string;
  year: number;
}
export interface PeriodRef {
  id: number;
  planId: number;
  label: string;
  startDate: string;
  endDate: string;
  dueDate: string | null;
}

/** A plan by id (a number, or a string of digits no plan is titled) or by exact title. */
export async function resolvePlan(db: Kysely<DB>, ref: string | number): Promise<PlanRef | null> {
  const q = db.selectFrom('plans').select(['id', 'title', 'region', 'year']);
  if (typeof ref === 'string') {
    const byTitle = await q.where('title', '=', ref.trim()).executeTakeFirst();
    if (byTitle || !/^\d+$/.test(ref.trim())) return byTitle ?? null;
  }
  return (await q.where('id', '=', Number(ref)).executeTakeFirst()) ?? null;
}

const periodColumns = ['id', 'plan_id', 'label', 'start_date', 'end_date', 'due_date'] as const;
const toPeriod = (r: {
  id: number;
  plan_id: number;
  label: string;
  start_date: string;
  end_date: string;
  due_date: string | null;
}): PeriodRef => ({
  id: r.id,
  planId: r.plan_id,
  label: r.label,
  startDate: r.start_date,
  endDate: r.end_date,
  dueDate: r.due_date,
});

/** A period of the plan by id or by label (loosely spelt: `2023q4`, `2023年四季度`). */
export async function resolvePeriod(db: Kysely<DB>, planId: number, ref: string | number): Promise<PeriodRef | null> {
  const q = db.selectFrom('periods').select(periodColumns).where('plan_id', '=', planId);
  const row =
    typeof ref === 'number'
      ? await q.where('id', '=', ref).executeTakeFirst()
      : await q.where('label', '=', parsePeriod(ref)?.label ?? ref.trim()).executeTakeFirst();
  return row ? toPeriod(row) : null;
}

/** The plan's period that ended last before this one began, or null for the first period. */
export async function previousPeriod(db: Kysely<DB>, period: PeriodRef): Promise<PeriodRef | null> {
  const row = await db
    .selectFrom('periods')
    .select(periodColumns)
    .where('plan_id', '=', period.planId)
    .where('end_date', '<', period.startDate)
    .orderBy('end_date', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toPeriod(row) : null;
}

/** A leader or unit by id or exact name. */
export async function resolveNamed(
  db: Kysely<DB>,
  table: 'leaders' | 'units',
  ref: string | number,
): Promise<{ id: number; name: string } | null> {
  const q = db.selectFrom(table).select(['id', 'name']);
  if (typeof ref === 'string') {
    const byName = await q.where('name', '=', ref.trim()).executeTakeFirst();
    if (byName || !/^\d+$/.test(ref.trim())) return byName ?? null;
  }
  return (await q.where('id', '=', Number(ref)).executeTakeFirst()) ?? null;
}

export interface ProgressFilter {
  planId: number;
  periodId: number;
  statuses?: Status[];
  /** Tasks this unit leads or co-leads. */
  unitId?: number;
  /** Tasks this leader leads. */
  leaderId?: number;
  /** Tasks of this theme (任务板块) / this category (二级分类). */
  themeId?: number;
  categoryId?: number;
  /** Only these tasks (ids), e.g. the previous period's rows of a briefing. */
  taskIds?: number[];
}

export interface ProgressTableRow {
  taskId: number;
  seq: number;
  theme: string | null;
  category: string | null;
  target: string;
  leaders: string[];
  units: string[];
  progress: string;
  status: Status;
  reason: string;
  /** The stored Assessment JSON, or null without a report. */
  assessment: string | null;
  reportState: string | null;
}

/** The tasks of a plan in seq order with their report for a period (no report: `no_report`). */
export async function listProgressRows(db: Kysely<DB>, f: ProgressFilter): Promise<ProgressTableRow[]> {
  let q = db
    .selectFrom('tasks as t')
    .leftJoin('themes as th', 'th.id', 't.theme_id')
    .leftJoin('categories as c', 'c.id', 't.category_id')
    .leftJoin('reports as r', (j) => j.onRef('r.task_id', '=', 't.id').on('r.period_id', '=', f.periodId))
    .select([
      't.id as taskId',
      't.seq',
      'th.name as theme',
      'c.name as category',
      't.target',
      'r.text',
      'r.status',
      'r.reason',
      'r.assessment',
      'r.state',
    ])
    .where('t.plan_id', '=', f.planId);
  if (f.unitId != null) q = q.where(taskHasUnit('t.id', f.unitId));
  if (f.leaderId != null) q = q.where(taskHasLeader('t.id', f.leaderId));
  if (f.themeId != null) q = q.where('t.theme_id', '=', f.themeId);
  if (f.categoryId != null) q = q.where('t.category_id', '=', f.categoryId);
  if (f.taskIds) {
    if (f.taskIds.length === 0) return [];
    q = q.where('t.id', 'in', f.taskIds);
  }
  const rows = await q.orderBy('t.seq').execute();
  const [leaders, units] = await Promise.all([namesOf(db, f.planId, 'leaders'), namesOf(db, f.planId, 'units')]);
  const published = await publishedStatesNow(db);
  const out = rows.map((r): ProgressTableRow => {
    // Only a handed-in report is printed: a draft or returned one is still its unit's (未提交).
    const shown = r.state != null && published.includes(r.state);
    return {
      taskId: r.taskId,
      seq: r.seq,
      theme: r.theme,
      category: r.category,
      target: r.target,
      leaders: leaders.get(r.taskId) ?? [],
      units: units.get(r.taskId) ?? [],
      progress: shown ? (r.text ?? '') : '',
      status: shown && isStatus(r.status) ? r.status : 'no_report',
      reason: shown ? (r.reason ?? '') : r.state === 'submitted' ? '待审核' : r.state ? '未提交' : '',
      assessment: shown ? r.assessment : null,
      reportState: r.state,
    };
  });
  return f.statuses ? out.filter((r) => f.statuses!.includes(r.status)) : out;
}

/** Leader names (or lead-unit names) per task of a plan, in their printed order. */
async function namesOf(db: Kysely<DB>, planId: number, kind: 'leaders' | 'units'): Promise<Map<number, string[]>> {
  const rows =
    kind === 'leaders'
      ? await db
          .selectFrom('task_leaders as x')
          .innerJoin('tasks as t', 't.id', 'x.task_id')
          .innerJoin('leaders as n', 'n.id', 'x.leader_id')
          .select(['x.task_id', 'n.name', 'x.position'])
          .where('t.plan_id', '=', planId)
          .orderBy('x.task_id')
          .orderBy('x.position')
          .execute()
      : await db
          .selectFrom('task_units as x')
          .innerJoin('tasks as t', 't.id', 'x.task_id')
          .innerJoin('units as n', 'n.id', 'x.unit_id')
          .select(['x.task_id', 'n.name', 'x.position'])
          .where('t.plan_id', '=', planId)
          .where('x.role', '=', 'lead')
          .orderBy('x.task_id')
          .orderBy('x.position')
          .execute();
  const map = new Map<number, string[]>();
  for (const r of rows) {
    const list = map.get(r.task_id) ?? [];
    list.push(r.name);
    map.set(r.task_id, list);
  }
  return map;
}

export interface UnsubmittedTask {
  taskId: number;
  seq: number;
  target: string;
  leaders: string[];
  state: string | null;
  reminders: number;
}

/** Tasks the unit leads whose report for the period is not submitted or approved, with reminder counts. */
export async function listUnsubmitted(
  db: Kysely<DB>,
  planId: number,
  periodId: number,
  unitId: number,
): Promise<UnsubmittedTask[]> {
  const rows = await db
    .selectFrom('tasks as t')
    .innerJoin('task_units as tu', (j) =>
      j.onRef('tu.task_id', '=', 't.id').on('tu.unit_id', '=', unitId).on('tu.role', '=', 'lead'),
    )
    .leftJoin('reports as r', (j) => j.onRef('r.task_id', '=', 't.id').on('r.period_id', '=', periodId))
    .select(['t.id as taskId', 't.seq', 't.target', 'r.state', 'r.text'])
    .select((eb) =>
      eb
        .selectFrom('reminders as m')
        .whereRef('m.task_id', '=', 't.id')
        .where('m.period_id', '=', periodId)
        .where('m.unit_id', '=', unitId)
        .select(eb.fn.countAll<number>().as('n'))
        .as('reminders'),
    )
    .where('t.plan_id', '=', planId)
    .where('t.closed_at', 'is', null)
    .where((eb) => eb.or([eb('r.state', 'is', null), eb('r.state', 'not in', ['submitted', 'approved'])]))
    .orderBy('t.seq')
    .execute();
  const leaders = await namesOf(db, planId, 'leaders');
  return rows.map((r) => ({
    taskId: r.taskId,
    seq: r.seq,
    target: r.target,
    leaders: leaders.get(r.taskId) ?? [],
    // A draft nobody has written in is the empty report a period opens with: nothing was written.
    state: r.state == null || (r.state === 'draft' && !r.text) ? null : r.state,
    reminders: Number(r.reminders ?? 0),
  }));
}

/**
 * Why a filter of the plan's tasks names something that is not there (a theme or category of
 * another plan, a category outside the chosen theme, an unknown unit or leader), or null when
 * every reference holds. The web app's export sends ids; a wrong one is the caller's mistake.
 */
export async function filterProblem(
  db: Kysely<DB>,
  planId: number,
  f: { themeId?: number; categoryId?: number; unitId?: number; leaderId?: number },
): Promise<string | null> {
  if (f.themeId != null) {
    const theme = await db
      .selectFrom('themes')
      .select('id')
      .where('id', '=', f.themeId)
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    if (!theme) return `任务板块 ${f.themeId} 不属于该计划`;
  }
  if (f.categoryId != null) {
    const category = await db
      .selectFrom('categories as c')
      .innerJoin('themes as th', 'th.id', 'c.theme_id')
      .select(['c.id', 'c.theme_id'])
      .where('c.id', '=', f.categoryId)
      .where('th.plan_id', '=', planId)
      .executeTakeFirst();
    if (!category) return `二级分类 ${f.categoryId} 不属于该计划`;
    if (f.themeId != null && category.theme_id !== f.themeId) return `二级分类 ${f.categoryId} 不属于所选任务板块`;
  }
  if (f.unitId != null && !(await resolveNamed(db, 'units', f.unitId))) return `单位 ${f.unitId} 不存在`;
  if (f.leaderId != null && !(await resolveNamed(db, 'leaders', f.leaderId))) return `领导 ${f.leaderId} 不存在`;
  return null;
}
