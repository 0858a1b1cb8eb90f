// People who lead tasks (牵头区领导): found or created by name on import, listed and edited by the office.
import type { Kysely } from 'kysely';
import { DubanError } from '../domain/index.js';
import { recordAudit, type Actor } from './audit.js';
import type { DB } from './schema.js';
import { inTransaction } from './transaction.js';

export interface Leader {
  id: number;
  name: string;
  title: string | null;
}

const toLeader = (r: { id: number; name: string; title: string | null }): Leader => ({
  id: r.id,
  name: r.name,
  title: r.title,
});

/** The id of the leader with this name, creating the person when new (import). */
export async function ensureLeader(db: Kysely<DB>, name: string, at = new Date().toISOString()): Promise<number> {
  const clean = name.trim();
  const found = await db.selectFrom('leaders').select('id').where('name', '=', clean).executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto('leaders')
    .values({ name: clean, title: null, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listLeaders(db: Kysely<DB>): Promise<Leader[]> {
  return (await db.selectFrom('leaders').select(['id', 'name', 'title']).orderBy('name').execute()).map(toLeader);
}

export async function getLeader(db: Kysely<DB>, id: number): Promise<Leader | null> {
  const row = await db.selectFrom('leaders').select(['id', 'name', 'title']).where('id', '=', id).executeTakeFirst();
  return row ? toLeader(row) : null;
}

async function assertNameFree(db: Kysely<DB>, name: string, exceptId?: number): Promise<void> {
  const other = await db.selectFrom('leaders').select('id').where('name', '=', name).executeTakeFirst();
  if (other && other.id !== exceptId) throw new DubanError('conflict', `领导“${name}”已存在`);
}

export async function createLeader(
  db: Kysely<DB>,
  actor: Actor,
  input: { name: string; title?: string | null },
): Promise<Leader> {
  const name = input.name.trim();
  if (!name) throw new DubanError('bad_input', '领导姓名不能为空');
  return inTransaction(db, async (trx) => {
    await assertNameFree(trx, name);
    const row = await trx
      .insertInto('leaders')
      .values({ name, title: input.title ?? null, created_at: new Date().toISOString() })
      .returning(['id', 'name', 'title'])
      .executeTakeFirstOrThrow();
    const leader = toLeader(row);
    await recordAudit(trx, actor, { action: 'leader.create', entity: 'leader', entityId: leader.id, after: leader });
    return leader;
  });
}

export async function updateLeader(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  input: { name?: string; title?: string | null },
): Promise<Leader> {
  return inTransaction(db, async (trx) => {
    const before = await getLeader(trx, id);
    if (!before) throw new DubanError('not_found', `领导 ${id} 不存在`);
    const name = input.name?.trim() ?? before.name;
    if (!name) throw new DubanError('bad_input', '领导姓名不能为空');
    await assertNameFree(trx, name, id);
    const title = input.title === undefined ? before.title : input.title;
    await trx.updateTable('leaders').set({ name, title }).where('id', '=', id).execute();
    const after = { id, name, title };
    await recordAudit(trx, actor, { action: 'leader.update', entity: 'leader', entityId: id, before, after });
    return after;
  });
}
