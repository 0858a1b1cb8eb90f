// Dated backups in one directory and their retention: `duban backup` without a file name writes
// duban-YYYYMMDD-HHMMSS.db (SQLite) or .dump (PostgreSQL) and then keeps only the newest N of them.
// Files of other names in the directory are never touched.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const DATED = /^duban-\d{8}-\d{6}\.(db|dump)$/;

/** `duban-20261206-031500.dump` for a PostgreSQL backup taken at 2026-12-06 03:15:00 UTC. */
export function datedBackupName(at: Date, kind: 'sqlite' | 'postgres'): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-');
  return `duban-${stamp}.${kind === 'sqlite' ? 'db' : 'dump'}`;
}

/** Deletes all but the newest `keep` dated backups in `dir`; returns the names deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const dated = readdirSync(dir)
    .filter((name) => DATED.test(name))
    .sort();
  const old = dated.slice(0, Math.max(0, dated.length - keep));
  for (const name of old) rmSync(join(dir, name), { force: true });
  return old;
}
