// The store at province scale: 100 plans × 200 tasks × 20 periods = 400,000 reports, on SQLite
// and on PostgreSQL. Prints load time and p50/p95 of the dashboard, a filtered task-list page and
// search. DUBAN_BENCH_PLANS=10 makes a quicker, smaller run.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../src/store/db.js';
import { dashboardCounts } from '../src/store/dashboard.js';
import { searchTasks } from '../src/store/search.js';
import { listTasks } from '../src/store/tasks.js';
import { loadProvince, rng, type ProvinceData } from './lib/province.js';

export const title = 'store: province scale (plans × 200 tasks × 20 periods)';

const PG_URL = process.env.DUBAN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const PLANS = Number(process.env.DUBAN_BENCH_PLANS ?? 100);
const RUNS = 60;
const QUERIES = [
  '医药',
  '光伏',
  '产业园',
  '数字经济',
  '固定资产投资',
  '新能源汽车',
  '学位',
  '跨境电商',
  '城中村改造',
  '研发',
];

function percentiles(ms: number[]): { p50: number; p95: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

type Timing = { p50: number; p95: number; cpu: number };

/**
 * Wall-clock percentiles, and the mean CPU time of this process per call: other work on a shared
 * machine stretches the wall clock but not the CPU time (for PostgreSQL it is the client's share only).
 */
async function time(runs: number, work: (i: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 5; i++) await work(i); // warm caches and prepared plans
  const ms: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work(i);
    ms.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  return { ...percentiles(ms), cpu: (cpu.user + cpu.system) / 1000 / runs };
}

const fmt = (x: Timing) => `p50 ${x.p50.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms, cpu ${x.cpu.toFixed(2)} ms/call`;

async function measure(name: string, store: Store, afterLoad?: () => Promise<string>): Promise<void> {
  const t0 = performance.now();
  let last = 0;
  const data: ProvinceData = await loadProvince(store, {
    plans: PLANS,
    onPlan: (done, total) => {
      if (process.stderr.isTTY && done - last >= 5) {
        last = done;
        process.stderr.write(`\r  ${name}: loading ${done}/${total} plans`);
      }
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\r');
  const loadS = (performance.now() - t0) / 1000;
  const extra = afterLoad ? await afterLoad() : '';
  console.log(
    `${name}: loaded ${data.planIds.length} plans, ${data.reports.toLocaleString('en')} reports in ${loadS.toFixed(1)} s${extra}`,
  );

  const r = rng(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const planPeriod = () => {
    const planId = pick(data.planIds);
    const periods = data.periodIds.get(planId)!;
    return { planId, periodId: pick(periods) };
  };
  const dash = await time(RUNS, () => dashboardCounts(store.db, planPeriod()));
  console.log(`${name}: dashboard (counts overall, by theme, leader, unit; behind list) ${fmt(dash)}`);
  // A unit's own dashboard is counted from the reports (the kept tallies are for whole plans).
  const unitDash = await time(RUNS, () => {
    const { planId, periodId } = planPeriod();
    return dashboardCounts(store.db, { planId, periodId, unitId: pick(data.unitIds.get(planId)!) });
  });
  console.log(`${name}: dashboard of one unit's tasks ${fmt(unitDash)}`);
  const list = await time(RUNS, (i) => {
    const { planId, periodId } = planPeriod();
    const filter =
      i % 3 === 0
        ? { unitId: pick(data.unitIds.get(planId)!) }
        : i % 3 === 1
          ? { status: 'behind' as const }
          : { leaderId: pick(data.leaderIds.get(planId)!) };
    return listTasks(store.db, { planId, periodId, ...filter, sort: 'status', pageSize: 20 });
  });
  console.log(`${name}: task list page (unit/status/leader filter, sorted by status) ${fmt(list)}`);
  const search = await time(RUNS, (i) => searchTasks(store.db, { q: QUERIES[i % QUERIES.length], ...planPeriod() }));
  console.log(`${name}: search in a plan and period ${fmt(search)}`);
  const planSearch = await time(RUNS, (i) =>
    searchTasks(store.db, { q: QUERIES[i % QUERIES.length], planId: pick(data.planIds) }),
  );
  console.log(`${name}: search in a plan, all periods ${fmt(planSearch)}`);
  const listQ = await time(RUNS, (i) => listTasks(store.db, { ...planPeriod(), q: QUERIES[i % QUERIES.length] }));
  console.log(`${name}: task list with q ${fmt(listQ)}`);
  const global = await time(20, (i) => searchTasks(store.db, { q: QUERIES[i % QUERIES.length] }));
  console.log(`${name}: search across all plans (first 1,000 texts ranked) ${fmt(global)}`);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-'));
  const file = join(dir, 'province.db');
  const sqlite = await openStore({ file });
  try {
    await measure('sqlite', sqlite, async () => {
      await sqlite.db
        .executeQuery({ sql: 'analyze', parameters: [], query: { kind: 'RawNode' } } as never)
        .catch(() => {});
      return ` (file ${(statSync(file).size / 1e6).toFixed(0)} MB)`;
    });
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }

  // A database of its own (not a schema): Kysely's migrator looks for its tables in every schema.
  const database = `duban_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    console.log(`postgres: not reachable at ${PG_URL}; skipped`);
    return;
  }
  await admin.query(`create database ${database}`);
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  const store = await openStore({ url: url.toString() });
  try {
    await measure('postgres', store, async () => {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      await c.query('analyze');
      const { rows } = await c.query('select pg_size_pretty(pg_database_size(current_database())) as size');
      await c.end();
      return ` (database ${rows[0].size})`;
    });
  } finally {
    await store.close();
    await admin.query(`drop database if exists ${database}`);
    await admin.end();
  }
}
