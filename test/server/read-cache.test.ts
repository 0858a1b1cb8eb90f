// The read cache (src/server/read-cache.ts): repeated dashboard and task-list reads come from memory,
// and never once after the data changed — through this server, through another server process on
// the same database, or by a direct write — and never across callers of different scope.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionedCache } from '../../src/server/versioned-cache.js';
import { describeEachStore } from '../helpers/stores.js';
import { login, seed, testApp, type Client, type Seed } from './helpers.js';

describe('VersionedCache', () => {
  const answer = (payload = '{}') => ({ payload });
  const cacheOf = (maxEntries: number, maxBytes: number) =>
    new VersionedCache<{ payload: string }>({ maxEntries, maxBytes, weigh: (a) => a.payload.length * 2 });

  it('gives an entry back only under the version it was stored with, and drops it otherwise', () => {
    const cache = cacheOf(10, 1e6);
    cache.set('k', 'v1', answer('{"n":1}'));
    expect(cache.get('k', 'v1')?.payload).toBe('{"n":1}');
    expect(cache.get('k', 'v2')).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.get('k', 'v1')).toBeUndefined();
  });

  it('forgets the least recently used entry beyond its entry limit', () => {
    const cache = cacheOf(2, 1e6);
    cache.set('a', 'v', answer());
    cache.set('b', 'v', answer());
    cache.get('a', 'v'); // a is now more recent than b
    cache.set('c', 'v', answer());
    expect(cache.get('b', 'v')).toBeUndefined();
    expect(cache.get('a', 'v')).toBeDefined();
    expect(cache.get('c', 'v')).toBeDefined();
  });

  it('keeps its weight under the limit and will not hold one entry that would crowd out the rest', () => {
    const cache = cacheOf(100, 1000);
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, 'v', answer('x'.repeat(100))); // 200 bytes each in memory
    expect(cache.size).toBe(5);
    expect(cache.get('k9', 'v')).toBeDefined();
    expect(cache.get('k0', 'v')).toBeUndefined();
    cache.set('huge', 'v', answer('x'.repeat(400)));
    expect(cache.get('huge', 'v')).toBeUndefined();
    expect(cache.size).toBe(5);
  });
});

