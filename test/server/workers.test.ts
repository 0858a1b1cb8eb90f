// `duban serve --workers N`: N processes answer on one port, a worker that dies is replaced, a
// session made through one worker is good on the others, and a signal stops them all.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseWorkers } from '../../src/server/cluster.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'duban-workers-'));
const db = join(dir, 'workers.db');
const args = (more: string[]) => ['--import', 'tsx', MAIN, ...more];

/** Child process ids of a process (Linux /proc). */
const childrenOf = (pid: number): number[] =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);

function waitFor(read: () => string, pattern: RegExp, ms: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const m = pattern.exec(read());
      if (m) return resolve(m);
      if (Date.now() - started > ms) return reject(new Error(`timed out waiting for ${pattern}: ${read()}`));
      setTimeout(tick, 100);
    };
    tick();
  });
}

describe('parseWorkers', () => {
  it('reads a count, auto, or nothing, and refuses the rest', () => {
    expect(parseWorkers(undefined)).toBe(1);
    expect(parseWorkers('3')).toBe(3);
    expect(parseWorkers('auto')).toBeGreaterThanOrEqual(1);
    expect(parseWorkers('0')).toBeNull();
    expect(parseWorkers('1.5')).toBeNull();
    expect(parseWorkers('many')).toBeNull();
  });
});

describe.skipIf(!existsSync('/proc/self/task'))('duban serve --workers', () => {
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a bad worker count with one line and exit code 2', { timeout: 120_000 }, () => {
    const run = spawnSync(process.execPath, args(['serve', '--workers', '0', '--db', db]), { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('duban: --workers "0": must be a number from 1 to 64, or auto');
  });

  it('serves from two processes, replaces one that dies, and stops on SIGTERM', { timeout: 180_000 }, async () => {
    // An account to log in with, made the way an operator would.
    const add = spawnSync(
      process.execPath,
      args(['user', 'add', 'office', '--role', 'admin', '--password-stdin', '--db', db]),
      { input: 'workers-password-1\n', encoding: 'utf8' },
    );
    expect(add.status).toBe(0);

    let stderr = '';
    server = spawn(process.execPath, args(['serve', '--workers', '2', '--port', '0', '--quiet', '--db', db]), {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [, port] = await waitFor(
      () => stderr,
      /serving on http:\/\/127\.0\.0\.1:(\d+) with 2 worker processes/,
      90_000,
    );
    const base = `http://127.0.0.1:${port}`;
    const workers = childrenOf(server.pid!);
    expect(workers).toHaveLength(2);

    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'office', password: 'workers-password-1' }),
    });
    expect(login.status).toBe(200);
    const cookie = /duban_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
    // Connections are spread over both workers; every one of these requests must know the session.
    const me = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${base}/api/auth/me`, { headers: { cookie, connection: 'close' } })),
    );
    expect(me.map((r) => r.status)).toEqual(Array(20).fill(200));

    process.kill(workers[0], 'SIGKILL');
    await waitFor(() => stderr, /worker 0 exited \(SIGKILL\); restarting/, 30_000);
    await waitFor(() => (childrenOf(server!.pid!).length === 2 ? 'two' : ''), /two/, 60_000);
    expect(childrenOf(server.pid!)).not.toContain(workers[0]);
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);

    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
    const current = childrenOf(server.pid!);
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of current) expect(running(pid)).toBe(false);
  });
});

/** True while a process exists and is not a zombie waiting to be reaped. */
function running(pid: number): boolean {
  try {
    return !/^\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\)/, ')'));
  } catch {
    return false;
  }
}
