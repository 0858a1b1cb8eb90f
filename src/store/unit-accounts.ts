// Bulk unit accounts (批量开通单位账号): one 填报员 account per unit that has none, with a generated
// password returned once (the office prints it or saves the sheet; only its hash is stored).
// Usernames are `dw` + the unit's id (dw007); a unit whose name is taken or that already has an
// account is skipped with the reason.
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from './audit.js';
import type { DB } from './schema.js';
import { createUser } from './users.js';

/** No 0/O, 1/l/I: a password read off paper is typed right the first time. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generatePassword(length = 12, pick: (n: number) => number = randomInt): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[pick(ALPHABET.length)];
  return out;
}

export const unitUsername = (unitId: number): string => `dw${String(unitId).padStart(3, '0')}`;

export interface UnitAccountsResult {
  created: { unit: { id: number; name: string }; username: string; displayName: string; password: string }[];
  skipped: { unit: { id: number; name: string }; reason: string }[];
}

export async function createUnitAccounts(
  db: Kysely<DB>,
  actor: Actor,
  input: { unitIds?: number[]; hash: (password: string) => Promise<string> },
): Promise<UnitAccountsResult> {
  let query = db.selectFrom('units').select(['id', 'name']).orderBy('id');
  if (input.unitIds) query = query.where('id', 'in', input.unitIds.length ? input.unitIds : [-1]);
  const units = await query.execute();
  const withAccount = new Set(
    (
      await db
        .selectFrom('users')
        .select('unit_id')
        .where('role', '=', 'unit')
        .where('unit_id', 'is not', null)
        .execute()
    ).map((u) => u.unit_id),
  );
  const result: UnitAccountsResult = { created: [], skipped: [] };
  for (const unit of units) {
    if (withAccount.has(unit.id)) {
      result.skipped.push({ unit, reason: '已有填报账号' });
      continue;
    }
    const username = unitUsername(unit.id);
    const taken = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (taken) {
      result.skipped.push({ unit, reason: `用户名 ${username} 已被占用` });
      continue;
    }
    const password = generatePassword();
    const displayName = `${unit.name}填报员`;
    await createUser(db, actor, {
      username,
      displayName,
      role: 'unit',
      unitId: unit.id,
      leaderId: null,
      passwordHash: await input.hash(password),
    });
    result.created.push({ unit, username, displayName, password });
  }
  return result;
}
