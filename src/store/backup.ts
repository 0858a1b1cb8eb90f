// Backing up and restoring a SQLite store. A backup is SQLite's online backup of the live file;
// a restore first proves the file is a duban database whose schema this version knows, keeps
// the current file as `<file>.bak`, then puts the backup in its place.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { DubanError } from '../domain/index.js';
import type { Store } from './db.js';
import { MIGRATIONS } from './migrations/index.js';

export async function backupStore(store: Store, file: string): Promise<void> {
  if (!store.dialect.backup) {
    throw new DubanError(
      'bad_input',
      'backup works on a SQLite store; for PostgreSQL use pg_dump (see the README: pg_dump -Fc "$DATABASE_URL" -f duban.dump)',
    );
  }
  if (existsSync(file)) throw new DubanError('conflict', `${file} already exists; choose a new file name`);
  await store.dialect.backup(file);
  // The copy inherits WAL mode; a backup should be one self-contained file.
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

export interface BackupInfo {
  /** Migrations the file has applied, in order. */
  migrations: string[];
  /** Migrations this version would still apply after restoring it. */
  pending: string[];
}

/** Checks that a file is an intact duban SQLite database with a schema this version knows. */
export function inspectBackup(file: string): BackupInfo {
  if (!existsSync(file)) throw new DubanError('not_found', `${file} does not exist`);
  let handle: Database.Database;
  try {
    handle = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new DubanError('db_incompatible', `${file} cannot be opened as a database: ${(err as Error).message}`);
  }
  try {
    let tables: string[];
    try {
      tables = (handle.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      );
    } catch {
      throw new DubanError('db_incompatible', `${file} is not a SQLite database`);
    }
    if (!tables.includes('kysely_migration'))
      throw new DubanError('db_incompatible', `${file} is not a duban database`);
    const applied = (handle.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
      (r) => r.name,
    );
    const known = Object.keys(MIGRATIONS).sort();
    const unknown = applied.filter((n) => !known.includes(n));
    if (unknown.length)
      throw new DubanError(
        'db_incompatible',
        `${file} was written by a newer duban (schema ${unknown.join(', ')} is unknown to this version)`,
      );
    if (applied.some((n, i) => n !== known[i]))
      throw new DubanError('db_incompatible', `${file} has a schema history this version does not recognise`);
    const check = handle.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DubanError('db_incompatible', `${file} is damaged (${String(check)})`);
    return { migrations: applied, pending: known.slice(applied.length) };
  } finally {
    handle.close();
  }
}

/**
 * Replaces the database at `target` with the backup `source`, keeping the old file as
 * `<target>.bak`. Stop the server first: a running server keeps the old file open.
 */
export function restoreStore(source: string, target: string): BackupInfo & { previous: string | null } {
  const info = inspectBackup(source);
  let previous: string | null = null;
  if (existsSync(target)) {
    // Fold the write-ahead log into the file so that the .bak is complete on its own.
    const old = new Database(target);
    try {
      old.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      old.close();
    }
    previous = `${target}.bak`;
    renameSync(target, previous);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  copyFileSync(source, target);
  return { ...info, previous };
}
