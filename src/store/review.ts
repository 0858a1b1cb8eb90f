// The review half of the reporting cycle: a unit submits, the office approves or returns with a
// comment (the unit sees it and resubmits), or overrides the machine's status with a reason — the
// machine status is kept beside it. Comments on a report live here too. Every step is audited and
// may notify (outbox in notifications.ts). Each update is guarded (state and version in its WHERE)
// and answers the report as its own transaction left it. Which step may start from which state is
// src/workflow/rules.ts; the server calls these through src/workflow/service.ts.
import type { Kysely } from 'kysely';
import { DubanError, type Status } from '../domain/index.js';
import { recordAudit, type Actor } from './audit.js';
import { nowIso } from './db.js';
import { enqueueNotification, type NotificationEvent } from './notifications.js';
import { STATE_LABEL, statesFrom } from '../workflow/rules.js';
import { refreshPublishedStatus, reportInTransaction, type ReportDetail } from './reports.js';
import type { DB, ReportState } from './schema.js';
import { inTransaction } from './transaction.js';

export { STATE_LABEL };

export interface ReportContext {
  reportId: number;
  taskId: number;
  seq: number;
  target: string;
  periodId: number;
  periodLabel: string;
  state: ReportState;
  version: number;
  text: string;
  status: string;
  machineStatus: string;
  units: { id: number; name: string }[];
}

export async function reportContext(db: Kysely<DB>, reportId: number): Promise<ReportContext> {
  const r = await db
    .selectFrom('reports as r')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .innerJoin('periods as p', 'p.id', 'r.period_id')
    .select([
      'r.id',
      'r.task_id',
      'r.period_id',
      'r.state',
      'r.version',
      'r.text',
      'r.override_status',
      'r.machine_status',
      't.seq',
      't.target',
      'p.label',
    ])
    .where('r.id', '=', reportId)
    .executeTakeFirst();
  if (!r) throw new DubanError('not_found', '报告不存在');
  const units = await db
    .selectFrom('task_units as tu')
    .innerJoin('units as u', 'u.id', 'tu.unit_id')
    .select(['u.id', 'u.name'])
    .where('tu.task_id', '=', r.task_id)
    .where('tu.role', '=', 'lead')
    .orderBy('tu.position')
    .execute();
  return {
    reportId: r.id,
    taskId: r.task_id,
    seq: r.seq,
    target: r.target,
    periodId: r.period_id,
    periodLabel: r.label,
    state: r.state,
    version: r.version,
    text: r.text,
    status: r.override_status ?? r.machine_status,
    machineStatus: r.machine_status,
    units,
  };
}

const short = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);

async function notify(
  db: Kysely<DB>,
  event: NotificationEvent,
  title: string,
  ctx: ReportContext,
  extra: Record<string, unknown>,
  at: string,
) {
  const unitNames = ctx.units.map((u) => u.name).join('、');
  await enqueueNotification(db, {
    event,
    title,
    text: `${title}：${ctx.periodLabel} 第${ctx.seq}项「${short(ctx.target)}」（${unitNames}）${extra.comment ? `。意见：${String(extra.comment)}` : ''}`,
    data: {
      reportId: ctx.reportId,
      taskId: ctx.taskId,
      seq: ctx.seq,
      period: ctx.periodLabel,
      units: ctx.units,
      ...extra,
    },
    at,
  });
}

async function setState(
  db: Kysely<DB>,
  actor: Actor,
  reportId: number,
  action: string,
  allowedFrom: ReportState[],
  set: Partial<{
    state: ReportState;
    submitted_at: string;
    review_comment: string | null;
    reviewed_by: number | null;
    reviewed_at: string;
    override_status: string | null;
    override_reason: string | null;
    override_by: number | null;
    override_at: string;
    status: string;
  }>,
  expectedVersion?: number,
): Promise<{ before: ReportContext; at: string }> {
  const before = await reportContext(db, reportId);
  if (expectedVersion !== undefined && before.version !== expectedVersion) {
    throw new DubanError('conflict', `报告已被他人修改（当前为第 ${before.version} 版），请刷新后再操作`);
  }
  if (!allowedFrom.includes(before.state))
    throw new DubanError('conflict', `报告当前状态为「${STATE_LABEL[before.state]}」，不能执行此操作`);
  const at = nowIso();
  const r = await db
    .updateTable('reports')
    .set({ ...set, updated_at: at })
    .where('id', '=', reportId)
    .where('state', '=', before.state)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new DubanError('conflict', '报告刚被他人修改，请刷新后再操作');
  await refreshPublishedStatus(db, reportId);
  await recordAudit(
    db,
    actor,
    {
      action,
      entity: 'report',
      entityId: reportId,
      before: { state: before.state, status: before.status },
      after: { ...set },
    },
    at,
  );
  return { before, at };
}

