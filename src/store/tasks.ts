// Task lists and single tasks, shaped as docs/API.md's TaskListItem. Filtering (plan, period,
// theme, category, leader, unit, status, the caller's scope) happens in SQL; the search `q` and the
// traffic-light filter narrow a plan's tasks (a few hundred at most) after SQL has filtered them.
import { sql, type Kysely } from 'kysely';
import { DubanError, type Assessment, type Status } from '../domain/index.js';
import { lightOf, type Light, type LightThresholds } from '../domain/light.js';
import { getPeriod, latestPeriod, type PeriodInfo } from './periods.js';
import type { DB, ReportState } from './schema.js';
import { matchTasks, type Highlight, type TaskMatch } from './search.js';
import type { NamedRef } from './units.js';
import { taskHasLeader, taskHasUnit } from './task-links.js';

export interface TaskItem {
  id: number;
  planId: number;
  seq: number;
  theme: string | null;
  category: string | null;
  target: string;
  leaders: NamedRef[];
  units: NamedRef[];
  coUnits: NamedRef[];
  deadline: string | null;
  notes: string | null;
  closedAt: string | null;
}

export interface TaskReportSummary {
  id: number;
  periodId: number;
  state: ReportState;
  text: string;
  version: number;
  status: Status;
  machineStatus: Status;
  reason: string;
  light: Light;
  overridden: boolean;
  updatedAt: string;
  submittedAt: string | null;
}

export interface TaskListItem extends TaskItem {
  report: TaskReportSummary | null;
  highlights?: Highlight[];
}

export type TaskSort = 'seq' | 'status' | 'unit' | 'updated';

export interface TaskFilter {
  planId: number;
  /** The period whose reports are shown; the plan's newest period when absent. */
  periodId?: number;
  themeId?: number;
  categoryId?: number;
  leaderId?: number;
  /** Tasks this unit leads or co-leads. */
  unitId?: number;
  status?: Status | Status[];
  light?: Light | Light[];
  q?: string;
  sort?: TaskSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
  /** What the caller may see (from its role): a unit's lead/co tasks, a leader's tasks. */
  scope?: { unitId?: number; leaderId?: number };
  /** Search only the progress of reports in these states (leaders and viewers: the published ones). */
  publishedStates?: readonly string[];
  /** Light thresholds from the settings; and "today" for the due-date rule (tests). */
  lightThresholds?: LightThresholds;
  today?: string;
}

export interface TaskPage {
  items: TaskListItem[];
  total: number;
  page: number;
  pageSize: number;
}

// Worst first when sorting by status: what needs attention comes to the top.
const STATUS_ORDER = sql<number>`case coalesce(r.status, 'no_report') when 'behind' then 0 when 'no_report' then 1 when 'pending' then 2 when 'on_track' then 3 else 4 end`;
const FIRST_LEAD_UNIT = sql<string>`(select u.name from task_units tu join units u on u.id = tu.unit_id where tu.task_id = t.id and tu.role = 'lead' order by tu.position limit 1)`;

