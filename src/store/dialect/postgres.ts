// PostgreSQL through pg: a pool per process; an optional schema (tests use one per run).
import { createHash } from 'node:crypto';
import pg from 'pg';
import { PostgresDialect, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
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
    // The counter of migration 0007, bumped by every committing transaction that wrote (a deferred
    // trigger on every table): equal numbers, same committed data. PostgreSQL 9.x and later,
    // openGauss and KingbaseES all run it; pg_current_snapshot() would need PostgreSQL 13.
    dataVersion: async (db) => {
      const { rows } = await sql<{ n: number }>`select n from data_version where id = 1`.execute(db);
      return String(rows[0].n);
    },
    afterMigrate: (db) => attachDataVersionTriggers(db),
    references: (table, onDelete) => (c: ColumnDefinitionBuilder) => {
      const ref = c.references(`${table}.id`);
      return onDelete ? ref.onDelete(onDelete) : ref;
    },
  };
}

/** Tables whose writes need not change the data version (the counter itself, the migrator's). */
const UNWATCHED = ['data_version', 'kysely_migration', 'kysely_migration_lock'];
export const DATA_VERSION_TRIGGER = 'duban_data_version';

/**
 * Attaches the data-version trigger (migration 0007) to every table of the schema that lacks it, so
 * a table added by any later migration is covered without that migration knowing. Idempotent, and
 * serialised by an advisory lock when several processes migrate at once. `execute procedure`, not
 * `execute function` (PostgreSQL 11+): openGauss and KingbaseES know only the former.
 */
export async function attachDataVersionTriggers(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.duban_data_version'))`.execute(trx);
    const counter = await sql<{ n: number }>`select count(*) as n from information_schema.tables
      where table_schema = current_schema() and table_name = 'data_version'`.execute(trx);
    if (Number(counter.rows[0].n) === 0) return; // before 0007 (a partial migration run)
    const { rows } = await sql<{ name: string }>`
      select t.table_name as name from information_schema.tables t
      where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
        and t.table_name not in (${sql.join(UNWATCHED)})
        and not exists (
          select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid join pg_namespace s on s.oid = c.relnamespace
          where s.nspname = current_schema() and c.relname = t.table_name and g.tgname = ${DATA_VERSION_TRIGGER})
      order by t.table_name`.execute(trx);
    for (const { name } of rows)
      await sql
        .raw(
          `create constraint trigger ${DATA_VERSION_TRIGGER} after insert or update or delete on "${name}"
           deferrable initially deferred for each row execute procedure duban_bump_data_version()`,
        )
        .execute(trx);
  });
}
