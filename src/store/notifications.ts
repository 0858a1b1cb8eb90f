// Notification channels and the delivery outbox. A write that should notify someone (a reminder,
// a return, an approval) calls `enqueueNotification` in its own transaction: one pending delivery
// per enabled channel subscribed to the event. Any server process's worker (src/server/notify)
// claims due deliveries with a lease, sends them and records the outcome here.
import type { Kysely, Selectable } from 'kysely';
import { DubanError } from '../domain/index.js';
import { recordAudit, type Actor } from './audit.js';
import { nowIso } from './db.js';
import type { DB, NotificationChannelsTable, NotificationDeliveriesTable } from './schema.js';
import { inTransaction } from './transaction.js';

import {
  NOTIFICATION_EVENTS,
  type ChannelKind,
  type DeliveryState,
  type NotificationEvent,
} from '../domain/notifications.js';

export { NOTIFICATION_EVENTS, type ChannelKind, type NotificationEvent };

/** What happened, in words for a group chat and data for a machine. Formatted per channel kind at send time. */
export interface NotificationMessage {
  event: NotificationEvent;
  title: string;
  text: string;
  data: Record<string, unknown>;
  at: string;
}

export interface Channel {
  id: number;
  name: string;
  kind: ChannelKind;
  url: string;
  /** Never returned by the API once set; `hasSecret` says whether there is one. */
  secret: string | null;
  events: string[];
  enabled: boolean;
  createdAt: string;
}

export interface Delivery {
  id: number;
  channelId: number;
  event: string;
  payload: NotificationMessage;
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

const toChannel = (r: Selectable<NotificationChannelsTable>): Channel => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  url: r.url,
  secret: r.secret,
  events: JSON.parse(r.events) as string[],
  enabled: Boolean(r.enabled),
  createdAt: r.created_at,
});

const toDelivery = (r: Selectable<NotificationDeliveriesTable>): Delivery => ({
  id: r.id,
  channelId: r.channel_id,
  event: r.event,
  payload: JSON.parse(r.payload) as NotificationMessage,
  state: r.state,
  attempts: r.attempts,
  lastError: r.last_error,
  nextAttemptAt: r.next_attempt_at,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

export const publicChannel = (c: Channel) => {
  const { secret, ...rest } = c;
  return { ...rest, hasSecret: secret != null && secret !== '' };
};

export async function listChannels(db: Kysely<DB>): Promise<Channel[]> {
  return (await db.selectFrom('notification_channels').selectAll().orderBy('id').execute()).map(toChannel);
}

export interface ChannelInput {
  name: string;
  kind: ChannelKind;
  url: string;
  secret?: string | null;
  events: string[];
  enabled?: boolean;
}

function checkChannel(input: Partial<ChannelInput>): void {
  if (input.url !== undefined && !/^https?:\/\//.test(input.url))
    throw new DubanError('bad_input', '通知地址必须以 http:// 或 https:// 开头');
  const unknown = (input.events ?? []).filter((e) => !(NOTIFICATION_EVENTS as readonly string[]).includes(e));
  if (unknown.length) throw new DubanError('bad_input', `未知的通知事件：${unknown.join('、')}`);
}

export async function createChannel(db: Kysely<DB>, actor: Actor, input: ChannelInput): Promise<Channel> {
  checkChannel(input);
  const now = nowIso();
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('notification_channels')
      .values({
        name: input.name,
        kind: input.kind,
        url: input.url,
        secret: input.secret ?? null,
        events: JSON.stringify(input.events),
        enabled: input.enabled === false ? 0 : 1,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const channel = toChannel(row);
    await recordAudit(
      trx,
      actor,
      { action: 'channel.create', entity: 'channel', entityId: channel.id, after: publicChannel(channel) },
      now,
    );
    return channel;
  });
}

export async function updateChannel(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  patch: Partial<ChannelInput>,
): Promise<Channel> {
  checkChannel(patch);
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('notification_channels').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new DubanError('not_found', '通知渠道不存在');
    const row = await trx
      .updateTable('notification_channels')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.url !== undefined ? { url: patch.url } : {}),
        ...(patch.secret !== undefined ? { secret: patch.secret } : {}),
        ...(patch.events !== undefined ? { events: JSON.stringify(patch.events) } : {}),
        ...(patch.enabled !== undefined ? { enabled: patch.enabled ? 1 : 0 } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toChannel(row);
    await recordAudit(trx, actor, {
      action: 'channel.update',
      entity: 'channel',
      entityId: id,
      before: publicChannel(toChannel(before)),
      after: publicChannel(after),
    });
    return after;
  });
}

export async function deleteChannel(db: Kysely<DB>, actor: Actor, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('notification_channels').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new DubanError('not_found', '通知渠道不存在');
    await trx.deleteFrom('notification_channels').where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'channel.delete',
      entity: 'channel',
      entityId: id,
      before: publicChannel(toChannel(before)),
    });
  });
}

