// A minimal API client for the tests' own checks (what the server says, independent of the page):
// logs in with fetch, keeps the session cookie and the CSRF token.
export interface ApiClient {
  get: <T>(path: string) => Promise<T>;
  post: <T>(path: string, body?: unknown) => Promise<T>;
  patch: <T>(path: string, body: unknown) => Promise<T>;
  status: (path: string) => Promise<number>;
}

import { DEMO_ACCOUNTS } from '../../src/server/demo.js';

export type DemoRole = 'admin' | 'unit' | 'leader' | 'viewer';

/** The account `duban demo` creates for a role (the server's own list, so the tests never guess). */
export function demoAccount(role: DemoRole): { username: string; password: string } {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`duban demo creates no ${role} account`);
  return { username: account.username, password: account.password };
}

export async function apiLogin(baseUrl: string, role: DemoRole): Promise<ApiClient> {
  const { username, password } = demoAccount(role);
  const r = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!r.ok) throw new Error(`login ${username}: HTTP ${r.status} ${await r.text()}`);
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  const cookie = (r.headers.getSetCookie?.() ?? [r.headers.get('set-cookie') ?? ''])
    .map((c) => c.split(';')[0])
    .filter(Boolean)
    .join('; ');
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    return res;
  };
  return {
    get: async <T>(path: string) => {
      const res = await call('GET', path);
      if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    post: async <T>(path: string, body: unknown = {}) => {
      const res = await call('POST', path, body);
      if (!res.ok) throw new Error(`POST ${path}: HTTP ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    patch: async <T>(path: string, body: unknown) => {
      const res = await call('PATCH', path, body);
      if (!res.ok) throw new Error(`PATCH ${path}: HTTP ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    status: async (path: string) => (await call('GET', path)).status,
  };
}
