// `duban serve`: migrates the database and serves the API and the web app.
import type { Command } from 'commander';
import { isClusterWorker, parseWorkers, runPrimary, workerSlot } from '../../server/cluster.js';
import { firstAdminHint } from '../../server/first-admin.js';
import { listen, serverUrl } from '../../server/listen.js';
import { loggerOptions } from '../../server/logging.js';
import { openStore, type Store } from '../../store/db.js';
import { loadConfig, signInOf, storeConfigOf } from '../../config/index.js';
import { exitWithError } from '../io.js';

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) exitWithError(`invalid port "${value}" (0-65535)`);
  return port;
}

/** On a database with no admin yet, tells (on stderr) how to create the first one. */
async function printFirstAdminHint(store: Store, db: string | undefined): Promise<void> {
  const hint = await firstAdminHint(store, db ? ` --db ${/\s/.test(db) ? JSON.stringify(db) : db}` : '');
  if (hint)
    process.stderr.write(
      hint
        .split('\n')
        .map((line) => `duban: ${line}\n`)
        .join(''),
    );
}

interface ServeOptions {
  config?: string;
  port?: string;
  host?: string;
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
    .option('--config <file>', 'KEY=value settings file (default DUBAN_CONFIG; see duban config check)')
    .option('--port <port>', 'port (default 8080, or PORT)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1, or DUBAN_HOST; 0.0.0.0 for all)')
    .option('--db <file>', 'SQLite database file (default ./duban.db, or DUBAN_DB; DATABASE_URL for PostgreSQL)')
    .option(
      '--trust-proxy <proxy>',
      'the reverse proxy in front (TLS terminated there): its address or subnet (10.0.0.5), or a hop count (1)',
    )
    .option('--quiet', 'no request log')
    .option('--workers <n>', 'server processes sharing the port: a number, or auto for one per core (DUBAN_WORKERS)')
    .option('--no-read-cache', 'compute every dashboard and task list anew (no answers kept in memory)')
    .action(async (opts: ServeOptions) => {
      // Every setting from flags, environment, config file and defaults, checked at once (src/config).
      const loaded = loadConfig({
        file: opts.config,
        flags: {
          PORT: opts.port,
          DUBAN_HOST: opts.host,
          DUBAN_DB: opts.db,
          DUBAN_TRUST_PROXY: opts.trustProxy,
          DUBAN_WORKERS: opts.workers,
          DUBAN_READ_CACHE: opts.readCache === false ? 'off' : undefined,
        },
      });
      if (!isClusterWorker()) for (const line of loaded.warnings) process.stderr.write(`duban: warning: ${line}\n`);
      if (loaded.problems.length === 1) exitWithError(loaded.problems[0]);
      if (loaded.problems.length) {
        for (const line of loaded.problems) process.stderr.write(`duban: ${line}\n`);
        exitWithError(`${loaded.problems.length} settings to correct (duban config check lists them all)`);
      }
      const settings = loaded.config;
      const port = settings.port;
      const workers = settings.workers === 'auto' ? parseWorkers('auto')! : settings.workers;
      const config = storeConfigOf(settings, opts);
      // The exporters find Chromium through the environment; a config file's value must reach them.
      if (settings.chromium) process.env.DUBAN_CHROMIUM = settings.chromium;
      if (workers > 1 && !isClusterWorker()) {
        // Migrate once, here, before any worker opens the database; the workers only serve.
        const migrated = await openStore(config);
        await printFirstAdminHint(migrated, opts.db);
        await migrated.close();
        const log = (line: string) => process.stderr.write(`duban: ${line}\n`);
        (await import('../../server/health/cluster-metrics.js')).relayMetricsRequests();
        const shared = await runPrimary({ workers, log }).catch(() => exitWithError('the server did not start'));
        const url = serverUrl(settings.host, shared);
        log(`serving on ${url} with ${workers} worker processes; API docs at ${url}/api/docs`);
        return;
      }
      const store = await openStore({ ...config, migrate: !isClusterWorker() });
      const server = await listen(store, {
        port,
        host: settings.host,
        trustProxy: settings.trustProxy,
        logger: opts.quiet ? false : loggerOptions({ level: settings.logLevel }),
        notify: workerSlot() === 0,
        readCache: { enabled: settings.readCache },
        bodyLimit: settings.maxBodyBytes,
        importLimit: settings.maxUploadBytes,
        shutdownGraceMs: settings.shutdownGraceSeconds * 1000,
        timeouts: { bodyMs: settings.bodyTimeoutSeconds * 1000, uploadMs: settings.uploadTimeoutSeconds * 1000 },
        pdf: { queue: { concurrency: settings.pdfConcurrency } },
        operations: { metricsToken: settings.metricsToken },
        signIn: signInOf(settings),
      }).catch(async (err: NodeJS.ErrnoException) => {
        await store.close();
        if (err.code === 'EADDRINUSE') exitWithError(`port ${port} is already in use; choose another with --port`);
        throw err;
      });
      if (!isClusterWorker()) await printFirstAdminHint(store, opts.db);
      if (!isClusterWorker()) {
        process.stderr.write(
          `duban: serving on ${server.url} (${store.dialect.name}); API docs at ${server.url}/api/docs\n`,
        );
        const exportProblem = await (await import('../../server/health/export-check.js')).pdfExportProblem();
        if (exportProblem) process.stderr.write(`duban: ${exportProblem}\n`);
      }
    });
}
