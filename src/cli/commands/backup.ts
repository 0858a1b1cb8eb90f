// `duban backup FILE` and `duban restore FILE`: an online copy of the SQLite database, and putting
// a copy back (checked first; the current file is kept as .bak). PostgreSQL has pg_dump.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { backupStore, restoreStore } from '../../store/backup.js';
import { openStore, storeConfigFromEnv } from '../../store/db.js';
import { exitWithError } from '../io.js';

const PG_ADVICE =
  'the database is PostgreSQL (DATABASE_URL); back it up with its own tools: pg_dump -Fc "$DATABASE_URL" -f duban.dump, and restore with pg_restore --clean -d "$DATABASE_URL" duban.dump';

export function register(program: Command): void {
  program
    .command('backup')
    .description('copy the SQLite database to FILE while it is in use')
    .argument('<file>', 'the backup file to write (must not exist)')
    .option('--db <file>', 'SQLite database file (default ./duban.db, or DUBAN_DB)')
    .action(async (file: string, opts: { db?: string }) => {
      const config = storeConfigFromEnv(opts);
      if (config.url) exitWithError(PG_ADVICE);
      const store = await openStore(config);
      try {
        await backupStore(store, file);
      } finally {
        await store.close();
      }
      process.stdout.write(`backed up ${config.file} to ${file}\n`);
    });

  program
    .command('restore')
    .description('replace the SQLite database with a backup (stop the server first; the old file is kept as .bak)')
    .argument('<file>', 'a backup written by `duban backup`')
    .option('--db <file>', 'SQLite database file to replace (default ./duban.db, or DUBAN_DB)')
    .action(async (file: string, opts: { db?: string }) => {
      const config = storeConfigFromEnv(opts);
      if (config.url) exitWithError(PG_ADVICE);
      const target = config.file!;
      if (resolve(target) === resolve(file)) exitWithError('the backup and the database are the same file');
      const info = restoreStore(file, target);
      // A backup from an older version is brought up to this version's schema at once.
      const store = await openStore({ file: target });
      await store.close();
      process.stdout.write(
        `restored ${target} from ${file}` +
          (info.previous ? `; the previous database is kept as ${info.previous}` : '') +
          (info.pending.length ? `; applied ${info.pending.join(', ')}` : '') +
          '\n',
      );
    });
}
