// The one place that decides who may do what. Two layers:
//  - per route: `config.access` names the roles allowed (or 'public'); a hook in auth/plugin.ts
//    enforces it before the body is even parsed;
//  - per object: the functions below decide whether a caller reaches a given task or report
//    (a unit only its own unit's tasks, a leader only the tasks they lead) and whether a report
//    may be written now (lead unit or admin, open period, task not closed out).
import type { Kysely } from 'kysely';
import type { Actor } from '../store/audit.js';
import type { DB } from '../store/schema.js';
import { ROLES, type Role } from '../domain/index.js';
import { HttpError, forbidden, notFound } from './errors.js';

export const ALL_ROLES: readonly Role[] = ROLES;

/** Who is calling: a logged-in user or an API token, with the role and scope it acts under. */
export interface Caller {
  kind: 'user' | 'token';
  /** The user id (user callers) — tokens have none; audit rows then carry null and `token:NAME`. */
  userId: number | null;
  tokenId: number | null;
  name: string;
  role: Role;
  unitId: number | null;
  leaderId: number | null;
  /** SHA-256 of the session cookie, for user callers. */
  sessionHash: string | null;
}

/** Route-level rule: 'public' (no login), 'any' (any logged-in caller), or the roles allowed. */
export type RouteAccess = 'public' | 'any' | readonly Role[];

export function actorOf(caller: Caller): Actor {
  return { id: caller.userId, name: caller.kind === 'token' ? `token:${caller.name}` : caller.name };
}

export function roleAllowed(access: RouteAccess, role: Role): boolean {
  if (access === 'public' || access === 'any') return true;
  return access.includes(role);
}

export function requireRole(caller: Caller, ...roles: Role[]): void {
  if (!roles.includes(caller.role)) throw forbidden();
}

/** What a caller may list: everything, one unit's tasks (lead or co-lead), or one leader's tasks. */
export type TaskScope = { kind: 'all' } | { kind: 'unit'; unitId: number } | { kind: 'leader'; leaderId: number };

export function taskScopeOf(caller: Caller): TaskScope {
  if (caller.role === 'unit')
    return caller.unitId != null ? { kind: 'unit', unitId: caller.unitId } : { kind: 'unit', unitId: -1 };
  if (caller.role === 'leader')
    return caller.leaderId != null ? { kind: 'leader', leaderId: caller.leaderId } : { kind: 'leader', leaderId: -1 };
  return { kind: 'all' };
}

/** True when the caller may read the task (admins and viewers read everything). */
export async function canReadTask(db: Kysely<DB>, caller: Caller, taskId: number): Promise<boolean> {
  const scope = taskScopeOf(caller);
  if (scope.kind === 'all') return true;
  if (scope.kind === 'unit') {
    const row = await db
      .selectFrom('task_units')
      .select('task_id')
      .where('task_id', '=', taskId)
      .where('unit_id', '=', scope.unitId)
      .executeTakeFirst();
    return Boolean(row);
  }
  const row = await db
    .selectFrom('task_leaders')
    .select('task_id')
    .where('task_id', '=', taskId)
    .where('leader_id', '=', scope.leaderId)
    .executeTakeFirst();
  return Boolean(row);
}

/** A unit writes only for tasks it leads (co-units read and comment, the lead unit reports). */
export async function isLeadUnitOf(db: Kysely<DB>, unitId: number | null, taskId: number): Promise<boolean> {
  if (unitId == null) return false;
  const row = await db
    .selectFrom('task_units')
    .select('task_id')
    .where('task_id', '=', taskId)
    .where('unit_id', '=', unitId)
    .where('role', '=', 'lead')
    .executeTakeFirst();
  return Boolean(row);
}

export async function assertTaskReadable(db: Kysely<DB>, caller: Caller, taskId: number): Promise<void> {
  const task = await db.selectFrom('tasks').select('id').where('id', '=', taskId).executeTakeFirst();
  if (!task) throw notFound('任务');
  if (!(await canReadTask(db, caller, taskId))) throw forbidden('无权查看此任务');
}

export interface ReportRef {
  id: number;
  taskId: number;
  periodId: number;
  state: 'draft' | 'submitted' | 'returned' | 'approved';
  version: number;
  periodState: 'open' | 'closed';
  dueDate: string | null;
  taskClosedAt: string | null;
}

async function reportRef(db: Kysely<DB>, reportId: number): Promise<ReportRef> {
  const r = await db
    .selectFrom('reports')
    .innerJoin('periods', 'periods.id', 'reports.period_id')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .select([
      'reports.id',
      'reports.task_id',
      'reports.period_id',
      'reports.state',
      'reports.version',
      'periods.state as period_state',
      'periods.due_date',
      'tasks.closed_at',
    ])
    .where('reports.id', '=', reportId)
    .executeTakeFirst();
  if (!r) throw notFound('报告');
  return {
    id: r.id,
    taskId: r.task_id,
    periodId: r.period_id,
    state: r.state,
    version: r.version,
    periodState: r.period_state,
    dueDate: r.due_date,
    taskClosedAt: r.closed_at,
  };
}

export async function assertReportReadable(db: Kysely<DB>, caller: Caller, reportId: number): Promise<ReportRef> {
  const ref = await reportRef(db, reportId);
  if (!(await canReadTask(db, caller, ref.taskId))) throw forbidden('无权查看此报告');
  return ref;
}

/** Writing a report's text, submitting it, attaching evidence: the lead unit or an admin, open period only. */
export async function assertReportWritable(db: Kysely<DB>, caller: Caller, reportId: number): Promise<ReportRef> {
  const ref = await reportRef(db, reportId);
  if (caller.role !== 'admin') {
    if (caller.role !== 'unit' || !(await isLeadUnitOf(db, caller.unitId, ref.taskId))) {
      throw (await canReadTask(db, caller, ref.taskId))
        ? forbidden('只有牵头单位可以填报此任务')
        : forbidden('无权填报此报告');
    }
  }
  assertPeriodOpen(ref.periodState);
  if (ref.taskClosedAt) throw new HttpError('conflict', '该任务已销号，不能再填报');
  return ref;
}

/** Reviewing (approve, return, override): admins, open period only. */
export async function assertReportReviewable(db: Kysely<DB>, caller: Caller, reportId: number): Promise<ReportRef> {
  requireRole(caller, 'admin');
  const ref = await reportRef(db, reportId);
  assertPeriodOpen(ref.periodState);
  return ref;
}

export function assertPeriodOpen(state: 'open' | 'closed'): void {
  if (state !== 'open') throw new HttpError('closed_period', '该报告期已关闭，不能再修改');
}

export async function periodRef(
  db: Kysely<DB>,
  periodId: number,
): Promise<{
  id: number;
  planId: number;
  label: string;
  state: 'open' | 'closed';
  dueDate: string | null;
  endDate: string;
}> {
  const p = await db
    .selectFrom('periods')
    .select(['id', 'plan_id', 'label', 'state', 'due_date', 'end_date'])
    .where('id', '=', periodId)
    .executeTakeFirst();
  if (!p) throw notFound('报告期');
  return { id: p.id, planId: p.plan_id, label: p.label, state: p.state, dueDate: p.due_date, endDate: p.end_date };
}
