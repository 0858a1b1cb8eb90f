// The overdue desk (逾期/催办台) at province scale: the province data set (bench/lib/province.ts,
// DUBAN_BENCH_PLANS plans × 200 tasks × 20 periods, default 100 = 400,000 reports) plus one province
// plan of DUBAN_BENCH_DESK_TASKS tasks (default 5,000) over DUBAN_BENCH_DESK_UNITS lead units
// (default 150) whose open period is overdue for nearly every task, with reminders, approved
// extensions and open 督办单 at every level. Each desk page is asked through the real HTTP route
// (`GET /api/overdue/desk`, app.inject, as the office), so access, validation and serialisation are
// timed too. Prints p50/p95/max per kind of page: first, middle and last page of every sort, each
// filter, and one unit's tasks. The aim is < 300 ms per page. DUBAN_BENCH_STORES=sqlite|postgres.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { hashPassword } from '../src/server/auth/password.js';
import { openStore, type Store } from '../src/store/db.js';
import type { DB } from '../src/store/schema.js';
import { chunks } from '../src/store/transaction.js';
import { loadProvince, rng } from './lib/province.js';

export const title = 'desk: the overdue desk on the province data set (HTTP route, in process)';

const PG_URL = process.env.DUBAN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const PLANS = Number(process.env.DUBAN_BENCH_PLANS ?? 100);
const DESK_TASKS = Number(process.env.DUBAN_BENCH_DESK_TASKS ?? 5000);
const DESK_UNITS = Number(process.env.DUBAN_BENCH_DESK_UNITS ?? 150);
const STORES = (process.env.DUBAN_BENCH_STORES ?? 'sqlite,postgres').split(',');
const RUNS = Number(process.env.DUBAN_BENCH_RUNS ?? 15);
const PASSWORD = 'bench-password-1';
const PAGE_SIZE = 20;

