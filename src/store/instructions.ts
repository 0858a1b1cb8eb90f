// 批示 (leader instructions): a leader writes an instruction on a task they lead; the task's lead
// units see it, must acknowledge it (已阅) and answer it; the office may answer too. The leader
// sees what became of each. An instruction can also be answered in the unit's next report: the
// answer is recorded when that report is submitted, in the same transaction, and points at it.
// Every step is in the audit log under the instruction and the task.
import type { Kysely } from 'kysely';
import { DubanError } from '../domain/index.js';
import { recordAudit, type Actor } from './audit.js';
import { enqueueNotification } from './notifications.js';
import type { DB, InstructionState } from './schema.js';
import { inTransaction } from './transaction.js';

export interface InstructionRecord {
  id: number;
  task: { id: number; seq: number; target: string; planId: number };
  leader: { id: number; name: string };
  units: { id: number; name: string }[];
  body: string;
  state: InstructionState;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  answeredByRole: 'unit' | 'admin' | null;
  /** The report whose submission carried the answer (在本次填报中答复), or null. */
  answerReport: { id: number; periodId: number; periodLabel: string } | null;
}

export interface InstructionQuery {
  ids?: number[];
  planId?: number;
  taskId?: number;
  leaderId?: number;
  /** Instructions on tasks this unit leads. */
  unitId?: number;
  state?: InstructionState;
  /** Not yet answered. */
  open?: boolean;
  page?: number;
  pageSize?: number;
}

async function trail(
  db: Kysely<DB>,
  actor: Actor,
  action: string,
  ids: { id: number; taskId: number },
  after: Record<string, unknown>,
  at: string,
): Promise<void> {
  await recordAudit(db, actor, { action, entity: 'instruction', entityId: ids.id, after }, at);
  await recordAudit(
    db,
    actor,
    { action, entity: 'task', entityId: ids.taskId, after: { instructionId: ids.id, ...after } },
    at,
  );
}

