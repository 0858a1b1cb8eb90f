// Security of sessions and files, through the HTTP API on SQLite and PostgreSQL: session fixation
// (a session id chosen before login is never accepted after it, nor upgraded), CSRF on every kind
// of unsafe request (missing, wrong, another session's token → 403 JSON), expired, over-age and
// disabled-account sessions, and path traversal in upload names, export names, ids and static paths.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from '../helpers/stores.js';
import { PASSWORD, TINY_PDF, login, multipart, seed, testApp, type Client, type Seed } from '../server/helpers.js';

const sessionCookieOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'duban_session')?.value;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const noStack = (res: LightMyRequestResponse, label = '') => {
  expect(res.statusCode, `${label} ${res.body}`).toBeLessThan(500);
  expect(res.body).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+:\d+/);
};

describeEachStore('security: sessions, CSRF, traversal', (ctx) => {
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
  afterAll(async () => app?.close());

  const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/auth/me', cookies: { duban_session: cookie } });

  it('never accepts a session id that was set before login (session fixation)', async () => {
    const planted = 'attacker-chosen-session-id-0123456789abcdef';
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      cookies: { duban_session: planted },
      payload: { username: 'admin', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const issued = sessionCookieOf(res);
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    expect((await me(planted)).statusCode).toBe(401);
    expect((await me(issued!)).json().user.username).toBe('admin');
  });

  it('does not upgrade a lower session when an admin logs in over it', async () => {
    const before = unit.cookie; // e.g. a unit account's session left in a shared browser
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      cookies: { duban_session: before },
      payload: { username: 'admin', password: PASSWORD },
    });
    const issued = sessionCookieOf(res)!;
    expect(issued).not.toBe(before);
    const old = await me(before);
    expect(old.statusCode === 401 || old.json().user.username === 'fagai').toBe(true);
    expect((await me(issued)).json().user.role).toBe('admin');
  });

  it('refuses every unsafe request with a missing, wrong or foreign CSRF token (403 JSON)', async () => {
    const version = async () =>
      (
        await ctx.store.db
          .selectFrom('reports')
          .select('version')
          .where('id', '=', s.reports.gdpQ4)
          .executeTakeFirstOrThrow()
      ).version;
    const unsafe = async () => [
      {
        method: 'PUT' as const,
        url: `/api/reports/${s.reports.gdpQ4}`,
        payload: { text: '被伪造的报告', version: await version() },
      },
      { method: 'POST' as const, url: `/api/reports/${s.reports.gdpQ4}/comments`, payload: { body: '伪造评论' } },
      { method: 'POST' as const, url: `/api/reports/${s.reports.gdpQ4}/submit`, payload: { version: await version() } },
      {
        method: 'POST' as const,
        url: '/api/auth/password',
        payload: { currentPassword: PASSWORD, newPassword: 'attacker-password' },
      },
      {
        method: 'POST' as const,
        url: '/api/users',
        payload: { username: 'evil', displayName: 'evil', role: 'admin', password: 'evil-password-1' },
      },
      { method: 'PATCH' as const, url: `/api/periods/${s.periods.q4}`, payload: { state: 'closed' } },
      { method: 'PUT' as const, url: '/api/settings', payload: { lights: { yellowWithinPoints: 99 } } },
      { method: 'DELETE' as const, url: '/api/tokens/1' },
    ];
    const foreign = await login(app, 'admin'); // a valid token, but of another session
    const textBefore = (
      await ctx.store.db
        .selectFrom('reports')
        .select('text')
        .where('id', '=', s.reports.gdpQ4)
        .executeTakeFirstOrThrow()
    ).text;
    for (const client of [admin, unit]) {
      for (const req of await unsafe()) {
        for (const token of [undefined, 'wrong-token', foreign.csrf, '', client.csrf.toUpperCase()]) {
          const headers = token === undefined ? {} : { 'x-csrf-token': token };
          const res = await app.inject({ ...req, cookies: { duban_session: client.cookie }, headers });
          expect(res.statusCode, `${client.username} ${req.method} ${req.url} with token ${String(token)}`).toBe(403);
          expect(res.json().error.code).toBe('forbidden');
        }
        // The token in the query string or the body is not the header.
        const inQuery = await app.inject({
          ...req,
          url: `${req.url}?csrf=${client.csrf}&x-csrf-token=${client.csrf}`,
          cookies: { duban_session: client.cookie },
        });
        expect(inQuery.statusCode).toBe(403);
      }
    }
    // Nothing above changed anything.
    expect(
      (
        await ctx.store.db
          .selectFrom('reports')
          .select('text')
          .where('id', '=', s.reports.gdpQ4)
          .executeTakeFirstOrThrow()
      ).text,
    ).toBe(textBefore);
    expect(
      await ctx.store.db.selectFrom('users').select('id').where('username', '=', 'evil').executeTakeFirst(),
    ).toBeUndefined();
    expect(
      (
        await ctx.store.db
          .selectFrom('periods')
          .select('state')
          .where('id', '=', s.periods.q4)
          .executeTakeFirstOrThrow()
      ).state,
    ).toBe('open');
    // With the right token the same request goes through.
    const ok = await unit.request({
      method: 'POST',
      url: `/api/reports/${s.reports.gdpQ4}/comments`,
      payload: { body: '正常评论' },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('ends a session after its idle time, after its maximum age even when in use, and when the account is disabled', async () => {
    const idle = await testApp(ctx.store, { session: { idleMs: 1500, maxAgeMs: 60_000, touchEveryMs: 0 } });
    const a = await login(idle, 'viewer');
    expect((await a.request({ method: 'GET', url: '/api/plans' })).statusCode).toBe(200);
    await sleep(2000);
    const expired = await a.request({ method: 'GET', url: '/api/plans' });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('unauthorized');
    // The expired session is gone from the database and its cookie cleared.
    const gone = await ctx.store.db.selectFrom('sessions').select('id_hash').execute();
    expect(gone.length).toBeGreaterThan(0);
    expect(expired.cookies.find((c) => c.name === 'duban_session')?.value ?? '').toBe('');
    await idle.close();

    const aging = await testApp(ctx.store, { session: { idleMs: 60_000, maxAgeMs: 2000, touchEveryMs: 0 } });
    const b = await login(aging, 'viewer');
    // The session began before login answered: times are counted from then, requests by when sent.
    const t0 = Date.now();
    let lastOk = -1;
    let refused = 0;
    while (Date.now() - t0 < 3000) {
      const sentAt = Date.now() - t0;
      const res = await b.request({ method: 'GET', url: '/api/plans' });
      if (res.statusCode === 200) lastOk = sentAt;
      else {
        expect(res.statusCode).toBe(401);
        refused++;
      }
      await sleep(100);
    }
    expect(lastOk).toBeGreaterThanOrEqual(0);
    expect(lastOk).toBeLessThan(2000); // used every 100 ms, yet ended at its maximum age
    expect(refused).toBeGreaterThan(0);
    await aging.close();

    const c = await login(app, 'viewer');
    await ctx.store.db.updateTable('users').set({ disabled: 1 }).where('username', '=', 'viewer').execute();
    expect((await c.request({ method: 'GET', url: '/api/plans' })).statusCode).toBe(401);
    await ctx.store.db.updateTable('users').set({ disabled: 0 }).where('username', '=', 'viewer').execute();
  });

  it('keeps upload names from naming a path, and downloads under a harmless name', async () => {
    const hostile = [
      '../../../etc/passwd.pdf',
      '..\\..\\windows\\win.ini.pdf',
      '/etc/shadow.pdf',
      'a\u0000b.pdf',
      'x\r\nSet-Cookie: duban_session=evil.pdf',
      '%2e%2e%2f%2e%2e%2fetc.pdf',
      '证明"材料".pdf',
    ];
    for (const name of hostile) {
      const up = multipart(name, TINY_PDF);
      const res = await admin.request({
        method: 'POST',
        url: `/api/reports/${s.reports.roadQ4}/attachments`,
        payload: up.payload,
        headers: up.headers,
      });
      noStack(res);
      if (res.statusCode !== 200) continue; // refusing the name is fine too
      const stored = res.json().fileName as string;
      expect(stored, `stored name for ${JSON.stringify(name)}`).not.toMatch(/[\\/\u0000-\u001f]/);
      const dl = await admin.request({ method: 'GET', url: `/api/attachments/${res.json().id}` });
      expect(dl.statusCode).toBe(200);
      const disposition = String(dl.headers['content-disposition']);
      expect(disposition).not.toMatch(/[\r\n]/);
      expect(dl.headers['set-cookie']).toBeUndefined();
      const star = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '';
      expect(decodeURIComponent(star)).not.toMatch(/[\\/]/);
    }
    for (const bad of ['..%2F..%2Fetc%2Fpasswd', '..', '-1', '1e3', '0x10', '2147483648', '99999999999999999999999']) {
      for (const url of [`/api/attachments/${bad}`, `/api/reports/${bad}`, `/api/tasks/${bad}`]) {
        const res = await admin.request({ method: 'GET', url });
        noStack(res);
        expect([400, 404], url).toContain(res.statusCode);
      }
    }
    // Ids in query strings and bodies too (PostgreSQL's integer ids stop at 2 147 483 647).
    for (const req of [
      { method: 'GET' as const, url: `/api/dashboard?planId=3000000000&periodId=3000000000` },
      { method: 'GET' as const, url: `/api/overdue?planId=${s.planId}&periodId=3000000000` },
      { method: 'GET' as const, url: `/api/tasks?planId=${s.planId}&periodId=${s.periods.q4}&unitId=3000000000` },
      { method: 'POST' as const, url: '/api/reminders', payload: { taskId: 3000000000, periodId: s.periods.q4 } },
      { method: 'POST' as const, url: '/api/reports/bulk', payload: { ids: [3000000000], action: 'approve' } },
    ]) {
      noStack(await admin.request(req), `${req.method} ${req.url} ${JSON.stringify(req.payload ?? '')}`);
    }
  });

  it('keeps an import preview and an export from naming a path', async () => {
    const up = multipart(
      '../../../../tmp/duban-pwned.txt',
      '序号\t具体目标任务\t牵头单位\t进展情况\n1\t新增学位3000个\t区教育局\t已新增3200个\n',
    );
    const preview = await admin.request({
      method: 'POST',
      url: '/api/imports/preview',
      payload: up.payload,
      headers: up.headers,
    });
    noStack(preview);
    expect(preview.statusCode).toBe(200);
    const confirm = await admin.request({
      method: 'POST',
      url: '/api/imports/confirm',
      payload: {
        fileName: '../../../../tmp/duban-pwned.txt',
        sha256: preview.json().sha256,
        planTitle: '../../../etc/passwd',
        region: '钱塘区',
        year: 2024,
        period: '2024Q1',
        tasks: preview.json().table.tasks,
      },
    });
    noStack(confirm);
    expect(confirm.statusCode).toBe(200);
    const planId = confirm.json().planId as number;
    const periodId = confirm.json().periodId as number;
    for (const format of ['xlsx', 'docx', 'csv']) {
      const res = await admin.request({
        method: 'GET',
        url: `/api/export?planId=${planId}&periodId=${periodId}&format=${format}`,
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const disposition = String(res.headers['content-disposition']);
      const star = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '';
      expect(decodeURIComponent(star), disposition).not.toMatch(/[\\/]/);
    }
  });

  it('serves no file outside the web root, however the path is spelled', async () => {
    const root = mkdtempSync(join(tmpdir(), 'duban-web-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>duban</title>');
    const web = await testApp(ctx.store, { webRoot: root });
    try {
      for (const path of [
        '/../../../../etc/passwd',
        '/..%2f..%2f..%2f..%2fetc%2fpasswd',
        '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
        '/....//....//etc/passwd',
        '/assets/..%5c..%5c..%5cetc%5cpasswd',
        '/%252e%252e/etc/passwd',
        '/index.html%00.js',
      ]) {
        const res = await web.inject({ method: 'GET', url: path });
        expect(res.body, path).not.toMatch(/root:.*:0:0:/);
        expect(res.statusCode, path).toBeLessThan(500);
      }
    } finally {
      await web.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
