// SQLite through better-sqlite3: one file, WAL journal, foreign keys on.
import Database from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, sql, type ColumnDefinitionBuilder, type Driver } from 'kysely';
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
    kysely: () => new ImmediateSqliteDialect({ database: handle }),
    addIdColumn: (table) => table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
    blobType: 'blob',
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
