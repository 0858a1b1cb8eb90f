// Bulk unit accounts (批量开通单位账号): one 填报员 account per unit that has none, with a generated
// password returned once (the office prints it or saves the sheet; only its hash is stored).
// Usernames are `dw` + the unit's id (dw007); a unit whose name is taken or that already has an
// account is skipped with the reason. All of them open in one transaction, or none.
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from './audit.js';
import type { DB } from './schema.js';
import { inTransaction } from './transaction.js';
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

/**
 * Opens the accounts in one transaction, so that an error half-way leaves no account whose password
 * was never shown. The passwords are hashed before it (scrypt is slow), and each unit is checked
 * again inside it.
 */
export async function createUnitAccounts(
  db: Kysely<DB>,
  actor: Actor,
  input: { unitIds?: number[]; hash: (password: string) => Promise<string> },
): Promise<UnitAccountsResult> {
  const plan = await planUnitAccounts(db, input.unitIds);
  const secrets = new Map<number, { password: string; hash: string }>();
  const wanted = plan.created.map((c) => c.unit.id);
  for (let i = 0; i < wanted.length; i += 8)
    await Promise.all(
      wanted.slice(i, i + 8).map(async (id) => {
        const password = generatePassword();
        secrets.set(id, { password, hash: await input.hash(password) });
      }),
    );
  return inTransaction(db, async (trx) => {
    const now = await planUnitAccounts(trx, input.unitIds);
    const result: UnitAccountsResult = { created: [], skipped: now.skipped };
    for (const { unit, username, displayName } of now.created) {
      const secret = secrets.get(unit.id);
      if (!secret) {
        result.skipped.push({ unit, reason: '单位在开通过程中有变动，请重试' });
        continue;
      }
      await createUser(trx, actor, {
        username,
        displayName,
        role: 'unit',
        unitId: unit.id,
        leaderId: null,
        passwordHash: secret.hash,
      });
      result.created.push({ unit, username, displayName, password: secret.password });
    }
    return result;
  });
}

/** Which units get an account (username and name) and which are skipped, with the reason. */
async function planUnitAccounts(
  db: Kysely<DB>,
  unitIds: number[] | undefined,
): Promise<{
  created: { unit: { id: number; name: string }; username: string; displayName: string }[];
  skipped: UnitAccountsResult['skipped'];
}> {
  let query = db.selectFrom('units').select(['id', 'name']).orderBy('id');
  if (unitIds) query = query.where('id', 'in', unitIds.length ? unitIds : [-1]);
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
  const taken = new Set((await db.selectFrom('users').select('username').execute()).map((u) => u.username));
  const out: Awaited<ReturnType<typeof planUnitAccounts>> = { created: [], skipped: [] };
  for (const unit of units) {
    const username = unitUsername(unit.id);
    if (withAccount.has(unit.id)) out.skipped.push({ unit, reason: '已有填报账号' });
    else if (taken.has(username)) out.skipped.push({ unit, reason: `用户名 ${username} 已被占用` });
    else out.created.push({ unit, username, displayName: `${unit.name}填报员` });
  }
  return out;
}
