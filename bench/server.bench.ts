// The HTTP server under load: the province-scale data set (bench/lib/province.ts) on SQLite and
// on PostgreSQL, served by the real `duban serve` in a child process on loopback, autocannon in this
// process, each run bounded in time. Prints requests/s and p99 latency for the dashboard and the task
// list, as an admin (whole plan) and as a unit (its own tasks). Aim: ≥ 1,000 req/s, p99 < 100 ms.
//
// Each data set is served three ways, so that the read cache (src/server/read-cache.ts) is never
// mistaken for the server's raw speed: the default (`duban serve`: one process, read cache on),
// `--workers 2`, and `--workers 2 --no-read-cache` (every answer computed). The cache is then measured
// under writes: the dashboard loaded while another client saves a report every 50 ms.
// DUBAN_BENCH_PLANS (default 100), DUBAN_BENCH_SECONDS (default 10), DUBAN_BENCH_CONNECTIONS (default 20),
// DUBAN_BENCH_STORES (default sqlite,postgres).
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
/** Which databases to measure: `sqlite,postgres` (default), or one of them. */
const STORES = (process.env.DUBAN_BENCH_STORES ?? 'sqlite,postgres').split(',');
const CLI = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

/** `duban serve` on a free port with the given flags; resolves once it listens. */
function startServer(env: Record<string, string>, flags: string[]): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', '0', '--quiet', ...flags], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 60 s')), 60_000);
    let out = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /serving on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with code ${code}: ${out}`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    // A server that already ended (by a signal too: exitCode stays null then) has nothing to stop.
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

interface Session {
  cookie: string;
  csrf: string;
}

async function login(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: /duban_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1], csrf: csrfToken };
}

interface Load {
  result: autocannon.Result;
  /** Share of answers the read cache gave (its x-duban-cache header). */
  hitRate: number;
}

function load(url: string, session: Session): Promise<Load> {
  let hits = 0;
  let answers = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { cookie: `duban_session=${session.cookie}` },
        requests: [
          {
            onResponse: (_status: number, _body: string, _context: unknown, headers: Record<string, string>) => {
              answers++;
              if (headers['x-duban-cache'] === 'hit') hits++;
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve({ result, hitRate: answers ? hits / answers : 0 })),
    );
  });
}

/**
 * CPU seconds the server has used so far, its worker processes included (Linux /proc; null
 * elsewhere). Per request, it says what the server costs whatever else runs on the machine, which
 * requests/s under a shared load does not.
 */
function cpuSeconds(pid: number | undefined): number | null {
  if (pid == null || !existsSync(`/proc/${pid}/stat`)) return null;
  // Fields after the command name: state is 3rd, utime 14th, stime 15th (clock ticks, 100 per second).
  const own = (p: number) => {
    const fields = readFileSync(`/proc/${p}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  return own(pid) + children.reduce((sum, c) => sum + (existsSync(`/proc/${c}/stat`) ? own(Number(c)) : 0), 0);
}

function line(name: string, label: string, { result: r, hitRate }: Load, cpu: string, extra = ''): string {
  const errors = r.errors + r.non2xx;
  return (
    `  ${name} ${label.padEnd(36)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms` +
    `${cpu}   cache hits ${(hitRate * 100).toFixed(0).padStart(3)} %${extra}${errors ? `   ${errors} errors` : ''}`
  );
}

const SETUPS: { label: string; flags: string[] }[] = [
  { label: 'duban serve (1 process, read cache on)', flags: [] },
  { label: 'duban serve --workers 2', flags: ['--workers', '2'] },
  {
    label: 'duban serve --workers 2 --no-read-cache (every answer computed)',
    flags: ['--workers', '2', '--no-read-cache'],
  },
];

