// The office's overview for one period: status counts overall, by theme, by leader and by lead
// unit, and the list of tasks behind with their reasons; and the counts of every period (trend).
// A whole plan's tallies come from report_tallies, which triggers keep in step with every write
// (migration 0003); a unit's or leader's from one grouped statement over the period's (period, task,
// status) index entries. Only the few behind reports are read in full, for their reasons and lights.
import { sql, type Kysely } from 'kysely';
import { STATUSES, type Assessment, type Status } from '../domain/index.js';
import { LIGHTS, lightOf, type Light, type LightThresholds } from '../domain/light.js';
import type { DB } from './schema.js';
import { taskHasLeader, taskHasUnit } from './task-links.js';

export type StatusCounts = Record<Status, number>;
export interface GroupCounts {
  id: number;
  name: string;
  counts: StatusCounts;
  total: number;
}
export interface BehindTask {
  taskId: number;
  seq: number;
  target: string;
  units: string[];
  leaders: string[];
  reason: string;
  reportId: number;
  light: Light;
}
export interface DashboardCounts {
  counts: StatusCounts;
  lights: Record<Light, number>;
  total: number;
  byTheme: GroupCounts[];
  byLeader: GroupCounts[];
  byUnit: GroupCounts[];
  behind: BehindTask[];
}

export interface DashboardFilter {
  planId: number;
  periodId: number;
  /** Only tasks this leader leads. */
  leaderId?: number;
  /** Only tasks this unit leads or co-leads. */
  unitId?: number;
  /** Light thresholds from the settings, and "today" for the due-date rule (tests). */
  lightThresholds?: LightThresholds;
  today?: string;
}

export const emptyCounts = (): StatusCounts => Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;

function addCount(counts: StatusCounts, status: string, n: number): void {
  if (status in counts) counts[status as Status] += Number(n);
}

/**
 * Where a dashboard's reports come from: the period's reports of the plan's tasks, narrowed to a
 * leader's or a unit's tasks. Reads `r.task_id` and `r.status` from the (period, task, status)
 * index only (migration 0003), never the wide report rows.
 */
function scopeWhere(f: DashboardFilter) {
  const parts = [sql`r.period_id = ${f.periodId}`, sql`t.plan_id = ${f.planId}`];
  if (f.leaderId != null) parts.push(taskHasLeader('t.id', f.leaderId));
  if (f.unitId != null) parts.push(taskHasUnit('t.id', f.unitId));
  return sql.join(parts, sql` and `);
}

function groups(rows: { id: number | null; name: string | null; status: string; n: number }[]): GroupCounts[] {
  const out = new Map<number, GroupCounts>();
  for (const r of rows) {
    if (r.id == null) continue;
    let g = out.get(r.id);
    if (!g) out.set(r.id, (g = { id: r.id, name: r.name ?? '', counts: emptyCounts(), total: 0 }));
    addCount(g.counts, r.status, r.n);
    g.total += Number(r.n);
  }
  return [...out.values()];
}

// Tallies: report counts by status for the whole plan, by theme, by leader and by lead unit, in
// that order (themes by position, leaders and units by name). `kind` is report_tallies' `dim`.
const OVERALL = 0;
const THEME = 1;
const LEADER = 2;
const UNIT = 3;
/** report_tallies (migration 0003), kept by triggers; not in schema.ts since only this file reads it. */
interface ReportTalliesTable {
  period_id: number;
  dim: number;
  key_id: number;
  status: string;
  n: number;
}
export type TallyRow = { kind: number; id: number | null; name: string | null; status: string; n: number };

/**
 * Tallies of a whole plan's period from report_tallies (migration 0003), which triggers keep in step
 * with every write in the writer's transaction: ~100 small rows by primary key, no join over reports.
 */
