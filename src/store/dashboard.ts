// The office's overview for one period: status counts overall, by theme, by leader and by lead
// unit, and the list of tasks behind with their reasons; and the counts of every period (trend).
// Each figure is one grouped query over the period's reports (indexed by period and status).
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { STATUSES, type Assessment, type Status } from '../domain/index.js';
import { LIGHTS, lightOf, type Light, type LightThresholds } from '../domain/light.js';
import type { DB } from './schema.js';

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

/** The period's reports of the plan's tasks, narrowed to a leader's or a unit's tasks. */
function scoped(db: Kysely<DB>, f: DashboardFilter) {
  let q = db
    .selectFrom('reports as r')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .where('r.period_id', '=', f.periodId)
    .where('t.plan_id', '=', f.planId);
  if (f.leaderId != null) {
    const leaderId = f.leaderId;
    q = q.where((eb): Expression<SqlBool> =>
      eb.exists(eb.selectFrom('task_leaders as fl').select('fl.task_id').whereRef('fl.task_id', '=', 't.id').where('fl.leader_id', '=', leaderId)),
    );
  }
  if (f.unitId != null) {
    const unitId = f.unitId;
    q = q.where((eb): Expression<SqlBool> =>
      eb.exists(eb.selectFrom('task_units as fu').select('fu.task_id').whereRef('fu.task_id', '=', 't.id').where('fu.unit_id', '=', unitId)),
    );
  }
  return q;
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

export async function dashboardCounts(db: Kysely<DB>, f: DashboardFilter): Promise<DashboardCounts> {
  const n = sql<number>`count(*)`.as('n');
  const overall = await scoped(db, f).select(['r.status', n]).groupBy('r.status').execute();
  const byTheme = await scoped(db, f)
    .innerJoin('themes as th', 'th.id', 't.theme_id')
    .select(['th.id', 'th.name', 'th.position', 'r.status', n])
    .groupBy(['th.id', 'th.name', 'th.position', 'r.status'])
    .orderBy('th.position')
    .execute();
  const byLeader = await scoped(db, f)
    .innerJoin('task_leaders as tl', 'tl.task_id', 't.id')
    .innerJoin('leaders as l', 'l.id', 'tl.leader_id')
    .select(['l.id', 'l.name', 'r.status', n])
    .groupBy(['l.id', 'l.name', 'r.status'])
    .orderBy('l.name')
    .execute();
  // By lead unit: a co-unit does not answer for the task's status.
  const byUnit = await scoped(db, f)
    .innerJoin('task_units as tu', (j) => j.onRef('tu.task_id', '=', 't.id').on('tu.role', '=', 'lead'))
    .innerJoin('units as u', 'u.id', 'tu.unit_id')
    .select(['u.id', 'u.name', 'r.status', n])
    .groupBy(['u.id', 'u.name', 'r.status'])
    .orderBy('u.name')
    .execute();
  const behindRows = await scoped(db, f)
    .where('r.status', '=', 'behind')
    .select(['t.id', 't.seq', 't.target', 'r.reason', 'r.id as reportId'])
    .orderBy('t.seq')
    .execute();
  // Lights need the indicators (how far behind), so they are counted from the period's assessments.
  const period = await db.selectFrom('periods').select(['due_date', 'end_date']).where('id', '=', f.periodId).executeTakeFirst();
  const today = f.today ?? new Date().toISOString().slice(0, 10);
  const lightOptions = {
    dueDatePassed: period?.due_date != null && today > period.due_date,
    thresholds: f.lightThresholds,
    periodEndMonth: period ? Number(period.end_date.slice(5, 7)) : undefined,
  };
  const lightByReport = new Map<number, Light>();
  const lights = Object.fromEntries(LIGHTS.map((l) => [l, 0])) as Record<Light, number>;
  for (const r of await scoped(db, f).select(['r.id', 'r.status', 'r.assessment']).execute()) {
    const light = lightOf({ ...(JSON.parse(r.assessment) as Assessment), status: r.status as Status }, lightOptions);
    lightByReport.set(r.id, light);
    lights[light] += 1;
  }

  const counts = emptyCounts();
  let total = 0;
  for (const r of overall) {
    addCount(counts, r.status, r.n);
    total += Number(r.n);
  }
  return {
    counts,
    lights,
    total,
    byTheme: groups(byTheme),
    byLeader: groups(byLeader),
    byUnit: groups(byUnit),
    behind: (await withPeople(db, behindRows)).map((b) => ({ ...b, light: lightByReport.get(b.reportId) ?? 'red' })),
  };
}

async function withPeople(db: Kysely<DB>, rows: { id: number; seq: number; target: string; reason: string; reportId: number }[]): Promise<Omit<BehindTask, 'light'>[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const units = await db
    .selectFrom('task_units as tu')
    .innerJoin('units as u', 'u.id', 'tu.unit_id')
    .select(['tu.task_id', 'u.name'])
    .where('tu.task_id', 'in', ids)
    .where('tu.role', '=', 'lead')
    .orderBy('tu.position')
    .execute();
  const leaders = await db
    .selectFrom('task_leaders as tl')
    .innerJoin('leaders as l', 'l.id', 'tl.leader_id')
    .select(['tl.task_id', 'l.name'])
    .where('tl.task_id', 'in', ids)
    .orderBy('tl.position')
    .execute();
  return rows.map((r) => ({
    taskId: r.id,
    seq: r.seq,
    target: r.target,
    reason: r.reason,
    reportId: r.reportId,
    units: units.filter((u) => u.task_id === r.id).map((u) => u.name),
    leaders: leaders.filter((l) => l.task_id === r.id).map((l) => l.name),
  }));
}

export interface TrendPoint {
  periodId: number;
  label: string;
  counts: StatusCounts;
}

/** Status counts of every period of a plan, oldest first (optionally a leader's or unit's tasks). */
export async function trend(db: Kysely<DB>, planId: number, f: { leaderId?: number; unitId?: number } = {}): Promise<TrendPoint[]> {
  const periods = await db.selectFrom('periods').select(['id', 'label']).where('plan_id', '=', planId).orderBy('end_date').orderBy('id').execute();
  if (periods.length === 0) return [];
  let q = db
    .selectFrom('reports as r')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .where('r.period_id', 'in', periods.map((p) => p.id))
    .where('t.plan_id', '=', planId);
  if (f.leaderId != null) {
    const leaderId = f.leaderId;
    q = q.where((eb): Expression<SqlBool> =>
      eb.exists(eb.selectFrom('task_leaders as fl').select('fl.task_id').whereRef('fl.task_id', '=', 't.id').where('fl.leader_id', '=', leaderId)),
    );
  }
  if (f.unitId != null) {
    const unitId = f.unitId;
    q = q.where((eb): Expression<SqlBool> =>
      eb.exists(eb.selectFrom('task_units as fu').select('fu.task_id').whereRef('fu.task_id', '=', 't.id').where('fu.unit_id', '=', unitId)),
    );
  }
  const rows = await q.select(['r.period_id', 'r.status', sql<number>`count(*)`.as('n')]).groupBy(['r.period_id', 'r.status']).execute();
  return periods.map((p) => {
    const counts = emptyCounts();
    for (const r of rows) if (r.period_id === p.id) addCount(counts, r.status, r.n);
    return { periodId: p.id, label: p.label, counts };
  });
}
