// `duban serve`: migrates the database and serves the API and the web app.
import type { Command } from 'commander';
import { listen } from '../../server/listen.js';
import { openStore, storeConfigFromEnv } from '../../store/db.js';
import { exitWithError } from '../io.js';

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) exitWithError(`invalid port "${value}" (0-65535)`);
  return port;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the API (/api, docs at /api/docs) and the web app')
    .option('--port <port>', 'port (default 8080, or PORT)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1; 0.0.0.0 for all)', '127.0.0.1')
    .option('--db <file>', 'SQLite database file (default ./duban.db, or DUBAN_DB; DATABASE_URL for PostgreSQL)')
    .option('--trust-proxy', 'trust X-Forwarded-* headers from a reverse proxy (TLS terminated there)')
    .option('--quiet', 'no request log')
    .action(async (opts: { port?: string; host: string; db?: string; trustProxy?: boolean; quiet?: boolean }) => {
      const port = parsePort(opts.port ?? process.env.PORT, 8080);
      const store = await openStore(storeConfigFromEnv(opts));
      const server = await listen(store, {
        port,
        host: opts.host,
        trustProxy: opts.trustProxy ?? false,
        logger: opts.quiet ? false : { level: 'info' },
      }).catch(async (err: NodeJS.ErrnoException) => {
        await store.close();
        if (err.code === 'EADDRINUSE') exitWithError(`port ${port} is already in use; choose another with --port`);
        throw err;
      });
      process.stderr.write(
        `duban: serving on ${server.url} (${store.dialect.name}); API docs at ${server.url}/api/docs\n`,
      );
    });
}
