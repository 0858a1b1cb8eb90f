// Soak: the server in a child process (as `duban serve` runs), loopback only, driven for a bounded
// time by a mix of office and unit users — dashboard, task lists, report reads, report saves,
// submits and returns — on SQLite and on PostgreSQL. Prints throughput, p50/p99 per kind of
// request, errors (anything but 200, and 409 on a contended save), the server's RSS at start and
// end, and checks afterwards that every acknowledged save is in the database.
// SOAK_SECONDS (default 120) per store; SOAK_CLIENTS (default 8) concurrent users.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { hashPassword } from '../src/server/auth/password.js';
import { SYSTEM_ACTOR } from '../src/store/audit.js';
import { openStore, type StoreConfig } from '../src/store/db.js';
import { createUser } from '../src/store/users.js';
import { childScript, runChild } from '../test/reliability/helpers/child.js';
import { HttpClient } from '../test/reliability/helpers/http.js';
import { importSeed } from '../test/reliability/helpers/seed-store.js';

export const title = 'soak: mixed reads and writes against a server process, per store';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 120);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 8);
const PG_URL = process.env.DUBAN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const PASSWORD = 'soak-password-1';

type Kind = 'dashboard' | 'tasks' | 'report' | 'save' | 'submit' | 'return' | 'login';
interface Sample {
  kind: Kind;
  ms: number;
  status: number;
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function prepare(
  config: StoreConfig,
): Promise<{ planId: number; periodId: number; units: { id: number; reports: number[] }[] }> {
  const store = await openStore(config);
  try {
    const summary = await importSeed(store);
    const hash = await hashPassword(PASSWORD);
    await createUser(store.db, SYSTEM_ACTOR, { username: 'soak-admin', role: 'admin', passwordHash: hash });
    await createUser(store.db, SYSTEM_ACTOR, { username: 'soak-viewer', role: 'viewer', passwordHash: hash });
    // The units leading the most tasks, each with its own account.
    const rows = await store.db
      .selectFrom('task_units as tu')
      .innerJoin('reports as r', 'r.task_id', 'tu.task_id')
      .select(['tu.unit_id', 'r.id'])
      .where('tu.role', '=', 'lead')
      .where('r.period_id', '=', summary.periodId)
      .execute();
    const byUnit = new Map<number, number[]>();
    for (const r of rows) byUnit.set(r.unit_id, [...(byUnit.get(r.unit_id) ?? []), r.id]);
    const units = [...byUnit]
      .sort((a, b) => b[1].length - a[1].length)
      .slice(0, 6)
      .map(([id, reports]) => ({ id, reports }));
    for (const u of units)
      await createUser(store.db, SYSTEM_ACTOR, {
        username: `soak-unit-${u.id}`,
        role: 'unit',
        unitId: u.id,
        passwordHash: hash,
      });
    return { planId: summary.planId, periodId: summary.periodId, units };
  } finally {
    await store.close();
  }
}

async function soakOne(name: string, config: StoreConfig): Promise<void> {
  const setup = await prepare(config);
  const server = runChild(childScript('serve.ts'), [JSON.stringify(config)]);
  const port = (await server.waitFor((l) => l.startsWith('listening '))).split(' ')[1];
  const base = `http://127.0.0.1:${port}`;
  const rssOf = () =>
    Number(
      server.lines
        .filter((l) => l.startsWith('rss '))
        .at(-1)
        ?.split(' ')[1] ?? 0,
    );
  await server.waitFor((l) => l.startsWith('rss '));

  const samples: Sample[] = [];
  const errors: string[] = [];
  const acks = new Map<number, number>(); // report → highest version acknowledged
  const record = (kind: Kind, r: { ms: number; status: number; text: string }, okStatuses: number[] = [200]) => {
    samples.push({ kind, ms: r.ms, status: r.status });
    if (!okStatuses.includes(r.status) && errors.length < 20)
      errors.push(`${kind} ${r.status} ${r.text.slice(0, 120)}`);
  };

  const admin = new HttpClient(base);
  record('login', { ...(await admin.login('soak-admin', PASSWORD)) });
  const q = `planId=${setup.planId}&periodId=${setup.periodId}`;
  const rssStart = rssOf();
  const deadline = Date.now() + SECONDS * 1000;
  const t0 = performance.now();

  const unitUser = async (u: { id: number; reports: number[] }) => {
    const c = new HttpClient(base);
    record('login', await c.login(`soak-unit-${u.id}`, PASSWORD));
    for (let k = 0; Date.now() < deadline; k++) {
      const roll = Math.random();
      if (roll < 0.15) record('dashboard', await c.request('GET', `/api/dashboard?${q}`));
      else if (roll < 0.4) record('tasks', await c.request('GET', `/api/tasks?${q}&page=${1 + (k % 3)}&pageSize=20`));
      else {
        const id = u.reports[k % u.reports.length];
        const got = await c.request('GET', `/api/reports/${id}`);
        record('report', got);
        if (got.status !== 200) continue;
        const report = got.body as { version: number; state: string; text: string };
        if (report.state === 'submitted' || report.state === 'approved') continue;
        if (roll < 0.9 || !report.text.trim()) {
          const saved = await c.request('PUT', `/api/reports/${id}`, {
            text: `截至目前已完成投资${k}亿元，同比增长${k % 25}%，第${k}次更新。`,
            version: report.version,
          });
          record('save', saved, [200, 409]);
          if (saved.status === 200)
            acks.set(id, Math.max(acks.get(id) ?? 0, (saved.body as { version: number }).version));
        } else {
          record(
            'submit',
            await c.request('POST', `/api/reports/${id}/submit`, { version: report.version }),
            [200, 409],
          );
        }
      }
    }
  };
  const office = async (c: HttpClient) => {
    for (let k = 0; Date.now() < deadline; k++) {
      if (k % 3 === 0) {
        const review = await c.request('GET', `/api/review?${q}&state=submitted`);
        record('tasks', review);
        const items = ((review.body as { items?: { report: { id: number } | null }[] }).items ?? []).filter(
          (t) => t.report,
        );
        if (items.length)
          record(
            'return',
            await c.request('POST', `/api/reports/${items[0].report!.id}/return`, { comment: '请补充本季度数据。' }),
            [200, 409],
          );
      } else if (k % 3 === 1) record('dashboard', await c.request('GET', `/api/dashboard?${q}`));
      else record('tasks', await c.request('GET', `/api/tasks?${q}&status=behind&pageSize=50`));
    }
  };
  const viewer = async () => {
    const c = new HttpClient(base);
    record('login', await c.login('soak-viewer', PASSWORD));
    for (let k = 0; Date.now() < deadline; k++) {
      record(
        k % 2 ? 'dashboard' : 'tasks',
        await c.request('GET', k % 2 ? `/api/dashboard?${q}` : `/api/tasks?${q}&q=${encodeURIComponent('学位')}`),
      );
    }
  };

  const users: Promise<void>[] = [office(admin)];
  for (let i = 0; users.length < CLIENTS; i++)
    users.push(i % 4 === 3 ? viewer() : unitUser(setup.units[i % setup.units.length]));
  await Promise.all(users);
  const seconds = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 1100)); // one more RSS sample after the load
  const rssEnd = rssOf();
  server.proc.kill('SIGTERM');
  await server.exited;

  // Every acknowledged save is in the database.
  const store = await openStore({ ...config, migrate: false });
  let lost = 0;
  try {
    for (const [id, version] of acks) {
      const row = await store.db
        .selectFrom('report_versions')
        .select('version')
        .where('report_id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (!row) lost++;
    }
  } finally {
    await store.close();
  }

  const bad = samples.filter(
    (s) => !(s.status === 200 || (s.status === 409 && ['save', 'submit', 'return'].includes(s.kind))),
  );
  const conflicts = samples.filter((s) => s.status === 409).length;
  // Logins are slow on purpose (scrypt) and happen once per user: reported on their own line.
  const work = samples.filter((s) => s.kind !== 'login').map((s) => s.ms);
  console.log(
    `${name}: ${work.length} requests in ${seconds.toFixed(0)} s by ${CLIENTS} users = ${(work.length / seconds).toFixed(0)} req/s; p50 ${pct(work, 50).toFixed(1)} ms, p99 ${pct(work, 99).toFixed(1)} ms`,
  );
  for (const kind of ['dashboard', 'tasks', 'report', 'save', 'submit', 'return', 'login'] as Kind[]) {
    const ms = samples.filter((s) => s.kind === kind).map((s) => s.ms);
    if (ms.length)
      console.log(
        `  ${kind.padEnd(9)} ${String(ms.length).padStart(6)} requests  p50 ${pct(ms, 50).toFixed(1).padStart(7)} ms  p99 ${pct(ms, 99).toFixed(1).padStart(7)} ms`,
      );
  }
  console.log(
    `  errors: ${bad.length}${errors.length ? ` (${[...new Set(errors)].slice(0, 5).join(' | ')})` : ''}; save conflicts (409, expected under contention): ${conflicts}`,
  );
  console.log(`  acknowledged saves checked in the database: ${acks.size} reports, lost: ${lost}`);
  console.log(
    `  server RSS: ${(rssStart / 2 ** 20).toFixed(0)} MB at start, ${(rssEnd / 2 ** 20).toFixed(0)} MB at end`,
  );
}

export async function run(): Promise<void> {
  console.log(`(SOAK_SECONDS=${SECONDS} per store, SOAK_CLIENTS=${CLIENTS}, loopback only)`);
  const dir = mkdtempSync(join(tmpdir(), 'duban-soak-'));
  try {
    await soakOne('sqlite', { file: join(dir, 'soak.db') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    console.log(`postgres: not reachable at ${PG_URL}; skipped`);
    return;
  }
  const schema = `soak_${process.pid}_${Date.now().toString(36)}`;
  await admin.query(`create schema ${schema}`);
  try {
    await soakOne('postgres', { url: PG_URL, schema });
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}
