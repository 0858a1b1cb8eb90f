// PostgreSQL through pg: a pool per process; an optional schema (tests use one per run).
import pg from 'pg';
import { PostgresDialect, sql, type ColumnDefinitionBuilder } from 'kysely';
import type { StoreDialect } from './types.js';

// BIGINT counts (count(*)) come back as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export function postgresDialect(
  url: string,
  options: { schema?: string; poolSize?: number } = {},
): StoreDialect & { pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    // A schema per test run or per tenant: every connection searches it first.
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => {});
  // Nor may a checked-out one (mid-transaction, between two queries): pg emits 'error' on it, which
  // with no listener ends the process. Its next query fails instead, and the pool drops it on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  return {
    name: 'postgres',
    pool,
    kysely: () => new PostgresDialect({ pool }),
    addIdColumn: (table) => table.addColumn('id', 'serial', (c) => c.primaryKey()),
    blobType: 'bytea',
    // The cluster's current snapshot (xmin:xmax:in-progress xids): two equal snapshots see the same
    // committed transactions, so the same data. Any commit anywhere in the cluster changes it; a
    // transaction still in progress is listed in it and changes it again when it commits.
    dataVersion: async (db) => {
      const { rows } = await sql<{ v: string }>`select pg_current_snapshot()::text as v`.execute(db);
      return rows[0].v;
    },
    references: (table, onDelete) => (c: ColumnDefinitionBuilder) => {
      const ref = c.references(`${table}.id`);
      return onDelete ? ref.onDelete(onDelete) : ref;
    },
  };
}
