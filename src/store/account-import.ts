// Importing accounts from a table (账号导入): the rows are read and judged by the pure
// src/parse/account-table.ts against what the database holds; the preview says what each row would
// become, and the confirmation opens every row still to be created in one transaction, with a
// generated password shown once (only its hash is stored), like the bulk unit accounts. Rows that
// are already accounts are left as they are; rows in error are listed with the reason.
import type { Kysely } from 'kysely';
import { MAX_ACCOUNT_ROWS } from '../domain/api/accounts.js';
import { DubanError } from '../domain/index.js';
import { checkAccounts, type AccountCheck, type AccountRecord, type AccountReference } from '../parse/account-table.js';
import { recordAudit, type Actor } from './audit.js';
import type { DB } from './schema.js';
import { inTransaction } from './transaction.js';
import { generatePassword } from './unit-accounts.js';
import { createUser } from './users.js';

export { MAX_ACCOUNT_ROWS };

const key = (name: string) => name.replace(/\s+/g, '');

/** Units (names and aliases), leaders and usernames as they are now. */
export async function accountReference(db: Kysely<DB>): Promise<AccountReference> {
  const units = await db.selectFrom('units').select(['id', 'name']).execute();
  const aliases = await db
    .selectFrom('unit_aliases as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.name as alias', 'u.id', 'u.name'])
    .execute();
  const leaders = await db.selectFrom('leaders').select(['id', 'name']).execute();
  const users = await db.selectFrom('users').select('username').execute();
  const unitMap = new Map<string, { id: number; name: string }>();
  for (const a of aliases) unitMap.set(key(a.alias), { id: a.id, name: a.name });
  for (const u of units) unitMap.set(key(u.name), { id: u.id, name: u.name });
  return {
    units: unitMap,
    leaders: new Map(leaders.map((l) => [key(l.name), { id: l.id, name: l.name }])),
    usernames: new Set(users.map((u) => u.username.toLowerCase())),
  };
}

export interface AccountPreview {
  rows: AccountCheck[];
  counts: { create: number; exists: number; error: number };
}

const countOf = (rows: AccountCheck[]) => ({
  create: rows.filter((r) => r.result === 'create').length,
  exists: rows.filter((r) => r.result === 'exists').length,
  error: rows.filter((r) => r.result === 'error').length,
});

function checkSize(records: AccountRecord[]): void {
  if (records.length === 0) throw new DubanError('bad_input', '表格中没有账号行');
  if (records.length > MAX_ACCOUNT_ROWS)
    throw new DubanError('too_large', `一次最多导入 ${MAX_ACCOUNT_ROWS} 个账号，表格有 ${records.length} 行`);
}

/** What each row would become; nothing is written. */
export async function previewAccountImport(db: Kysely<DB>, records: AccountRecord[]): Promise<AccountPreview> {
  checkSize(records);
  const rows = checkAccounts(records, await accountReference(db));
  return { rows, counts: countOf(rows) };
}

export interface ImportedAccount extends AccountCheck {
  password: string;
}

export interface AccountImportResult {
  created: ImportedAccount[];
  /** Rows not created: already accounts, or refused, with the reason. */
  skipped: AccountCheck[];
  counts: { create: number; exists: number; error: number };
}

/**
 * Opens every row that may be created, in one transaction; each row is judged again inside it, so
 * a username taken since the preview is reported, not doubled. The passwords are hashed before the
 * transaction (scrypt is slow), so no lock is held while they are.
 */
export async function importAccounts(
  db: Kysely<DB>,
  actor: Actor,
  records: AccountRecord[],
  hash: (password: string) => Promise<string>,
  now = new Date().toISOString(),
): Promise<AccountImportResult> {
  checkSize(records);
  const planned = checkAccounts(records, await accountReference(db)).filter((r) => r.result === 'create');
  const passwords = new Map<number, { password: string; hash: string }>();
  for (let i = 0; i < planned.length; i += 8)
    await Promise.all(
      planned.slice(i, i + 8).map(async (r) => {
        const password = generatePassword();
        passwords.set(r.line, { password, hash: await hash(password) });
      }),
    );
  return inTransaction(db, async (trx) => {
    const rows = checkAccounts(records, await accountReference(trx));
    const created: ImportedAccount[] = [];
    const skipped: AccountCheck[] = [];
    for (const row of rows) {
      const secret = passwords.get(row.line);
      if (row.result !== 'create' || !secret) {
        skipped.push(
          row.result === 'create' ? { ...row, result: 'error', reason: '表格在预览后有变动，请重新预览' } : row,
        );
        continue;
      }
      await createUser(trx, actor, {
        username: row.username,
        displayName: row.displayName,
        role: row.role!,
        unitId: row.unit?.id ?? null,
        leaderId: row.leader?.id ?? null,
        passwordHash: secret.hash,
      });
      created.push({ ...row, password: secret.password });
    }
    if (created.length)
      await recordAudit(
        trx,
        actor,
        {
          action: 'user.import',
          entity: 'user',
          after: { created: created.map((c) => c.username), skipped: skipped.length },
        },
        now,
      );
    return { created, skipped, counts: countOf(rows) };
  });
}
