// /metrics under `duban serve --workers 2`: each worker labels its own series, so the counters of
// two processes reached in turn by the scraper stay two monotonic series instead of one that jumps.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const TOKEN = 'scrape-token-for-workers-42';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('metrics with several workers', () => {
  it('labels every per-process series with its worker', { timeout: 180_000 }, async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'duban-metrics-')), 'm.db');
    const server = spawn(
      process.execPath,
      ['--import', 'tsx', MAIN, 'serve', '--workers', '2', '--port', '0', '--quiet', '--db', db],
      { env: { PATH: process.env.PATH, DUBAN_METRICS_TOKEN: TOKEN }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    server.stderr.on('data', (d) => (stderr += d));
    try {
      const deadline = Date.now() + 120_000;
      while (!/serving on (http:\/\/\S+) with 2 worker/.test(stderr) && Date.now() < deadline) await sleep(200);
      const url = /serving on (http:\/\/\S+) with 2 worker/.exec(stderr)?.[1];
      expect(url, stderr).toBeTruthy();
      const workers = new Set<string>();
      for (let i = 0; i < 20 && workers.size < 2; i++) {
        const res = await fetch(`${url}/metrics`, {
          headers: { authorization: `Bearer ${TOKEN}`, connection: 'close' },
        });
        expect(res.status).toBe(200);
        const text = await res.text();
        const worker = /^duban_info\{worker="(\d)"/m.exec(text)?.[1];
        expect(worker).toBeDefined();
        workers.add(worker!);
        for (const line of text.split('\n').filter((l) => l.startsWith('duban_http_requests_total')))
          expect(line).toMatch(/\{worker="\d",/);
      }
      expect([...workers].sort()).toEqual(['0', '1']);
    } finally {
      server.kill('SIGTERM');
    }
  });
});
