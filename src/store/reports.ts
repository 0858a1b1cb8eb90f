// Reports: one per task and period, every saved version kept. A save assesses the text against
// the task's target, bumps the version under optimistic locking (`where version = expected`),
// records the version and the audit entry, and refreshes the search index, all in one transaction.
import type { Kysely, Selectable } from 'kysely';
import { DubanError, type Assessment, type Status } from '../domain/index.js';
import { assessProgress } from './assessing.js';
import { recordAudit, type Actor } from './audit.js';
import { listPeriods, type PeriodInfo } from './periods.js';
import type { DB, ReportState, ReportsTable } from './schema.js';
import { indexReports } from './search.js';
import { inTransaction } from './transaction.js';
import type { NamedRef } from './units.js';

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
    status: r.status as Status,
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

/**
 * Saves a report's text: assessed, version + 1, the version kept, audited. Throws
 * DubanError('conflict') when the report is no longer at `expectedVersion` (nothing is written),
 * 'not_found' when there is no such report. The state (draft/submitted/…) is left to the caller.
 */
export async function saveReport(db: Kysely<DB>, actor: Actor, input: SaveReportInput): Promise<ReportDetail> {
  // Read and assess before the transaction: its first statement is then the guarded write, which
  // takes SQLite's write lock at once (a read-then-write transaction can fail with SQLITE_BUSY when
  // another process commits in between). Target and period never change under a report.
  const current = await db
    .selectFrom('reports as r')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .innerJoin('periods as p', 'p.id', 'r.period_id')
    .select([
      'r.id',
      'r.version',
      'r.text',
      'r.status',
      'r.override_status',
      'r.task_id',
      'r.period_id',
      't.target',
      't.plan_id',
      'p.label',
    ])
    .where('r.id', '=', input.reportId)
    .executeTakeFirst();
  if (!current) throw new DubanError('not_found', `报告 ${input.reportId} 不存在`);
  if (current.version !== input.expectedVersion) throw staleVersion(current.version, input.expectedVersion);
  const assessment = assessProgress(current.target, input.text, input.period ?? current.label);
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
        // The override, if any, stays the effective status; read in the same statement.
        status: (eb) => eb.fn.coalesce('override_status', eb.val(assessment.status)),
        reason: assessment.reason,
        assessment: JSON.stringify(assessment),
        updated_at: now,
      })
      .where('id', '=', input.reportId)
      .where('version', '=', input.expectedVersion)
      .executeTakeFirst();
    // What holds under concurrency: only a writer that still sees `expectedVersion` changes the row.
    if (Number(result.numUpdatedRows) === 0) throw staleVersion(null, input.expectedVersion);
    const row = await trx.selectFrom('reports').selectAll().where('id', '=', input.reportId).executeTakeFirstOrThrow();
    await trx
      .insertInto('report_versions')
      .values({
        report_id: row.id,
        version,
        state: row.state,
        text: input.text,
        status: row.status,
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
        before: { version: current.version, text: current.text, status: current.status },
        after: { version, text: input.text, status: row.status },
      },
      now,
    );
    await indexReports(trx, [
      { id: row.id, taskId: current.task_id, planId: current.plan_id, periodId: current.period_id, text: input.text },
    ]);
    return (await toDetails(trx, [row]))[0];
  });
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
