// Starts a real duban server for a browser test: a free port on 127.0.0.1, a temporary SQLite
// database, `node bin/duban.js demo` (migrate, import the demo data, create the demo accounts,
// serve). Waits for /api/health; `stop()` ends the process and removes the database.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningServer {
  baseUrl: string;
  port: number;
  dbFile: string;
  /** Everything the server printed, for failure messages (it also tells the demo passwords). */
  output: () => string;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function assertBuilt(): void {
  const missing: string[] = [];
  if (!existsSync(join(REPO_ROOT, 'dist/cli/main.js'))) missing.push('the CLI (npm run build:server)');
  if (!existsSync(join(REPO_ROOT, 'web/dist/index.html'))) missing.push('the web app (npm run build:web)');
  if (missing.length) throw new Error(`e2e: build ${missing.join(' and ')} first, or run \`npm run build\`.`);
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs = 90_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`duban demo exited with code ${child.exitCode}:\n${output()}`);
    try {
      const r = await fetch(`${baseUrl}/api/health`);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`duban demo did not answer /api/health within ${timeoutMs} ms:\n${output()}`);
}

export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  // For debugging against a server you started yourself (its data must be the demo's).
  const external = process.env.DUBAN_E2E_BASE_URL;
  if (external) {
    const url = new URL(external);
    return { baseUrl: url.origin, port: Number(url.port), dbFile: '', output: () => '', stop: async () => {} };
  }
  assertBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'duban-e2e-'));
  const dbFile = join(dir, 'duban.db');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, ['bin/duban.js', 'demo', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DUBAN_DB: dbFile, DUBAN_DEMO_DB: dbFile, DATABASE_URL: '', NODE_ENV: 'test', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const output = () => log;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, output);
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseUrl, port, dbFile, output, stop };
}
