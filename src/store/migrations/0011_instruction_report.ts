// A 批示 answered in the unit's next report: the report whose submission carried the answer, so the
// office and the leader see which report answered it (null: answered on its own, or not yet).
import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/types.js';

export async function up(db: Kysely<unknown>, d: StoreDialect): Promise<void> {
  await db.schema
    .alterTable('instructions')
    .addColumn('answer_report_id', 'integer', d.references('reports', 'set null'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('instructions').dropColumn('answer_report_id').execute();
}
