// Accounts: people who log in, with a role and, for unit and leader accounts, the unit or leader they
// act for. Password hashes are computed by the caller (src/server/auth/password.ts); this file only
// stores them. Every write is audited, without the hash.
import type { Kysely } from 'kysely';
import { DubanError, ROLES, type Role } from '../domain/index.js';
import { recordAudit, type Actor } from './audit.js';
import { nowIso } from './db.js';
import type { DB } from './schema.js';
import { accountAttemptKeys, type BackoffPolicy } from './sessions.js';
import { inTransaction } from './transaction.js';
import { unitIdByName } from './units.js';

export { ROLES, type Role };

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unit: { id: number; name: string } | null;
  leader: { id: number; name: string } | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

function userQuery(db: Kysely<DB>) {
  return db
    .selectFrom('users')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .leftJoin('leaders', 'leaders.id', 'users.leader_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.unit_id',
      'users.leader_id',
      'users.disabled',
      'users.created_at',
      'users.updated_at',
      'users.password_hash',
      'units.name as unit_name',
      'leaders.name as leader_name',
    ]);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof userQuery>['executeTakeFirstOrThrow']>>;

function toUser(r: UserRow): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    unit: r.unit_id != null ? { id: r.unit_id, name: r.unit_name ?? '' } : null,
    leader: r.leader_id != null ? { id: r.leader_id, name: r.leader_name ?? '' } : null,
    disabled: Boolean(r.disabled),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function getUser(db: Kysely<DB>, id: number): Promise<UserRecord | null> {
  const r = await userQuery(db).where('users.id', '=', id).executeTakeFirst();
  return r ? toUser(r) : null;
}

/** The account and its hash, for login; usernames compare case-insensitively. */
export async function findUserForLogin(
  db: Kysely<DB>,
  username: string,
): Promise<(UserRecord & { passwordHash: string }) | null> {
  const r = await userQuery(db).where('users.username', '=', username.trim().toLowerCase()).executeTakeFirst();
  return r ? { ...toUser(r), passwordHash: r.password_hash } : null;
}

export async function listUsers(db: Kysely<DB>): Promise<UserRecord[]> {
  return (await userQuery(db).orderBy('users.id').execute()).map(toUser);
}

export interface NewUser {
  username: string;
  displayName?: string;
  role: Role;
  unitId?: number | null;
  leaderId?: number | null;
  passwordHash: string;
}

/** A unit account must name its unit, a leader account its leader; the others name neither. */
function checkScope(role: Role, unitId: number | null, leaderId: number | null): void {
  if (role === 'unit' && unitId == null) throw new DubanError('bad_input', '单位账号必须指定所属单位');
  if (role === 'leader' && leaderId == null) throw new DubanError('bad_input', '领导账号必须指定对应的区领导');
}

