// Organisations (牵头单位, 配合单位): found or created by name on import, listed and edited by the office.
import type { Kysely } from 'kysely';
import { DubanError } from '../domain/index.js';
import { recordAudit, type Actor } from './audit.js';
import type { DB } from './schema.js';
import { inTransaction } from './transaction.js';

export interface Unit {
  id: number;
  name: string;
  parentId: number | null;
}

/** `{id, name}`: how tasks and lists refer to a unit or a leader. */
export interface NamedRef {
  id: number;
  name: string;
}

const toUnit = (r: { id: number; name: string; parent_id: number | null }): Unit => ({
  id: r.id,
  name: r.name,
  parentId: r.parent_id,
});

/** The id of the unit with this name or alias (a merged unit's old name), or null. Names are trimmed. */
export async function unitIdByName(db: Kysely<DB>, name: string): Promise<number | null> {
  const clean = name.trim();
  const found = await db.selectFrom('units').select('id').where('name', '=', clean).executeTakeFirst();
  if (found) return found.id;
  const alias = await db.selectFrom('unit_aliases').select('unit_id').where('name', '=', clean).executeTakeFirst();
  return alias?.unit_id ?? null;
}

/** The id of the unit with this name or alias, creating it when new (import). Names are trimmed. */
export async function ensureUnit(db: Kysely<DB>, name: string, at = new Date().toISOString()): Promise<number> {
  const clean = name.trim();
  const found = await unitIdByName(db, clean);
  if (found != null) return found;
  const row = await db
    .insertInto('units')
    .values({ name: clean, parent_id: null, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Records that `alias` is another spelling of the unit named `unitName` (chosen by the office at
 * import, 统一为…), so later tables that spell it so land on that unit. A name that is a unit of its
 * own, or already an alias, is left as it is. Says whether an alias was added.
 */
export async function addUnitAlias(db: Kysely<DB>, actor: Actor, alias: string, unitName: string): Promise<boolean> {
  const name = alias.trim();
  return inTransaction(db, async (trx) => {
    const unitId = await unitIdByName(trx, unitName);
    if (unitId === null || !name || (await unitIdByName(trx, name)) !== null) return false;
    const now = new Date().toISOString();
    await trx.insertInto('unit_aliases').values({ name, unit_id: unitId, created_at: now }).execute();
    await recordAudit(
      trx,
      actor,
      { action: 'unit.alias', entity: 'unit', entityId: unitId, after: { alias: name } },
      now,
    );
    return true;
  });
}

/** Every alias (a merged unit's old name) with the name of the unit it now stands for. */
export async function unitAliasNames(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('unit_aliases as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.name as alias', 'u.name as name'])
    .execute();
  return new Map(rows.map((r) => [r.alias, r.name]));
}

export async function listUnits(db: Kysely<DB>): Promise<Unit[]> {
  return (await db.selectFrom('units').select(['id', 'name', 'parent_id']).orderBy('name').execute()).map(toUnit);
}

export async function getUnit(db: Kysely<DB>, id: number): Promise<Unit | null> {
  const row = await db.selectFrom('units').select(['id', 'name', 'parent_id']).where('id', '=', id).executeTakeFirst();
  return row ? toUnit(row) : null;
}

async function assertNameFree(db: Kysely<DB>, name: string, exceptId?: number): Promise<void> {
  const other = await db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirst();
  if (other && other.id !== exceptId) throw new DubanError('conflict', `单位“${name}”已存在`);
  // A merged unit's old name stays its unit's: a new unit of that name would take later imports from it.
  const alias = await db
    .selectFrom('unit_aliases as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['u.id', 'u.name'])
    .where('a.name', '=', name)
    .executeTakeFirst();
  if (alias && alias.id !== exceptId) throw new DubanError('conflict', `“${name}”已并入单位“${alias.name}”`);
}

async function assertParent(db: Kysely<DB>, parentId: number | null | undefined, selfId?: number): Promise<void> {
  if (parentId == null) return;
  if (parentId === selfId) throw new DubanError('bad_input', '单位不能是自己的上级');
  if (!(await getUnit(db, parentId))) throw new DubanError('not_found', `上级单位 ${parentId} 不存在`);
}

export async function createUnit(
  db: Kysely<DB>,
  actor: Actor,
  input: { name: string; parentId?: number | null },
): Promise<Unit> {
  const name = input.name.trim();
  if (!name) throw new DubanError('bad_input', '单位名称不能为空');
  return inTransaction(db, async (trx) => {
    await assertNameFree(trx, name);
    await assertParent(trx, input.parentId);
    const row = await trx
      .insertInto('units')
      .values({ name, parent_id: input.parentId ?? null, created_at: new Date().toISOString() })
      .returning(['id', 'name', 'parent_id'])
      .executeTakeFirstOrThrow();
    const unit = toUnit(row);
    await recordAudit(trx, actor, { action: 'unit.create', entity: 'unit', entityId: unit.id, after: unit });
    return unit;
  });
}

export async function updateUnit(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  input: { name?: string; parentId?: number | null },
): Promise<Unit> {
  return inTransaction(db, async (trx) => {
    const before = await getUnit(trx, id);
    if (!before) throw new DubanError('not_found', `单位 ${id} 不存在`);
    const name = input.name?.trim() ?? before.name;
    if (!name) throw new DubanError('bad_input', '单位名称不能为空');
    await assertNameFree(trx, name, id);
    const parentId = input.parentId === undefined ? before.parentId : input.parentId;
    await assertParent(trx, parentId, id);
    await trx.updateTable('units').set({ name, parent_id: parentId }).where('id', '=', id).execute();
    // Taking back one of its own aliases as its name: the name now answers by itself.
    await trx.deleteFrom('unit_aliases').where('name', '=', name).execute();
    const after = { id, name, parentId };
    await recordAudit(trx, actor, { action: 'unit.update', entity: 'unit', entityId: id, before, after });
    return after;
  });
}
