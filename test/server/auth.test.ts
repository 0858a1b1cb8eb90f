// Accounts and sessions through the HTTP API, on SQLite and PostgreSQL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachStore } from '../helpers/stores.js';
import { PASSWORD, login, seed, testApp, type Seed } from './helpers.js';

describeEachStore('auth API', (ctx) => {
  let app: FastifyInstance;
  let s: Seed;
  beforeAll(async () => {
    s = await seed(ctx.store);
    app = await testApp(ctx.store, { backoff: { freeFailures: 3 } });
  });
  afterAll(async () => app?.close());

  it('logs in, sets an httpOnly SameSite=Lax cookie and returns the user with a CSRF token', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'fagai', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({
      username: 'fagai',
      role: 'unit',
      unit: { id: s.units.fagai, name: '区发展改革局' },
      leader: null,
    });
    expect(body.csrfToken).toMatch(/^[\w-]{30,}$/);
    const cookie = res.cookies.find((c) => c.name === 'duban_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    expect(cookie.path).toBe('/');
  });

  it('marks the cookie Secure when the client came over TLS through a trusted proxy', async () => {
    const proxied = await testApp(ctx.store, { trustProxy: '127.0.0.1' });
    const res = await proxied.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'viewer', password: PASSWORD },
    });
    expect(res.cookies.find((c) => c.name === 'duban_session')!.secure).toBe(true);
    await proxied.close();
  });

  it('stores only a hash of the session token', async () => {
    const c = await login(app, 'viewer');
    const rows = await ctx.store.db.selectFrom('sessions').select('id_hash').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.id_hash === c.cookie)).toBe(false);
  });

  it('answers an unknown user and a wrong password the same way', async () => {
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'whatever-1' },
    });
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'whatever-1' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.json().error.code).toBe('invalid_credentials');
    await ctx.store.db.deleteFrom('login_attempts').execute();
  });

  it('locks an account after repeated failures, even for the right password, and says when to retry', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'jianshe', password: 'wrong-password' },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'jianshe', password: PASSWORD },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('rate_limited');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // The counter is in the database: another process sees the same lock.
    const row = await ctx.store.db
      .selectFrom('login_attempts')
      .selectAll()
      .where('key', '=', 'user:jianshe')
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(4); // three failures and the refused attempt
    expect(row.window_started_at).not.toBeNull();
    await ctx.store.db.deleteFrom('login_attempts').execute();
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'jianshe', password: PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('returns the current user from /me and 401 without a session', async () => {
    const c = await login(app, 'taofeng');
    const me = await c.request({ method: 'GET', url: '/api/auth/me' });
    expect(me.json()).toMatchObject({
      user: { role: 'leader', leader: { id: s.leaders.tao, name: '陶峰' } },
      csrfToken: c.csrf,
    });
    const anon = await app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('unauthorized');
  });

  it('refuses an unsafe request without the CSRF header, accepts it with', async () => {
    const c = await login(app, 'admin');
    const without = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      cookies: { duban_session: c.cookie },
      payload: { lights: { yellowWithinPoints: 25 } },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.message).toMatch(/CSRF/);
    const wrong = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      cookies: { duban_session: c.cookie },
      headers: { 'x-csrf-token': 'x'.repeat(43) },
      payload: { lights: { yellowWithinPoints: 25 } },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await c.request({
      method: 'PUT',
      url: '/api/settings',
      payload: { lights: { yellowWithinPoints: 25 } },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().lights.yellowWithinPoints).toBe(25);
  });

  it('refuses a logout without the CSRF token, so another site cannot end a session', async () => {
    const c = await login(app, 'viewer');
    const forged = await app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { duban_session: c.cookie } });
    expect(forged.statusCode).toBe(403);
    expect((await c.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('logs out: the session stops working', async () => {
    const c = await login(app, 'viewer');
    expect((await c.request({ method: 'POST', url: '/api/auth/logout' })).json()).toEqual({ ok: true });
    expect((await c.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('changes the password: the old one stops working, other sessions end, this one goes on', async () => {
    const other = await login(app, 'fagai');
    const c = await login(app, 'fagai');
    const bad = await c.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'not-it-123', newPassword: 'new-password-1' },
    });
    expect(bad.statusCode).toBe(401);
    const short = await c.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    const res = await c.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: 'new-password-1' },
    });
    expect(res.statusCode).toBe(200);
    expect((await c.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await other.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'fagai', password: PASSWORD } }))
        .statusCode,
    ).toBe(401);
    await login(app, 'fagai', 'new-password-1');
    const audit = await ctx.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.password')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].after).not.toContain('scrypt');
  });

  it('moves a session between two app instances on one database', async () => {
    const second = await ctx.fixture.reopen();
    const app2 = await testApp(second);
    const c = await login(app, 'viewer');
    const me = await app2.inject({ method: 'GET', url: '/api/auth/me', cookies: { duban_session: c.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('viewer');
    await app2.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { duban_session: c.cookie },
      headers: { 'x-csrf-token': c.csrf },
    });
    expect((await c.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    await app2.close();
  });

  it('sends security headers with a self-only CSP', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ ok: true, db: ctx.fixture.name });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('answers bad bodies with 400 JSON, oversized bodies with 413, unknown routes with 404 JSON', async () => {
    const c = await login(app, 'admin');
    const bad = await c.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'x1', role: 'king', password: 'longenough' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation');
    const extra = await c.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: 'whatever-123', role: 'admin' },
    });
    expect(extra.statusCode).toBe(400);
    const malformed = await c.request({
      method: 'POST',
      url: '/api/users',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toBeDefined();
    expect(malformed.body).not.toMatch(/at .*\.js/);
    const big = await c.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'big', role: 'viewer', password: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('too_large');
    const badParam = await c.request({ method: 'PATCH', url: '/api/users/abc', payload: {} });
    expect(badParam.statusCode).toBe(400);
    const none = await c.request({ method: 'GET', url: '/api/nothing-here' });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('not_found');
  });
});
