// What duban measures about itself: requests by route and status, their latency, requests in flight
// (PDF exports queued or printing among them), read-cache hits and misses, the PostgreSQL pool, the notification outbox, and the process. Requests are counted by
// the route the router matched (`/api/tasks/:id`), never by the URL as typed, so made-up URLs cannot
// create new series; requests that matched nothing are counted under route "unmatched".
import cluster from 'node:cluster';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/db.js';
import { shareWithPrimary } from './cluster-metrics.js';
import { Counter, Gauge, Histogram, Registry } from './metrics.js';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

export function dubanMetrics(app: FastifyInstance, store: Store): Registry {
  const registry = new Registry();
  // With --workers, each worker counts for itself; a scrape answers with every worker's series
  // (cluster-metrics.ts), kept apart by this label.
  const own: Record<string, string> = cluster.isWorker ? { worker: process.env.DUBAN_WORKER_SLOT ?? '0' } : {};
  const requests = registry.add(
    new Counter('duban_http_requests_total', 'HTTP requests answered, by method, matched route and status'),
  );
  const latency = registry.add(
    new Histogram(
      'duban_http_request_duration_seconds',
      'Time from request to response, by method and matched route',
      LATENCY_BUCKETS,
    ),
  );
  const readCache = registry.add(
    new Counter(
      'duban_read_cache_requests_total',
      'Dashboard and task-list reads answered from memory (hit) or computed (miss)',
    ),
  );
  // Requests being answered now, by route: PDF exports waiting in their queue or printing show here
  // as requests in flight on /api/export (the queue lives inside that request).
  const inFlight = new Map<string, number>();
  registry.add(
    new Gauge('duban_http_requests_in_flight', 'Requests being answered now, by matched route', async () =>
      [...inFlight].map(([route, value]) => ({ labels: { ...own, route }, value })),
    ),
  );
  const pool = (store.dialect as { pool?: PoolLike }).pool;
  if (pool)
    registry.add(
      new Gauge('duban_db_pool_connections', 'PostgreSQL connections of this process, by state', async () => [
        { labels: { ...own, state: 'total' }, value: pool.totalCount },
        { labels: { ...own, state: 'idle' }, value: pool.idleCount },
        { labels: { ...own, state: 'waiting_clients' }, value: pool.waitingCount },
      ]),
    );
  registry.add(
    new Gauge(
      'duban_notification_outbox',
      'Notification deliveries by state (pending ones are still to be sent)',
      async () => {
        const rows = await store.db
          .selectFrom('notification_deliveries')
          .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy('state')
          .execute();
        return rows.map((r) => ({ labels: { state: r.state }, value: Number(r.n) }));
      },
    ),
  );
  registry.add(
    new Gauge('process_resident_memory_bytes', 'Resident memory of this process', async () => [
      { labels: own, value: process.memoryUsage.rss() },
    ]),
  );
  registry.add(
    new Gauge('nodejs_heap_used_bytes', 'V8 heap in use', async () => [
      { labels: own, value: process.memoryUsage().heapUsed },
    ]),
  );
  const started = Date.now() / 1000 - process.uptime();
  registry.add(
    new Gauge('process_start_time_seconds', 'When this process started (Unix time)', async () => [
      { labels: own, value: started },
    ]),
  );
  registry.add(
    new Gauge('duban_info', 'Version of duban and Node, database kind', async () => [
      { labels: { ...own, version: '0.1.0', node: process.version, database: store.dialect.name }, value: 1 },
    ]),
  );

  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    inFlight.set(route, (inFlight.get(route) ?? 0) + 1);
    // 'close' comes once per response, answered or abandoned.
    reply.raw.once('close', () => inFlight.set(route, (inFlight.get(route) ?? 1) - 1));
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const method = request.method;
    requests.inc({ ...own, method, route, status: String(reply.statusCode) });
    latency.observe({ ...own, method, route }, reply.elapsedTime / 1000);
    const cache = reply.getHeader('x-duban-cache');
    if (cache === 'hit' || cache === 'miss') readCache.inc({ ...own, result: cache });
  });
  shareWithPrimary(registry);
  return registry;
}
