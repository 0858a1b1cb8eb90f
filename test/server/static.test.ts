// The built web app as the server hands it out: hashed assets may be kept by the browser for good,
// the page that names them is always revalidated, every app route answers with that page, and
// the compressed copies the build writes are sent to browsers that accept them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore } from '../helpers/stores.js';
import { testApp } from './helpers.js';

const APP_JS = `export const labels = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `任务${i}：进度滞后`))};`;

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
    writeFileSync(join(root, 'assets', 'app-77aa01.js'), APP_JS);
    writeFileSync(join(root, 'assets', 'app-77aa01.js.br'), brotliCompressSync(APP_JS));
    writeFileSync(join(root, 'assets', 'app-77aa01.js.gz'), gzipSync(APP_JS));
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

  it('sends the Brotli copy to a browser that accepts it, and says it varies by encoding', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/assets/app-77aa01.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(APP_JS);
  });

  it('sends the gzip copy to a client without Brotli, and the file itself to one without either', async () => {
    const gz = await app.inject({
      method: 'GET',
      url: '/assets/app-77aa01.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(APP_JS);
    const plain = await app.inject({ method: 'GET', url: '/assets/app-77aa01.js', headers: { 'accept-encoding': '' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(APP_JS);
  });

  it('sends a file that has no compressed copy as it is, even to a browser that accepts Brotli', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/assets/index-3f9a1c.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe('console.log("督办")');
  });
});