/** A unit hands its report in: draft or returned → submitted. An empty report cannot be submitted. */
export async function submitReport(
  db: Kysely<DB>,
  actor: Actor,
  reportId: number,
  expectedVersion: number,
): Promise<ReportDetail> {
  return inTransaction(db, async (trx) => {
    const ctx = await reportContext(trx, reportId);
    if (ctx.text.trim() === '') throw new DubanError('bad_input', '报告内容为空，请先填写进展情况再提交');
    const { at } = await setState(
      trx,
      actor,
      reportId,
      'report.submit',
      statesFrom('submit'),
      { state: 'submitted', submitted_at: nowIso() },
      expectedVersion,
    );
    await notify(trx, 'report.submitted', '报告已提交', ctx, {}, at);
    return reportInTransaction(trx, reportId);
  });
}

export async function approveReport(
  db: Kysely<DB>,
  actor: Actor,
  reportId: number,
  comment?: string,
): Promise<ReportDetail> {
  return inTransaction(db, async (trx) => {
    const { before, at } = await setState(trx, actor, reportId, 'report.approve', statesFrom('approve'), {
      state: 'approved',
      review_comment: comment ?? null,
      reviewed_by: actor.id,
      reviewed_at: nowIso(),
    });
    if (comment) await addComment(trx, actor, reportId, comment);
    await notify(trx, 'report.approved', '报告已审核通过', before, { comment: comment ?? null }, at);
    return reportInTransaction(trx, reportId);
  });
}

/** Back to the unit with a comment it must address; the unit edits and resubmits. */
export async function returnReport(
  db: Kysely<DB>,
  actor: Actor,
  reportId: number,
  comment: string,
): Promise<ReportDetail> {
  if (!comment.trim()) throw new DubanError('bad_input', '退回必须填写意见');
  return inTransaction(db, async (trx) => {
    const { before, at } = await setState(trx, actor, reportId, 'report.return', statesFrom('return'), {
      state: 'returned',
      review_comment: comment,
      reviewed_by: actor.id,
      reviewed_at: nowIso(),
    });
    await addComment(trx, actor, reportId, comment);
    await notify(trx, 'report.returned', '报告被退回', before, { comment }, at);
    return reportInTransaction(trx, reportId);
  });
}

/** The office's judgement replaces the effective status; the machine status stays on the row. `null` clears it. */
export async function overrideStatus(
  db: Kysely<DB>,
  actor: Actor,
  reportId: number,
  status: Status | null,
  reason: string,
): Promise<ReportDetail> {
  if (status && !reason.trim()) throw new DubanError('bad_input', '人工改判必须填写理由');
  return inTransaction(db, async (trx) => {
    const ctx = await reportContext(trx, reportId);
    const at = nowIso();
    await trx
      .updateTable('reports')
      .set(
        status
          ? { override_status: status, override_reason: reason, override_by: actor.id, override_at: at, updated_at: at }
          : { override_status: null, override_reason: null, override_by: null, override_at: null, updated_at: at },
      )
      .where('id', '=', reportId)
      .execute();
    await refreshPublishedStatus(trx, reportId);
    await recordAudit(
      trx,
      actor,
      {
        action: status ? 'report.override' : 'report.override_clear',
        entity: 'report',
        entityId: reportId,
        before: { status: ctx.status, machineStatus: ctx.machineStatus },
        after: { status: status ?? ctx.machineStatus, machineStatus: ctx.machineStatus, reason },
      },
      at,
    );
    return reportInTransaction(trx, reportId);
  });
}

export interface CommentRecord {
  id: number;
  author: { id: number; name: string } | null;
  body: string;
  createdAt: string;
}

export async function addComment(db: Kysely<DB>, actor: Actor, reportId: number, body: string): Promise<CommentRecord> {
  const at = nowIso();
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('comments')
      .values({ report_id: reportId, author_id: actor.id, body, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      actor,
      { action: 'comment.create', entity: 'comment', entityId: id, after: { reportId, body } },
      at,
    );
    return { id, author: actor.id != null ? { id: actor.id, name: actor.name } : null, body, createdAt: at };
  });
}

/** Comments on the given reports, oldest first, with the author's display name. */
export async function listComments(
  db: Kysely<DB>,
  reportIds: number[],
): Promise<(CommentRecord & { reportId: number })[]> {
  if (reportIds.length === 0) return [];
  const rows = await db
    .selectFrom('comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.report_id', 'c.author_id', 'c.body', 'c.created_at', 'u.display_name'])
    .where('c.report_id', 'in', reportIds)
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reportId: r.report_id,
    author: r.author_id != null ? { id: r.author_id, name: r.display_name ?? '' } : null,
    body: r.body,
    createdAt: r.created_at,
  }));
}
