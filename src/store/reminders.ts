// Overdue reports and 催办. After a period's due date (or an approved extension's), a task whose
// lead unit has not submitted is overdue. The office sends a reminder, which lands in the unit's
// inbox and goes out on the notification channels; a unit reminded twice for the same task and
// period is escalated: the task shows in its leader's view. A reminder may carry a reply-by date;
// the same reminder sent again within DEDUPE_WINDOW_MS (a double click, a retried request) is
// the first one, not a second that would escalate.
import type { Kysely } from 'kysely';
import { DubanError } from '../domain/index.js';
import { recordAudit, type Actor } from './audit.js';
import { nowIso } from './db.js';
import { enqueueNotification } from './notifications.js';
import type { DB } from './schema.js';
import { inTransaction } from './transaction.js';
import { taskHasLeader } from './task-links.js';

/** Reminders at which a task is escalated to its leader. */
export const ESCALATE_AFTER = 2;
/** Identical reminders to the same unit, task and period within this window are one. */
export const DEDUPE_WINDOW_MS = 60_000;

export interface OverdueTask {
  taskId: number;
  seq: number;
  target: string;
  reportId: number;
  dueDate: string;
  reminders: number;
  escalated: boolean;
}

export interface OverdueUnit {
  unit: { id: number; name: string };
  tasks: OverdueTask[];
}

const endOfDay = (date: string) => `${date}T23:59:59.999Z`;

/**
 * Units and their tasks with no submitted report after the due date. `today` (YYYY-MM-DD) makes
 * the clock explicit. `leaderId` narrows to a leader's tasks.
 */
export async function listOverdue(
  db: Kysely<DB>,
  input: { periodId: number; today: string; leaderId?: number; unitId?: number },
): Promise<OverdueUnit[]> {
  const period = await db
    .selectFrom('periods')
    .select(['id', 'due_date'])
    .where('id', '=', input.periodId)
    .executeTakeFirst();
  if (!period) throw new DubanError('not_found', '报告期不存在');
  if (!period.due_date) return [];
  let query = db
    .selectFrom('reports as r')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .innerJoin('task_units as tu', (j) => j.onRef('tu.task_id', '=', 't.id').on('tu.role', '=', 'lead'))
    .innerJoin('units as u', 'u.id', 'tu.unit_id')
    .select(['r.id as report_id', 't.id as task_id', 't.seq', 't.target', 'u.id as unit_id', 'u.name as unit_name'])
    .where('r.period_id', '=', input.periodId)
    .where('r.state', 'not in', ['submitted', 'approved'])
    .where('t.closed_at', 'is', null);
  if (input.leaderId != null) query = query.where(taskHasLeader('t.id', input.leaderId));
  if (input.unitId != null) query = query.where('u.id', '=', input.unitId);
  const rows = await query.orderBy('u.name').orderBy('t.seq').execute();
  if (rows.length === 0) return [];
  // An approved extension moves that unit's due date for that task.
  const extensions = await db
    .selectFrom('extensions')
    .select(['task_id', 'unit_id', 'requested_due'])
    .where('period_id', '=', input.periodId)
    .where('state', '=', 'approved')
    .execute();
  const dueOf = (taskId: number, unitId: number) =>
    extensions
      .filter((e) => e.task_id === taskId && e.unit_id === unitId)
      .reduce((d, e) => (e.requested_due > d ? e.requested_due : d), period.due_date!);
  const counts = await reminderCounts(db, input.periodId);
  const byUnit = new Map<number, OverdueUnit>();
  for (const r of rows) {
    const due = dueOf(r.task_id, r.unit_id);
    if (input.today <= due) continue;
    const reminders = counts.get(`${r.task_id}:${r.unit_id}`) ?? 0;
    let entry = byUnit.get(r.unit_id);
    if (!entry) byUnit.set(r.unit_id, (entry = { unit: { id: r.unit_id, name: r.unit_name }, tasks: [] }));
    entry.tasks.push({
      taskId: r.task_id,
      seq: r.seq,
      target: r.target,
      reportId: r.report_id,
      dueDate: due,
      reminders,
      escalated: reminders >= ESCALATE_AFTER,
    });
  }
  return [...byUnit.values()];
}

