// A task's 操作记录: every audited write about the task, its reports (save, submit, return,
// approve, override), their comments and evidence, its extension requests and reminders, newest
// first, with who did it by display name, the action in Chinese and what changed (workflow/trail.ts).
import type { Kysely } from 'kysely';
import { actionLabel, actorLabel, describeChange } from '../workflow/trail.js';
import type { DB } from './schema.js';

export interface TrailEntry {
  id: number;
  at: string;
  /** Display name of the person (or 系统 / 接口令牌 …). */
  actor: string;
  action: string;
  /** The action in Chinese. */
  label: string;
  /** The report's period, for steps on a report. */
  period: string | null;
  /** What changed, in one Chinese line (may be empty). */
  change: string;
}

export async function listTaskTrail(db: Kysely<DB>, taskId: number, limit = 200): Promise<TrailEntry[]> {
  const reports = await db
    .selectFrom('reports as r')
    .innerJoin('periods as p', 'p.id', 'r.period_id')
    .select(['r.id', 'p.label'])
    .where('r.task_id', '=', taskId)
    .execute();
  const periodOfReport = new Map(reports.map((r) => [String(r.id), r.label]));
  const reportIds = reports.map((r) => r.id);
  const idsOf = async (table: 'comments' | 'attachments', reportColumn: 'report_id') =>
    reportIds.length
      ? (await db.selectFrom(table).select(['id', reportColumn]).where(reportColumn, 'in', reportIds).execute()).map(
          (r) => ({ id: String(r.id), period: periodOfReport.get(String(r.report_id)) ?? null }),
        )
      : [];
  const [comments, attachments] = await Promise.all([
    idsOf('comments', 'report_id'),
    idsOf('attachments', 'report_id'),
  ]);
  const extensions = (await db.selectFrom('extensions').select('id').where('task_id', '=', taskId).execute()).map((r) =>
    String(r.id),
  );
  const reminders = (await db.selectFrom('reminders').select('id').where('task_id', '=', taskId).execute()).map((r) =>
    String(r.id),
  );
  const periodOf = new Map<string, string | null>([
    ...[...periodOfReport].map(([id, label]) => [`report:${id}`, label] as const),
    ...comments.map((c) => [`comment:${c.id}`, c.period] as const),
    ...attachments.map((a) => [`attachment:${a.id}`, a.period] as const),
  ]);

  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.at', 'a.actor_name', 'a.action', 'a.entity', 'a.entity_id', 'a.before', 'a.after'])
    .select('u.display_name')
    .where((eb) => {
      const about = (entity: string, ids: string[]) =>
        ids.length ? [eb.and([eb('a.entity', '=', entity), eb('a.entity_id', 'in', ids)])] : [];
      return eb.or([
        eb.and([eb('a.entity', '=', 'task'), eb('a.entity_id', '=', String(taskId))]),
        ...about('report', [...periodOfReport.keys()]),
        ...about(
          'comment',
          comments.map((c) => c.id),
        ),
        ...about(
          'attachment',
          attachments.map((a) => a.id),
        ),
        ...about('extension', extensions),
        ...about('reminder', reminders),
      ]);
    })
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: actorLabel(r.actor_name, r.display_name),
    action: r.action,
    label: actionLabel(r.action),
    period: periodOf.get(`${r.entity}:${r.entity_id}`) ?? null,
    change: describeChange(
      r.action,
      r.before == null ? null : JSON.parse(r.before),
      r.after == null ? null : JSON.parse(r.after),
    ),
  }));
}
