// `duban backup [FILE]` and `duban restore FILE`, on SQLite and PostgreSQL alike. SQLite: an online
// copy of the live file; restore checks the copy first and keeps the current file as .bak.
// PostgreSQL: pg_dump's custom format; restore replaces the objects in one transaction. Without a
// FILE, backup writes a dated file in DUBAN_BACKUP_DIR and keeps only the newest DUBAN_BACKUP_KEEP
// (for a systemd timer or cron: deploy/duban-backup.timer). Restore brings an older backup up to
// this version's schema at once.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig, storeConfigOf, type DubanConfig } from '../../config/index.js';
import { exitWithError } from '../io.js';

const USED = ['DATABASE_URL', 'DUBAN_DB', 'DUBAN_BACKUP_DIR', 'DUBAN_BACKUP_KEEP', 'DUBAN_PG_DUMP', 'DUBAN_PG_RESTORE'];

/** The settings backup and restore need; a bad one among them stops here, others are not its business. */
function settings(): DubanConfig {
  const { config, problems } = loadConfig();
  const mine = problems.filter((line) => USED.some((key) => line.startsWith(`${key}=`)));
  if (mine.length) exitWithError(mine.join('; '));
  return config;
}

function positiveCount(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) exitWithError(`--keep must be a whole number from 1, not "${value}"`);
  return n;
}

export function register(program: Command): void {
  program
    .command('backup')
    .description('back up the database (SQLite or PostgreSQL) while it is in use')
    .argument('[file]', 'the backup file to write (must not exist); default: a dated file in DUBAN_BACKUP_DIR')
    .option('--db <file>', 'SQLite database file (default ./duban.db, or DUBAN_DB)')
    .option('--dir <dir>', 'directory for dated backups (default DUBAN_BACKUP_DIR, ./backups)')
    .option('--keep <n>', 'dated backups to keep in that directory (default DUBAN_BACKUP_KEEP, 14)')
    .action(async (file: string | undefined, opts: { db?: string; dir?: string; keep?: string }) => {
      const config = settings();
      const store = storeConfigOf(config, opts);
      const keep = positiveCount(opts.keep, config.backupKeep);
      let target = file;
      let dir: string | null = null;
      if (!target) {
        const { datedBackupName } = await import('../../store/backup-files.js');
        dir = opts.dir ?? config.backupDir;
        mkdirSync(dir, { recursive: true });
        target = join(dir, datedBackupName(new Date(), store.url ? 'postgres' : 'sqlite'));
      }
      if (store.url) {
        const { dumpPostgres } = await import('../../store/pg-backup.js');
        await dumpPostgres(store.url, target, { tools: { dump: config.pgDump, restore: config.pgRestore } });
      } else {
        const [{ backupStore }, { openStore }] = await Promise.all([
          import('../../store/backup.js'),
          import('../../store/db.js'),
        ]);
        const opened = await openStore(store);
        try {
          await backupStore(opened, target);
        } finally {
          await opened.close();
        }
      }
      let pruned: string[] = [];
      if (dir) pruned = (await import('../../store/backup-files.js')).pruneBackups(dir, keep);
      process.stdout.write(
        `backed up ${store.url ? 'PostgreSQL' : store.file} to ${target}` +
          (pruned.length ? `; removed ${pruned.length} older backup(s), keeping ${keep}` : '') +
          '\n',
      );
    });

  program
    .command('restore')
    .description('replace the database with a backup (stop the servers first; SQLite keeps the old file as .bak)')
    .argument('<file>', 'a backup written by `duban backup`')
    .option('--db <file>', 'SQLite database file to replace (default ./duban.db, or DUBAN_DB)')
    .action(async (file: string, opts: { db?: string }) => {
      const config = settings();
      const store = storeConfigOf(config, opts);
      const { openStore, migrateToLatest } = await import('../../store/db.js');
      if (store.url) {
        const { restorePostgres } = await import('../../store/pg-backup.js');
        await restorePostgres(store.url, file, { tools: { dump: config.pgDump, restore: config.pgRestore } });
        // A backup from an older version is brought up to this version's schema at once.
        const opened = await openStore({ ...store, migrate: false });
        const applied = await migrateToLatest(opened).finally(() => opened.close());
        process.stdout.write(
          `restored PostgreSQL from ${file}` + (applied.length ? `; applied ${applied.join(', ')}` : '') + '\n',
        );
        return;
      }
      const target = store.file!;
      if (resolve(target) === resolve(file)) exitWithError('the backup and the database are the same file');
      const { restoreStore } = await import('../../store/backup.js');
      const info = restoreStore(file, target);
      await (await openStore({ file: target })).close();
      process.stdout.write(
        `restored ${target} from ${file}` +
          (info.previous ? `; the previous database is kept as ${info.previous}` : '') +
          (info.pending.length ? `; applied ${info.pending.join(', ')}` : '') +
          '\n',
      );
    });
}
