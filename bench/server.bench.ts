// The HTTP server under load: the province-scale data set (bench/lib/province.ts) on SQLite and
// on PostgreSQL, the server in a child process on loopback, autocannon in this process, each run
// bounded in time. Prints requests/s and p99 latency for the dashboard and the task list, as an
// admin (whole plan) and as a unit (its own tasks). Aim: ≥ 1,000 req/s, p99 < 100 ms.
// DUBAN_BENCH_PLANS (default 100), DUBAN_BENCH_SECONDS (default 10), DUBAN_BENCH_CONNECTIONS (default 20).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { hashPassword } from '../src/server/auth/password.js';
import { openStore, type StoreConfig } from '../src/store/db.js';
import { loadProvince } from './lib/province.js';

export const title = 'server: HTTP load on the province data set (autocannon, loopback)';

const PG_URL = process.env.DUBAN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const PLANS = Number(process.env.DUBAN_BENCH_PLANS ?? 100);
const SECONDS = Number(process.env.DUBAN_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.DUBAN_BENCH_CONNECTIONS ?? 20);
const PASSWORD = 'bench-password-1';

/** Child mode: `node --import tsx bench/server.bench.ts --serve '<config json>'` serves until killed. */
async function serveChild(config: StoreConfig): Promise<void> {
  const { buildApp } = await import('../src/server/app.js');
  const store = await openStore({ ...config, migrate: false });
  const app = await buildApp(store, { webRoot: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
}

if (process.argv[2] === '--serve') await serveChild(JSON.parse(process.argv[3]) as StoreConfig);

function startServer(config: StoreConfig): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', JSON.stringify(config)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 60 s')), 60_000);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /ready (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with code ${code}`)));
  });
}

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return /duban_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1];
}

function load(url: string, cookie: string): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: CONNECTIONS, duration: SECONDS, headers: { cookie: `duban_session=${cookie}` } },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

/**
 * CPU seconds a process has used so far (Linux /proc; null elsewhere). Per request, it says what the
 * server costs whatever else runs on the machine, which requests/s under a shared load does not.
 */
function cpuSeconds(pid: number | undefined): number | null {
  const file = `/proc/${pid}/stat`;
  if (pid == null || !existsSync(file)) return null;
  // Fields after the command name: state is 3rd, utime 14th, stime 15th (clock ticks, 100 per second).
  const fields = readFileSync(file, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function measure(name: string, config: StoreConfig): Promise<void> {
  const store = await openStore(config);
  const t0 = performance.now();
  const data = await loadProvince(store, { plans: PLANS });
  const planId = data.planIds[Math.floor(data.planIds.length / 2)];
  const periodId = data.periodIds.get(planId)!.at(-1)!;
  const unitId = data.unitIds.get(planId)![0];
  const hash = await hashPassword(PASSWORD);
  const now = new Date().toISOString();
  await store.db
    .insertInto('users')
    .values([
      {
        username: 'bench-admin',
        display_name: 'bench',
        password_hash: hash,
        role: 'admin',
        unit_id: null,
        leader_id: null,
        disabled: 0,
        created_at: now,
        updated_at: now,
      },
      {
        username: 'bench-unit',
        display_name: 'bench',
        password_hash: hash,
        role: 'unit',
        unit_id: unitId,
        leader_id: null,
        disabled: 0,
        created_at: now,
        updated_at: now,
      },
    ])
    .execute();
  await store.close();
  console.log(
    `${name}: ${data.planIds.length} plans, ${data.reports.toLocaleString('en')} reports loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s; ${CONNECTIONS} connections × ${SECONDS} s per endpoint`,
  );

  const { child, port } = await startServer(config);
  try {
    const base = `http://127.0.0.1:${port}`;
    const admin = await login(base, 'bench-admin');
    const unit = await login(base, 'bench-unit');
    const endpoints: [string, string, string][] = [
      // Baseline: framework, session lookup and one user query, no plan data — the server's own ceiling.
      ['baseline /auth/me', '/api/auth/me', admin],
      ['dashboard (admin, 200 tasks)', `/api/dashboard?planId=${planId}&periodId=${periodId}`, admin],
      ['task list page (admin)', `/api/tasks?planId=${planId}&periodId=${periodId}&page=2&pageSize=20`, admin],
      [
        'task list, sorted by status (admin)',
        `/api/tasks?planId=${planId}&periodId=${periodId}&sort=status&pageSize=50`,
        admin,
      ],
      ['task list (unit, own tasks)', `/api/tasks?planId=${planId}&periodId=${periodId}`, unit],
    ];
    for (const [label, path, cookie] of endpoints) {
      const check = await fetch(base + path, { headers: { cookie: `duban_session=${cookie}` } });
      if (!check.ok) throw new Error(`${label}: HTTP ${check.status} ${await check.text()}`);
      const cpu0 = cpuSeconds(child.pid);
      const r = await load(base + path, cookie);
      const cpu1 = cpuSeconds(child.pid);
      const errors = r.errors + r.non2xx;
      const cpu =
        cpu0 != null && cpu1 != null && r.requests.total > 0
          ? `   server cpu ${(((cpu1 - cpu0) * 1000) / r.requests.total).toFixed(2)} ms/req`
          : '';
      console.log(
        `  ${name} ${label.padEnd(36)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms${cpu}${errors ? `   ${errors} errors` : ''}`,
      );
    }
  } finally {
    child.kill('SIGTERM');
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-server-bench-'));
  try {
    await measure('SQLite', { file: join(dir, 'bench.db') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const schema = `bench_server_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    console.log(`PostgreSQL: not reachable at ${PG_URL}; skipped`);
    return;
  }
  await admin.query(`create schema ${schema}`);
  try {
    await measure('PostgreSQL', { url: PG_URL, schema });
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}
