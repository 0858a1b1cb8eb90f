// Single sign-on against a real OpenID Connect provider (oidc-provider, started in this process on a
// free port): the browser's round trip is walked by hand, duban answers through app.inject, and the
// code is redeemed by duban over real HTTP with PKCE, state and nonce checked.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OidcOptions } from '../../src/server/auth/oidc.js';
import { describeEachStore } from '../helpers/stores.js';
import { PASSWORD, seed, testApp } from './helpers.js';

const CALLBACK = 'http://duban.test/api/auth/oidc/callback';

/** People known to the identity platform: accountId → claims. */
const PEOPLE: Record<string, { preferred_username: string; name: string }> = {
  'p-001': { preferred_username: 'fagai', name: '发改局填报员' },
  'p-002': { preferred_username: 'zhang.wei', name: '张伟' },
  'p-003': { preferred_username: 'jianshe', name: '建设局填报员' },
};

let platform: Server;
let issuer: string;

beforeAll(async () => {
  platform = createServer();
  await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(platform.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'duban',
        client_secret: 'duban-client-secret-for-tests',
        redirect_uris: [CALLBACK],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    findAccount: async (_ctx, sub) =>
      PEOPLE[sub] ? { accountId: sub, claims: async () => ({ sub, ...PEOPLE[sub] }) } : undefined,
    cookies: { keys: ['oidc-test-cookie-key'] },
  });
  platform.on('request', provider.callback());
});
afterAll(async () => new Promise<void>((resolve) => platform.close(() => resolve())));

const oidcOptions = (extra: Partial<OidcOptions> = {}): OidcOptions => ({
  issuer,
  clientId: 'duban',
  clientSecret: 'duban-client-secret-for-tests',
  redirectUri: CALLBACK,
  allowHttp: true,
  ...extra,
});

/** A browser's cookie jar for the platform (duban's cookie comes back from app.inject). */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Starts a login at duban, signs in at the platform as `accountId` (and consents), and hands the
 * platform's redirect back to duban's callback. Returns duban's answer to the callback.
 */
async function signInThroughPlatform(app: FastifyInstance, accountId: string, returnTo = '/tasks') {
  const start = await app.inject({
    method: 'GET',
    url: `/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`,
  });
  expect(start.statusCode).toBe(302);
  let location = start.headers.location as string;
  expect(location.startsWith(issuer)).toBe(true);
  expect(location).toContain('code_challenge_method=S256');
  const jar = new Jar();
  for (let step = 0; step < 12; step++) {
    if (location.startsWith(CALLBACK)) {
      const callback = new URL(location);
      return app.inject({ method: 'GET', url: `/api/auth/oidc/callback${callback.search}` });
    }
    const url = new URL(location, issuer);
    let res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
    if (res.status === 200 && url.pathname.startsWith('/interaction/')) {
      // The platform's sign-in page, then its consent page: submit each as a person would.
      const html = await res.text();
      const prompt = html.includes('name="login"') ? 'login' : 'consent';
      const body = new URLSearchParams(prompt === 'login' ? { prompt, login: accountId, password: 'x' } : { prompt });
      res = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      jar.take(res);
    }
    expect([302, 303]).toContain(res.status);
    location = new URL(res.headers.get('location')!, url).href;
  }
  throw new Error('the platform did not send the browser back');
}

const sessionCookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'duban_session')?.value;

describeEachStore('single sign-on (OpenID Connect)', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await seed(ctx.store);
    app = await testApp(ctx.store, { signIn: { oidc: oidcOptions() } });
  });
  afterAll(async () => app?.close());

  it('offers the platform on the login page', async () => {
    const methods = await app.inject({ method: 'GET', url: '/api/auth/methods' });
    expect(methods.json()).toEqual({
      password: true,
      sso: { label: '统一身份认证登录', start: '/api/auth/oidc/start' },
    });
  });

  it('logs a known person in as the account of the same user name, and returns to their page', async () => {
    const res = await signInThroughPlatform(app, 'p-001', '/tasks?period=3');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/tasks?period=3');
    const cookie = sessionCookieOf(res);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', cookies: { duban_session: cookie! } });
    expect(me.json().user).toMatchObject({ username: 'fagai', role: 'unit' });
    // The identity is now linked: the next login finds the account by the platform's subject.
    const link = await ctx.store.db.selectFrom('user_identities').selectAll().where('subject', '=', 'p-001').execute();
    expect(link).toHaveLength(1);
  });

  it('refuses a person the office has opened no account for', async () => {
    const res = await signInThroughPlatform(app, 'p-002');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/login?sso_error=sso_unknown');
    expect(sessionCookieOf(res)).toBeUndefined();
  });

  it('creates an unknown person as a read-only viewer when so configured', async () => {
    const open = await testApp(ctx.store, { signIn: { oidc: oidcOptions({ createRole: 'viewer' }) } });
    try {
      const res = await signInThroughPlatform(open, 'p-002');
      expect(res.headers.location).toBe('/tasks');
      const me = await open.inject({
        method: 'GET',
        url: '/api/auth/me',
        cookies: { duban_session: sessionCookieOf(res)! },
      });
      expect(me.json().user).toMatchObject({ username: 'zhang.wei', displayName: '张伟', role: 'viewer' });
      // No password works for an account made this way.
      const byPassword = await open.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'zhang.wei', password: 'anything-at-all' },
      });
      expect(byPassword.statusCode).toBe(401);
    } finally {
      await open.close();
    }
  });

  it('refuses a disabled account, and logout ends the session', async () => {
    await ctx.store.db.updateTable('users').set({ disabled: 1 }).where('username', '=', 'jianshe').execute();
    const refused = await signInThroughPlatform(app, 'p-003');
    expect(refused.headers.location).toBe('/login?sso_error=sso_disabled');

    const res = await signInThroughPlatform(app, 'p-001');
    const cookie = sessionCookieOf(res)!;
    const csrf = (await app.inject({ method: 'GET', url: '/api/auth/me', cookies: { duban_session: cookie } })).json()
      .csrfToken;
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { duban_session: cookie },
      headers: { 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(200);
    const after = await app.inject({ method: 'GET', url: '/api/auth/me', cookies: { duban_session: cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a replayed or forged callback, and a return address off the site', async () => {
    const forged = await app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=abc&state=made-up' });
    expect(forged.headers.location).toBe('/login?sso_error=sso_expired');
    const offsite = await signInThroughPlatform(app, 'p-001', '//evil.example/steal');
    expect(offsite.headers.location).toBe('/');
  });

  it('turns local passwords off when the office uses the platform only', async () => {
    const ssoOnly = await testApp(ctx.store, { signIn: { passwordLogin: false, oidc: oidcOptions() } });
    try {
      const res = await ssoOnly.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: PASSWORD },
      });
      expect(res.statusCode).toBe(403);
      expect((await ssoOnly.inject({ method: 'GET', url: '/api/auth/methods' })).json().password).toBe(false);
    } finally {
      await ssoOnly.close();
    }
  });
});
