// `duban migrate`: applies the schema migrations this version knows and says which ran.
import type { Command } from 'commander';
import { migrateToLatest, openStore, storeConfigFromEnv } from '../../store/db.js';

export function register(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (SQLite file, or DATABASE_URL for PostgreSQL)')
    .option('--db <file>', 'SQLite database file (default ./duban.db, or DUBAN_DB)')
    .action(async (opts: { db?: string }) => {
      const store = await openStore({ ...storeConfigFromEnv(opts), migrate: false });
      try {
        const applied = await migrateToLatest(store);
        const where = store.dialect.name === 'postgres' ? 'PostgreSQL' : (storeConfigFromEnv(opts).file ?? '');
        if (applied.length === 0) process.stdout.write(`${where}: schema is up to date\n`);
        else for (const name of applied) process.stdout.write(`${where}: applied ${name}\n`);
      } finally {
        await store.close();
      }
    });
}
