// Reports: one per task and period, every saved version kept. A save assesses the text against
// the task's target, bumps the version under optimistic locking (`where version = expected`),
// records the version and the audit entry, and refreshes the search index, all in one transaction.
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { DubanError, type Assessment, type Status } from '../domain/index.js';
import { assessProgress } from './assessing.js';
import { recordAudit, type Actor } from './audit.js';
import { listPeriods, type PeriodInfo } from './periods.js';
import type { DB, ReportState, ReportsTable } from './schema.js';
import { indexReports } from './search.js';
import { getSettings } from './settings.js';
import { inTransaction } from './transaction.js';
import type { NamedRef } from './units.js';
import { publishedStates } from '../workflow/rules.js';

/**
 * `reports.status` is the status the office publishes (dashboards, lists, exports, briefings,
 * scores): the effective status (override, else the machine's) once the report is handed in, and
 * `no_report` while it is a draft or returned — a unit's unsubmitted text is never counted. The
 * report itself (ReportDetail.status) always carries its effective status, for its unit and the office.
 */
export const PUBLISHED_STATES = publishedStates(false);

/** The states published now: submitted and approved, or approved only when the office's setting says so. */
export async function publishedStatesNow(db: Kysely<DB>): Promise<ReportState[]> {
  return publishedStates((await getSettings(db)).publish.approvedOnly);
}

/** The status a report row publishes when `states` are published: its effective status, else no_report. */
const publishedStatusOf = (states: ReportState[]) => (eb: ExpressionBuilder<DB, 'reports'>) =>
  eb
    .case()
    .when('state', 'in', states)
    .then(eb.fn.coalesce('override_status', 'machine_status'))
    .else('no_report')
    .end();

/** Sets the published status from the row's state, override and machine status (after any change to them). */
export async function refreshPublishedStatus(trx: Kysely<DB>, reportId: number): Promise<void> {
  const states = await publishedStatesNow(trx);
  await trx
    .updateTable('reports')
    .set({ status: publishedStatusOf(states) })
    .where('id', '=', reportId)
    .execute();
}