export async function listTasks(db: Kysely<DB>, filter: TaskFilter): Promise<TaskPage> {
  const pageSize = Math.min(Math.max(Math.trunc(filter.pageSize ?? 20), 1), 200);
  const page = Math.max(Math.trunc(filter.page ?? 1), 1);
  const period = filter.periodId != null ? await getPeriod(db, filter.periodId) : await latestPeriod(db, filter.planId);
  if (filter.periodId != null && (!period || period.planId !== filter.planId))
    throw new DubanError('not_found', `报告期 ${filter.periodId} 不属于计划 ${filter.planId}`);
  const periodId = period?.id ?? -1;

  let query = db
    .selectFrom('tasks as t')
    .leftJoin('reports as r', (j) => j.onRef('r.task_id', '=', 't.id').on('r.period_id', '=', periodId))
    .where('t.plan_id', '=', filter.planId);
  if (filter.themeId != null) query = query.where('t.theme_id', '=', filter.themeId);
  if (filter.categoryId != null) query = query.where('t.category_id', '=', filter.categoryId);
  if (filter.leaderId != null) query = query.where(taskHasLeader('t.id', filter.leaderId));
  if (filter.unitId != null) query = query.where(taskHasUnit('t.id', filter.unitId));
  if (filter.scope?.leaderId != null) query = query.where(taskHasLeader('t.id', filter.scope.leaderId));
  if (filter.scope?.unitId != null) query = query.where(taskHasUnit('t.id', filter.scope.unitId));
  const statuses = filter.status == null ? [] : ([] as Status[]).concat(filter.status);
  if (statuses.length) query = query.where(sql<string>`coalesce(r.status, 'no_report')`, 'in', statuses);

  const desc = filter.order === 'desc';
  const dir = desc ? sql`desc` : sql`asc`;
  const key =
    filter.sort === 'status'
      ? STATUS_ORDER
      : filter.sort === 'unit'
        ? FIRST_LEAD_UNIT
        : filter.sort === 'updated'
          ? sql`r.updated_at`
          : sql`t.seq`;
  const ordered = query.orderBy(sql`${key} ${dir}`).orderBy('t.seq', desc ? 'desc' : 'asc');
  const lights = filter.light == null ? [] : ([] as Light[]).concat(filter.light);
  const lightOpts = lightOptions(period, filter);

  let pageIds: number[];
  let total: number;
  let matches: Map<number, TaskMatch> | undefined;
  if (!filter.q?.trim() && lights.length === 0) {
    // The page and the number of matching tasks in one statement (a window count over the filtered set).
    const rows = await ordered
      .select(['t.id', sql<number>`count(*) over ()`.as('total')])
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    pageIds = rows.map((r) => r.id);
    // A page past the end has no row to carry the count: ask for it then only.
    total =
      rows.length > 0
        ? Number(rows[0].total)
        : page === 1
          ? 0
          : Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  } else {
    // A plan holds a few hundred tasks: narrow the SQL-filtered set by search and light here. The
    // statuses come from the (period, task, status) index; only behind reports' assessments are
    // read, and only for a light filter (how far behind decides between yellow and red).
    let rows = await ordered.select(['t.id', 'r.status']).execute();
    if (filter.q?.trim()) {
      // The caller's scope goes into the search itself: filtering the plan's best hits afterwards
      // would lose a unit's tasks that rank below other units' (as /search once did).
      matches = await matchTasks(db, {
        q: filter.q,
        planId: filter.planId,
        periodId: period?.id,
        unitId: filter.scope?.unitId,
        leaderId: filter.scope?.leaderId,
        publishedStates: filter.publishedStates,
      });
      rows = rows.filter((r) => matches!.has(r.id));
      if (!filter.sort) rows.sort((a, b) => matches!.get(a.id)!.rank - matches!.get(b.id)!.rank);
    }
    if (lights.length) {
      const behind = rows.filter((r) => r.status === 'behind').map((r) => r.id);
      const assessments = new Map<number, string>();
      for (let i = 0; i < behind.length; i += 500) {
        const found = await db
          .selectFrom('reports')
          .select(['task_id', 'assessment'])
          .where('period_id', '=', periodId)
          .where('status', '=', 'behind')
          .where('task_id', 'in', behind.slice(i, i + 500))
          .execute();
        for (const a of found) assessments.set(a.task_id, a.assessment);
      }
      rows = rows.filter((r) => lights.includes(lightOfRow(assessments.get(r.id) ?? null, r.status, lightOpts)));
    }
    total = rows.length;
    pageIds = rows.slice((page - 1) * pageSize, page * pageSize).map((r) => r.id);
  }
  const items = await tasksByIds(db, pageIds, period, filter);
  if (matches) for (const item of items) item.highlights = matches.get(item.id)?.highlights ?? [];
  return { items, total, page, pageSize };
}

export async function getTask(db: Kysely<DB>, id: number): Promise<TaskItem | null> {
  const [item] = await tasksByIds(db, [id], null, {});
  if (!item) return null;
  const { report: _report, ...task } = item;
  return task;
}

function lightOptions(period: PeriodInfo | null, filter: Pick<TaskFilter, 'lightThresholds' | 'today'>) {
  const today = filter.today ?? new Date().toISOString().slice(0, 10);
  return {
    dueDatePassed: period?.dueDate != null && today > period.dueDate,
    thresholds: filter.lightThresholds,
    periodEndMonth: period ? Number(period.endDate.slice(5, 7)) : undefined,
  };
}

/**
 * The light of a report row. `assessment` may be null for any status but `behind`: only a behind
 * report's light reads its indicators (how far behind), so list queries fetch and parse no other.
 */
function lightOfRow(assessment: string | null, status: string | null, options: ReturnType<typeof lightOptions>): Light {
  if (status == null) return lightOf('no_report', options); // no report row (left join)
  if (status !== 'behind' || assessment == null) return lightOf(status as Status, options);
  // The light follows the effective status (an override wins) but reads the gap from the indicators.
  return lightOf({ ...(JSON.parse(assessment) as Assessment), status: 'behind' }, options);
}

