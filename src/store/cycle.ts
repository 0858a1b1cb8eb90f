// The unit side of the reporting cycle besides writing: 签收 (acknowledging a period's tasks),
// 延期申请 (asking for a later due date, decided by the office), and 销号 (the office closing out a
// task that is done; it stays visible as closed and can be reopened).
import type { Kysely } from 'kysely';
import type { ExtensionState } from '../domain/cycle.js';
import { DubanError } from '../domain/index.js';
import { recordAudit, type Actor } from './audit.js';
import { nowIso } from './db.js';
import { enqueueNotification } from './notifications.js';
import type { DB } from './schema.js';
import { inTransaction } from './transaction.js';

/** Tasks a unit leads in a plan (the ones it acknowledges and reports on). */
async function leadTaskIds(db: Kysely<DB>, unitId: number, planId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('task_units as tu')
    .innerJoin('tasks as t', 't.id', 'tu.task_id')
    .select('t.id')
    .where('tu.unit_id', '=', unitId)
    .where('tu.role', '=', 'lead')
    .where('t.plan_id', '=', planId)
    .execute();
  return rows.map((r) => r.id);
}

/** 签收: records receipt of the given tasks (default: all the unit leads) for a period; idempotent. */
export async function acknowledgeTasks(
  db: Kysely<DB>,
  actor: Actor,
  input: { periodId: number; unitId: number; taskIds?: number[] },
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const period = await trx
      .selectFrom('periods')
      .select(['id', 'plan_id'])
      .where('id', '=', input.periodId)
      .executeTakeFirst();
    if (!period) throw new DubanError('not_found', '报告期不存在');
    const own = await leadTaskIds(trx, input.unitId, period.plan_id);
    const wanted = input.taskIds ?? own;
    const foreign = wanted.filter((id) => !own.includes(id));
    if (foreign.length) throw new DubanError('forbidden', `任务 ${foreign.join('、')} 不由本单位牵头，不能签收`);
    const done = new Set(
      wanted.length
        ? (
            await trx
              .selectFrom('acknowledgements')
              .select('task_id')
              .where('period_id', '=', input.periodId)
              .where('unit_id', '=', input.unitId)
              .where('task_id', 'in', wanted)
              .execute()
          ).map((r) => r.task_id)
        : [],
    );
    const fresh = wanted.filter((id) => !done.has(id));
    const at = nowIso();
    if (fresh.length) {
      await trx
        .insertInto('acknowledgements')
        .values(
          fresh.map((task_id) => ({
            task_id,
            period_id: input.periodId,
            unit_id: input.unitId,
            user_id: actor.id,
            created_at: at,
          })),
        )
        .execute();
      await recordAudit(
        trx,
        actor,
        {
          action: 'task.acknowledge',
          entity: 'period',
          entityId: input.periodId,
          after: { unitId: input.unitId, taskIds: fresh },
        },
        at,
      );
    }
    return fresh.length;
  });
}

export async function listAcknowledgements(
  db: Kysely<DB>,
  periodId: number,
): Promise<{ unit: { id: number; name: string }; taskId: number; at: string }[]> {
  const rows = await db
    .selectFrom('acknowledgements as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.task_id', 'a.created_at', 'u.id', 'u.name'])
    .where('a.period_id', '=', periodId)
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ unit: { id: r.id, name: r.name }, taskId: r.task_id, at: r.created_at }));
}

export interface ExtensionRecord {
  id: number;
  task: { id: number; seq: number; target: string };
  periodId: number;
  unit: { id: number; name: string };
  reason: string;
  requestedDue: string;
  state: ExtensionState;
  decidedBy: { id: number; name: string } | null;
  decisionComment: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export async function listExtensions(
  db: Kysely<DB>,
  q: { periodId?: number; state?: ExtensionState; unitId?: number; id?: number } = {},
): Promise<ExtensionRecord[]> {
  let query = db
    .selectFrom('extensions as e')
    .innerJoin('tasks as t', 't.id', 'e.task_id')
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .leftJoin('users as d', 'd.id', 'e.decided_by')
    .select([
      'e.id',
      'e.task_id',
      'e.period_id',
      'e.unit_id',
      'e.reason',
      'e.requested_due',
      'e.state',
      'e.decided_by',
      'e.decision_comment',
      'e.decided_at',
      'e.created_at',
      't.seq',
      't.target',
      'u.name as unit_name',
      'd.display_name as decider',
    ]);
  if (q.id != null) query = query.where('e.id', '=', q.id);
  if (q.periodId != null) query = query.where('e.period_id', '=', q.periodId);
  if (q.state) query = query.where('e.state', '=', q.state);
  if (q.unitId != null) query = query.where('e.unit_id', '=', q.unitId);
  const rows = await query.orderBy('e.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    task: { id: r.task_id, seq: r.seq, target: r.target },
    periodId: r.period_id,
    unit: { id: r.unit_id, name: r.unit_name },
    reason: r.reason,
    requestedDue: r.requested_due,
    state: r.state,
    decidedBy: r.decided_by != null ? { id: r.decided_by, name: r.decider ?? '' } : null,
    decisionComment: r.decision_comment,
    decidedAt: r.decided_at,
    createdAt: r.created_at,
  }));
}

