// The bundled demonstration: the 钱塘区 2023 fourth-quarter table (data/demo) moved to today
// (demo-calendar.ts: this year's plan, the table's reports in the last quarter), an earlier period
// derived from it so trends and comparisons have two points, the current quarter open for reporting, and
// one account per role. Idempotent: a database that already holds the demo plan is left alone.
// The accounts have public passwords, so the demo only ever seeds a database that is the demo's:
// empty, marked as the demo's when it was seeded, or holding nothing but the demo plan and accounts
// (`demoRefusal` says why another one is refused).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DubanError } from '../domain/index.js';
import { parseTable } from '../parse/index.js';
import type { Actor } from '../store/audit.js';
import type { Store } from '../store/db.js';
import { importParsedTable } from '../store/import.js';
import { findPeriod, openPeriod, setDueDate, setPeriodState } from '../store/periods.js';
import { findPlanByTitle } from '../store/plans.js';
import { planInfoFromTitle } from '../parse/plan-title.js';
import { saveReport } from '../store/reports.js';
import { approveReport, submitReport } from '../store/review.js';
import { createUser, findLeaderByName, findUnitByName, findUserForLogin, type Role } from '../store/users.js';
import { hashPassword } from './auth/password.js';
import { demoCalendar, shiftYears } from './demo-calendar.js';

export const DEMO_TABLE = fileURLToPath(new URL('../../data/demo/qiantang-2023-q4.txt', import.meta.url));

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  scope: string | null;
}

/** Well-known demo passwords: this is a demonstration database, not a deployment. */
export const DEMO_ACCOUNTS: {
  username: string;
  password: string;
  role: Role;
  unit?: string;
  leader?: string;
  displayName: string;
}[] = [
  { username: 'admin', password: 'duban-admin', role: 'admin', displayName: '督查科管理员' },
  { username: 'fagai', password: 'duban-unit', role: 'unit', unit: '区发展改革局', displayName: '区发展改革局填报员' },
  { username: 'taofeng', password: 'duban-leader', role: 'leader', leader: '陶峰', displayName: '陶峰' },
  { username: 'viewer', password: 'duban-viewer', role: 'viewer', displayName: '区人大联络员' },
];

export interface DemoResult {
  created: boolean;
  planId: number;
  accounts: DemoAccount[];
}

/** The first sentence of a progress text: what an earlier report plausibly said (demo only). */
function earlierText(progress: string): string {
  const first = /^[^。；]*[。；]/.exec(progress.trim())?.[0] ?? '';
  return first.replace(/1-1[01]月|截至1[01]月底?/g, '1-8月').replace(/四季度/g, '三季度');
}

/** The settings key that marks a database as a demonstration (public passwords allowed). */
export const DEMO_MARK_KEY = 'demo';

