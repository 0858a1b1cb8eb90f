// The command line's safety rails: `duban demo` (what `npm start` runs) never plants its
// public-password accounts in a real database and keeps to a file of its own; `duban serve` on a
// database without an admin says how to create the first one. Each run is a separate process.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/password.js';
import { openStore } from '../../src/store/db.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const TSX = pathToFileURL(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).pathname).href;
const BASE_ENV = { ...process.env, DATABASE_URL: '', DUBAN_DB: '', DUBAN_DEMO_DB: '' };

const duban = (args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) =>
  spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], {
    encoding: 'utf8',
    cwd: opts.cwd ?? tmpdir(),
    env: { ...BASE_ENV, ...opts.env },
    timeout: 120_000,
  });

async function usernames(file: string): Promise<string[]> {
  const store = await openStore({ file });
  try {
    return (await store.db.selectFrom('users').select('username').orderBy('username').execute()).map((u) => u.username);
  } finally {
    await store.close();
  }
}

/** A real office database: its own plan and its own admin. */
async function realDatabase(file: string): Promise<void> {
  const store = await openStore({ file });
  const t = new Date().toISOString();
  await store.db
    .insertInto('plans')
    .values({ region: '临安区', year: 2024, title: '2024年临安区政府工作报告重点工作任务', created_at: t })
    .execute();
  await store.db
    .insertInto('users')
    .values({
      username: 'wangfang',
      display_name: '王芳',
      password_hash: await hashPassword('a-real-secret-1'),
      role: 'admin',
      unit_id: null,
      leader_id: null,
      disabled: 0,
      created_at: t,
      updated_at: t,
    })
    .execute();
  await store.close();
}

describe('duban demo keeps to a database of its own', () => {
  it(
    'refuses a database holding other plans or accounts: exit 2, one line, nothing added',
    { timeout: 180_000 },
    async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'duban-demo-guard-')), 'office.db');
      await realDatabase(file);
      const run = duban(['demo', '--no-serve', '--db', file]);
      expect(run.status).toBe(2);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^duban: refusing to seed .*office\.db: .*not the demo's/);
      expect(lines[0]).toContain('wangfang');
      expect(run.stdout).not.toContain('duban-admin');
      expect(await usernames(file)).toEqual(['wangfang']);
    },
  );

  it('uses ./duban-demo.db by default, not DUBAN_DB, and can run again on it', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-demo-default-'));
    const office = join(dir, 'duban.db');
    await realDatabase(office);
    const first = duban(['demo', '--no-serve'], { cwd: dir, env: { DUBAN_DB: office } });
    expect(first.stderr).not.toMatch(/refusing/);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('duban-admin');
    expect(existsSync(join(dir, 'duban-demo.db'))).toBe(true);
    expect(await usernames(office)).toEqual(['wangfang']);
    expect(await usernames(join(dir, 'duban-demo.db'))).toEqual(['admin', 'fagai', 'taofeng', 'viewer']);
    const again = duban(['demo', '--no-serve'], { cwd: dir });
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('demo data already present');
  });

  it('takes its file from DUBAN_DEMO_DB', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-demo-env-'));
    const own = join(dir, 'show.db');
    const run = duban(['demo', '--no-serve'], { cwd: dir, env: { DUBAN_DEMO_DB: own } });
    expect(run.status).toBe(0);
    expect(await usernames(own)).toContain('admin');
    expect(existsSync(join(dir, 'duban-demo.db'))).toBe(false);
  });
});

/** Starts `duban serve` on a free port; resolves with its stderr once it says it is serving. */
function serveUntilListening(db: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, MAIN, 'serve', '--port', '0', '--quiet', '--db', db], {
      cwd: tmpdir(),
      env: BASE_ENV,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`duban serve did not start:\n${stderr}`));
    }, 120_000);
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('serving on')) {
        clearTimeout(timer);
        child.once('exit', () => resolve(stderr));
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!stderr.includes('serving on')) reject(new Error(`duban serve exited with ${code}:\n${stderr}`));
    });
  });
}

describe('duban serve on a database without an admin', () => {
  it('says how to create the first admin account', { timeout: 180_000 }, async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'duban-serve-fresh-')), 'duban.db');
    const stderr = await serveUntilListening(db);
    expect(stderr).toContain(`duban:   duban user add NAME --role admin --password-stdin --db ${db}`);
    expect(stderr).toMatch(/no admin account/);
  });

  it('says nothing of the kind once an admin exists', { timeout: 180_000 }, async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'duban-serve-admin-')), 'duban.db');
    await realDatabase(db);
    const stderr = await serveUntilListening(db);
    expect(stderr).not.toMatch(/no admin account|--password-stdin/);
  });
});
