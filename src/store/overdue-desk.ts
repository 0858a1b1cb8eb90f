// The overdue desk (逾期/催办台): one row per unit for a period, counting overdue *tasks* (a task
// with two lead units counts once in the totals), the longest delay in days, reminders sent and
// tasks escalated (by reminders or by a 督办单 that rose), sortable, filterable by leader, theme
// and 督办单 level, paged here rather than in the browser, units in their official order (序列,
// else pinyin). `unitTasks` opens one unit's row. `today` is the caller's clock.
import type { Kysely } from 'kysely';
import type { DeskPage, DeskRow, DeskSort, DeskTask } from '../domain/api/supervision.js';
import type { DeskUrgency } from '../domain/supervision.js';
import { DubanError } from '../domain/index.js';
import { ESCALATE_AFTER } from './reminders.js';
import type { DB } from './schema.js';
import { SUPERVISION_LEVELS, type Level } from './supervision-ladder.js';
import { taskHasLeader } from './task-links.js';

export type { DeskPage, DeskRow, DeskSort, DeskTask };

export interface DeskQuery {
  periodId: number;
  today: string;
  leaderId?: number;
  themeId?: number;
  /** Only tasks under an open 督办单 of this level; 'none' for tasks with none. */
  urgency?: DeskUrgency;
  sort?: DeskSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
const pinyin = new Intl.Collator('zh-CN-u-co-pinyin');
const levelRank = (l: Level | null) => (l ? SUPERVISION_LEVELS.indexOf(l) + 1 : 0);

/** Official order: units with a 序列 first by it, the rest by pinyin. */
export function compareUnits(
  a: { name: string; position: number | null },
  b: { name: string; position: number | null },
): number {
  if (a.position != null && b.position != null && a.position !== b.position) return a.position - b.position;
  if (a.position != null && b.position == null) return -1;
  if (a.position == null && b.position != null) return 1;
  return pinyin.compare(a.name, b.name);
}

/** Every overdue (unit, task) of the period after the filters, with its figures. */
async function overduePairs(
  db: Kysely<DB>,
  q: Omit<DeskQuery, 'sort' | 'order' | 'page' | 'pageSize'> & { unitId?: number },
): Promise<{ unit: DeskRow['unit']; task: DeskTask }[]> {
  const period = await db
    .selectFrom('periods')
    .select(['id', 'plan_id', 'due_date'])
    .where('id', '=', q.periodId)
    .executeTakeFirst();
  if (!period) throw new DubanError('not_found', '报告期不存在');
  if (!period.due_date) return [];
  let query = db
    .selectFrom('reports as r')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .innerJoin('task_units as tu', (j) => j.onRef('tu.task_id', '=', 't.id').on('tu.role', '=', 'lead'))
    .innerJoin('units as u', 'u.id', 'tu.unit_id')
    .select([
      't.id as task_id',
      't.seq',
      't.target',
      'r.state',
      'u.id as unit_id',
      'u.name as unit_name',
      'u.position as unit_position',
    ])
    .where('r.period_id', '=', q.periodId)
    .where('r.state', 'not in', ['submitted', 'approved'])
    .where('t.closed_at', 'is', null);
  if (q.leaderId != null) query = query.where(taskHasLeader('t.id', q.leaderId));
  if (q.themeId != null) query = query.where('t.theme_id', '=', q.themeId);
  if (q.unitId != null) query = query.where('u.id', '=', q.unitId);
  const rows = await query.execute();
  if (rows.length === 0) return [];

  const extensions = await db
    .selectFrom('extensions')
    .select(['task_id', 'unit_id', 'requested_due'])
    .where('period_id', '=', q.periodId)
    .where('state', '=', 'approved')
    .execute();
  const dueOf = new Map<string, string>();
  for (const e of extensions) {
    const key = `${e.task_id}:${e.unit_id}`;
    if (e.requested_due > (dueOf.get(key) ?? '')) dueOf.set(key, e.requested_due);
  }
  const reminders = await db
    .selectFrom('reminders')
    .select([
      'task_id',
      'unit_id',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.max('created_at').as('last'),
    ])
    .where('period_id', '=', q.periodId)
    .groupBy(['task_id', 'unit_id'])
    .execute();
  const reminderOf = new Map(reminders.map((r) => [`${r.task_id}:${r.unit_id}`, r]));
  const notices = await db
    .selectFrom('supervision_notices as n')
    .innerJoin('supervision_notice_tasks as nt', 'nt.notice_id', 'n.id')
    .select(['nt.task_id', 'n.unit_id', 'n.level', 'n.escalations'])
    .where('n.plan_id', '=', period.plan_id)
    .where('n.state', '!=', 'accepted')
    .execute();
  const noticeOf = new Map<string, { level: Level; escalated: boolean }>();
  for (const n of notices) {
    const key = `${n.task_id}:${n.unit_id}`;
    const prev = noticeOf.get(key);
    noticeOf.set(key, {
      level: prev && levelRank(prev.level) > levelRank(n.level) ? prev.level : n.level,
      escalated: (prev?.escalated ?? false) || Number(n.escalations) > 0,
    });
  }

  const out: { unit: DeskRow['unit']; task: DeskTask }[] = [];
  for (const r of rows) {
    const key = `${r.task_id}:${r.unit_id}`;
    const extended = dueOf.get(key);
    const due = extended && extended > period.due_date ? extended : period.due_date;
    if (q.today <= due) continue;
    const notice = noticeOf.get(key) ?? null;
    if (q.urgency && (q.urgency === 'none' ? notice != null : notice?.level !== q.urgency)) continue;
    const rem = reminderOf.get(key);
    const count = Number(rem?.n ?? 0);
    out.push({
      unit: { id: r.unit_id, name: r.unit_name, position: r.unit_position ?? null },
      task: {
        taskId: r.task_id,
        seq: r.seq,
        target: r.target,
        dueDate: due,
        daysOverdue: daysBetween(due, q.today),
        reminders: count,
        lastReminderAt: (rem?.last as string | null | undefined) ?? null,
        escalated: count >= ESCALATE_AFTER || (notice?.escalated ?? false),
        noticeLevel: notice?.level ?? null,
        reportState: r.state,
      },
    });
  }
  return out;
}

export async function overdueDesk(db: Kysely<DB>, q: DeskQuery): Promise<DeskPage> {
  const pairs = await overduePairs(db, q);
  const byUnit = new Map<number, DeskRow>();
  for (const { unit, task } of pairs) {
    let row = byUnit.get(unit.id);
    if (!row)
      byUnit.set(
        unit.id,
        (row = {
          unit,
          overdueTasks: 0,
          maxDaysOverdue: 0,
          reminders: 0,
          escalated: 0,
          openNotices: 0,
          topLevel: null,
        }),
      );
    row.overdueTasks += 1;
    row.maxDaysOverdue = Math.max(row.maxDaysOverdue, task.daysOverdue);
    row.reminders += task.reminders;
    if (task.escalated) row.escalated += 1;
    if (task.noticeLevel) {
      row.openNotices += 1;
      if (levelRank(task.noticeLevel) > levelRank(row.topLevel)) row.topLevel = task.noticeLevel;
    }
  }
  const sort = q.sort ?? 'order';
  const sign = (q.order ?? (sort === 'order' ? 'asc' : 'desc')) === 'asc' ? 1 : -1;
  const figure = (r: DeskRow): number =>
    sort === 'overdue'
      ? r.overdueTasks
      : sort === 'days'
        ? r.maxDaysOverdue
        : sort === 'reminders'
          ? r.reminders
          : sort === 'escalated'
            ? r.escalated
            : 0;
  const rows = [...byUnit.values()].sort(
    (a, b) => sign * (figure(a) - figure(b)) || (sort === 'order' ? sign : 1) * compareUnits(a.unit, b.unit),
  );
  const pageSize = Math.min(q.pageSize ?? 20, 200);
  const page = Math.max(q.page ?? 1, 1);
  return {
    items: rows.slice((page - 1) * pageSize, page * pageSize),
    total: rows.length,
    totalTasks: new Set(pairs.map((p) => p.task.taskId)).size,
    page,
    pageSize,
  };
}

/** One unit's overdue tasks (the row opened), longest delay first. */
export async function unitOverdueTasks(
  db: Kysely<DB>,
  q: Omit<DeskQuery, 'sort' | 'order' | 'page' | 'pageSize'> & { unitId: number },
): Promise<DeskTask[]> {
  const pairs = await overduePairs(db, q);
  return pairs.map((p) => p.task).sort((a, b) => b.daysOverdue - a.daysOverdue || a.seq - b.seq);
}
