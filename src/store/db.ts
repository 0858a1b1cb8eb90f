// Opening a store: SQLite file by default, PostgreSQL when a postgres:// URL is given.
// Migrations run here (or by `duban migrate`); a foreign or newer database is refused.
import { existsSync } from 'node:fs';
import { Kysely, Migrator, type Migration } from 'kysely';
import { DubanError } from '../domain/index.js';
import { isForeignSqlite, sqliteDialect } from './dialect/sqlite.js';
import { postgresDialect } from './dialect/postgres.js';
import type { StoreDialect } from './dialect/types.js';
import { MIGRATIONS } from './migrations/index.js';
import type { DB } from './schema.js';

export interface Store {
  db: Kysely<DB>;
  dialect: StoreDialect;
  close(): Promise<void>;
  /** The PostgreSQL schema the store lives in, when one was named. */
  schema?: string;
}

export interface StoreConfig {
  /** SQLite file (default `./duban.db`), ignored when `url` is set. `:memory:` works for tests. */
  file?: string;
  /** `postgres://…`: use PostgreSQL. */
  url?: string;
  /** PostgreSQL schema to use (tests, tenants). */
  schema?: string;
  /** Run pending migrations on open (default true). */
  migrate?: boolean;
  /** PostgreSQL connections in this process's pool (default 10). */
  poolSize?: number;
}

/** Reads the store location from flags and environment: `--db FILE`, `DUBAN_DB`, `DATABASE_URL`. */
export function storeConfigFromEnv(flags: { db?: string } = {}): StoreConfig {
  const url = process.env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url) && !flags.db) return { url };
  // An empty DUBAN_DB would make better-sqlite3 open a throwaway temporary database.
  const file = flags.db || process.env.DUBAN_DB || './duban.db';
  return { file };
}

export async function openStore(config: StoreConfig = {}): Promise<Store> {
  const dialect = config.url
    ? postgresDialect(config.url, { schema: config.schema, poolSize: config.poolSize })
    : openSqlite(config.file ?? './duban.db');
  const db = new Kysely<DB>({ dialect: dialect.kysely() });
  const store: Store = { db, dialect, close: () => db.destroy(), schema: config.url ? config.schema : undefined };
  try {
    if (dialect.name === 'postgres') await checkReachable(store);
    if (config.migrate !== false) await migrateToLatest(store);
  } catch (err) {
    await db.destroy().catch(() => {});
    throw err;
  }
  return store;
}

function openSqlite(file: string): StoreDialect {
  const existed = file !== ':memory:' && existsSync(file);
  let dialect: ReturnType<typeof sqliteDialect>;
  try {
    dialect = sqliteDialect(file);
    if (existed && isForeignSqlite(dialect.handle)) {
      dialect.handle.close();
      throw new DubanError(
        'db_incompatible',
        `${file} is a SQLite database, but not a duban database; choose another file with --db`,
      );
    }
  } catch (err) {
    if (err instanceof DubanError) throw err;
    throw new DubanError('db_incompatible', `cannot open ${file} as a database: ${(err as Error).message}`);
  }
  return dialect;
}

async function checkReachable(store: Store): Promise<void> {
  try {
    await store.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
  } catch (err) {
    throw new DubanError('db_unavailable', `PostgreSQL is not reachable: ${(err as Error).message}`);
  }
}

function migrator(store: Store): Migrator {
  const migrations: Record<string, Migration> = {};
  for (const [name, m] of Object.entries(MIGRATIONS)) {
    migrations[name] = {
      up: (db) => m.up(db, store.dialect),
      down: m.down ? (db) => m.down!(db, store.dialect) : undefined,
    };
  }
  // Kysely looks for its migration tables in every schema unless told which: another schema's
  // (another tenant's, another test's) would make it skip creating this one's and then fail.
  return new Migrator({
    db: store.db,
    provider: { getMigrations: async () => migrations },
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  });
}

/** Applies pending migrations; returns the names applied. A newer or foreign history is refused. */
export async function migrateToLatest(store: Store): Promise<string[]> {
  const { error, results } = await migrator(store).migrateToLatest();
  if (error) {
    const message = (error as Error).message ?? String(error);
    if (/corrupted migrations/.test(message)) {
      throw new DubanError(
        'db_incompatible',
        'this database was written by a newer or different version of duban (its schema history is unknown to this version)',
      );
    }
    throw new DubanError('db_incompatible', `migration failed: ${message}`);
  }
  await store.dialect.afterMigrate?.(store.db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export const nowIso = (): string => new Date().toISOString();
