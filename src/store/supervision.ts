// 督办单 (supervision notices): the office raises one on a task or on a unit's set of lagging
// tasks, numbered per plan year (督办〔2024〕第N号), with an urgency level, a deadline and the
// feedback required. The unit 签收 it and answers with a 办结反馈; the office accepts it or sends it
// back. A notice left unanswered past its deadline is escalated (supervision-ladder.ts) by
// `escalateDue`, which callers run with their clock. Every step is in the audit log, under the
// notice and under each of its tasks (the task's trail).
import { sql, type Kysely } from 'kysely';
import type { Notice } from '../domain/api/supervision.js';
import { DubanError } from '../domain/index.js';
import { recordAudit, type Actor } from './audit.js';
import { enqueueNotification } from './notifications.js';
import type { DB, SupervisionNoticesTable, SupervisionState } from './schema.js';
import {
  AWAITING_UNIT,
  LEVEL_COLOR,
  LEVEL_LABEL,
  escalationOf,
  isOverdue,
  noticeNumber,
  type Level,
} from './supervision-ladder.js';
import { inTransaction } from './transaction.js';
import type { Selectable } from 'kysely';

/** A notice as the API answers it (src/domain/api/supervision.ts). */
export type NoticeRecord = Notice;

export interface RaiseInput {
  planId: number;
  unitId: number;
  taskIds: number[];
  level: Level;
  deadline: string;
  feedbackRequired: string;
  title?: string;
  body?: string;
}

export interface NoticeQuery {
  planId?: number;
  unitId?: number;
  leaderId?: number;
  state?: SupervisionState;
  /** Only notices still waiting for the unit or the office (not accepted). */
  open?: boolean;
  /** Only notices escalated at least once. */
  escalated?: boolean;
  taskId?: number;
  page?: number;
  pageSize?: number;
}

type Row = Selectable<SupervisionNoticesTable>;

