// Test plumbing for the API: an app over a test store, a small realistic seed written straight into
// the tables (so these tests do not depend on the importer), and logged-in clients per role.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/auth/password.js';
import type { Store } from '../../src/store/db.js';

export const PASSWORD = 'duban-test-123';

export interface Seed {
  planId: number;
  units: { fagai: number; jianshe: number };
  leaders: { tao: number; xu: number };
  tasks: { gdp: number; school: number; road: number };
  periods: { q3: number; q4: number };
  reports: Record<'gdpQ4' | 'schoolQ4' | 'roadQ4' | 'gdpQ3', number>;
  users: Record<'admin' | 'unit' | 'otherUnit' | 'leader' | 'viewer', number>;
}

const now = () => new Date().toISOString();

/** A task straight into the tables: its lead unit, and its leader and co-unit when given. */
export async function insertTask(
  db: Store['db'],
  t: {
    planId: number;
    seq: number;
    themeId: number | null;
    target: string;
    unitId: number;
    leaderId?: number;
    coUnitId?: number;
  },
): Promise<number> {
  const at = new Date().toISOString();
  const id = (
    await db
      .insertInto('tasks')
      .values({
        plan_id: t.planId,
        seq: t.seq,
        theme_id: t.themeId,
        category_id: null,
        target: t.target,
        deadline: null,
        notes: null,
        closed_at: null,
        closed_by: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  if (t.leaderId !== undefined)
    await db.insertInto('task_leaders').values({ task_id: id, leader_id: t.leaderId, position: 1 }).execute();
  await db.insertInto('task_units').values({ task_id: id, unit_id: t.unitId, role: 'lead', position: 1 }).execute();
  if (t.coUnitId !== undefined)
    await db.insertInto('task_units').values({ task_id: id, unit_id: t.coUnitId, role: 'co', position: 2 }).execute();
  return id;
}

/** 钱塘区-like plan: GDP task (区发展改革局, 陶峰), school and road tasks (区建设局, 徐进); Q3 closed, Q4 open. */
export async function seed(store: Store, opts: { q4Due?: string } = {}): Promise<Seed> {
  const db = store.db;
  const t = now();
  const unit = async (name: string) =>
    (
      await db
        .insertInto('units')
        .values({ name, parent_id: null, created_at: t })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const leader = async (name: string) =>
    (
      await db
        .insertInto('leaders')
        .values({ name, title: null, created_at: t })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const units = { fagai: await unit('区发展改革局'), jianshe: await unit('区建设局') };
  const leaders = { tao: await leader('陶峰'), xu: await leader('徐进') };
  const planId = (
    await db
      .insertInto('plans')
      .values({ region: '钱塘区', year: 2023, title: '2023年钱塘区政府工作报告重点工作任务', created_at: t })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const theme = (
    await db
      .insertInto('themes')
      .values({ plan_id: planId, name: '主要经济指标', position: 1 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const task = (seq: number, target: string, leaderId: number, unitId: number, coUnit?: number) =>
    insertTask(db, { planId, seq, themeId: theme, target, leaderId, unitId, coUnitId: coUnit });
  const tasks = {
    gdp: await task(1, '地区生产总值增长力争6%（确保5.5%）', leaders.tao, units.fagai),
    school: await task(2, '新增中小学学位5000个', leaders.xu, units.jianshe),
    road: await task(3, '完成道路建设20公里', leaders.xu, units.jianshe, units.fagai),
  };
  const period = async (label: string, start: string, end: string, due: string, state: 'open' | 'closed') =>
    (
      await db
        .insertInto('periods')
        .values({ plan_id: planId, label, start_date: start, end_date: end, due_date: due, state, created_at: t })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const periods = {
    q3: await period('2023Q3', '2023-07-01', '2023-09-30', '2023-10-10', 'closed'),
    q4: await period('2023Q4', '2023-10-01', '2023-12-31', opts.q4Due ?? '2099-01-10', 'open'),
  };
  const report = async (taskId: number, periodId: number, text = '', status = 'no_report') =>
    (
      await db
        .insertInto('reports')
        .values({
          task_id: taskId,
          period_id: periodId,
          state: 'draft',
          text,
          version: 1,
          author_id: null,
          machine_status: status,
          status,
          reason: '',
          assessment: JSON.stringify({ indicators: [], status, reason: '' }),
          override_status: null,
          override_reason: null,
          override_by: null,
          override_at: null,
          review_comment: null,
          reviewed_by: null,
          reviewed_at: null,
          submitted_at: null,
          created_at: t,
          updated_at: t,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const reports = {
    gdpQ4: await report(tasks.gdp, periods.q4),
    schoolQ4: await report(tasks.school, periods.q4),
    roadQ4: await report(tasks.road, periods.q4),
    gdpQ3: await report(tasks.gdp, periods.q3, '三季度地区生产总值增长4%。', 'behind'),
  };
  const hash = await hashPassword(PASSWORD);
  const user = async (
    username: string,
    role: 'admin' | 'unit' | 'leader' | 'viewer',
    unitId: number | null = null,
    leaderId: number | null = null,
  ) =>
    (
      await db
        .insertInto('users')
        .values({
          username,
          display_name: username,
          password_hash: hash,
          role,
          unit_id: unitId,
          leader_id: leaderId,
          disabled: 0,
          created_at: t,
          updated_at: t,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const users = {
    admin: await user('admin', 'admin'),
    unit: await user('fagai', 'unit', units.fagai),
    otherUnit: await user('jianshe', 'unit', units.jianshe),
    leader: await user('taofeng', 'leader', null, leaders.tao),
    viewer: await user('viewer', 'viewer'),
  };
  return { planId, units, leaders, tasks, periods, reports, users };
}

export async function testApp(store: Store, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = await buildApp(store, { webRoot: null, ...options });
  await app.ready();
  return app;
}

/** A logged-in client: inject with its cookie and CSRF token already set. */
export interface Client {
  username: string;
  csrf: string;
  cookie: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'duban_session')!;
  const csrf = res.json().csrfToken as string;
  return {
    username,
    csrf,
    cookie: cookie.value,
    request: (opts) =>
      app.inject({
        ...opts,
        cookies: { duban_session: cookie.value, ...(opts.cookies ?? {}) },
        headers: { 'x-csrf-token': csrf, ...(opts.headers ?? {}) },
      }),
  };
}

/** A multipart/form-data body with one `file` part, for inject. */
export function multipart(
  fileName: string,
  content: Buffer | string,
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----duban${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
  );
  parts.push(Buffer.isBuffer(content) ? content : Buffer.from(content));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The smallest bytes that pass as a PDF. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
