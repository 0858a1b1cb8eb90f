// The web app's API client and the requests it starts before React has loaded: a prefetched
// answer is used once (by the first render or by the first request for the same URL), a failure
// is reported by the request that comes after it, and nothing is ever served twice.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  api,
  dropPrefetched,
  peekPrefetched,
  prefetchGet,
  prefetchesSettled,
  setUnauthorizedHandler,
} from '../../web/src/api/client.js';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A stand-in for the server: answers by URL, counts the requests, can hold an answer back. */
function fakeServer(routes: Record<string, () => Response>) {
  const calls: string[] = [];
  const held = new Map<string, (r: Response) => void>();
  const fetchStub = vi.fn((url: string) => {
    calls.push(url);
    const route = routes[url];
    if (!route) return new Promise<Response>((resolve) => held.set(url, resolve));
    return Promise.resolve(route());
  });
  return { calls, fetchStub, release: (url: string, r: Response) => held.get(url)?.(r) };
}

describe('prefetched first-screen data', () => {
  beforeEach(() => dropPrefetched());
  afterEach(() => {
    vi.unstubAllGlobals();
    setUnauthorizedHandler(null);
  });

  it('hands the first render an answer that has arrived, once; the next request asks the server again', async () => {
    const server = fakeServer({ '/api/dashboard?planId=3&periodId=12': () => json({ counts: { behind: 4 } }) });
    vi.stubGlobal('fetch', server.fetchStub);
    prefetchGet('/dashboard', { planId: 3, periodId: 12 });
    await prefetchesSettled();

    expect(peekPrefetched('/dashboard', { planId: 3, periodId: 12 })).toEqual({ counts: { behind: 4 } });
    expect(peekPrefetched('/dashboard', { planId: 3, periodId: 12 })).toBeUndefined();
    await api.get('/dashboard', { planId: 3, periodId: 12 });
    expect(server.calls).toHaveLength(2);
  });

  it('has nothing to hand over while the answer is still on its way; the request then waits for that same answer', async () => {
    const server = fakeServer({});
    vi.stubGlobal('fetch', server.fetchStub);
    prefetchGet('/plans');
    expect(peekPrefetched('/plans')).toBeUndefined();

    const answer = api.get<{ id: number }[]>('/plans');
    server.release('/api/plans', json([{ id: 1 }]));
    expect(await answer).toEqual([{ id: 1 }]);
    expect(server.calls).toEqual(['/api/plans']);
  });

  it('matches only the same URL and query: another period is asked for afresh', async () => {
    const server = fakeServer({
      '/api/dashboard?planId=3&periodId=12': () => json({ period: 12 }),
      '/api/dashboard?planId=3&periodId=13': () => json({ period: 13 }),
    });
    vi.stubGlobal('fetch', server.fetchStub);
    prefetchGet('/dashboard', { planId: 3, periodId: 12 });
    await prefetchesSettled();

    expect(peekPrefetched('/dashboard', { planId: 3, periodId: 13 })).toBeUndefined();
    expect(await api.get('/dashboard', { planId: 3, periodId: 13 })).toEqual({ period: 13 });
  });

  it('leaves a failed answer to the request that follows, which reports it and signals an ended session', async () => {
    const server = fakeServer({
      '/api/auth/me': () => json({ error: { code: 'unauthorized', message: 'not logged in' } }, 401),
    });
    vi.stubGlobal('fetch', server.fetchStub);
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    prefetchGet('/auth/me');
    await prefetchesSettled();

    expect(peekPrefetched('/auth/me')).toBeUndefined();
    const error = await api.get('/auth/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).message).toBe('登录已失效，请重新登录。');
    expect(onUnauthorized).toHaveBeenCalledOnce();
    // The prefetched failure was used, not a second request.
    expect(server.calls).toEqual(['/api/auth/me']);
  });

  it('settles even when the network fails, so the first render is never held up by it', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    prefetchGet('/plans');
    await expect(prefetchesSettled()).resolves.toBeUndefined();
    expect(peekPrefetched('/plans')).toBeUndefined();
    await expect(api.get('/plans')).rejects.toBeInstanceOf(TypeError);
  });

  it('forgets every prefetched answer at login and logout', async () => {
    const server = fakeServer({ '/api/plans': () => json([{ id: 1 }]) });
    vi.stubGlobal('fetch', server.fetchStub);
    prefetchGet('/plans');
    await prefetchesSettled();
    dropPrefetched();
    expect(peekPrefetched('/plans')).toBeUndefined();
  });
});