interface DeskPlan {
  planId: number;
  periodId: number;
  leaderIds: number[];
  themeIds: number[];
  unitIds: number[];
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * One province plan whose newest period is open and overdue: most reports are drafts, a task in
 * ten has two lead units, a third of the pairs were reminded (one to three times), a tenth carry
 * an open 督办单, some of which rose, and a few units were granted an extension.
 */
async function loadDeskPlan(store: Store): Promise<DeskPlan> {
  // A seed whose district names differ from the province set's (units are unique by name).
  const data = await loadProvince(store, { plans: 1, tasksPerPlan: DESK_TASKS, periods: 4, seed: 4242 });
  const planId = data.planIds[0];
  const periods = data.periodIds.get(planId)!;
  const periodId = periods[periods.length - 1];
  const r = rng(99);
  const now = new Date().toISOString();
  const due = isoDay(Date.now() - 40 * DAY);
  return store.db.transaction().execute(async (trx: Kysely<DB>) => {
    await trx.updateTable('periods').set({ state: 'open', due_date: due }).where('id', '=', periodId).execute();
    const plan = await trx.selectFrom('plans').select('region').where('id', '=', planId).executeTakeFirstOrThrow();
    const existing = data.unitIds.get(planId)!;
    const extra = await trx
      .insertInto('units')
      .values(
        Array.from({ length: Math.max(0, DESK_UNITS - existing.length) }, (_, i) => ({
          name: `${plan.region}第${i + 1}工作专班`,
          parent_id: null,
          created_at: now,
        })),
      )
      .returning('id')
      .execute();
    const unitIds = [...existing, ...extra.map((u) => u.id)];
    // The office's 序列 for two thirds of the units; the rest follow in pinyin order.
    for (const [i, id] of unitIds.entries())
      if (i % 3 !== 2)
        await trx
          .updateTable('units')
          .set({ position: i + 1 })
          .where('id', '=', id)
          .execute();
    const tasks = await trx.selectFrom('tasks').select('id').where('plan_id', '=', planId).orderBy('seq').execute();
    await trx
      .deleteFrom('task_units')
      .where('role', '=', 'lead')
      .where('task_id', 'in', trx.selectFrom('tasks').select('id').where('plan_id', '=', planId))
      .execute();
    const leads: { task_id: number; unit_id: number; role: 'lead'; position: number }[] = [];
    for (const t of tasks) {
      const a = unitIds[Math.floor(r() * unitIds.length)];
      const b = unitIds[Math.floor(r() * unitIds.length)];
      leads.push({ task_id: t.id, unit_id: a, role: 'lead', position: 0 });
      if (r() < 0.1 && b !== a) leads.push({ task_id: t.id, unit_id: b, role: 'lead', position: 1 });
    }
    await trx
      .deleteFrom('task_units')
      .where('role', '=', 'co')
      .where('task_id', 'in', trx.selectFrom('tasks').select('id').where('plan_id', '=', planId))
      .execute();
    for (const batch of chunks(leads, 1000)) await trx.insertInto('task_units').values(batch).execute();
    // Nearly every report of the open period is still the unit's: overdue.
    await trx
      .updateTable('reports')
      .set({ state: 'draft', status: 'no_report' })
      .where('period_id', '=', periodId)
      .execute();
    const handedIn = tasks.filter(() => r() < 0.08).map((t) => t.id);
    for (const batch of chunks(handedIn, 500))
      await trx
        .updateTable('reports')
        .set({ state: 'submitted' })
        .where('period_id', '=', periodId)
        .where('task_id', 'in', batch)
        .execute();
    const reminders: {
      task_id: number;
      period_id: number;
      unit_id: number;
      sent_by: null;
      message: string;
      created_at: string;
      read_at: null;
    }[] = [];
    const extensions: Record<string, unknown>[] = [];
    const notices: { unit: number; task: number }[] = [];
    for (const l of leads) {
      if (r() < 0.33) {
        const n = 1 + Math.floor(r() * 3);
        for (let k = 0; k < n; k++)
          reminders.push({
            task_id: l.task_id,
            period_id: periodId,
            unit_id: l.unit_id,
            sent_by: null,
            message: '请尽快报送本期进展情况',
            created_at: new Date(Date.now() - (30 - k) * DAY).toISOString(),
            read_at: null,
          });
      }
      if (r() < 0.03)
        extensions.push({
          task_id: l.task_id,
          period_id: periodId,
          unit_id: l.unit_id,
          reason: '项目审批尚未完成',
          requested_due: isoDay(Date.now() - (r() < 0.5 ? 10 : -10) * DAY),
          state: 'approved',
          created_at: now,
        });
      if (r() < 0.1) notices.push({ unit: l.unit_id, task: l.task_id });
    }
    for (const batch of chunks(reminders, 1000)) await trx.insertInto('reminders').values(batch).execute();
    for (const batch of chunks(extensions, 500))
      await trx
        .insertInto('extensions')
        .values(batch as never)
        .execute();
    const levels = ['hint', 'supervise', 'key'] as const;
    const noticeRows = notices.map((n, i) => ({
      plan_id: planId,
      year: 2023,
      number: 100000 + i,
      unit_id: n.unit,
      level: levels[i % 3],
      initial_level: 'hint' as const,
      state: i % 5 === 4 ? ('accepted' as const) : ('issued' as const),
      title: '关于加快推进重点工作任务的督办单',
      body: '请按期报送进展。',
      feedback_required: '请报送整改措施和完成时限',
      deadline: isoDay(Date.now() + 30 * DAY),
      escalations: i % 3,
      created_at: now,
      updated_at: now,
    }));
    const noticeIds: number[] = [];
    for (const batch of chunks(noticeRows, 400))
      noticeIds.push(
        ...(await trx.insertInto('supervision_notices').values(batch).returning('id').execute()).map((x) => x.id),
      );
    const links = notices.map((n, i) => ({ notice_id: noticeIds[i], task_id: n.task }));
    for (const batch of chunks(links, 1000)) await trx.insertInto('supervision_notice_tasks').values(batch).execute();
    const themes = await trx.selectFrom('themes').select('id').where('plan_id', '=', planId).execute();
    return {
      planId,
      periodId,
      leaderIds: data.leaderIds.get(planId)!,
      themeIds: themes.map((t) => t.id),
      unitIds,
    };
  });
}

type Timing = { p50: number; p95: number; max: number; n: number };

function timing(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1], n: s.length };
}

const fmt = (t: Timing) =>
  `p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms, max ${t.max.toFixed(1)} ms (${t.n} calls)`;