/** The next number of the plan year, from one upsert … returning: two offices raising at once get two numbers. */
async function nextNumber(db: Kysely<DB>, year: number): Promise<number> {
  const row = await db
    .insertInto('supervision_counters')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql<number>`supervision_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

async function trail(
  db: Kysely<DB>,
  actor: Actor,
  action: string,
  notice: { id: number; taskIds: number[] },
  change: { before?: unknown; after?: unknown },
  at: string,
): Promise<void> {
  await recordAudit(db, actor, { action, entity: 'supervision', entityId: notice.id, ...change }, at);
  for (const taskId of notice.taskIds)
    await recordAudit(
      db,
      actor,
      { action, entity: 'task', entityId: taskId, after: { noticeId: notice.id, ...(change.after ?? {}) } },
      at,
    );
}

async function taskIdsOf(db: Kysely<DB>, noticeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('supervision_notice_tasks')
    .select('task_id')
    .where('notice_id', '=', noticeId)
    .execute();
  return rows.map((r) => r.task_id);
}

/** Raises a notice: checks the tasks are the plan's and led (or co-led) by the unit, numbers it, notifies. */
export async function raiseNotice(db: Kysely<DB>, actor: Actor, input: RaiseInput, now: string): Promise<NoticeRecord> {
  const taskIds = [...new Set(input.taskIds)];
  if (taskIds.length === 0) throw new DubanError('bad_input', '请至少选择一项任务');
  if (!input.feedbackRequired.trim()) throw new DubanError('bad_input', '请写明反馈要求');
  if (input.deadline < now.slice(0, 10)) throw new DubanError('bad_input', '办理期限不能早于今天');
  const id = await inTransaction(db, async (trx) => {
    const plan = await trx.selectFrom('plans').select(['id', 'year']).where('id', '=', input.planId).executeTakeFirst();
    if (!plan) throw new DubanError('not_found', '计划不存在');
    const unit = await trx.selectFrom('units').select(['id', 'name']).where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) throw new DubanError('not_found', '单位不存在');
    const tasks = await trx
      .selectFrom('tasks as t')
      .innerJoin('task_units as tu', 'tu.task_id', 't.id')
      .select(['t.id', 't.seq', 't.target'])
      .where('t.id', 'in', taskIds)
      .where('t.plan_id', '=', plan.id)
      .where('tu.unit_id', '=', unit.id)
      .orderBy('t.seq')
      .execute();
    if (tasks.length !== taskIds.length) throw new DubanError('bad_input', `所选任务不都属于${unit.name}和本计划`);
    const number = await nextNumber(trx, plan.year);
    const title =
      input.title?.trim() ||
      (tasks.length === 1 ? `关于第${tasks[0].seq}项任务的督办单` : `关于${unit.name}${tasks.length}项任务的督办单`);
    const body =
      input.body?.trim() ||
      `${unit.name}牵头的${tasks.map((t) => `第${t.seq}项`).join('、')}任务推进滞后，请高度重视，逐项研究落实。`;
    const row = await trx
      .insertInto('supervision_notices')
      .values({
        plan_id: plan.id,
        year: plan.year,
        number,
        unit_id: unit.id,
        level: input.level,
        initial_level: input.level,
        state: 'issued',
        title,
        body,
        feedback_required: input.feedbackRequired.trim(),
        deadline: input.deadline,
        escalations: 0,
        escalated_at: null,
        feedback: null,
        answered_at: null,
        answered_by: null,
        signed_at: null,
        signed_by: null,
        decision_comment: null,
        decided_at: null,
        decided_by: null,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('supervision_notice_tasks')
      .values(tasks.map((t) => ({ notice_id: row.id, task_id: t.id })))
      .execute();
    const label = noticeNumber(plan.year, number);
    await trail(
      trx,
      actor,
      'supervision.issue',
      { id: row.id, taskIds },
      { after: { number: label, unitId: unit.id, level: input.level, deadline: input.deadline } },
      now,
    );
    await enqueueNotification(trx, {
      event: 'supervision',
      title: `${LEVEL_LABEL[input.level]}：${label}`,
      text: `${unit.name}：${title}，请于${input.deadline}前反馈。`,
      data: { noticeId: row.id, number: label, unit, level: input.level, deadline: input.deadline, taskIds },
      at: now,
    });
    return row.id;
  });
  return (await getNotice(db, id, now))!;
}

export async function getNotice(db: Kysely<DB>, id: number, now: string): Promise<NoticeRecord | null> {
  const { items } = await listNotices(db, { ids: [id] }, now);
  return items[0] ?? null;
}

export async function listNotices(
  db: Kysely<DB>,
  q: NoticeQuery & { ids?: number[] },
  now: string,
): Promise<{ items: NoticeRecord[]; total: number }> {
  let query = db.selectFrom('supervision_notices as n');
  if (q.ids) query = query.where('n.id', 'in', q.ids.length ? q.ids : [-1]);
  if (q.planId != null) query = query.where('n.plan_id', '=', q.planId);
  if (q.unitId != null) query = query.where('n.unit_id', '=', q.unitId);
  if (q.state) query = query.where('n.state', '=', q.state);
  if (q.open) query = query.where('n.state', '!=', 'accepted');
  if (q.escalated) query = query.where('n.escalations', '>', 0);
  if (q.taskId != null)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('supervision_notice_tasks as nt')
          .select('nt.task_id')
          .whereRef('nt.notice_id', '=', 'n.id')
          .where('nt.task_id', '=', q.taskId!),
      ),
    );
  if (q.leaderId != null)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('supervision_notice_tasks as nt')
          .innerJoin('task_leaders as tl', 'tl.task_id', 'nt.task_id')
          .select('nt.task_id')
          .whereRef('nt.notice_id', '=', 'n.id')
          .where('tl.leader_id', '=', q.leaderId!),
      ),
    );
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const pageSize = Math.min(q.pageSize ?? 50, 200);
  const page = Math.max(q.page ?? 1, 1);
  const rows = await query
    .innerJoin('units as u', 'u.id', 'n.unit_id')
    .leftJoin('users as c', 'c.id', 'n.created_by')
    .selectAll('n')
    .select(['u.name as unit_name', 'c.display_name as creator'])
    .orderBy('n.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const ids = rows.map((r) => r.id);
  const tasks = ids.length
    ? await db
        .selectFrom('supervision_notice_tasks as nt')
        .innerJoin('tasks as t', 't.id', 'nt.task_id')
        .select(['nt.notice_id', 't.id', 't.seq', 't.target'])
        .where('nt.notice_id', 'in', ids)
        .orderBy('t.seq')
        .execute()
    : [];
  const leaders = ids.length
    ? await db
        .selectFrom('supervision_notice_tasks as nt')
        .innerJoin('task_leaders as tl', 'tl.task_id', 'nt.task_id')
        .innerJoin('leaders as l', 'l.id', 'tl.leader_id')
        .select(['nt.notice_id', 'l.id', 'l.name'])
        .where('nt.notice_id', 'in', ids)
        .orderBy('tl.position')
        .execute()
    : [];
  const items = rows.map((r) => toRecord(r, r.unit_name, r.creator, now, tasks, leaders));
  return { items, total: Number(total) };
}

function toRecord(
  r: Row,
  unitName: string,
  creator: string | null,
  now: string,
  tasks: { notice_id: number; id: number; seq: number; target: string }[],
  leaders: { notice_id: number; id: number; name: string }[],
): NoticeRecord {
  const level = r.level;
  const noticeLeaders = new Map<number, { id: number; name: string }>();
  for (const l of leaders) if (l.notice_id === r.id) noticeLeaders.set(l.id, { id: l.id, name: l.name });
  return {
    id: r.id,
    number: noticeNumber(r.year, r.number),
    year: r.year,
    seq: r.number,
    planId: r.plan_id,
    unit: { id: r.unit_id, name: unitName },
    level,
    levelLabel: LEVEL_LABEL[level],
    levelColor: LEVEL_COLOR[level],
    initialLevel: r.initial_level,
    state: r.state,
    title: r.title,
    body: r.body,
    feedbackRequired: r.feedback_required,
    deadline: r.deadline,
    escalations: Number(r.escalations),
    escalatedAt: r.escalated_at,
    overdue: isOverdue({ ...r, escalations: Number(r.escalations) }, now),
    feedback: r.feedback,
    answeredAt: r.answered_at,
    signedAt: r.signed_at,
    decisionComment: r.decision_comment,
    decidedAt: r.decided_at,
    createdBy: r.created_by != null ? { id: r.created_by, name: creator ?? '' } : null,
    createdAt: r.created_at,
    tasks: tasks.filter((t) => t.notice_id === r.id).map((t) => ({ id: t.id, seq: t.seq, target: t.target })),
    leaders: [...noticeLeaders.values()],
  };
}

async function noticeRow(db: Kysely<DB>, id: number): Promise<Row> {
  const row = await db.selectFrom('supervision_notices').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DubanError('not_found', '督办单不存在');
  return row;
}

/**
 * Moves the notice from one of `from` to `to` with the given column changes, guarded by its
 * current state so that two clicks (or two offices) cannot both apply.
 */
async function transition(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  step: {
    action: string;
    from: readonly SupervisionState[];
    to: SupervisionState;
    set: Partial<Omit<Row, 'id'>>;
    unitId?: number;
    refusal: string;
    audit?: Record<string, unknown>;
  },
  now: string,
): Promise<NoticeRecord> {
  await inTransaction(db, async (trx) => {
    const row = await noticeRow(trx, id);
    if (step.unitId != null && row.unit_id !== step.unitId) throw new DubanError('forbidden', '只能办理本单位的督办单');
    if (!step.from.includes(row.state)) throw new DubanError('conflict', step.refusal);
    const result = await trx
      .updateTable('supervision_notices')
      .set({ ...step.set, state: step.to, updated_at: now })
      .where('id', '=', id)
      .where('state', '=', row.state)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new DubanError('conflict', step.refusal);
    await trail(
      trx,
      actor,
      step.action,
      { id, taskIds: await taskIdsOf(trx, id) },
      { before: { state: row.state }, after: { state: step.to, ...step.audit } },
      now,
    );
  });
  return (await getNotice(db, id, now))!;
}

/** 签收 by the unit. */
export function signNotice(db: Kysely<DB>, actor: Actor, id: number, unitId: number, now: string) {
  return transition(
    db,
    actor,
    id,
    {
      action: 'supervision.sign',
      from: ['issued'],
      to: 'signed',
      set: { signed_at: now, signed_by: actor.id },
      unitId,
      refusal: '该督办单已签收',
    },
    now,
  );
}

/** 办结反馈 by the unit (signing it at the same time if it had not been). */
export async function answerNotice(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  unitId: number,
  feedback: string,
  now: string,
): Promise<NoticeRecord> {
  if (!feedback.trim()) throw new DubanError('bad_input', '请填写办结反馈');
  const row = await noticeRow(db, id);
  return transition(
    db,
    actor,
    id,
    {
      action: 'supervision.answer',
      from: AWAITING_UNIT,
      to: 'answered',
      set: {
        feedback: feedback.trim(),
        answered_at: now,
        answered_by: actor.id,
        ...(row.signed_at ? {} : { signed_at: now, signed_by: actor.id }),
      },
      unitId,
      refusal: '该督办单当前不需要反馈',
      audit: { feedback: feedback.trim() },
    },
    now,
  );
}

/** The office accepts the feedback (办结) or sends it back with a comment and, optionally, a new deadline. */
export function decideNotice(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  decision: { accept: boolean; comment?: string; deadline?: string },
  now: string,
): Promise<NoticeRecord> {
  const comment = decision.comment?.trim() || null;
  if (!decision.accept && !comment) throw new DubanError('bad_input', '退回时请写明原因');
  if (!decision.accept && decision.deadline && decision.deadline < now.slice(0, 10))
    throw new DubanError('bad_input', '新的办理期限不能早于今天');
  return transition(
    db,
    actor,
    id,
    {
      action: decision.accept ? 'supervision.accept' : 'supervision.return',
      from: ['answered'],
      to: decision.accept ? 'accepted' : 'returned',
      set: {
        decision_comment: comment,
        decided_at: now,
        decided_by: actor.id,
        ...(!decision.accept && decision.deadline ? { deadline: decision.deadline } : {}),
      },
      refusal: '只有已反馈的督办单可以办结或退回',
      audit: { comment, ...(decision.deadline && !decision.accept ? { deadline: decision.deadline } : {}) },
    },
    now,
  );
}

/**
 * The escalation step: every notice past its deadline and still waiting for the unit rises as
 * `escalationOf` says, as many times as the time elapsed calls for. Each rise is guarded by the
 * escalation count it started from, so processes running the step at once apply it once.
 * Returns how many rises were applied.
 */
export async function escalateDue(db: Kysely<DB>, actor: Actor, now: string): Promise<number> {
  const today = now.slice(0, 10);
  const due = await db
    .selectFrom('supervision_notices')
    .selectAll()
    .where('state', 'in', [...AWAITING_UNIT])
    .where('deadline', '<', today)
    .execute();
  let applied = 0;
  for (const original of due) {
    let notice = { ...original, escalations: Number(original.escalations) };
    for (let step = escalationOf(notice, now); step; step = escalationOf(notice, now)) {
      const rise = step;
      const ok = await inTransaction(db, async (trx) => {
        const result = await trx
          .updateTable('supervision_notices')
          .set({
            level: rise.toLevel,
            deadline: rise.newDeadline,
            escalations: notice.escalations + 1,
            escalated_at: now,
            updated_at: now,
          })
          .where('id', '=', notice.id)
          .where('escalations', '=', notice.escalations)
          .where('state', 'in', [...AWAITING_UNIT])
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        const taskIds = await taskIdsOf(trx, notice.id);
        const label = noticeNumber(notice.year, notice.number);
        await trail(
          trx,
          actor,
          'supervision.escalate',
          { id: notice.id, taskIds },
          {
            before: { level: rise.fromLevel, deadline: notice.deadline },
            after: { level: rise.toLevel, deadline: rise.newDeadline, escalation: notice.escalations + 1 },
          },
          now,
        );
        await enqueueNotification(trx, {
          event: 'supervision',
          title: `督办单提级：${label} 升为${LEVEL_LABEL[rise.toLevel]}，已报分管领导`,
          text: `${label}逾期未反馈（原期限 ${notice.deadline}），新期限 ${rise.newDeadline}。`,
          data: { noticeId: notice.id, number: label, level: rise.toLevel, deadline: rise.newDeadline, taskIds },
          at: now,
        });
        return true;
      });
      if (!ok) break;
      applied += 1;
      notice = {
        ...notice,
        level: rise.toLevel,
        deadline: rise.newDeadline,
        escalations: notice.escalations + 1,
        escalated_at: now,
      };
    }
  }
  return applied;
}
