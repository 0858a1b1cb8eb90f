// `duban serve`: migrates the database and serves the API and the web app.
import type { Command } from 'commander';
import { isClusterWorker, parseWorkers, runPrimary, workerSlot } from '../../server/cluster.js';
import { listen, serverUrl } from '../../server/listen.js';
import { parseTrustProxy } from '../../server/trust-proxy.js';
import { openStore, storeConfigFromEnv } from '../../store/db.js';
import { exitWithError } from '../io.js';

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) exitWithError(`invalid port "${value}" (0-65535)`);
  return port;
}

interface ServeOptions {
  port?: string;
  host: string;
  db?: string;
  trustProxy?: string;
  quiet?: boolean;
  workers?: string;
  readCache: boolean;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the API (/api, docs at /api/docs) and the web app')
    .option('--port <port>', 'port (default 8080, or PORT)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1; 0.0.0.0 for all)', '127.0.0.1')
    .option('--db <file>', 'SQLite database file (default ./duban.db, or DUBAN_DB; DATABASE_URL for PostgreSQL)')
    .option(
      '--trust-proxy <proxy>',
      'the reverse proxy in front (TLS terminated there): its address or subnet (10.0.0.5), or a hop count (1)',
    )
    .option('--quiet', 'no request log')
    .option('--workers <n>', 'server processes sharing the port: a number, or auto for one per core', '1')
    .option('--no-read-cache', 'compute every dashboard and task list anew (no answers kept in memory)')
    .action(async (opts: ServeOptions) => {
      const port = parsePort(opts.port ?? process.env.PORT, 8080);
      const trustProxy = opts.trustProxy === undefined ? null : parseTrustProxy(opts.trustProxy);
      if (trustProxy && !trustProxy.ok) exitWithError(trustProxy.message);
      const workers = parseWorkers(opts.workers);
      if (workers === null) exitWithError(`invalid --workers "${opts.workers}" (a number from 1 to 64, or auto)`);
      const config = storeConfigFromEnv(opts);
      if (workers > 1 && !isClusterWorker()) {
        // Migrate once, here, before any worker opens the database; the workers only serve.
        await (await openStore(config)).close();
        const log = (line: string) => process.stderr.write(`duban: ${line}\n`);
        const shared = await runPrimary({ workers, log }).catch(() => exitWithError('the server did not start'));
        const url = serverUrl(opts.host, shared);
        log(`serving on ${url} with ${workers} worker processes; API docs at ${url}/api/docs`);
        return;
      }
      const store = await openStore({ ...config, migrate: !isClusterWorker() });
      const server = await listen(store, {
        port,
        host: opts.host,
        trustProxy: trustProxy?.ok ? trustProxy.value : false,
        logger: opts.quiet ? false : { level: 'info' },
        notify: workerSlot() === 0,
        readCache: { enabled: opts.readCache },
      }).catch(async (err: NodeJS.ErrnoException) => {
        await store.close();
        if (err.code === 'EADDRINUSE') exitWithError(`port ${port} is already in use; choose another with --port`);
        throw err;
      });
      if (!isClusterWorker())
        process.stderr.write(
          `duban: serving on ${server.url} (${store.dialect.name}); API docs at ${server.url}/api/docs\n`,
        );
    });
}
