// PostgreSQL through pg: a pool per process; an optional schema (tests use one per run).
import { createHash } from 'node:crypto';
import pg from 'pg';
import { PostgresDialect, sql, type ColumnDefinitionBuilder } from 'kysely';
import type { StoreDialect } from './types.js';

// BIGINT counts (count(*)) come back as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** How many named statements one connection prepares; later ones are sent unnamed. */
const STATEMENTS_PER_CONNECTION = 300;
const PREPARABLE = /^\s*(select|with|insert|update|delete)\b/i;

/**
 * Sends Kysely's queries as named prepared statements, so that PostgreSQL parses and plans each SQL
 * text once per connection instead of on every request (measured: the uncached dashboard and task
 * lists took about half the time). The name is a hash of the text. A statement whose tables changed
 * shape under it (a migration run by another process) fails with "cached plan must not change result
 * type"; it is then sent unnamed, now and from then on on that connection.
 */
function preparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const named = new Set<string>();
  const stale = new Set<string>();
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    if (args.length !== 2 || typeof text !== 'string' || !Array.isArray(values) || !PREPARABLE.test(text))
      return query(...args);
    const name = `d${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
    if (stale.has(name) || (!named.has(name) && named.size >= STATEMENTS_PER_CONNECTION)) return query(text, values);
    named.add(name);
    return (query({ name, text, values }) as Promise<pg.QueryResult>).catch(
      (err: { code?: string; message?: string }) => {
        if (err.code !== '0A000' || !/cached plan/.test(err.message ?? '')) throw err;
        stale.add(name);
        return query(text, values);
      },
    );
  };
}

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
  pool.on('connect', (client) => {
    client.on('error', () => {});
    preparedStatements(client);
  });
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