export async function createUser(db: Kysely<DB>, actor: Actor, input: NewUser): Promise<UserRecord> {
  const username = input.username.trim().toLowerCase();
  if (!/^[\p{L}\p{N}_.@-]{2,64}$/u.test(username))
    throw new DubanError('bad_input', '用户名只能包含字母、数字、汉字和 _ . @ -，长度 2-64');
  const unitId = input.role === 'unit' ? (input.unitId ?? null) : null;
  const leaderId = input.role === 'leader' ? (input.leaderId ?? null) : null;
  checkScope(input.role, unitId, leaderId);
  const now = nowIso();
  return inTransaction(db, async (trx) => {
    const exists = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (exists) throw new DubanError('conflict', `用户名 ${username} 已存在`);
    const { id } = await trx
      .insertInto('users')
      .values({
        username,
        display_name: input.displayName?.trim() || username,
        password_hash: input.passwordHash,
        role: input.role,
        unit_id: unitId,
        leader_id: leaderId,
        disabled: 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = (await getUser(trx, id))!;
    await recordAudit(trx, actor, { action: 'user.create', entity: 'user', entityId: id, after: user }, now);
    return user;
  });
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  unitId?: number | null;
  leaderId?: number | null;
  disabled?: boolean;
  passwordHash?: string;
}

export async function updateUser(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  patch: UserPatch,
  options: { keepSessionHash?: string } = {},
): Promise<UserRecord> {
  return inTransaction(db, async (trx) => {
    const before = await getUser(trx, id);
    if (!before) throw new DubanError('not_found', '用户不存在');
    const role = patch.role ?? before.role;
    const unitId = role === 'unit' ? (patch.unitId !== undefined ? patch.unitId : (before.unit?.id ?? null)) : null;
    const leaderId =
      role === 'leader' ? (patch.leaderId !== undefined ? patch.leaderId : (before.leader?.id ?? null)) : null;
    checkScope(role, unitId, leaderId);
    const now = nowIso();
    await trx
      .updateTable('users')
      .set({
        display_name: patch.displayName?.trim() || before.displayName,
        role,
        unit_id: unitId,
        leader_id: leaderId,
        disabled: patch.disabled === undefined ? (before.disabled ? 1 : 0) : patch.disabled ? 1 : 0,
        ...(patch.passwordHash ? { password_hash: patch.passwordHash } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    // A new password, a new role or a disabled account ends every open session of that account.
    if (patch.passwordHash || role !== before.role || patch.disabled) {
      let ending = trx.deleteFrom('sessions').where('user_id', '=', id);
      if (options.keepSessionHash) ending = ending.where('id_hash', '!=', options.keepSessionHash);
      await ending.execute();
    }
    const after = (await getUser(trx, id))!;
    const action = patch.passwordHash && Object.keys(patch).length === 1 ? 'user.password' : 'user.update';
    await recordAudit(
      trx,
      actor,
      {
        action,
        entity: 'user',
        entityId: id,
        before,
        after: { ...after, ...(patch.passwordHash ? { passwordChanged: true } : {}) },
      },
      now,
    );
    return after;
  });
}

/** The unit with this name or alias (a merged unit's old name). */
export async function findUnitByName(db: Kysely<DB>, name: string): Promise<{ id: number; name: string } | null> {
  const id = await unitIdByName(db, name);
  if (id == null) return null;
  return (await db.selectFrom('units').select(['id', 'name']).where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function findLeaderByName(db: Kysely<DB>, name: string): Promise<{ id: number; name: string } | null> {
  return (
    (await db.selectFrom('leaders').select(['id', 'name']).where('name', '=', name.trim()).executeTakeFirst()) ?? null
  );
}

/**
 * Lifts the login back-off of an account (an admin's decision, audited): the user may try again at
 * once. Says whether there was anything to lift.
 */
export async function unlockUser(db: Kysely<DB>, actor: Actor, id: number): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const user = await getUser(trx, id);
    if (!user) throw new DubanError('not_found', '账号不存在');
    const keys = accountAttemptKeys(user.username, user.id);
    const r = await trx.deleteFrom('login_attempts').where('key', 'in', keys).executeTakeFirst();
    await recordAudit(trx, actor, {
      action: 'user.unlock',
      entity: 'user',
      entityId: id,
      after: { username: user.username },
    });
    return Number(r.numDeletedRows) > 0;
  });
}

/** The accounts (by id) whose login or password change is locked now. */
export async function lockedUserIds(db: Kysely<DB>, policy: BackoffPolicy, nowMs: number): Promise<Set<number>> {
  const users = await db.selectFrom('users').select(['id', 'username']).execute();
  const byKey = new Map<string, number>();
  for (const u of users) for (const key of accountAttemptKeys(u.username, u.id)) byKey.set(key, u.id);
  const windowOpenedAfter = new Date(nowMs - policy.windowMs).toISOString();
  const rows = await db
    .selectFrom('login_attempts')
    .select('key')
    .where('failures', '>', policy.freeFailures)
    .where('window_started_at', '>', windowOpenedAfter)
    .where((eb) => eb.or([eb('key', 'like', 'user:%'), eb('key', 'like', 'password:%')]))
    .execute();
  return new Set(rows.map((r) => byKey.get(r.key)).filter((id): id is number => id !== undefined));
}
