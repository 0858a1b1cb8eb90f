// Login back-off as an attacker tries it: bursts of guesses in parallel, guesses spread over many
// accounts from one address, a rotating X-Forwarded-For, and wrong current passwords.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachStore } from '../helpers/stores.js';
import { PASSWORD, login, seed, testApp, type Seed } from './helpers.js';

const loginAs = (app: FastifyInstance, username: string, password: string, extra: object = {}) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, ...extra });

describeEachStore('login back-off', (ctx) => {
  let app: FastifyInstance;
  let s: Seed;
  beforeAll(async () => {
    s = await seed(ctx.store);
    app = await testApp(ctx.store);
  });
  afterAll(async () => app?.close());
  const reset = () => ctx.store.db.deleteFrom('login_attempts').execute();

  it('verifies at most five of sixty parallel guesses, and the right password in the burst is refused', async () => {
    await reset();
    const guesses = Array.from({ length: 60 }, (_, i) => loginAs(app, 'jianshe', `wrong-password-${i}`));
    const answers = await Promise.all([...guesses, loginAs(app, 'jianshe', PASSWORD)]);
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((c) => c === 401)).toHaveLength(5);
    expect(statuses.filter((c) => c === 429)).toHaveLength(56);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(answers.at(-1)!.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('forgets failures once their window has passed', async () => {
    await reset();
    for (let i = 0; i < 5; i++) expect((await loginAs(app, 'jianshe', 'wrong-password')).statusCode).toBe(401);
    expect((await loginAs(app, 'jianshe', PASSWORD)).statusCode).toBe(429);
    // Sixteen minutes later (the window is fifteen).
    const past = new Date(Date.now() - 16 * 60_000).toISOString();
    await ctx.store.db.updateTable('login_attempts').set({ window_started_at: past }).execute();
    expect((await loginAs(app, 'jianshe', PASSWORD)).statusCode).toBe(200);
  });

  it('does not lock an office out behind one address after a morning of typos by many people', async () => {
    await reset();
    // 30 people mistype once each, from one NAT address; each then logs in (successes do not count).
    for (let i = 0; i < 30; i++) expect((await loginAs(app, `staff-${i}`, 'typo-typo')).statusCode).toBe(401);
    expect((await loginAs(app, 'fagai', PASSWORD)).statusCode).toBe(200);
    expect((await loginAs(app, 'viewer', PASSWORD)).statusCode).toBe(200);
  });

  it('counts a rotating X-Forwarded-For as one client unless it comes through the trusted proxy', async () => {
    await reset();
    const proxied = await testApp(ctx.store, { trustProxy: '10.0.0.5', backoff: { freeFailuresPerAddress: 8 } });
    try {
      // Straight to the server, with a new forged address every time: one address, limited.
      const direct = [];
      for (let i = 0; i < 12; i++)
        direct.push(
          await loginAs(proxied, `user-${i}`, 'guess-guess', {
            remoteAddress: '203.0.113.9',
            headers: { 'x-forwarded-for': `198.51.100.${i}` },
          }),
        );
      expect(direct.map((r) => r.statusCode).filter((c) => c === 429).length).toBe(4);
      // Through the proxy, which appends the real client: forged entries to its left change nothing.
      const viaProxy = [];
      for (let i = 0; i < 12; i++)
        viaProxy.push(
          await loginAs(proxied, `other-${i}`, 'guess-guess', {
            remoteAddress: '10.0.0.5',
            headers: { 'x-forwarded-for': `192.0.2.${i}, 198.51.100.77` },
          }),
        );
      expect(viaProxy.map((r) => r.statusCode).filter((c) => c === 429).length).toBe(4);
    } finally {
      await proxied.close();
    }
  });

  it('backs off wrong current passwords on a password change, and an admin can unlock', async () => {
    await reset();
    const unit = await login(app, 'fagai');
    const change = (currentPassword: string) =>
      unit.request({
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword, newPassword: 'a-new-password-2024' },
      });
    const tries = await Promise.all(Array.from({ length: 20 }, (_, i) => change(`guess-${i}`)));
    expect(tries.filter((r) => r.statusCode === 401)).toHaveLength(5);
    expect(tries.filter((r) => r.statusCode === 429)).toHaveLength(15);
    expect((await change(PASSWORD)).statusCode).toBe(429);

    const admin = await login(app, 'admin');
    const listed = (await admin.request({ method: 'GET', url: '/api/users' })).json();
    expect(listed.find((u: { id: number }) => u.id === s.users.unit).locked).toBe(true);
    const unlocked = await admin.request({ method: 'POST', url: `/api/users/${s.users.unit}/unlock` });
    expect(unlocked.json()).toEqual({ unlocked: true });
    expect((await change(PASSWORD)).statusCode).toBe(200);
    const trail = await ctx.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'user.unlock')
      .execute();
    expect(trail).toHaveLength(1);
  });
});
