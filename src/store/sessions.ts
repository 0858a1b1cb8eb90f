// Login sessions and login back-off counters, both in the database so that any server process can
// serve any request (no sticky sessions, no in-memory rate limiter). The cookie token is never
// stored: only its SHA-256.
import type { Kysely } from 'kysely';
import type { DB } from './schema.js';
import { inTransaction } from './transaction.js';
import type { Role } from './users.js';

export interface SessionRecord {
  idHash: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  user: {
    id: number;
    username: string;
    displayName: string;
    role: Role;
    unitId: number | null;
    leaderId: number | null;
    disabled: boolean;
  };
}

export async function createSession(
  db: Kysely<DB>,
  s: { idHash: string; userId: number; csrfToken: string; now: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: s.idHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
    })
    .execute();
}

export async function findSession(db: Kysely<DB>, idHash: string): Promise<SessionRecord | null> {
  const r = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id_hash',
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.unit_id',
      'users.leader_id',
      'users.disabled',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!r) return null;
  return {
    idHash: r.id_hash,
    csrfToken: r.csrf_token,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    user: {
      id: r.user_id,
      username: r.username,
      displayName: r.display_name,
      role: r.role,
      unitId: r.unit_id,
      leaderId: r.leader_id,
      disabled: Boolean(r.disabled),
    },
  };
}

/** Slides the idle expiry forward. */
export async function touchSession(db: Kysely<DB>, idHash: string, now: string, expiresAt: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: Kysely<DB>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>, now: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

// ---- login back-off ------------------------------------------------------------------------

export interface BackoffPolicy {
  /** Failures allowed before the first lock. */
  freeFailures: number;
  /** First lock length; doubles with every further failure. */
  baseLockMs: number;
  maxLockMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { freeFailures: 5, baseLockMs: 30_000, maxLockMs: 15 * 60_000 };

/** The latest `locked_until` among the keys, when it is still in the future. */
export async function lockedUntil(db: Kysely<DB>, keys: string[], now: string): Promise<string | null> {
  const rows = await db.selectFrom('login_attempts').select('locked_until').where('key', 'in', keys).execute();
  const until = rows
    .map((r) => r.locked_until)
    .filter((u): u is string => u != null && u > now)
    .sort();
  return until.at(-1) ?? null;
}

/** Counts one failure per key; locks a key once it passes the free failures, for longer each time. */
export async function recordLoginFailure(
  db: Kysely<DB>,
  key: string,
  policy: BackoffPolicy,
  nowMs: number,
  freeFailures = policy.freeFailures,
): Promise<void> {
  const now = new Date(nowMs).toISOString();
  await inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('login_attempts').select('failures').where('key', '=', key).executeTakeFirst();
    const failures = (row?.failures ?? 0) + 1;
    const over = failures - freeFailures;
    const lockMs = over >= 0 ? Math.min(policy.baseLockMs * 2 ** over, policy.maxLockMs) : 0;
    const locked_until = lockMs > 0 ? new Date(nowMs + lockMs).toISOString() : null;
    if (row) {
      await trx
        .updateTable('login_attempts')
        .set({ failures, locked_until, updated_at: now })
        .where('key', '=', key)
        .execute();
    } else {
      // Two processes may race to create the row: the loser updates instead.
      await trx
        .insertInto('login_attempts')
        .values({ key, failures, locked_until, updated_at: now })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ failures: (eb) => eb('login_attempts.failures', '+', 1), updated_at: now }),
        )
        .execute();
    }
  });
}

export async function clearLoginFailures(db: Kysely<DB>, keys: string[]): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', 'in', keys).execute();
}