async function measure(name: string, store: Store): Promise<void> {
  const t0 = performance.now();
  const province = await loadProvince(store, { plans: PLANS });
  const desk = await loadDeskPlan(store);
  const loadS = (performance.now() - t0) / 1000;
  await store.db
    .insertInto('users')
    .values({
      username: 'bench-admin',
      display_name: 'bench-admin',
      password_hash: await hashPassword(PASSWORD),
      role: 'admin',
      unit_id: null,
      leader_id: null,
      disabled: 0,
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
    })
    .execute();
  await analyze(name, store);
  console.log(
    `${name}: loaded ${province.reports.toLocaleString('en')} reports in ${PLANS} plans and a desk plan of ${DESK_TASKS} tasks × ${DESK_UNITS} units in ${loadS.toFixed(0)} s`,
  );

  const app: FastifyInstance = await buildApp(store, { webRoot: null, readCache: { enabled: false } });
  await app.ready();
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bench-admin', password: PASSWORD },
    });
    const cookie = login.cookies.find((c) => c.name === 'duban_session')!.value;
    const get = async (url: string) => {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url, cookies: { duban_session: cookie } });
      const ms = performance.now() - t;
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return { ms, body: res.json() as { total: number; totalTasks: number; items: unknown[] } };
    };
    const base = `/api/overdue/desk?periodId=${desk.periodId}&pageSize=${PAGE_SIZE}`;
    const first = await get(base);
    const pages = Math.max(1, Math.ceil(first.body.total / PAGE_SIZE));
    console.log(
      `${name}: desk plan: ${first.body.total} units with overdue tasks, ${first.body.totalTasks} overdue tasks, ${pages} pages of ${PAGE_SIZE}`,
    );
    const r = rng(5);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    const all: number[] = [];
    const row = async (label: string, urls: () => string) => {
      for (let i = 0; i < 3; i++) await get(urls()); // warm
      const ms: number[] = [];
      for (let i = 0; i < RUNS; i++) ms.push((await get(urls())).ms);
      all.push(...ms);
      console.log(`${name}:   ${label.padEnd(44)} ${fmt(timing(ms))}`);
    };
    for (const sort of ['order', 'overdue', 'days', 'reminders', 'escalated'])
      for (const [where, page] of [
        ['first', 1],
        ['middle', Math.ceil(pages / 2)],
        ['last', pages],
      ] as const)
        await row(`sort ${sort}, ${where} page (${page})`, () => `${base}&sort=${sort}&page=${page}`);
    await row('filter: one leader', () => `${base}&leaderId=${pick(desk.leaderIds)}`);
    await row('filter: one theme, sorted by days', () => `${base}&themeId=${pick(desk.themeIds)}&sort=days`);
    await row('filter: urgency 重点督办', () => `${base}&urgency=key`);
    await row('filter: urgency none, last page', () => `${base}&urgency=none&page=${pages}`);
    await row(
      "one unit's tasks (row opened)",
      () => `/api/overdue/desk/${pick(desk.unitIds)}?periodId=${desk.periodId}`,
    );
    // A desk of one of the province set's ordinary plans (200 tasks, 30 units, a closed period).
    await row('province set: a plan and period, first page', () => {
      const planId = pick(province.planIds);
      return `/api/overdue/desk?periodId=${pick(province.periodIds.get(planId)!)}&pageSize=${PAGE_SIZE}`;
    });
    const overall = timing(all);
    console.log(`${name}: every desk call: ${fmt(overall)}; aim < 300 ms per page`);
  } finally {
    await app.close();
  }
}

async function analyze(name: string, store: Store): Promise<void> {
  await store.db.executeQuery({ sql: 'analyze', parameters: [], query: { kind: 'RawNode' } } as never).catch(() => {
    console.log(`${name}: analyze failed`);
  });
}

export async function run(): Promise<void> {
  if (STORES.includes('sqlite')) {
    const dir = mkdtempSync(join(tmpdir(), 'duban-bench-desk-'));
    const sqlite = await openStore({ file: join(dir, 'province.db') });
    try {
      await measure('sqlite', sqlite);
    } finally {
      await sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!STORES.includes('postgres')) return;
  const database = `duban_bench_desk_${process.pid}`;
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
    await measure('postgres', store);
  } finally {
    await store.close();
    await admin.query(`drop database if exists ${database}`);
    await admin.end();
  }
}
