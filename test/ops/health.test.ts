// /healthz, /readyz and /metrics on both databases: who may read them, what they say when the
// database or its schema is not right, and that the metrics count what happened.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachStore } from '../helpers/stores.js';
import { login, seed, testApp, type Client, type Seed } from '../server/helpers.js';

const METRICS_TOKEN = 'prometheus-scrape-token-0123';

describeEachStore('operations endpoints', (ctx) => {
  let app: FastifyInstance;
  let s: Seed;
  let admin: Client;
  let unit: Client;
  let closing = false;

  beforeAll(async () => {
    s = await seed(ctx.store);
    app = await testApp(ctx.store, { operations: { closing: () => closing } });
    admin = await login(app, 'admin');
    unit = await login(app, 'fagai');
  });
  afterAll(async () => app?.close());

  it('/healthz answers without login and without touching the database', async () => {
    const res = await app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz is ready when the database answers and its schema is current', async () => {
    const res = await app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: ctx.fixture.name });
  });

  it('/readyz is not ready while a migration is pending, and names it', async () => {
    const last = await sql<{ name: string }>`select max(name) as name from kysely_migration`.execute(ctx.store.db);
    const name = last.rows[0].name;
    await sql`delete from kysely_migration where name = ${name}`.execute(ctx.store.db);
    try {
      const res = await app.inject({ url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('not_ready');
      expect(res.json().error.message).toContain(name);
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${name}, ${new Date().toISOString()})`.execute(
        ctx.store.db,
      );
    }
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
  });

  it('/readyz is not ready when the database was migrated by a newer duban', async () => {
    await sql`insert into kysely_migration (name, timestamp) values ('9999_future', ${new Date().toISOString()})`.execute(
      ctx.store.db,
    );
    try {
      const res = await app.inject({ url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.message).toContain('9999_future');
    } finally {
      await sql`delete from kysely_migration where name = '9999_future'`.execute(ctx.store.db);
    }
  });

  it('/readyz is not ready once the server is shutting down', async () => {
    closing = true;
    try {
      const res = await app.inject({ url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toEqual({ code: 'not_ready', message: '服务正在停止' });
    } finally {
      closing = false;
    }
  });

  it('/readyz is not ready when the database cannot be reached', async () => {
    const other = await ctx.fixture.reopen();
    const lonely = await testApp(other);
    await other.close();
    try {
      const res = await lonely.inject({ url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toEqual({ code: 'not_ready', message: '数据库暂时不可用' });
    } finally {
      await lonely.close();
    }
  });

  it('/metrics without a token is for admins only', async () => {
    expect((await app.inject({ url: '/metrics' })).statusCode).toBe(401);
    expect((await unit.request({ url: '/metrics' })).statusCode).toBe(403);
    const res = await admin.request({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  });

  it('/metrics counts requests by matched route and status, latency, and read-cache hits', async () => {
    const dashboard = `/api/dashboard?planId=${s.planId}&periodId=${s.periods.q4}`;
    expect((await admin.request({ url: dashboard })).statusCode).toBe(200);
    expect((await admin.request({ url: dashboard })).headers['x-duban-cache']).toBe('hit');
    await app.inject({ url: '/api/no-such-thing-12345' });
    const text = (await admin.request({ url: '/metrics' })).body;
    expect(text).toContain('duban_http_requests_total{method="GET",route="/api/dashboard",status="200"} 2');
    expect(text).toMatch(/duban_http_request_duration_seconds_count\{method="GET",route="\/api\/dashboard"\} 2\n/);
    expect(text).toMatch(
      /duban_http_request_duration_seconds_bucket\{method="GET",route="\/api\/dashboard",le="\+Inf"\} 2\n/,
    );
    expect(text).toContain('duban_read_cache_requests_total{result="hit"} 1');
    expect(text).toContain('duban_read_cache_requests_total{result="miss"} 1');
    // A URL nobody routes is counted, but never becomes a series of its own.
    expect(text).toMatch(/duban_http_requests_total\{method="GET",route="unmatched",status="404"\} \d+/);
    expect(text).not.toContain('no-such-thing');
    // The scrape itself is the one request in flight; finished ones are back to 0.
    expect(text).toContain('duban_http_requests_in_flight{route="/metrics"} 1');
    expect(text).toContain('duban_http_requests_in_flight{route="/api/dashboard"} 0');
    expect(text).toContain(`duban_info{version="0.1.0",node="${process.version}",database="${ctx.fixture.name}"} 1`);
    if (ctx.fixture.name === 'postgres') expect(text).toMatch(/duban_db_pool_connections\{state="total"\} [1-9]/);
  });

  it('/metrics with DUBAN_METRICS_TOKEN set takes that bearer token and refuses others', async () => {
    const scraped = await testApp(ctx.store, { operations: { metricsToken: METRICS_TOKEN } });
    try {
      expect((await scraped.inject({ url: '/metrics' })).statusCode).toBe(401);
      const wrong = await scraped.inject({
        url: '/metrics',
        headers: { authorization: 'Bearer not-the-token-at-all' },
      });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error.code).toBe('unauthorized');
      const right = await scraped.inject({ url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(right.statusCode).toBe(200);
      expect(right.body).toContain('# TYPE duban_http_requests_total counter');
    } finally {
      await scraped.close();
    }
  });

  it('every answer carries a request id; a proxy id that is a plain token is kept, others replaced', async () => {
    const own = await app.inject({ url: '/healthz' });
    expect(own.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'lb-7f3a.42' } });
    expect(kept.headers['x-request-id']).toBe('lb-7f3a.42');
    const injected = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'a"}\n{"level":"fatal' } });
    expect(injected.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