export async function requestExtension(
  db: Kysely<DB>,
  actor: Actor,
  input: { taskId: number; periodId: number; unitId: number; reason: string; requestedDue: string },
): Promise<ExtensionRecord> {
  if (!input.reason.trim()) throw new DubanError('bad_input', '延期申请必须说明理由');
  return inTransaction(db, async (trx) => {
    const period = await trx
      .selectFrom('periods')
      .select(['plan_id', 'due_date', 'label'])
      .where('id', '=', input.periodId)
      .executeTakeFirst();
    if (!period) throw new DubanError('not_found', '报告期不存在');
    if (!(await leadTaskIds(trx, input.unitId, period.plan_id)).includes(input.taskId))
      throw new DubanError('forbidden', '只能为本单位牵头的任务申请延期');
    if (period.due_date && input.requestedDue <= period.due_date)
      throw new DubanError('bad_input', `申请的截止日期须晚于当前截止日期 ${period.due_date}`);
    const pending = await trx
      .selectFrom('extensions')
      .select('id')
      .where('task_id', '=', input.taskId)
      .where('period_id', '=', input.periodId)
      .where('unit_id', '=', input.unitId)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (pending) throw new DubanError('conflict', '该任务已有待审批的延期申请');
    const at = nowIso();
    const { id } = await trx
      .insertInto('extensions')
      .values({
        task_id: input.taskId,
        period_id: input.periodId,
        unit_id: input.unitId,
        requested_by: actor.id,
        reason: input.reason,
        requested_due: input.requestedDue,
        state: 'pending',
        decided_by: null,
        decided_at: null,
        decision_comment: null,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [record] = await listExtensions(trx, { id });
    await recordAudit(
      trx,
      actor,
      { action: 'extension.request', entity: 'extension', entityId: id, after: record },
      at,
    );
    await enqueueNotification(trx, {
      event: 'extension.requested',
      title: '延期申请',
      text: `${record.unit.name} 申请第${record.task.seq}项延期至 ${input.requestedDue}：${input.reason}`,
      data: { extensionId: id, taskId: input.taskId, period: period.label },
      at,
    });
    return record;
  });
}

export async function decideExtension(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  input: { approve: boolean; comment?: string },
): Promise<ExtensionRecord> {
  return inTransaction(db, async (trx) => {
    const [before] = await listExtensions(trx, { id });
    if (!before) throw new DubanError('not_found', '延期申请不存在');
    if (before.state !== 'pending') throw new DubanError('conflict', '该延期申请已处理');
    const at = nowIso();
    await trx
      .updateTable('extensions')
      .set({
        state: input.approve ? 'approved' : 'refused',
        decided_by: actor.id,
        decided_at: at,
        decision_comment: input.comment ?? null,
      })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .execute();
    const [after] = await listExtensions(trx, { id });
    await recordAudit(
      trx,
      actor,
      {
        action: input.approve ? 'extension.approve' : 'extension.refuse',
        entity: 'extension',
        entityId: id,
        before,
        after,
      },
      at,
    );
    await enqueueNotification(trx, {
      event: 'extension.decided',
      title: input.approve ? '延期申请已批准' : '延期申请未批准',
      text: `第${after.task.seq}项（${after.unit.name}）延期至 ${after.requestedDue}：${input.approve ? '批准' : '不批准'}${input.comment ? `。${input.comment}` : ''}`,
      data: { extensionId: id, taskId: after.task.id, approved: input.approve },
      at,
    });
    return after;
  });
}

/** 销号: only a task whose latest report is done (or overridden to done) can be closed out. */
export async function closeTask(db: Kysely<DB>, actor: Actor, taskId: number, reason: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const task = await trx.selectFrom('tasks').select(['id', 'closed_at']).where('id', '=', taskId).executeTakeFirst();
    if (!task) throw new DubanError('not_found', '任务不存在');
    if (task.closed_at) throw new DubanError('conflict', '该任务已销号');
    const latest = await trx
      .selectFrom('reports as r')
      .innerJoin('periods as p', 'p.id', 'r.period_id')
      .select(['r.status', 'p.label'])
      .where('r.task_id', '=', taskId)
      .where('r.text', '!=', '')
      .orderBy('p.end_date', 'desc')
      .executeTakeFirst();
    if (latest?.status !== 'done')
      throw new DubanError('conflict', '只有已完成的任务才能销号（最近一期报告的状态不是“已完成”）');
    const at = nowIso();
    await trx
      .updateTable('tasks')
      .set({ closed_at: at, closed_by: actor.id, updated_at: at })
      .where('id', '=', taskId)
      .execute();
    await recordAudit(
      trx,
      actor,
      {
        action: 'task.close',
        entity: 'task',
        entityId: taskId,
        before: { closedAt: null },
        after: { closedAt: at, reason, period: latest.label },
      },
      at,
    );
  });
}

export async function reopenTask(db: Kysely<DB>, actor: Actor, taskId: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const task = await trx.selectFrom('tasks').select(['id', 'closed_at']).where('id', '=', taskId).executeTakeFirst();
    if (!task) throw new DubanError('not_found', '任务不存在');
    if (!task.closed_at) throw new DubanError('conflict', '该任务未销号');
    const at = nowIso();
    await trx
      .updateTable('tasks')
      .set({ closed_at: null, closed_by: null, updated_at: at })
      .where('id', '=', taskId)
      .execute();
    await recordAudit(
      trx,
      actor,
      {
        action: 'task.reopen',
        entity: 'task',
        entityId: taskId,
        before: { closedAt: task.closed_at },
        after: { closedAt: null },
      },
      at,
    );
  });
}