/** Re-publishes every report after the office changed what is published (the tallies follow by trigger). */
export async function republishAll(trx: Kysely<DB>): Promise<number> {
  const states = await publishedStatesNow(trx);
  const published = publishedStatusOf(states);
  const result = await trx
    .updateTable('reports')
    .set({ status: published })
    .where((eb) => eb('status', '!=', published(eb)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The status a report row carries for its unit and the office's review: the override, else the machine's. */
export const effectiveStatus = (r: { override_status: string | null; machine_status: string }): Status =>
  (r.override_status ?? r.machine_status) as Status;

/** docs/API.md's ReportDetail without attachments (the server adds those) and without the light. */
export interface ReportDetail {
  id: number;
  taskId: number;
  periodId: number;
  state: ReportState;
  text: string;
  version: number;
  status: Status;
  machineStatus: Status;
  reason: string;
  assessment: Assessment;
  override: null | { status: Status; reason: string; by: NamedRef | null; at: string };
  review: null | { comment: string; by: NamedRef | null; at: string };
  authorName: string | null;
  submittedAt: string | null;
  updatedAt: string;
}

export interface ReportVersion {
  version: number;
  state: ReportState;
  text: string;
  status: Status;
  authorName: string | null;
  createdAt: string;
}

type ReportRow = Selectable<ReportsTable>;

async function userNames(db: Kysely<DB>, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id != null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((u) => [u.id, u.display_name]));
}

async function toDetails(db: Kysely<DB>, rows: ReportRow[]): Promise<ReportDetail[]> {
  const names = await userNames(
    db,
    rows.flatMap((r) => [r.author_id, r.override_by, r.reviewed_by]),
  );
  const ref = (id: number | null): NamedRef | null =>
    id != null && names.has(id) ? { id, name: names.get(id)! } : null;
  return rows.map((r) => ({
    id: r.id,
    taskId: r.task_id,
    periodId: r.period_id,
    state: r.state,
    text: r.text,
    version: r.version,
    status: effectiveStatus(r),
    machineStatus: r.machine_status as Status,
    reason: r.reason,
    assessment: JSON.parse(r.assessment) as Assessment,
    override:
      r.override_status != null
        ? {
            status: r.override_status as Status,
            reason: r.override_reason ?? '',
            by: ref(r.override_by),
            at: r.override_at ?? r.updated_at,
          }
        : null,
    review:
      r.review_comment != null
        ? { comment: r.review_comment, by: ref(r.reviewed_by), at: r.reviewed_at ?? r.updated_at }
        : null,
    authorName: r.author_id != null ? (names.get(r.author_id) ?? null) : null,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
  }));
}

export async function getReport(db: Kysely<DB>, id: number): Promise<ReportDetail | null> {
  const row = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await toDetails(db, [row]))[0] : null;
}

/** The report of a task for a period (every task × period has one once the period is open). */
export async function findReport(db: Kysely<DB>, taskId: number, periodId: number): Promise<ReportDetail | null> {
  const row = await db
    .selectFrom('reports')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('period_id', '=', periodId)
    .executeTakeFirst();
  return row ? (await toDetails(db, [row]))[0] : null;
}

/** Every period of the task's plan, newest first, each with the task's report (for GET /tasks/:id). */
export async function listTaskReports(
  db: Kysely<DB>,
  taskId: number,
): Promise<{ period: PeriodInfo; report: ReportDetail | null }[]> {
  const task = await db.selectFrom('tasks').select('plan_id').where('id', '=', taskId).executeTakeFirst();
  if (!task) throw new DubanError('not_found', `任务 ${taskId} 不存在`);
  const periods = await listPeriods(db, task.plan_id);
  const rows = await db.selectFrom('reports').selectAll().where('task_id', '=', taskId).execute();
  const details = new Map((await toDetails(db, rows)).map((d) => [d.periodId, d]));
  return periods.map((period) => ({ period, report: details.get(period.id) ?? null }));
}

export interface SaveReportInput {
  reportId: number;
  text: string;
  /** The version the writer started from; a different current version means someone saved in between. */
  expectedVersion: number;
  /** Period label for the assessment; read from the report's period when absent. */
  period?: string;
}

/** A save read and assessed, ready to be written (the slow part done outside the transaction). */
export interface PreparedSave {
  input: SaveReportInput;
  before: { version: number; text: string; status: Status; taskId: number; planId: number; periodId: number };
  assessment: Assessment;
}

/**
 * Reads the report and assesses the new text, outside any transaction: assessing takes milliseconds
 * that should not be spent holding SQLite's write lock. Target and period never change under a report.
 */
export async function prepareSave(db: Kysely<DB>, input: SaveReportInput): Promise<PreparedSave> {
  const current = await db
    .selectFrom('reports as r')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .innerJoin('periods as p', 'p.id', 'r.period_id')
    .select([
      'r.id',
      'r.version',
      'r.text',
      'r.machine_status',
      'r.override_status',
      'r.task_id',
      'r.period_id',
      't.target',
      't.deadline',
      't.plan_id',
      'p.label',
    ])
    .where('r.id', '=', input.reportId)
    .executeTakeFirst();
  if (!current) throw new DubanError('not_found', `报告 ${input.reportId} 不存在`);
  if (current.version !== input.expectedVersion) throw staleVersion(current.version, input.expectedVersion);
  return {
    input,
    before: {
      version: current.version,
      text: current.text,
      status: effectiveStatus(current),
      taskId: current.task_id,
      planId: current.plan_id,
      periodId: current.period_id,
    },
    assessment: assessProgress(current, input.text, input.period ?? current.label),
  };
}

/**
 * Writes a prepared save: version + 1 only where the report is still at the expected version, the
 * version kept, audited, indexed. Answers the row as this transaction wrote it, never a later read
 * (another process may have saved after the commit). Throws DubanError('conflict') when the report
 * moved on (nothing is written). The state (draft/submitted/…) is left to the caller.
 */
export async function writeSave(db: Kysely<DB>, actor: Actor, prepared: PreparedSave): Promise<ReportDetail> {
  const { input, before, assessment } = prepared;
  const version = input.expectedVersion + 1;
  return inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const result = await trx
      .updateTable('reports')
      .set({
        text: input.text,
        version,
        author_id: actor.id,
        machine_status: assessment.status,
        reason: assessment.reason,
        assessment: JSON.stringify(assessment),
        updated_at: now,
      })
      .where('id', '=', input.reportId)
      .where('version', '=', input.expectedVersion)
      .executeTakeFirst();
    // What holds under concurrency: only a writer that still sees `expectedVersion` changes the row.
    if (Number(result.numUpdatedRows) === 0) throw staleVersion(null, input.expectedVersion);
    await refreshPublishedStatus(trx, input.reportId);
    const row = await trx.selectFrom('reports').selectAll().where('id', '=', input.reportId).executeTakeFirstOrThrow();
    const status = effectiveStatus(row);
    await trx
      .insertInto('report_versions')
      .values({
        report_id: row.id,
        version,
        state: row.state,
        text: input.text,
        status,
        assessment: row.assessment,
        author_id: actor.id,
        created_at: now,
      })
      .execute();
    await recordAudit(
      trx,
      actor,
      {
        action: 'report.save',
        entity: 'report',
        entityId: row.id,
        before: { version: before.version, text: before.text, status: before.status },
        after: { version, text: input.text, status },
      },
      now,
    );
    await indexReports(trx, [
      { id: row.id, taskId: before.taskId, planId: before.planId, periodId: before.periodId, text: input.text },
    ]);
    return (await toDetails(trx, [row]))[0];
  });
}

