// Runs the app on a port with the delivery worker, and stops both cleanly on SIGINT/SIGTERM.
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
}

export async function listen(store: Store, options: ListenOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const app = await buildApp(store, options);
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
      clearInterval(sweep);
      await stopWorker();
      await app.close();
      await store.close();
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