async function measure(name: string, config: StoreConfig, env: Record<string, string>): Promise<void> {
  const store = await openStore(config);
  const t0 = performance.now();
  const data = await loadProvince(store, { plans: PLANS });
  const planId = data.planIds[Math.floor(data.planIds.length / 2)];
  const periodId = data.periodIds.get(planId)!.at(-1)!;
  const unitId = data.unitIds.get(planId)![0];
  const hash = await hashPassword(PASSWORD);
  const now = new Date().toISOString();
  const user = (username: string, role: 'admin' | 'unit', unit: number | null) => ({
    username,
    display_name: 'bench',
    password_hash: hash,
    role,
    unit_id: unit,
    leader_id: null,
    disabled: 0,
    created_at: now,
    updated_at: now,
  });
  await store.db
    .insertInto('users')
    .values([
      user('bench-admin', 'admin', null),
      user('bench-writer', 'admin', null),
      user('bench-unit', 'unit', unitId),
    ])
    .execute();
  // The writer of the last scenario saves into the measured period, so it is reopened.
  await store.db.updateTable('periods').set({ state: 'open' }).where('id', '=', periodId).execute();
  const writable = await store.db
    .selectFrom('reports')
    .select('id')
    .where('period_id', '=', periodId)
    .orderBy('id')
    .limit(20)
    .execute();
  await store.close();
  console.log(
    `${name}: ${data.planIds.length} plans, ${data.reports.toLocaleString('en')} reports loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s; ${CONNECTIONS} connections × ${SECONDS} s per endpoint`,
  );

  const dashboard = `/api/dashboard?planId=${planId}&periodId=${periodId}`;
  for (const setup of SETUPS) {
    console.log(` ${setup.label}`);
    const { child, port } = await startServer(env, setup.flags);
    try {
      const base = `http://127.0.0.1:${port}`;
      const admin = await login(base, 'bench-admin');
      const unit = await login(base, 'bench-unit');
      const endpoints: [string, string, Session][] = [
        // Baseline: framework, session lookup and one user query, no plan data — the server's own ceiling.
        ['baseline /auth/me', '/api/auth/me', admin],
        ['dashboard (admin, 200 tasks)', dashboard, admin],
        ['task list page (admin)', `/api/tasks?planId=${planId}&periodId=${periodId}&page=2&pageSize=20`, admin],
        [
          'task list, sorted by status (admin)',
          `/api/tasks?planId=${planId}&periodId=${periodId}&sort=status&pageSize=50`,
          admin,
        ],
        ['task list (unit, own tasks)', `/api/tasks?planId=${planId}&periodId=${periodId}`, unit],
      ];
      for (const [label, path, session] of endpoints) {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`the server ended during the run (${child.signalCode ?? child.exitCode})`);
        const check = await fetch(base + path, { headers: { cookie: `duban_session=${session.cookie}` } });
        if (!check.ok) throw new Error(`${label}: HTTP ${check.status} ${await check.text()}`);
        const cpu0 = cpuSeconds(child.pid);
        const measured = await load(base + path, session);
        const cpu1 = cpuSeconds(child.pid);
        const cpu =
          cpu0 != null && cpu1 != null && measured.result.requests.total > 0
            ? `   server cpu ${(((cpu1 - cpu0) * 1000) / measured.result.requests.total).toFixed(2)} ms/req`
            : '';
        console.log(line(name, label, measured, cpu));
      }
      if (setup.flags.includes('--workers') && !setup.flags.includes('--no-read-cache')) {
        const writer = await login(base, 'bench-writer');
        const saves = await underWrites(
          base,
          writer,
          writable.map((r) => r.id),
          () => load(base + dashboard, admin),
        );
        console.log(line(name, 'dashboard, a report saved every 50 ms', saves.measured, '', `   ${saves.count} saves`));
      }
    } finally {
      await stopServer(child);
    }
  }
}

/**
 * Runs `measure` while another client saves reports (admin, PUT /reports/:id) every 50 ms; every save
 * changes the data version, so the cache must recompute. Returns the load and the saves made.
 */
async function underWrites(
  base: string,
  writer: Session,
  reportIds: number[],
  measure: () => Promise<Load>,
): Promise<{ measured: Load; count: number }> {
  const headers = { cookie: `duban_session=${writer.cookie}`, 'x-csrf-token': writer.csrf };
  let running = true;
  let count = 0;
  const writing = (async () => {
    for (let i = 0; running; i++) {
      const id = reportIds[i % reportIds.length];
      const current = (await (await fetch(`${base}/api/reports/${id}`, { headers })).json()) as { version: number };
      const res = await fetch(`${base}/api/reports/${id}`, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ text: `已完成年度目标的${50 + (i % 50)}%，项目按计划推进。`, version: current.version }),
      });
      if (!res.ok) throw new Error(`save failed: HTTP ${res.status} ${await res.text()}`);
      count++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    const measured = await measure();
    return { measured, count };
  } finally {
    running = false;
    await writing;
  }
}

export async function run(): Promise<void> {
  if (STORES.includes('sqlite')) {
    const dir = mkdtempSync(join(tmpdir(), 'duban-server-bench-'));
    try {
      const file = join(dir, 'bench.db');
      await measure('SQLite', { file }, { DUBAN_DB: file, DATABASE_URL: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!STORES.includes('postgres')) return;
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
    // The server finds the schema through the URL: pg passes `options` on to every connection.
    const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    await measure('PostgreSQL', { url: PG_URL, schema }, { DATABASE_URL: url, DUBAN_DB: '' });
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}