/** A leader's instruction on one of their tasks. */
export async function createInstruction(
  db: Kysely<DB>,
  actor: Actor,
  input: { taskId: number; leaderId: number; body: string },
  now: string,
): Promise<InstructionRecord> {
  const body = input.body.trim();
  if (!body) throw new DubanError('bad_input', '请填写批示内容');
  const id = await inTransaction(db, async (trx) => {
    const task = await trx.selectFrom('tasks').select(['id', 'seq']).where('id', '=', input.taskId).executeTakeFirst();
    if (!task) throw new DubanError('not_found', '任务不存在');
    const leads = await trx
      .selectFrom('task_leaders')
      .select('leader_id')
      .where('task_id', '=', task.id)
      .where('leader_id', '=', input.leaderId)
      .executeTakeFirst();
    if (!leads) throw new DubanError('forbidden', '只能对本人牵头的任务作批示');
    const row = await trx
      .insertInto('instructions')
      .values({
        task_id: task.id,
        leader_id: input.leaderId,
        author_id: actor.id,
        body,
        state: 'open',
        acknowledged_at: null,
        acknowledged_by: null,
        answer: null,
        answered_at: null,
        answered_by: null,
        answered_by_role: null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trail(trx, actor, 'instruction.create', { id: row.id, taskId: task.id }, { body }, now);
    await enqueueNotification(trx, {
      event: 'instruction',
      title: `领导批示（第${task.seq}项任务）`,
      text: `${actor.name}：${body}`,
      data: { instructionId: row.id, taskId: task.id, seq: task.seq },
      at: now,
    });
    return row.id;
  });
  return (await getInstruction(db, id))!;
}

export async function getInstruction(db: Kysely<DB>, id: number): Promise<InstructionRecord | null> {
  return (await listInstructions(db, { ids: [id] })).items[0] ?? null;
}

export async function listInstructions(
  db: Kysely<DB>,
  q: InstructionQuery,
): Promise<{ items: InstructionRecord[]; total: number }> {
  let query = db.selectFrom('instructions as i').innerJoin('tasks as t', 't.id', 'i.task_id');
  if (q.ids) query = query.where('i.id', 'in', q.ids.length ? q.ids : [-1]);
  if (q.planId != null) query = query.where('t.plan_id', '=', q.planId);
  if (q.taskId != null) query = query.where('i.task_id', '=', q.taskId);
  if (q.leaderId != null) query = query.where('i.leader_id', '=', q.leaderId);
  if (q.state) query = query.where('i.state', '=', q.state);
  if (q.open) query = query.where('i.state', '!=', 'answered');
  if (q.unitId != null)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('task_units as tu')
          .select('tu.task_id')
          .whereRef('tu.task_id', '=', 'i.task_id')
          .where('tu.unit_id', '=', q.unitId!)
          .where('tu.role', '=', 'lead'),
      ),
    );
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const pageSize = Math.min(q.pageSize ?? 50, 200);
  const page = Math.max(q.page ?? 1, 1);
  const rows = await query
    .innerJoin('leaders as l', 'l.id', 'i.leader_id')
    .leftJoin('users as ack', 'ack.id', 'i.acknowledged_by')
    .leftJoin('users as ans', 'ans.id', 'i.answered_by')
    .leftJoin('reports as ar', 'ar.id', 'i.answer_report_id')
    .leftJoin('periods as ap', 'ap.id', 'ar.period_id')
    .selectAll('i')
    .select([
      't.seq',
      't.target',
      't.plan_id',
      'l.name as leader_name',
      'ack.display_name as ack_name',
      'ans.display_name as answer_name',
      'ar.period_id as answer_period_id',
      'ap.label as answer_period_label',
    ])
    .orderBy('i.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const taskIds = [...new Set(rows.map((r) => r.task_id))];
  const units = taskIds.length
    ? await db
        .selectFrom('task_units as tu')
        .innerJoin('units as u', 'u.id', 'tu.unit_id')
        .select(['tu.task_id', 'u.id', 'u.name'])
        .where('tu.task_id', 'in', taskIds)
        .where('tu.role', '=', 'lead')
        .orderBy('tu.position')
        .execute()
    : [];
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      task: { id: r.task_id, seq: r.seq, target: r.target, planId: r.plan_id },
      leader: { id: r.leader_id, name: r.leader_name },
      units: units.filter((u) => u.task_id === r.task_id).map((u) => ({ id: u.id, name: u.name })),
      body: r.body,
      state: r.state,
      createdAt: r.created_at,
      acknowledgedAt: r.acknowledged_at,
      acknowledgedBy: r.ack_name ?? null,
      answer: r.answer,
      answeredAt: r.answered_at,
      answeredBy: r.answer_name ?? null,
      answeredByRole: r.answered_by_role,
      answerReport:
        r.answer_report_id != null && r.answer_period_id != null
          ? { id: r.answer_report_id, periodId: r.answer_period_id, periodLabel: r.answer_period_label ?? '' }
          : null,
    })),
  };
}

async function isLeadUnit(db: Kysely<DB>, taskId: number, unitId: number): Promise<boolean> {
  const row = await db
    .selectFrom('task_units')
    .select('task_id')
    .where('task_id', '=', taskId)
    .where('unit_id', '=', unitId)
    .where('role', '=', 'lead')
    .executeTakeFirst();
  return Boolean(row);
}

async function instructionRow(db: Kysely<DB>, id: number) {
  const row = await db.selectFrom('instructions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DubanError('not_found', '批示不存在');
  return row;
}

/** The lead unit acknowledges (已阅); a second acknowledgement changes nothing. */
export async function acknowledgeInstruction(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  unitId: number,
  now: string,
): Promise<InstructionRecord> {
  await inTransaction(db, async (trx) => {
    const row = await instructionRow(trx, id);
    if (!(await isLeadUnit(trx, row.task_id, unitId))) throw new DubanError('forbidden', '只有牵头单位可以签收批示');
    if (row.state !== 'open') return;
    const result = await trx
      .updateTable('instructions')
      .set({ state: 'acknowledged', acknowledged_at: now, acknowledged_by: actor.id })
      .where('id', '=', id)
      .where('state', '=', 'open')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1)
      await trail(trx, actor, 'instruction.acknowledge', { id, taskId: row.task_id }, { state: 'acknowledged' }, now);
  });
  return (await getInstruction(db, id))!;
}

