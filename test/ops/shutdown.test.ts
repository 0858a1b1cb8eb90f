// Graceful stop: SIGTERM to a `duban serve` process while a request is still arriving. The port
// closes at once, the request in flight still gets its whole answer, and the process then exits 0.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

/** `duban serve` on a fresh database in a child process, once it says which port it serves on. */
async function startServe(env: Record<string, string>) {
  const db = join(mkdtempSync(join(tmpdir(), 'duban-stop-')), 'stop.db');
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--port', '0', '--db', db], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (out.stdout += d));
  child.stderr.on('data', (d) => (out.stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const serving = /serving on http:\/\/127\.0\.0\.1:(\d+)/;
  const deadline = Date.now() + 60_000;
  while (!serving.test(out.stderr) && Date.now() < deadline && child.exitCode === null) await sleep(100);
  const port = Number(serving.exec(out.stderr)?.[1]);
  return { child, port, out, exited };
}

describe('duban serve on SIGTERM', () => {
  it(
    'stops accepting, finishes the request in flight, closes the database and exits 0',
    { timeout: 120_000 },
    async () => {
      const { child, port, out, exited } = await startServe({ DUBAN_LOG_LEVEL: 'info' });
      try {
        expect(port).toBeGreaterThan(0);

        // A login whose body arrives slowly: half now, the rest after the signal.
        const body = JSON.stringify({ username: 'nobody', password: 'not-a-real-password' });
        const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = request(
            {
              port,
              host: '127.0.0.1',
              method: 'POST',
              path: '/api/auth/login',
              headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
              agent: false,
            },
            (res) => {
              let text = '';
              res.on('data', (d) => (text += d));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
            },
          );
          req.on('error', reject);
          req.write(body.slice(0, 10));
          setTimeout(() => child.kill('SIGTERM'), 300);
          setTimeout(() => req.end(body.slice(10)), 1500);
        });
        await sleep(900);
        expect(await refused(port)).toBe(true);
        expect(child.exitCode).toBeNull();

        const res = await answer;
        expect(res.status).toBe(401);
        expect(JSON.parse(res.body).error.code).toBe('invalid_credentials');
        expect(await exited).toBe(0);
        expect(out.stdout).toContain('"msg":"stopped"');
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
  );

  it('cuts a request that outlasts DUBAN_SHUTDOWN_GRACE_S and still exits 0', { timeout: 120_000 }, async () => {
    const { child, port, out, exited } = await startServe({ DUBAN_SHUTDOWN_GRACE_S: '1' });
    try {
      // A body that never ends.
      const req = request({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/json', 'content-length': 1000 },
        agent: false,
      });
      const cut = new Promise<string>((resolve) => {
        req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
        req.on('response', (res) => resolve(`answered ${res.statusCode}`));
      });
      req.write('{"username":');
      await sleep(300);
      const signalled = Date.now();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const took = Date.now() - signalled;
      expect(took).toBeGreaterThanOrEqual(900);
      expect(took).toBeLessThan(10_000);
      expect(await cut).toMatch(/ECONNRESET|socket hang up|answered/);
      expect(out.stdout).toContain('requests still running after the grace period');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