/**
 * Queues the message for every enabled channel subscribed to its event (only those of `onlyChannels`
 * when given: a sender choosing channels per send). Call inside the write's transaction.
 */
export async function enqueueNotification(
  db: Kysely<DB>,
  message: NotificationMessage,
  onlyChannels?: readonly number[],
): Promise<number> {
  const channels = (await db.selectFrom('notification_channels').selectAll().where('enabled', '=', 1).execute())
    .map(toChannel)
    .filter((c) => c.events.includes(message.event))
    .filter((c) => !onlyChannels || onlyChannels.includes(c.id));
  if (channels.length === 0) return 0;
  await db
    .insertInto('notification_deliveries')
    .values(
      channels.map((c) => ({
        channel_id: c.id,
        event: message.event,
        payload: JSON.stringify(message),
        state: 'pending' as const,
        attempts: 0,
        last_error: null,
        next_attempt_at: message.at,
        created_at: message.at,
        delivered_at: null,
      })),
    )
    .execute();
  return channels.length;
}

export async function listDeliveries(
  db: Kysely<DB>,
  q: { channelId?: number; limit?: number } = {},
): Promise<Delivery[]> {
  let query = db.selectFrom('notification_deliveries').selectAll();
  if (q.channelId != null) query = query.where('channel_id', '=', q.channelId);
  return (
    await query
      .orderBy('id', 'desc')
      .limit(q.limit ?? 200)
      .execute()
  ).map(toDelivery);
}

/**
 * Claims up to `limit` due deliveries for this worker: each claim moves `next_attempt_at` forward
 * by the lease, guarded by its old value, so two processes never send the same attempt.
 */
export async function claimDueDeliveries(
  db: Kysely<DB>,
  now: string,
  leaseUntil: string,
  limit = 20,
): Promise<(Delivery & { channel: Channel })[]> {
  const due = await db
    .selectFrom('notification_deliveries')
    .selectAll()
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  const claimed: (Delivery & { channel: Channel })[] = [];
  for (const d of due) {
    const r = await db
      .updateTable('notification_deliveries')
      .set({ next_attempt_at: leaseUntil })
      .where('id', '=', d.id)
      .where('state', '=', 'pending')
      .where('next_attempt_at', '=', d.next_attempt_at)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) continue;
    const channel = await db
      .selectFrom('notification_channels')
      .selectAll()
      .where('id', '=', d.channel_id)
      .executeTakeFirst();
    if (channel) claimed.push({ ...toDelivery(d), channel: toChannel(channel) });
  }
  return claimed;
}

export async function recordDeliveryResult(
  db: Kysely<DB>,
  id: number,
  result: { ok: true; at: string } | { ok: false; at: string; error: string; retryAt: string | null },
): Promise<void> {
  const row = await db
    .selectFrom('notification_deliveries')
    .select('attempts')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const attempts = row.attempts + 1;
  if (result.ok) {
    await db
      .updateTable('notification_deliveries')
      .set({ state: 'delivered', attempts, delivered_at: result.at, next_attempt_at: null, last_error: null })
      .where('id', '=', id)
      .execute();
  } else {
    await db
      .updateTable('notification_deliveries')
      .set({
        state: result.retryAt ? 'pending' : 'failed',
        attempts,
        last_error: result.error.slice(0, 500),
        next_attempt_at: result.retryAt,
      })
      .where('id', '=', id)
      .execute();
  }
}
