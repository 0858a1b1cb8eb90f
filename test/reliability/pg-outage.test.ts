// PostgreSQL going away while duban runs. The machine's PostgreSQL is shared, so the outage is made
// by a TCP proxy between duban and 127.0.0.1:5432: `cut()` destroys every open connection and
// refuses new ones for a few seconds (as a restart does), then lets them through again. The server
// runs in its own process, as `duban serve` does, over real loopback HTTP. During the outage every
// request must be answered promptly with 503 `db_unavailable` JSON (no 500, no stack trace, no
// hang, including requests caught mid-transaction); the process must survive; afterwards the same
// process, not restarted, must serve reads and writes again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_URL, freshStore, postgresReachable } from '../helpers/stores.js';
import { PASSWORD, seed, type Seed } from '../server/helpers.js';
import { childScript, runChild, type ChildRun } from './helpers/child.js';
import { HttpClient, type HttpResult } from './helpers/http.js';
import { startTcpProxy, viaProxy, type TcpProxy } from './helpers/tcp-proxy.js';

const PG_OK = await postgresReachable();
const OUTAGE_MS = 3000;

describe.skipIf(!PG_OK)('PostgreSQL outage behind a cut TCP proxy', () => {
  let fresh: Awaited<ReturnType<typeof freshStore>>;
  let proxy: TcpProxy;
  let server: ChildRun;
  let base: string;
  let admin: HttpClient;
  let unit: HttpClient;
  let s: Seed;
  const figures: string[] = [];

  beforeAll(async () => {
    fresh = await freshStore('postgres');
    s = await seed(fresh.store);
    proxy = await startTcpProxy({ host: new URL(PG_URL).hostname, port: Number(new URL(PG_URL).port || 5432) });
    const config = { url: viaProxy(PG_URL, proxy.port), schema: fresh.fixture.config.schema };
    server = runChild(childScript('serve.ts'), [JSON.stringify(config)]);
    base = `http://127.0.0.1:${(await server.waitFor((l) => l.startsWith('listening '))).split(' ')[1]}`;
    admin = new HttpClient(base);
    unit = new HttpClient(base);
    expect((await admin.login('admin', PASSWORD)).status).toBe(200);
    expect((await unit.login('fagai', PASSWORD)).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    console.log(`PostgreSQL outage:\n${figures.join('\n')}`);
    server?.proc.kill('SIGTERM');
    await server?.exited;
    await proxy?.close();
    await fresh?.dispose();
  });

  const version = async (id: number) =>
    (await fresh.store.db.selectFrom('reports').select('version').where('id', '=', id).executeTakeFirstOrThrow())
      .version;

  // Reads and writes a real user makes, each a fresh request.
  const anonymous = () => new HttpClient(base);
  const requests = (): (() => Promise<HttpResult>)[] => [
    () => admin.request('GET', `/api/tasks?planId=${s.planId}&periodId=${s.periods.q4}`),
    () => admin.request('GET', `/api/dashboard?planId=${s.planId}&periodId=${s.periods.q4}`),
    () => unit.request('GET', `/api/reports/${s.reports.gdpQ4}`),
    async () =>
      unit.request('PUT', `/api/reports/${s.reports.gdpQ4}`, {
        text: '1-11月地区生产总值增长5.8%。',
        version: await version(s.reports.gdpQ4),
      }),
    () => anonymous().request('GET', '/api/health'),
    () => anonymous().request('POST', '/api/auth/login', { username: 'viewer', password: 'wrong-password' }),
  ];
  const serverAlive = () => {
    expect(
      server.proc.exitCode ?? server.proc.signalCode,
      `the server process died: ${server.stderr().slice(-1500)}`,
    ).toBeNull();
    expect(server.stderr()).not.toMatch(/Connection terminated|ECONNRESET|Unhandled|uncaught/i);
  };

  it('serves requests before the outage', async () => {
    for (const [i, r] of requests().slice(0, 5).entries()) {
      const res = await r();
      expect(res.status, `request ${i}: ${res.text.slice(0, 300)}`).toBe(200);
    }
  });

  it('answers 503 db_unavailable during the outage, promptly, and recovers without a restart', async () => {
    // A burst in flight when the connection is cut: each request ends in 200 or 503, nothing else.
    const inFlight = Array.from({ length: 12 }, (_, i) => requests()[i % 5]());
    await new Promise((r) => setTimeout(r, 5));
    proxy.cut();
    const cutAt = Date.now();
    const settled = await Promise.allSettled(inFlight);
    await new Promise((r) => setTimeout(r, 200));
    serverAlive(); // a dead server explains a failed fetch better than the fetch does
    const caught = settled.map((x) => (x.status === 'fulfilled' ? x.value : Promise.reject(x.reason)) as HttpResult);
    for (const res of caught) expect([200, 503], res.text).toContain(res.status);

    const during: { status: number; ms: number; code: string }[] = [];
    while (Date.now() - cutAt < OUTAGE_MS) {
      for (const r of requests()) {
        const res = await r();
        const body = res.body as { error?: { code: string; message: string } };
        during.push({ status: res.status, ms: res.ms, code: body.error?.code ?? '' });
        expect(res.status, res.text).toBe(503);
        expect(body.error?.code).toBe('db_unavailable');
        expect(res.text).not.toMatch(/at .*\.(js|ts):\d+/); // no stack trace
      }
    }
    proxy.restore();
    const restoredAt = Date.now();

    // Back: the first requests may still meet a pooled connection that died; within 10 s all succeed.
    let firstOk = -1;
    while (Date.now() - restoredAt < 10_000) {
      const res = await requests()[0]();
      if (res.status === 200) {
        firstOk = Date.now() - restoredAt;
        break;
      }
      expect(res.status).toBe(503);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(firstOk, 'no successful request within 10 s of the database coming back').toBeGreaterThanOrEqual(0);
    for (let round = 0; round < 3; round++)
      for (const r of requests().slice(0, 5)) expect((await r()).status).toBe(200);
    serverAlive();

    const slowest = Math.max(...during.map((d) => d.ms));
    figures.push(
      `  in flight at the cut: ${caught.filter((r) => r.status === 200).length} × 200, ${caught.filter((r) => r.status === 503).length} × 503`,
      `  during a ${OUTAGE_MS / 1000} s outage: ${during.length} requests, all 503 db_unavailable, slowest answer ${slowest.toFixed(0)} ms`,
      `  after: first success ${firstOk} ms after the database came back; 15 further requests all 200; proxy connections accepted: ${proxy.accepted}`,
    );
    expect(slowest).toBeLessThan(8000);
  }, 60_000);

  it('loses no acknowledged write across the outage', async () => {
    serverAlive();
    const before = await version(s.reports.schoolQ4);
    const saved = await admin.request('PUT', `/api/reports/${s.reports.schoolQ4}`, {
      text: '已新增学位3200个。',
      version: before,
    });
    expect(saved.status).toBe(200);
    proxy.cut();
    const refused = await admin.request('PUT', `/api/reports/${s.reports.schoolQ4}`, {
      text: '已新增学位9999个。',
      version: before + 1,
    });
    expect(refused.status).toBe(503);
    proxy.restore();
    let detail = await admin.request('GET', `/api/reports/${s.reports.schoolQ4}`);
    for (let i = 0; i < 50 && detail.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      detail = await admin.request('GET', `/api/reports/${s.reports.schoolQ4}`);
    }
    expect(detail.body).toMatchObject({ text: '已新增学位3200个。', version: before + 1 });
    serverAlive();
  }, 30_000);
});
