// API tokens for machine clients: a role and scope like a user, shown once, stored as a SHA-256,
// revocable. A revoked token stays listed (with its revocation time) for the record.
import type { Kysely, Selectable } from 'kysely';
import { DubanError } from '../domain/index.js';
import { recordAudit, type Actor } from './audit.js';
import { nowIso } from './db.js';
import type { ApiTokensTable, DB } from './schema.js';
import { inTransaction } from './transaction.js';
import type { Role } from './users.js';

export interface TokenRecord {
  id: number;
  name: string;
  role: Role;
  unitId: number | null;
  leaderId: number | null;
  createdBy: number | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function toToken(r: Omit<Selectable<ApiTokensTable>, 'token_hash'>): TokenRecord {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    unitId: r.unit_id,
    leaderId: r.leader_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

const COLUMNS = [
  'id',
  'name',
  'role',
  'unit_id',
  'leader_id',
  'created_by',
  'created_at',
  'last_used_at',
  'revoked_at',
] as const;

export async function createToken(
  db: Kysely<DB>,
  actor: Actor,
  input: { name: string; role: Role; unitId?: number | null; leaderId?: number | null; tokenHash: string },
): Promise<TokenRecord> {
  if (input.role === 'unit' && input.unitId == null) throw new DubanError('bad_input', '单位令牌必须指定单位');
  if (input.role === 'leader' && input.leaderId == null) throw new DubanError('bad_input', '领导令牌必须指定区领导');
  const now = nowIso();
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({
        name: input.name,
        token_hash: input.tokenHash,
        role: input.role,
        unit_id: input.role === 'unit' ? (input.unitId ?? null) : null,
        leader_id: input.role === 'leader' ? (input.leaderId ?? null) : null,
        created_by: actor.id,
        created_at: now,
        last_used_at: null,
        revoked_at: null,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    const token = toToken(row);
    await recordAudit(
      trx,
      actor,
      { action: 'token.create', entity: 'api_token', entityId: token.id, after: token },
      now,
    );
    return token;
  });
}

export async function listTokens(db: Kysely<DB>): Promise<TokenRecord[]> {
  return (await db.selectFrom('api_tokens').select(COLUMNS).orderBy('id').execute()).map(toToken);
}

/** The live token with this hash, or null when unknown or revoked. */
export async function findActiveToken(db: Kysely<DB>, tokenHash: string): Promise<TokenRecord | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select(COLUMNS)
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? toToken(row) : null;
}

export async function markTokenUsed(db: Kysely<DB>, id: number, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function revokeToken(db: Kysely<DB>, actor: Actor, id: number): Promise<TokenRecord> {
  const now = nowIso();
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('api_tokens').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    if (!before) throw new DubanError('not_found', '令牌不存在');
    if (before.revoked_at) return toToken(before);
    const after = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      actor,
      { action: 'token.revoke', entity: 'api_token', entityId: id, before: toToken(before), after: toToken(after) },
      now,
    );
    return toToken(after);
  });
}