describeEachStore('read cache', (ctx) => {
  let app: FastifyInstance;
  let s: Seed;
  let admin: Client;
  let unit: Client;

  beforeAll(async () => {
    s = await seed(ctx.store);
    app = await testApp(ctx.store);
    admin = await login(app, 'admin');
    unit = await login(app, 'fagai');
  });
  afterAll(async () => {
    await app.close();
  });

  const dashboardUrl = () => `/api/dashboard?planId=${s.planId}&periodId=${s.periods.q4}`;
  const read = async (client: Client, url: string) => {
    const res = await client.request({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    return { body: res.json(), cache: res.headers['x-duban-cache'] };
  };
  /** Saves and hands the report in: only a submitted report counts on the office's dashboard. */
  const saveReport = async (client: Client, reportId: number, text: string) => {
    const current = await client.request({ method: 'GET', url: `/api/reports/${reportId}` });
    const res = await client.request({
      method: 'PUT',
      url: `/api/reports/${reportId}`,
      payload: { text, version: current.json().version },
    });
    expect(res.statusCode).toBe(200);
    const submitted = await client.request({
      method: 'POST',
      url: `/api/reports/${reportId}/submit`,
      payload: { version: res.json().version },
    });
    expect(submitted.statusCode).toBe(200);
  };

  it('answers a repeated dashboard read from the cache, with the same body', async () => {
    const first = await read(admin, dashboardUrl());
    const second = await read(admin, dashboardUrl());
    expect(second.cache).toBe('hit');
    expect(second.body).toEqual(first.body);
  });

  it('shows a report saved through the API on the very next read', async () => {
    await read(admin, dashboardUrl());
    const before = await read(admin, dashboardUrl());
    expect(before.cache).toBe('hit');
    await saveReport(unit, s.reports.gdpQ4, '地区生产总值增长6.2%，完成全年目标。');
    const after = await read(admin, dashboardUrl());
    expect(after.cache).toBe('miss');
    const reported = (c: Record<string, number>) => c.done + c.on_track;
    expect(reported(after.body.counts)).toBe(reported(before.body.counts) + 1);
    expect(after.body.counts.no_report).toBe(before.body.counts.no_report - 1);
  });

  it('computes an answer once when many requests miss it together', async () => {
    await saveReport(admin, s.reports.roadQ4, '道路建设完成12公里。');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => admin.request({ method: 'GET', url: dashboardUrl() })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(200));
    expect(answers.filter((a) => a.headers['x-duban-cache'] === 'miss')).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
  });

  it('shows a write made by another server process on the same database', async () => {
    const otherStore = await ctx.fixture.reopen();
    const other = await testApp(otherStore);
    try {
      const otherUnit = await login(other, 'jianshe');
      await read(admin, dashboardUrl());
      const before = await read(admin, dashboardUrl());
      expect(before.cache).toBe('hit');
      await saveReport(otherUnit, s.reports.schoolQ4, '新增中小学学位2000个，工程主体施工中。');
      const after = await read(admin, dashboardUrl());
      expect(after.cache).toBe('miss');
      expect(after.body.counts.no_report).toBe(before.body.counts.no_report - 1);
    } finally {
      await other.close();
    }
  });

  it('shows a change written straight into the database, past the API', async () => {
    const url = `/api/tasks/${s.tasks.road}`;
    await read(admin, url);
    expect((await read(admin, url)).cache).toBe('hit');
    await ctx.store.db.updateTable('tasks').set({ notes: '跨年度项目' }).where('id', '=', s.tasks.road).execute();
    const after = await read(admin, url);
    expect(after.cache).toBe('miss');
    expect(after.body.task.notes).toBe('跨年度项目');
  });

  it('never gives one caller an answer computed for a caller of another scope', async () => {
    const url = `/api/tasks?planId=${s.planId}&periodId=${s.periods.q4}`;
    const all = await read(admin, url);
    await read(admin, url);
    const own = await read(unit, url);
    expect(own.cache).toBe('miss');
    expect(all.body.total).toBe(3);
    // 区发展改革局 leads the GDP task and co-leads the road task; the school task is not its own.
    expect(own.body.items.map((t: { id: number }) => t.id).sort()).toEqual([s.tasks.gdp, s.tasks.road].sort());
    expect((await read(unit, url)).cache).toBe('hit');
  });

  it('keeps no error answer and still checks access on every request', async () => {
    const otherUnit = await login(app, 'jianshe');
    const url = `/api/tasks/${s.tasks.gdp}`;
    await read(unit, url);
    expect((await read(unit, url)).cache).toBe('hit');
    const refused = await otherUnit.request({ method: 'GET', url });
    expect(refused.statusCode).toBe(403);
    expect((await otherUnit.request({ method: 'GET', url })).statusCode).toBe(403);
    const anonymous = await app.inject({ method: 'GET', url });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a session at once once it is ended through another server process', async () => {
    const otherStore = await ctx.fixture.reopen();
    const other = await testApp(otherStore);
    try {
      const viewer = await login(app, 'viewer');
      const url = `/api/tasks?planId=${s.planId}`;
      await read(viewer, url);
      expect((await read(viewer, url)).cache).toBe('hit');
      // The same cookie, logged out through the other process.
      const out = await other.inject({
        method: 'POST',
        url: '/api/auth/logout',
        cookies: { duban_session: viewer.cookie },
        headers: { 'x-csrf-token': viewer.csrf },
      });
      expect(out.statusCode).toBeLessThan(300);
      expect((await viewer.request({ method: 'GET', url })).statusCode).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('refuses a disabled account at once, even for an answer it has read before', async () => {
    const leader = await login(app, 'taofeng');
    const url = dashboardUrl();
    await read(leader, url);
    expect((await read(leader, url)).cache).toBe('hit');
    await ctx.store.db.updateTable('users').set({ disabled: 1 }).where('id', '=', s.users.leader).execute();
    expect((await leader.request({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('computes every answer when the cache is turned off', async () => {
    const plain = await testApp(ctx.store, { readCache: { enabled: false } });
    try {
      const client = await login(plain, 'admin');
      await read(client, dashboardUrl());
      const again = await read(client, dashboardUrl());
      expect(again.cache).toBeUndefined();
      expect(again.body).toEqual((await read(admin, dashboardUrl())).body);
    } finally {
      await plain.close();
    }
  });
});
