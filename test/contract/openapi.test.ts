// The OpenAPI document at /api/docs/json describes the answer of every API route: a 2xx with a body
// schema, or a redirect. The routes are the ones Fastify registered (app.declaredRoutes), so a new
// route that does not declare its answer in the API contract (src/domain/api) fails here.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore } from '../helpers/stores.js';
import { testApp } from '../server/helpers.js';

interface Operation {
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function describesAnswer(op: Operation | undefined): boolean {
  for (const [code, response] of Object.entries(op?.responses ?? {})) {
    if (/^3/.test(code)) return true;
    if (/^2/.test(code) && Object.values(response.content ?? {}).some((c) => c.schema !== undefined)) return true;
  }
  return false;
}

describe('the OpenAPI document', () => {
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  let undescribed: string[];
  let routes: string[];

  beforeAll(async () => {
    const fresh = await freshStore('sqlite');
    dispose = fresh.dispose;
    app = await testApp(fresh.store);
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json().paths as Record<string, Record<string, Operation>>;
    const api = app.declaredRoutes.filter(
      (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD',
    );
    routes = api.map((r) => `${r.method} ${r.url}`);
    undescribed = api
      .filter((r) => !describesAnswer(paths[openApiPath(r.url)]?.[r.method.toLowerCase()]))
      .map((r) => `${r.method} ${r.url}`);
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  it('describes the answer of every API route', () => {
    expect(routes.length).toBeGreaterThan(60);
    expect(undescribed).toEqual([]);
  });

  it('gives errors the one shape of the API', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    const login = response.json().paths['/api/auth/login'].post.responses;
    expect(login['4XX'].content['application/json'].schema).toMatchObject({
      properties: { error: { properties: { code: { type: 'string' }, message: { type: 'string' } } } },
    });
  });
});