/**
 * Saves a report's text with no workflow rule applied (import, demo, tests): prepare + write. The
 * server saves through src/workflow, which also checks the period and the state inside the write.
 */
export async function saveReport(db: Kysely<DB>, actor: Actor, input: SaveReportInput): Promise<ReportDetail> {
  return writeSave(db, actor, await prepareSave(db, input));
}

/** The row as the current transaction sees it (for answers built inside the write, not after it). */
export async function reportInTransaction(trx: Kysely<DB>, id: number): Promise<ReportDetail> {
  const row = await trx.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return (await toDetails(trx, [row]))[0];
}

/** What the workflow rules need about a report, read inside a write's transaction. */
export interface ReportWriteFacts {
  id: number;
  taskId: number;
  periodId: number;
  state: ReportState;
  version: number;
  periodOpen: boolean;
  taskClosed: boolean;
  /** The unit asked about leads the report's task. */
  leadUnit: boolean;
}

/**
 * Reads the report's state with its period and task, holding the period and task rows (PostgreSQL:
 * FOR SHARE) until the transaction ends: a period cannot close, nor a task be closed out, between
 * this check and the commit. SQLite's transaction already holds the database's write lock.
 */
export async function readWriteFacts(
  trx: Kysely<DB>,
  reportId: number,
  unitId: number | null,
): Promise<ReportWriteFacts | null> {
  const report = await trx
    .selectFrom('reports')
    .select(['id', 'task_id', 'period_id', 'state', 'version'])
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!report) return null;
  const period = await trx
    .selectFrom('periods')
    .select('state')
    .where('id', '=', report.period_id)
    .forShare()
    .executeTakeFirstOrThrow();
  const task = await trx
    .selectFrom('tasks')
    .select('closed_at')
    .where('id', '=', report.task_id)
    .forShare()
    .executeTakeFirstOrThrow();
  const lead =
    unitId != null &&
    (await trx
      .selectFrom('task_units')
      .select('task_id')
      .where('task_id', '=', report.task_id)
      .where('unit_id', '=', unitId)
      .where('role', '=', 'lead')
      .executeTakeFirst()) != null;
  return {
    id: report.id,
    taskId: report.task_id,
    periodId: report.period_id,
    state: report.state,
    version: report.version,
    periodOpen: period.state === 'open',
    taskClosed: task.closed_at != null,
    leadUnit: lead,
  };
}

function staleVersion(current: number | null, expected: number): DubanError {
  const now = current != null ? `（当前为第 ${current} 版）` : '';
  return new DubanError('conflict', `报告已被他人修改${now}，您编辑的是第 ${expected} 版；请刷新后重新编辑`);
}

/** Every kept version of a report, newest first. */
export async function listVersions(db: Kysely<DB>, reportId: number): Promise<ReportVersion[]> {
  const rows = await db
    .selectFrom('report_versions')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('version', 'desc')
    .execute();
  const names = await userNames(
    db,
    rows.map((r) => r.author_id),
  );
  return rows.map((r) => ({
    version: r.version,
    state: r.state,
    text: r.text,
    status: r.status as Status,
    authorName: r.author_id != null ? (names.get(r.author_id) ?? null) : null,
    createdAt: r.created_at,
  }));
}
