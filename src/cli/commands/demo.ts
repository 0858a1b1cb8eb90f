// `duban demo` (what `npm start` runs): a demonstration database with the bundled 钱塘区 table,
// two earlier/later periods, one account per role; prints how to log in, then serves.
// The demo's accounts have public passwords, so it keeps to a database of its own
// (./duban-demo.db, never `duban serve`'s ./duban.db nor DATABASE_URL) and refuses, before
// touching it, any database that holds plans or accounts other than the demo's.
import type { Command } from 'commander';
import { demoRefusal, seedDemo } from '../../server/demo.js';
import { listen } from '../../server/listen.js';
import { migrateToLatest, openStore, type StoreConfig } from '../../store/db.js';
import { exitWithError } from '../io.js';
import { parsePort } from './serve.js';

/** The demo's own SQLite file: --db, else DUBAN_DEMO_DB, else ./duban-demo.db. */
export function demoDatabaseFile(flags: { db?: string }, env: NodeJS.ProcessEnv = process.env): string {
  return flags.db || env.DUBAN_DEMO_DB || './duban-demo.db';
}

/** Opens the demo database; exits with one line (code 2) when it is someone's real data. Migrates only after that check. */
async function openDemoStore(file: string) {
  const config: StoreConfig = { file };
  const store = await openStore({ ...config, migrate: false });
  // A new file has no tables yet: nothing in it to protect.
  const refusal = await demoRefusal(store).catch(() => null);
  if (refusal) {
    await store.close();
    exitWithError(`refusing to seed ${file}: ${refusal}`);
  }
  try {
    await migrateToLatest(store);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

export function register(program: Command): void {
  program
    .command('demo')
    .description('create a demo database (bundled 钱塘区 table, demo accounts) and serve it')
    .option('--port <port>', 'port (default 8080, or PORT)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--db <file>', "the demo's SQLite file (default ./duban-demo.db, or DUBAN_DEMO_DB)")
    .option('--no-serve', 'only create the demo data and accounts')
    .action(async (opts: { port?: string; host: string; db?: string; serve: boolean }) => {
      const port = parsePort(opts.port ?? process.env.PORT, 8080);
      const store = await openDemoStore(demoDatabaseFile(opts));
      const log = (line: string) => process.stderr.write(`duban: ${line}\n`);
      const demo = await seedDemo(store, log);
      const lines = [
        '',
        '演示账号 (demo accounts — for a demonstration only; change or disable them before real use):',
      ];
      for (const a of demo.accounts)
        lines.push(
          `  ${a.role.padEnd(7)} ${a.username.padEnd(9)} 密码 ${a.password.padEnd(13)} ${a.scope ?? ''}`.trimEnd(),
        );
      if (!opts.serve) {
        process.stdout.write(`${lines.join('\n')}\n`);
        await store.close();
        return;
      }
      const server = await listen(store, { port, host: opts.host, logger: false }).catch(
        async (err: NodeJS.ErrnoException) => {
          await store.close();
          if (err.code === 'EADDRINUSE')
            exitWithError(`port ${port} is already in use; choose another with --port or PORT`);
          throw err;
        },
      );
      lines.push(
        '',
        `打开 ${server.url} 并用上面的账号登录 (open it and log in with one of the accounts above).`,
        `API 文档: ${server.url}/api/docs   停止: Ctrl+C`,
        '',
      );
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