export async function summaryTallies(db: Kysely<DB>, f: { planId: number; periodId: number }): Promise<TallyRow[]> {
  // Names by primary key per row (a few dozen rows): joins let PostgreSQL hash every theme, leader
  // and unit of the province on each request. A deleted key has no name and is left out.
  const { rows } = await sql<TallyRow>`
    select g.dim as kind, case when g.dim = 0 then null else g.key_id end as id,
      case g.dim
        when ${sql.lit(THEME)} then (select th.name from themes th where th.id = g.key_id)
        when ${sql.lit(LEADER)} then (select l.name from leaders l where l.id = g.key_id)
        when ${sql.lit(UNIT)} then (select u.name from units u where u.id = g.key_id)
      end as name,
      case when g.dim = ${sql.lit(THEME)} then (select th.position from themes th where th.id = g.key_id) else 0 end as pos,
      g.status, g.n
    from report_tallies g
    where g.period_id = ${f.periodId} and g.n > 0 and exists (select 1 from periods p where p.id = g.period_id and p.plan_id = ${f.planId})
    order by 1, 4, 3`.execute(db);
  return rows.filter((r) => r.kind === OVERALL || r.name != null);
}

/**
 * The same tallies counted from the reports, for a leader's or a unit's dashboard (the summary is
 * kept for whole plans only), in one statement: the period's reports are read once (materialised),
 * from the (period, task, status) index. The unary `+` on pr's columns keeps SQLite from indexing pr
 * and scanning every theme, leader and unit of the database instead (it has no row estimate for a
 * materialised CTE); PostgreSQL ignores it.
 */
export async function directTallies(db: Kysely<DB>, f: DashboardFilter): Promise<TallyRow[]> {
  const { rows } = await sql<TallyRow>`
    with pr as materialized (select r.task_id, r.status, t.theme_id from reports r join tasks t on t.id = r.task_id where ${scopeWhere(f)})
    select ${sql.lit(OVERALL)} as kind, null as id, null as name, 0 as pos, pr.status, count(*) as n from pr group by pr.status
    union all
    select ${sql.lit(THEME)}, th.id, th.name, th.position, pr.status, count(*) from pr join themes th on th.id = +pr.theme_id
      group by th.id, th.name, th.position, pr.status
    union all
    select ${sql.lit(LEADER)}, l.id, l.name, 0, pr.status, count(*) from pr join task_leaders tl on tl.task_id = +pr.task_id join leaders l on l.id = tl.leader_id
      group by l.id, l.name, pr.status
    union all
    -- By lead unit: a co-unit does not answer for the task's status.
    select ${sql.lit(UNIT)}, u.id, u.name, 0, pr.status, count(*) from pr join task_units tu on tu.task_id = +pr.task_id and tu.role = 'lead' join units u on u.id = tu.unit_id
      group by u.id, u.name, pr.status
    order by kind, pos, name`.execute(db);
  return rows;
}

export async function dashboardCounts(db: Kysely<DB>, f: DashboardFilter): Promise<DashboardCounts> {
  const rows = f.leaderId == null && f.unitId == null ? await summaryTallies(db, f) : await directTallies(db, f);
  // Only the behind reports need their row (reason, and the indicators for the light): a few per period.
  const { rows: behindRows } = await sql<{
    id: number;
    task_id: number;
    seq: number;
    target: string;
    reason: string;
    assessment: string;
  }>`
    select r.id, r.task_id, t.seq, t.target, r.reason, r.assessment from reports r join tasks t on t.id = r.task_id
    where ${scopeWhere(f)} and r.status = 'behind' order by t.seq`.execute(db);
  const period = await db
    .selectFrom('periods')
    .select(['due_date', 'end_date'])
    .where('id', '=', f.periodId)
    .executeTakeFirst();
  const today = f.today ?? new Date().toISOString().slice(0, 10);
  const lightOptions = {
    dueDatePassed: period?.due_date != null && today > period.due_date,
    thresholds: f.lightThresholds,
    periodEndMonth: period ? Number(period.end_date.slice(5, 7)) : undefined,
  };

  const counts = emptyCounts();
  const lights = Object.fromEntries(LIGHTS.map((l) => [l, 0])) as Record<Light, number>;
  let total = 0;
  for (const r of rows) {
    if (r.kind !== OVERALL) continue;
    addCount(counts, r.status, r.n);
    total += Number(r.n);
    // Every status but `behind` has one light whatever its indicators; behind ones are counted below.
    if (r.status !== 'behind') lights[lightOf(r.status as Status, lightOptions)] += Number(r.n);
  }
  const behind = behindRows.map((r) => {
    // The light follows the effective status but reads how far behind from the machine's indicators.
    const light = lightOf({ ...(JSON.parse(r.assessment) as Assessment), status: 'behind' }, lightOptions);
    lights[light] += 1;
    return { id: r.task_id, seq: r.seq, target: r.target, reason: r.reason, reportId: r.id, light };
  });
  const ofKind = (kind: number) => rows.filter((r) => r.kind === kind);
  return {
    counts,
    lights,
    total,
    byTheme: groups(ofKind(THEME)),
    byLeader: groups(ofKind(LEADER)),
    byUnit: groups(ofKind(UNIT)),
    behind: await withPeople(db, behind),
  };
}

