// Child process: the duban server on a given store, listening on a loopback port, the way
// `duban serve` runs it (no test harness catching errors: an uncaught exception ends the process).
// Prints `listening <port>`, then `rss <bytes>` every second (the soak's memory figures).
import { buildApp } from '../../../src/server/app.js';
import { openStore, type StoreConfig } from '../../../src/store/db.js';

const [configJson] = process.argv.slice(2);
const store = await openStore({ ...(JSON.parse(configJson) as StoreConfig), migrate: false });
const app = await buildApp(store, { webRoot: null, logger: process.env.DUBAN_SERVE_LOG ? { level: 'error' } : false });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
setInterval(() => process.stdout.write(`rss ${process.memoryUsage().rss}\n`), 1000).unref();
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    await app.close();
    await store.close();
    process.exit(0);
  });
}