/** Marks the database as a demonstration one, so `duban demo` may add its accounts to it. */
export async function markDemoDatabase(store: Store): Promise<void> {
  await store.db
    .insertInto('settings')
    .values({ key: DEMO_MARK_KEY, value: JSON.stringify({ demo: true }), updated_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/** The bundled table with its years moved to the demo calendar's (see demo-calendar.ts). */
async function readDemoTable(shift = 0) {
  const bytes = readFileSync(DEMO_TABLE);
  const parsed = await parseTable(bytes, { fileName: 'qiantang-2023-q4.txt' });
  if (!parsed.ok) throw new DubanError('internal', `the bundled demo table cannot be read: ${parsed.error.message}`);
  const table = {
    ...parsed.value,
    title: parsed.value.title == null ? null : shiftYears(parsed.value.title, shift),
    tasks: parsed.value.tasks.map((t) => ({
      ...t,
      target: shiftYears(t.target, shift),
      progress: shiftYears(t.progress, shift),
    })),
  };
  return { bytes, table, title: planInfoFromTitle(table.title ?? '').title };
}

/**
 * Why the demo must not seed this database (it holds plans or accounts of its own, so it is
 * someone's real data), or null when it is empty or the demo's. One line, for the CLI.
 */
export async function demoRefusal(store: Store): Promise<string | null> {
  const marked = await store.db
    .selectFrom('settings')
    .select('key')
    .where('key', '=', DEMO_MARK_KEY)
    .executeTakeFirst();
  if (marked) return null;
  const { title } = await readDemoTable();
  const plans = await store.db.selectFrom('plans').select('title').where('title', '!=', title).limit(3).execute();
  const demoNames = DEMO_ACCOUNTS.map((a) => a.username);
  const users = await store.db
    .selectFrom('users')
    .select('username')
    .where('username', 'not in', demoNames)
    .limit(3)
    .execute();
  if (plans.length === 0 && users.length === 0) return null;
  const held = [
    plans.length ? `plans (${plans.map((p) => `“${p.title}”`).join(', ')})` : '',
    users.length ? `accounts (${users.map((u) => u.username).join(', ')})` : '',
  ].filter(Boolean);
  return `this database holds other ${held.join(' and ')}, so it is not the demo's; the demo adds accounts with public passwords and runs only on its own database (default ./duban-demo.db, or --db FILE / DUBAN_DEMO_DB)`;
}

/**
 * Seeds the demo; throws DubanError('conflict') on a database that is not the demo's (see demoRefusal).
 * `today` places it in time (demo-calendar.ts): this year's plan, this quarter open.
 */
export async function seedDemo(
  store: Store,
  log: (line: string) => void = () => {},
  today: Date = new Date(),
): Promise<DemoResult> {
  const refusal = await demoRefusal(store);
  if (refusal) throw new DubanError('conflict', refusal);
  const calendar = demoCalendar(today);
  const { bytes, table, title } = await readDemoTable(calendar.shift);
  // A demo seeded in an earlier year is still the demo: left as it is.
  const existing =
    (await findPlanByTitle(store.db, title)) ??
    (await store.db
      .selectFrom('plans')
      .select(['id'])
      .where('title', 'like', `%${title.replace(/^\d{4}年/, '')}`)
      .executeTakeFirst());
  let planId: number;
  let created = false;
  if (existing) {
    planId = existing.id;
    log(`demo data already present (plan ${planId}); leaving it as it is`);
  } else {
    created = true;
    const system: Actor = { id: null, name: 'demo' };
    log(`importing the demo table (as ${calendar.table.label}) …`);
    const summary = await importParsedTable(store, system, {
      table,
      period: calendar.table.label,
      fileName: 'qiantang-2023-q4.txt',
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    planId = summary.planId;
    await setDueDate(store.db, system, summary.periodId, calendar.table.due);

    // 2023Q3: an earlier, shorter report for every other task, submitted and approved.
    log(`deriving an earlier period (${calendar.earlier.label}) for trends and comparisons …`);
    const q3 = await openPeriod(store.db, system, {
      planId,
      label: calendar.earlier.label,
      dueDate: calendar.earlier.due,
    });
    const rows = await store.db
      .selectFrom('reports as r')
      .innerJoin('tasks as t', 't.id', 'r.task_id')
      .select(['t.id as task_id', 't.seq', 'r.text'])
      .where('r.period_id', '=', summary.periodId)
      .orderBy('t.seq')
      .execute();
    for (const row of rows) {
      if (row.seq % 2 === 0) continue;
      const text = earlierText(row.text);
      if (!text) continue;
      const report = await store.db
        .selectFrom('reports')
        .select(['id', 'version'])
        .where('task_id', '=', row.task_id)
        .where('period_id', '=', q3.id)
        .executeTakeFirstOrThrow();
      const saved = await saveReport(store.db, system, { reportId: report.id, text, expectedVersion: report.version });
      await submitReport(store.db, system, report.id, saved.version);
      await approveReport(store.db, system, report.id);
    }
    await setPeriodState(store.db, system, q3.id, 'closed');
    await setPeriodState(store.db, system, summary.periodId, 'closed');
    if (!(await findPeriod(store.db, planId, calendar.open.label)))
      await openPeriod(store.db, system, { planId, label: calendar.open.label, dueDate: calendar.open.due });
  }

  await markDemoDatabase(store);
  const accounts: DemoAccount[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const unit = a.unit ? await findUnitByName(store.db, a.unit) : null;
    const leader = a.leader ? await findLeaderByName(store.db, a.leader) : null;
    if (!(await findUserForLogin(store.db, a.username))) {
      await createUser(
        store.db,
        { id: null, name: 'demo' },
        {
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          unitId: unit?.id ?? null,
          leaderId: leader?.id ?? null,
          passwordHash: await hashPassword(a.password),
        },
      );
    }
    accounts.push({ username: a.username, password: a.password, role: a.role, scope: a.unit ?? a.leader ?? null });
  }
  return { created, planId, accounts };
}