/** Tasks by id, in the order given, each with its report for the period (when one is given). */
export async function tasksByIds(
  db: Kysely<DB>,
  ids: number[],
  period: PeriodInfo | null,
  filter: Pick<TaskFilter, 'lightThresholds' | 'today'>,
): Promise<TaskListItem[]> {
  if (ids.length === 0) return [];
  // The tasks with their period's report in one statement, the people in another: two round trips
  // whatever the page size. A report's assessment is read only when its light needs it (behind).
  const periodId = period?.id ?? -1;
  const rows = await db
    .selectFrom('tasks as t')
    .leftJoin('themes as th', 'th.id', 't.theme_id')
    .leftJoin('categories as c', 'c.id', 't.category_id')
    .leftJoin('reports as r', (j) => j.onRef('r.task_id', '=', 't.id').on('r.period_id', '=', periodId))
    .select([
      't.id',
      't.plan_id',
      't.seq',
      't.target',
      't.deadline',
      't.notes',
      't.closed_at',
      'th.name as theme',
      'c.name as category',
      'r.id as report_id',
      'r.period_id',
      'r.state',
      'r.text',
      'r.version',
      'r.status',
      'r.machine_status',
      'r.reason',
      'r.override_status',
      'r.updated_at',
      'r.submitted_at',
      sql<string | null>`case when r.status = 'behind' then r.assessment end`.as('assessment'),
    ])
    .where('t.id', 'in', ids)
    .execute();
  const { rows: people } = await sql<{ task_id: number; kind: 'leader' | 'lead' | 'co'; id: number; name: string }>`
    select tl.task_id, 'leader' as kind, l.id, l.name, tl.position from task_leaders tl join leaders l on l.id = tl.leader_id
      where tl.task_id in (${sql.join(ids)})
    union all
    select tu.task_id, tu.role, u.id, u.name, tu.position from task_units tu join units u on u.id = tu.unit_id
      where tu.task_id in (${sql.join(ids)})
    order by position`.execute(db);
  const linksOf = new Map<number, { leaders: NamedRef[]; units: NamedRef[]; coUnits: NamedRef[] }>();
  for (const p of people) {
    let links = linksOf.get(p.task_id);
    if (!links) linksOf.set(p.task_id, (links = { leaders: [], units: [], coUnits: [] }));
    (p.kind === 'leader' ? links.leaders : p.kind === 'lead' ? links.units : links.coUnits).push({
      id: p.id,
      name: p.name,
    });
  }
  const options = lightOptions(period, filter);
  const byId = new Map(rows.map((t) => [t.id, t]));
  const items: TaskListItem[] = [];
  for (const id of ids) {
    const t = byId.get(id);
    if (!t) continue;
    const links = linksOf.get(id);
    items.push({
      id: t.id,
      planId: t.plan_id,
      seq: t.seq,
      theme: t.theme ?? null,
      category: t.category ?? null,
      target: t.target,
      leaders: links?.leaders ?? [],
      units: links?.units ?? [],
      coUnits: links?.coUnits ?? [],
      deadline: t.deadline,
      notes: t.notes,
      closedAt: t.closed_at,
      report:
        t.report_id != null
          ? {
              id: t.report_id,
              periodId: t.period_id!,
              state: t.state!,
              text: t.text!,
              version: t.version!,
              status: t.status as Status,
              machineStatus: t.machine_status as Status,
              reason: t.reason!,
              light: lightOfRow(t.assessment, t.status, options),
              overridden: t.override_status != null,
              updatedAt: t.updated_at!,
              submittedAt: t.submitted_at ?? null,
            }
          : null,
    });
  }
  return items;
}

/** The plans in which a unit (lead or co-lead) or a leader has tasks: the plans to offer them. */
export async function planIdsInScope(
  db: Kysely<DB>,
  scope: { kind: 'unit'; unitId: number } | { kind: 'leader'; leaderId: number },
): Promise<number[]> {
  const rows = await db
    .selectFrom('tasks as t')
    .select('t.plan_id')
    .distinct()
    .where(scope.kind === 'unit' ? taskHasUnit('t.id', scope.unitId) : taskHasLeader('t.id', scope.leaderId))
    .execute();
  return rows.map((r) => r.plan_id);
}
