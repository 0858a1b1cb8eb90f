// The official order of units (序列), which the overdue desk and its lists follow: the office sets
// it once as a list of unit ids; units left out keep no position and follow in pinyin order. An
// import gives the units it creates the next positions, in the order they first appear in the table.
import type { Kysely } from 'kysely';
import { DubanError } from '../domain/index.js';
import { recordAudit, type Actor } from './audit.js';
import type { DB } from './schema.js';
import { inTransaction } from './transaction.js';

/** Sets positions 1…n in the given order and clears every other unit's. */
export async function setUnitOrder(db: Kysely<DB>, actor: Actor, unitIds: number[], now: string): Promise<void> {
  if (new Set(unitIds).size !== unitIds.length) throw new DubanError('bad_input', '单位序列中有重复的单位');
  await inTransaction(db, async (trx) => {
    const known = unitIds.length ? await trx.selectFrom('units').select('id').where('id', 'in', unitIds).execute() : [];
    if (known.length !== unitIds.length) throw new DubanError('not_found', '单位序列中有不存在的单位');
    await trx.updateTable('units').set({ position: null }).where('position', 'is not', null).execute();
    for (const [i, id] of unitIds.entries())
      await trx
        .updateTable('units')
        .set({ position: i + 1 })
        .where('id', '=', id)
        .execute();
    await recordAudit(trx, actor, { action: 'unit.order', entity: 'unit', after: { unitIds } }, now);
  });
}

/**
 * Gives these units (new ones, in the order they first appear in an imported table) the positions
 * after the highest one taken; a unit that already has a position keeps it.
 */
export async function appendUnitOrder(db: Kysely<DB>, unitIds: number[]): Promise<void> {
  if (unitIds.length === 0) return;
  const { last } = await db
    .selectFrom('units')
    .select((eb) => eb.fn.max('position').as('last'))
    .executeTakeFirstOrThrow();
  let next = Number(last ?? 0);
  for (const id of unitIds)
    await db
      .updateTable('units')
      .set({ position: ++next })
      .where('id', '=', id)
      .where('position', 'is', null)
      .execute();
}
