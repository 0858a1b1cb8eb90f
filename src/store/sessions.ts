// Login sessions and login back-off counters, both in the database so that any server process can
// serve any request (no sticky sessions, no in-memory rate limiter). The cookie token is never
// stored: only its SHA-256.
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';
import type { Role } from '../domain/index.js';

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
//
// Every password check first reserves its attempt: one statement counts it and returns the new
// count, so however many requests arrive at once (in however many processes), no more than
// `maxFailures` of them are ever verified in a window. A success gives the reservation back.
// Counts are per window (15 minutes by default): a typo made yesterday costs nothing today.

export interface BackoffPolicy {
  /** Failed attempts allowed per account in one window. */
  freeFailures: number;
  /** Failed attempts allowed per client address in one window (an office shares one NAT address). */
  freeFailuresPerAddress: number;
  /** How long a window lasts: counts start afresh after it. */
  windowMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  freeFailures: 5,
  freeFailuresPerAddress: 50,
  windowMs: 15 * 60_000,
};

export interface Reservation {
  allowed: boolean;
  /** Seconds until the window ends, when refused. */
  retryAfterSeconds: number;
}

/**
 * Counts one attempt against `key` and says whether it may be verified (the count is at most
 * `limit`). The count and the check are one statement: parallel requests cannot all slip through.
 */
export async function reserveAttempt(
  db: Kysely<DB>,
  key: string,
  limit: number,
  policy: BackoffPolicy,
  nowMs: number,
): Promise<Reservation> {
  const now = new Date(nowMs).toISOString();
  const windowOpenedAfter = new Date(nowMs - policy.windowMs).toISOString();
  const expired = sql<boolean>`login_attempts.window_started_at is null or login_attempts.window_started_at <= ${windowOpenedAfter}`;
  const row = await db
    .insertInto('login_attempts')
    .values({ key, failures: 1, locked_until: null, updated_at: now, window_started_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when ${expired} then 1 else login_attempts.failures + 1 end`,
        window_started_at: sql<string>`case when ${expired} then ${now} else login_attempts.window_started_at end`,
        updated_at: now,
      }),
    )
    .returning(['failures', 'window_started_at'])
    .executeTakeFirstOrThrow();
  if (row.failures <= limit) return { allowed: true, retryAfterSeconds: 0 };
  const endsMs = Date.parse(row.window_started_at ?? now) + policy.windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsMs - nowMs) / 1000)) };
}

/** A verified attempt was right after all: its reservation no longer counts as a failure. */
export async function releaseAttempt(db: Kysely<DB>, key: string): Promise<void> {
  await db
    .updateTable('login_attempts')
    .set({ failures: sql<number>`case when failures > 0 then failures - 1 else 0 end` })
    .where('key', '=', key)
    .execute();
}

export async function clearLoginFailures(db: Kysely<DB>, keys: string[]): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', 'in', keys).execute();
}

/** The keys under which an account's attempts are counted: its logins and its password changes. */
export function accountAttemptKeys(username: string, userId: number): string[] {
  return [`user:${username.trim().toLowerCase()}`, `password:${userId}`];
}

/** Whether an account is locked now (its login or password-change count is over the limit). */
export async function isAccountLocked(
  db: Kysely<DB>,
  keys: string[],
  policy: BackoffPolicy,
  nowMs: number,
): Promise<boolean> {
  const windowOpenedAfter = new Date(nowMs - policy.windowMs).toISOString();
  const row = await db
    .selectFrom('login_attempts')
    .select('key')
    .where('key', 'in', keys)
    .where('failures', '>', policy.freeFailures)
    .where('window_started_at', '>', windowOpenedAfter)
    .executeTakeFirst();
  return Boolean(row);
}
