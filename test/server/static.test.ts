// The built web app as the server hands it out: hashed assets may be kept by the browser for good,
// the page that names them is always revalidated, and every app route answers with that page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore } from '../helpers/stores.js';
import { testApp } from './helpers.js';

describe('web app files', () => {
  const root = mkdtempSync(join(tmpdir(), 'duban-web-'));
  let app: FastifyInstance;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><title>督办</title><script src="/assets/index-3f9a1c.js"></script>',
    );
    writeFileSync(join(root, 'assets', 'index-3f9a1c.js'), 'console.log("督办")');
    const fresh = await freshStore('sqlite');
    dispose = fresh.dispose;
    app = await testApp(fresh.store, { webRoot: root });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('lets the browser keep a hashed asset without asking again', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-3f9a1c.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has the browser revalidate the page itself, at / and at every app route', async () => {
    for (const url of ['/', '/tasks?planId=1', '/review']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('/assets/index-3f9a1c.js');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });
});
