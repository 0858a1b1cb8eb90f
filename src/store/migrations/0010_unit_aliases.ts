// Other names of a unit (区发展改革局 for 区发展改革委): when the office merges units spelt two ways,
// the merged names stay here, pointing at the unit kept, so that a later import naming either finds it.
import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/types.js';

export async function up(db: Kysely<unknown>, d: StoreDialect): Promise<void> {
  await db.schema
    .createTable('unit_aliases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => d.references('units', 'cascade')(c).notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('unit_aliases_unit').on('unit_aliases').column('unit_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('unit_aliases').ifExists().execute();
}
