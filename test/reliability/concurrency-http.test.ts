// Concurrency through the HTTP API over real loopback sockets, on SQLite and PostgreSQL: fifteen
// logged-in clients (ten sessions of the lead unit, five of the office) saving the same report from
// the same version at once (one 200, fourteen 409 `conflict` JSON), then saving, re-reading and
// retrying on three shared reports. Afterwards every 200 is kept, versions = start + successful
// saves, the version history and the audit log agree, and nothing answered other than 200 or 409.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachStore } from '../helpers/stores.js';
import { PASSWORD, seed, testApp, type Seed } from '../server/helpers.js';
import { HttpClient } from './helpers/http.js';
import { expectNoLostUpdate, type SaveAck } from './helpers/report-invariants.js';

const figures: string[] = [];
const SAVES_PER_CLIENT = 4;
afterAll(() => console.log(`HTTP concurrency:\n${figures.join('\n')}`));

describeEachStore('concurrent saves through the HTTP API', (ctx) => {
  let app: FastifyInstance;
  let s: Seed;
  let units: HttpClient[];
  let admins: HttpClient[];
  const start = new Map<number, number>();
  const acks: SaveAck[] = [];

  beforeAll(async () => {
    s = await seed(ctx.store);
    app = await testApp(ctx.store);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    units = Array.from({ length: 10 }, () => new HttpClient(base));
    admins = Array.from({ length: 5 }, () => new HttpClient(base));
    for (const c of units) expect((await c.login('fagai', PASSWORD)).status).toBe(200);
    for (const c of admins) expect((await c.login('admin', PASSWORD)).status).toBe(200);
    for (const id of Object.values(s.reports)) start.set(id, 1);
  }, 60_000);
  afterAll(async () => app?.close());

  const version = async (id: number) =>
    (await ctx.store.db.selectFrom('reports').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

  it('answers 15 simultaneous saves of one version with one 200 and fourteen 409 conflicts', async () => {
    const id = s.reports.gdpQ4;
    const v = await version(id);
    const results = await Promise.all(
      [...units, ...admins].map((c, i) =>
        c.request('PUT', `/api/reports/${id}`, { text: `[same-${i}] 1-11月地区生产总值增长5.${i}%。`, version: v }),
      ),
    );
    const ok = results.filter((r) => r.status === 200);
    const conflicts = results.filter((r) => r.status === 409);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(14);
    for (const r of conflicts) expect((r.body as { error: { code: string } }).error.code).toBe('conflict');
    const saved = ok[0].body as { version: number; text: string };
    acks.push({ id, version: saved.version, marker: saved.text.slice(0, saved.text.indexOf(']') + 1) });
    figures.push(`  ${ctx.fixture.name}: 15 clients, one version → 1 × 200, ${conflicts.length} × 409 conflict`);
  });

  it('keeps every acknowledged save of 15 clients retrying on 3 shared reports (4 saves each)', async () => {
    const shared = [s.reports.gdpQ4, s.reports.schoolQ4, s.reports.roadQ4];
    let conflicts = 0;
    const unexpected: string[] = [];
    const work = async (c: HttpClient, name: string, reports: number[]) => {
      for (let k = 0; k < SAVES_PER_CLIENT; k++) {
        const id = reports[k % reports.length];
        for (let attempt = 0; attempt < 200; attempt++) {
          const current = await c.request('GET', `/api/reports/${id}`);
          const marker = `[${name}-${k}]`;
          const res = await c.request('PUT', `/api/reports/${id}`, {
            text: `${marker} 已新增学位${k}00个。`,
            version: (current.body as { version: number }).version,
          });
          if (res.status === 200) {
            acks.push({ id, version: (res.body as { version: number }).version, marker });
            break;
          }
          if (res.status === 409) conflicts++;
          else {
            unexpected.push(`${res.status} ${res.text.slice(0, 120)}`);
            break;
          }
        }
      }
    };
    const t0 = performance.now();
    // The unit may write only its own task's report; the office writes all three.
    await Promise.all([
      ...units.map((c, i) => work(c, `u${i}`, [s.reports.gdpQ4])),
      ...admins.map((c, i) => work(c, `a${i}`, shared)),
    ]);
    const seconds = (performance.now() - t0) / 1000;
    expect(unexpected).toEqual([]);
    expect(acks.length).toBe(1 + 15 * SAVES_PER_CLIENT);
    const total = await expectNoLostUpdate(ctx.store, acks, new Map(shared.map((id) => [id, start.get(id)!])), '');
    // The API's own history agrees with the table.
    for (const id of shared) {
      const versions = (await admins[0].request('GET', `/api/reports/${id}/versions`)).body as { version: number }[];
      expect(versions.length).toBe(acks.filter((a) => a.id === id).length);
    }
    figures.push(
      `  ${ctx.fixture.name}: 15 clients × ${SAVES_PER_CLIENT} saves on 3 reports in ${seconds.toFixed(1)} s → ${total} saves kept, ${conflicts} conflicts (409) retried, 0 other answers`,
    );
  }, 120_000);
});

describe('HTTP concurrency', () => {
  it('has figures', () => expect(figures.length).toBeGreaterThan(0));
});