async function reminderCounts(db: Kysely<DB>, periodId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('reminders')
    .select(['task_id', 'unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('period_id', '=', periodId)
    .groupBy(['task_id', 'unit_id'])
    .execute();
  return new Map(rows.map((r) => [`${r.task_id}:${r.unit_id}`, Number(r.n)]));
}

export interface ReminderRecord {
  id: number;
  task: { id: number; seq: number; target: string };
  periodId: number;
  unit: { id: number; name: string };
  message: string;
  replyBy: string | null;
  sentBy: { id: number; name: string } | null;
  createdAt: string;
  readAt: string | null;
  /** How many reminders this unit has had for this task and period, this one included. */
  count: number;
  escalated: boolean;
}

/**
 * 催办: one reminder per lead unit of the task (or only `unitId`). A unit that had the same
 * message and reply-by date for this task and period within the last minute gets no new one; the
 * earlier reminder is returned instead. `now` is the caller's clock (ISO).
 */
export async function sendReminder(
  db: Kysely<DB>,
  actor: Actor,
  input: {
    taskId: number;
    periodId: number;
    unitId?: number;
    message?: string;
    replyBy?: string | null;
    /** The channels to send it on besides the app (all subscribed ones when absent, none when empty). */
    channelIds?: number[];
  },
  now: string = nowIso(),
): Promise<ReminderRecord[]> {
  return inTransaction(db, async (trx) => {
    // Serialises reminders on this task (a row lock on PostgreSQL; SQLite has one writer), so two
    // clicks racing each other see each other's reminder and the dedupe below holds.
    await trx
      .updateTable('tasks')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', input.taskId)
      .execute();
    const task = await trx
      .selectFrom('tasks')
      .select(['id', 'seq', 'target', 'plan_id'])
      .where('id', '=', input.taskId)
      .executeTakeFirst();
    const period = await trx
      .selectFrom('periods')
      .select(['id', 'plan_id', 'label', 'due_date'])
      .where('id', '=', input.periodId)
      .executeTakeFirst();
    if (!task || !period || task.plan_id !== period.plan_id) throw new DubanError('not_found', '任务或报告期不存在');
    let units = trx
      .selectFrom('task_units as tu')
      .innerJoin('units as u', 'u.id', 'tu.unit_id')
      .select(['u.id', 'u.name'])
      .where('tu.task_id', '=', task.id)
      .where('tu.role', '=', 'lead');
    if (input.unitId != null) units = units.where('u.id', '=', input.unitId);
    const targets = await units.execute();
    if (targets.length === 0) throw new DubanError('bad_input', '该任务没有对应的牵头单位');
    const at = now;
    const replyBy = input.replyBy ?? null;
    const windowStart = new Date(Date.parse(at) - DEDUPE_WINDOW_MS).toISOString();
    const message =
      input.message?.trim() ||
      `请尽快报送第${task.seq}项任务${period.label}进展情况${period.due_date ? `（截止日期 ${period.due_date}）` : ''}。`;
    const ids: number[] = [];
    const fresh: number[] = [];
    for (const unit of targets) {
      let recent = trx
        .selectFrom('reminders')
        .select('id')
        .where('task_id', '=', task.id)
        .where('period_id', '=', period.id)
        .where('unit_id', '=', unit.id)
        .where('message', '=', message)
        .where('created_at', '>=', windowStart)
        .where('created_at', '<=', at);
      recent = replyBy == null ? recent.where('reply_by', 'is', null) : recent.where('reply_by', '=', replyBy);
      const duplicate = await recent.orderBy('id', 'desc').executeTakeFirst();
      if (duplicate) {
        ids.push(duplicate.id);
        continue;
      }
      const { id } = await trx
        .insertInto('reminders')
        .values({
          task_id: task.id,
          period_id: period.id,
          unit_id: unit.id,
          sent_by: actor.id,
          message,
          reply_by: replyBy,
          created_at: at,
          read_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(id);
      fresh.push(id);
      await recordAudit(
        trx,
        actor,
        {
          action: 'reminder.send',
          entity: 'reminder',
          entityId: id,
          after: { taskId: task.id, periodId: period.id, unitId: unit.id, message, replyBy },
        },
        at,
      );
    }
    const records = await listReminders(trx, { ids });
    for (const r of records.filter((x) => fresh.includes(x.id))) {
      await enqueueNotification(
        trx,
        {
          event: 'reminder',
          title: r.escalated ? `催办（第${r.count}次，已提级至分管领导）` : '催办',
          text: `${r.unit.name}：${message}${replyBy ? `（请于${replyBy}前回复）` : ''}`,
          data: {
            reminderId: r.id,
            taskId: task.id,
            seq: task.seq,
            period: period.label,
            unit: r.unit,
            count: r.count,
            escalated: r.escalated,
            replyBy,
          },
          at,
        },
        input.channelIds,
      );
    }
    return records;
  });
}

export async function listReminders(
  db: Kysely<DB>,
  q: {
    ids?: number[];
    periodId?: number;
    unitId?: number;
    leaderId?: number;
    unread?: boolean;
    escalatedOnly?: boolean;
  } = {},
): Promise<ReminderRecord[]> {
  let query = db
    .selectFrom('reminders as m')
    .innerJoin('tasks as t', 't.id', 'm.task_id')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .leftJoin('users as s', 's.id', 'm.sent_by')
    .select([
      'm.id',
      'm.task_id',
      'm.period_id',
      'm.unit_id',
      'm.message',
      'm.reply_by',
      'm.sent_by',
      'm.created_at',
      'm.read_at',
      't.seq',
      't.target',
      'u.name as unit_name',
      's.display_name as sender',
    ]);
  if (q.ids) query = query.where('m.id', 'in', q.ids.length ? q.ids : [-1]);
  if (q.periodId != null) query = query.where('m.period_id', '=', q.periodId);
  if (q.unitId != null) query = query.where('m.unit_id', '=', q.unitId);
  if (q.unread) query = query.where('m.read_at', 'is', null);
  if (q.leaderId != null) query = query.where(taskHasLeader('m.task_id', q.leaderId));
  const rows = await query.orderBy('m.id', 'desc').limit(500).execute();
  // The count is "how many so far" for each reminder, so the second one is the one that escalates.
  const all = rows.length
    ? await db
        .selectFrom('reminders')
        .select(['id', 'task_id', 'period_id', 'unit_id'])
        .where('task_id', 'in', [...new Set(rows.map((r) => r.task_id))])
        .execute()
    : [];
  const countUpTo = (r: (typeof rows)[number]) =>
    all.filter((o) => o.task_id === r.task_id && o.period_id === r.period_id && o.unit_id === r.unit_id && o.id <= r.id)
      .length;
  const totalFor = (r: (typeof rows)[number]) =>
    all.filter((o) => o.task_id === r.task_id && o.period_id === r.period_id && o.unit_id === r.unit_id).length;
  const records = rows.map((r) => ({
    id: r.id,
    task: { id: r.task_id, seq: r.seq, target: r.target },
    periodId: r.period_id,
    unit: { id: r.unit_id, name: r.unit_name },
    message: r.message,
    replyBy: r.reply_by ?? null,
    sentBy: r.sent_by != null ? { id: r.sent_by, name: r.sender ?? '' } : null,
    createdAt: r.created_at,
    readAt: r.read_at,
    count: countUpTo(r),
    escalated: totalFor(r) >= ESCALATE_AFTER,
  }));
  return q.escalatedOnly ? records.filter((r) => r.escalated) : records;
}

export async function markReminderRead(db: Kysely<DB>, actor: Actor, id: number, unitId: number): Promise<void> {
  const row = await db
    .selectFrom('reminders')
    .select(['id', 'unit_id', 'read_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new DubanError('not_found', '催办记录不存在');
  if (row.unit_id !== unitId) throw new DubanError('forbidden', '只能处理本单位的催办');
  if (row.read_at) return;
  const at = nowIso();
  await inTransaction(db, async (trx) => {
    await trx.updateTable('reminders').set({ read_at: at }).where('id', '=', id).execute();
    await recordAudit(
      trx,
      actor,
      { action: 'reminder.read', entity: 'reminder', entityId: id, before: { readAt: null }, after: { readAt: at } },
      at,
    );
  });
}

export { endOfDay };
