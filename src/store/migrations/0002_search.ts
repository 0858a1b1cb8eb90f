// Search documents: one per task target and one per non-empty report text, with the plan and
// period they belong to, so a search can be scoped without touching the reports table. The
// tokens themselves live in the dialect's index (FTS5 table or tsvector column).
import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/types.js';
import { searchDialectOf } from '../dialect/search.js';

export async function up(db: Kysely<unknown>, d: StoreDialect): Promise<void> {
  const ref = d.references;
  await d
    .addIdColumn(db.schema.createTable('search_docs'))
    .addColumn('task_id', 'integer', (c) => ref('tasks', 'cascade')(c).notNull())
    .addColumn('report_id', 'integer', ref('reports', 'cascade'))
    .addColumn('plan_id', 'integer', (c) => ref('plans', 'cascade')(c).notNull())
    .addColumn('period_id', 'integer', ref('periods', 'cascade'))
    .addColumn('field', 'text', (c) => c.notNull()) // target | progress
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_docs_task').on('search_docs').columns(['task_id', 'field']).execute();
  await db.schema.createIndex('search_docs_report').on('search_docs').column('report_id').execute();
  await db.schema.createIndex('search_docs_plan').on('search_docs').columns(['plan_id', 'period_id']).execute();
  // Lists filtered by leader or unit join through these; dashboards group reports by period.
  await db.schema.createIndex('reports_period_task').on('reports').columns(['period_id', 'task_id']).execute();
  await db.schema.createIndex('periods_plan').on('periods').columns(['plan_id', 'end_date']).execute();
  await searchDialectOf(db).migrate(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('search_docs').ifExists().execute();
  await db.schema.dropTable('search_fts').ifExists().execute();
  await db.schema.dropIndex('reports_period_task').ifExists().execute();
  await db.schema.dropIndex('periods_plan').ifExists().execute();
}
