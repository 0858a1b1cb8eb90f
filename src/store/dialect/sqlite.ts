// SQLite through better-sqlite3: one file, WAL journal, foreign keys on.
import Database from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteDialect,
  SqliteQueryCompiler,
  sql,
  type ColumnDefinitionBuilder,
  type Driver,
  type QueryCompiler,
  type SelectModifierNode,
} from 'kysely';
import type { StoreDialect } from './types.js';

// Transactions take the write lock when they begin (BEGIN IMMEDIATE). A transaction that reads
// before it writes (submit, return, login back-off) would otherwise fail at once with SQLITE_BUSY
// or SQLITE_BUSY_SNAPSHOT when another process (a second server, `duban import`) writes meanwhile,
// instead of waiting its turn under busy_timeout.
class ImmediateSqliteDialect extends SqliteDialect {
  createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }

  createQueryCompiler(): QueryCompiler {
    return new RowLockFreeCompiler();
  }
}

// `select … for share` (how store code keeps a period open under a PostgreSQL write) has no SQLite
// syntax and no need here: BEGIN IMMEDIATE already holds the whole database's write lock.
const ROW_LOCKS = new Set(['ForShare', 'ForUpdate', 'ForKeyShare', 'ForNoKeyUpdate', 'NoWait', 'SkipLocked']);
class RowLockFreeCompiler extends SqliteQueryCompiler {
  protected override visitSelectModifier(node: SelectModifierNode): void {
    if (node.modifier && ROW_LOCKS.has(node.modifier)) return;
    super.visitSelectModifier(node);
  }
}

/** How many prepared statements one database handle keeps (least recently used ones are dropped). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The handle as Kysely sees it, with `prepare` remembering its statements: Kysely prepares every
 * query anew, and parsing and planning the SQL was a quarter of a dashboard request's CPU time. The
 * same SQL text gives the same statement back; SQLite re-prepares a statement itself when the schema
 * changes under it. Nothing here streams (iterate), so a statement is never busy when it is reused.
 */
export function withStatementCache(handle: Database.Database, size = STATEMENT_CACHE_SIZE): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string): Database.Statement => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source); // re-inserted below: Map order is recency order
    } else {
      statement = handle.prepare(source);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  };
  return new Proxy(handle, {
    get: (target, key) => {
      if (key === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, key, target);
      // Native methods (close, pragma…) must be called on the handle itself, not on the proxy.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function sqliteDialect(file: string): StoreDialect & { handle: Database.Database } {
  const handle = new Database(file);
  // WAL lets readers go on while a writer commits; NORMAL sync is safe with WAL (no corruption on crash,
  // at most the last transaction lost on power failure — acknowledged saves survive a process kill).
  handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = NORMAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  return {
    name: 'sqlite',
    handle,
    kysely: () => new ImmediateSqliteDialect({ database: withStatementCache(handle) }),
    addIdColumn: (table) => table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
    blobType: 'blob',
    // total_changes(): rows this connection has written (triggers included); data_version: bumped
    // when another connection or process commits. The process has one connection, used by one query
    // at a time, so no read of it falls inside another request's open transaction.
    dataVersion: async (db) => {
      const { rows } = await sql<{ c: number; v: number }>`
        select total_changes() as c, (select data_version from pragma_data_version) as v`.execute(db);
      return `${rows[0].v}:${rows[0].c}`;
    },
    // better-sqlite3's online backup: a consistent copy while readers and writers go on.
    backup: async (target) => {
      await handle.backup(target);
    },
    references: (table, onDelete) => (c: ColumnDefinitionBuilder) => {
      const ref = c.references(`${table}.id`);
      return onDelete ? ref.onDelete(onDelete) : ref;
    },
  };
}

/** True when the file is a SQLite database that has tables but no duban migration table. */
export function isForeignSqlite(handle: Database.Database): boolean {
  const rows = handle.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
  return rows.length > 0 && !rows.some((r) => r.name === 'kysely_migration');
}

export { sql };
