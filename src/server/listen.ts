// Runs the app on a port with the delivery worker, and stops both cleanly on SIGINT/SIGTERM: the
// port closes at once (/readyz answers 503 from then on), requests in flight finish (at most
// `shutdownGraceMs`, then their connections are cut), then the worker stops and the pool closes.
// Shared by `duban serve`, `duban demo` and the load benchmark's server process.
import type { Store } from '../store/db.js';
import { deleteExpiredSessions } from '../store/sessions.js';
import { buildApp, type AppOptions } from './app.js';
import { startDeliveryWorker } from './notify/worker.js';

export interface ListenOptions extends AppOptions {
  port: number;
  host: string;
  /** Send notifications from this process (default true). */
  notify?: boolean;
  /** On a stop signal, how long requests in flight may take before their connections are cut (default 30 s). */
  shutdownGraceMs?: number;
}

export async function listen(store: Store, options: ListenOptions): Promise<{ url: string; stop(): Promise<void> }> {
  let closing = false;
  const app = await buildApp(store, { ...options, operations: { ...options.operations, closing: () => closing } });
  await app.listen({ port: options.port, host: options.host });
  const stopWorker =
    options.notify === false ? async () => {} : startDeliveryWorker(store, { log: (m) => app.log.warn(m) });
  // Expired sessions are swept now and then by whichever process gets there; no state is needed for it.
  const sweep = setInterval(
    () => void deleteExpiredSessions(store.db, new Date().toISOString()).catch(() => {}),
    3600_000,
  );
  sweep.unref();
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      closing = true;
      clearInterval(sweep);
      app.log.info('stopping: no new connections; finishing the requests in flight');
      const cut = setTimeout(() => {
        app.log.warn('stopping: requests still running after the grace period; closing their connections');
        app.server.closeAllConnections();
      }, options.shutdownGraceMs ?? 30_000);
      await app.close();
      clearTimeout(cut);
      await stopWorker();
      await store.close();
      app.log.info('stopped');
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stop().then(() => process.exit(0)));
  const address = app.server.address();
  return { url: serverUrl(options.host, typeof address === 'object' && address ? address.port : options.port), stop };
}

/** The address to print for a server listening on host:port (a wildcard host is reached on loopback). */
export function serverUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}
