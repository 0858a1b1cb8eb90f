// /metrics under `duban serve --workers 2`: whichever worker a scrape reaches answers with both
// workers' series, each labelled with its worker.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const TOKEN = 'scrape-token-for-workers-42';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('metrics with several workers', () => {
  it('answers every scrape with the series of every worker', { timeout: 180_000 }, async () => {
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
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${url}/metrics`, {
          headers: { authorization: `Bearer ${TOKEN}`, connection: 'close' },
        });
        expect(res.status).toBe(200);
        const text = await res.text();
        // Whichever worker answers, the answer holds both workers' series, each family once.
        const workers = [...text.matchAll(/^duban_info\{worker="(\d)"/gm)].map((m) => m[1]).sort();
        expect(workers).toEqual(['0', '1']);
        expect(text.match(/^# TYPE duban_http_requests_total counter$/gm)).toHaveLength(1);
        for (const line of text.split('\n').filter((l) => l.startsWith('duban_http_requests_total')))
          expect(line).toMatch(/\{worker="\d",/);
      }
      // Each scrape was counted by the worker that answered it: four in all across the two.
      const last = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
      const counted = [
        ...last.matchAll(
          /^duban_http_requests_total\{worker="\d",method="GET",route="\/metrics",status="200"\} (\d+)$/gm,
        ),
      ];
      expect(counted.reduce((n, m) => n + Number(m[1]), 0)).toBe(4);
    } finally {
      server.kill('SIGTERM');
    }
  });
});