/** Records the answer on an instruction read in this transaction; answered once (409 after). */
async function recordAnswer(
  trx: Kysely<DB>,
  actor: Actor,
  row: Awaited<ReturnType<typeof instructionRow>>,
  input: { answer: string; role: 'unit' | 'admin'; reportId?: number },
  now: string,
): Promise<void> {
  if (row.state === 'answered') throw new DubanError('conflict', '该批示已答复');
  const result = await trx
    .updateTable('instructions')
    .set({
      state: 'answered',
      answer: input.answer,
      answered_at: now,
      answered_by: actor.id,
      answered_by_role: input.role,
      answer_report_id: input.reportId ?? null,
      ...(row.acknowledged_at ? {} : { acknowledged_at: now, acknowledged_by: actor.id }),
    })
    .where('id', '=', row.id)
    .where('state', '=', row.state)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new DubanError('conflict', '该批示已答复');
  await trail(
    trx,
    actor,
    'instruction.answer',
    { id: row.id, taskId: row.task_id },
    { answer: input.answer, by: input.role, ...(input.reportId ? { reportId: input.reportId } : {}) },
    now,
  );
  await enqueueNotification(trx, {
    event: 'instruction',
    title: input.reportId ? '批示已在填报中答复' : '批示已答复',
    text: `${actor.name}：${input.answer}`,
    data: { instructionId: row.id, taskId: row.task_id, ...(input.reportId ? { reportId: input.reportId } : {}) },
    at: now,
  });
}

/** The answer, by the lead unit or the office; answering acknowledges too. Answered once. */
export async function answerInstruction(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  input: { answer: string; role: 'unit' | 'admin'; unitId?: number },
  now: string,
): Promise<InstructionRecord> {
  const answer = input.answer.trim();
  if (!answer) throw new DubanError('bad_input', '请填写落实情况');
  await inTransaction(db, async (trx) => {
    const row = await instructionRow(trx, id);
    if (input.role === 'unit' && !(await isLeadUnit(trx, row.task_id, input.unitId ?? -1)))
      throw new DubanError('forbidden', '只有牵头单位可以答复批示');
    await recordAnswer(trx, actor, row, { answer, role: input.role }, now);
  });
  return (await getInstruction(db, id))!;
}

/** Most characters of a report's text kept as the answer when the unit writes none of its own. */
export const REPORT_ANSWER_MAX_CHARS = 5000;

/**
 * 在本次填报中答复: inside the transaction that submits `report`, answers each listed instruction of
 * the report's task, with the unit's own words or, when it wrote none, the report's text (cut at
 * REPORT_ANSWER_MAX_CHARS), and links the answer to the report. Any instruction not on the task,
 * or already answered, refuses the whole step (the report stays unsubmitted).
 */
export async function answerInReport(
  trx: Kysely<DB>,
  actor: Actor,
  report: { id: number; taskId: number; text: string },
  input: { role: 'unit' | 'admin'; answers: { instructionId: number; answer?: string }[] },
  now: string,
): Promise<void> {
  if (new Set(input.answers.map((a) => a.instructionId)).size !== input.answers.length)
    throw new DubanError('bad_input', '同一条批示只能答复一次');
  for (const a of input.answers) {
    const row = await instructionRow(trx, a.instructionId);
    if (row.task_id !== report.taskId) throw new DubanError('bad_input', '该批示不属于本任务，不能在本次填报中答复');
    if (row.state === 'answered') throw new DubanError('conflict', '有批示已被答复，请刷新后再提交');
    const own = a.answer?.trim() ?? '';
    const answer = own || report.text.trim().slice(0, REPORT_ANSWER_MAX_CHARS);
    if (!answer) throw new DubanError('bad_input', '请填写落实情况');
    await recordAnswer(trx, actor, row, { answer, role: input.role, reportId: report.id }, now);
  }
}