async function withPeople(
  db: Kysely<DB>,
  rows: { id: number; seq: number; target: string; reason: string; reportId: number; light: Light }[],
): Promise<BehindTask[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  // Lead units and leaders of the behind tasks, in table order, in one round trip.
  const { rows: people } = await sql<{ task_id: number; kind: number; name: string }>`
    select tu.task_id, ${sql.lit(UNIT)} as kind, u.name, tu.position from task_units tu join units u on u.id = tu.unit_id
      where tu.task_id in (${sql.join(ids)}) and tu.role = 'lead'
    union all
    select tl.task_id, ${sql.lit(LEADER)}, l.name, tl.position from task_leaders tl join leaders l on l.id = tl.leader_id
      where tl.task_id in (${sql.join(ids)})
    order by kind, position`.execute(db);
  const namesOf = (taskId: number, kind: number) =>
    people.filter((p) => p.task_id === taskId && p.kind === kind).map((p) => p.name);
  return rows.map((r) => ({
    taskId: r.id,
    seq: r.seq,
    target: r.target,
    reason: r.reason,
    reportId: r.reportId,
    units: namesOf(r.id, UNIT),
    leaders: namesOf(r.id, LEADER),
    light: r.light,
  }));
}

export interface TrendPoint {
  periodId: number;
  label: string;
  counts: StatusCounts;
}

/** Status counts of every period of a plan, oldest first (optionally a leader's or unit's tasks). */
export async function trend(
  db: Kysely<DB>,
  planId: number,
  f: { leaderId?: number; unitId?: number } = {},
): Promise<TrendPoint[]> {
  const periods = await db
    .selectFrom('periods')
    .select(['id', 'label'])
    .where('plan_id', '=', planId)
    .orderBy('end_date')
    .orderBy('id')
    .execute();
  if (periods.length === 0) return [];
  const periodIds = periods.map((p) => p.id);
  let rows: { period_id: number; status: string; n: number }[];
  if (f.leaderId == null && f.unitId == null) {
    // The whole plan: the kept tallies (dim 0), a few rows per period.
    rows = await db
      .withTables<{ report_tallies: ReportTalliesTable }>()
      .selectFrom('report_tallies')
      .select(['period_id', 'status', 'n'])
      .where('dim', '=', OVERALL)
      .where('n', '>', 0)
      .where('period_id', 'in', periodIds)
      .execute();
  } else {
    let q = db
      .selectFrom('reports as r')
      .innerJoin('tasks as t', 't.id', 'r.task_id')
      .where('r.period_id', 'in', periodIds)
      .where('t.plan_id', '=', planId);
    if (f.leaderId != null) q = q.where(taskHasLeader('t.id', f.leaderId));
    if (f.unitId != null) q = q.where(taskHasUnit('t.id', f.unitId));
    rows = await q
      .select(['r.period_id', 'r.status', sql<number>`count(*)`.as('n')])
      .groupBy(['r.period_id', 'r.status'])
      .execute();
  }
  return periods.map((p) => {
    const counts = emptyCounts();
    for (const r of rows) if (r.period_id === p.id) addCount(counts, r.status, r.n);
    return { periodId: p.id, label: p.label, counts };
  });
}
