// The append-only audit log: every write records who, what, when, before and after.
// Call `recordAudit` inside the same transaction as the write it describes.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/** Who performs a write: a user, an API token, or the system (CLI, import). */
export interface Actor {
  id: number | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

export interface AuditEntry {
  action: string; // e.g. report.save, report.approve, period.open, user.create
  entity: string; // table-ish name: report, task, period, user …
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(
  db: Kysely<DB> | Transaction<DB>,
  actor: Actor,
  entry: AuditEntry,
  at = new Date().toISOString(),
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at,
      actor_id: actor.id,
      actor_name: actor.name,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId == null ? null : String(entry.entityId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export interface AuditQuery {
  entity?: string;
  entityId?: string | number;
  actorId?: number;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface AuditRecord {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export async function listAudit(db: Kysely<DB>, q: AuditQuery = {}): Promise<{ items: AuditRecord[]; total: number }> {
  let query = db.selectFrom('audit_log');
  if (q.entity) query = query.where('entity', '=', q.entity);
  if (q.entityId != null) query = query.where('entity_id', '=', String(q.entityId));
  if (q.actorId != null) query = query.where('actor_id', '=', q.actorId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<=', q.to);
  const pageSize = Math.min(q.pageSize ?? 50, 200);
  const page = Math.max(q.page ?? 1, 1);
  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await query
    .selectAll()
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before == null ? null : JSON.parse(r.before),
      after: r.after == null ? null : JSON.parse(r.after),
    })),
  };
}
