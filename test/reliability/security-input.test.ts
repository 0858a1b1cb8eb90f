// Hostile input through the HTTP API, on SQLite and PostgreSQL: SQL-injection strings in every text
// field and every text filter (stored and returned verbatim, no error, nothing dropped), oversized
// bodies and uploads (413 JSON), malformed bodies, wrong types, prototype-pollution keys, deep
// nesting and absurd paging (400 JSON) — never a 500, never a stack trace.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from '../helpers/stores.js';
import { login, multipart, seed, testApp, TINY_PDF, type Client, type Seed } from '../server/helpers.js';

export const INJECTIONS = [
  "'; drop table tasks;--",
  '1 or 1=1',
  "%' OR '1'='1",
  '"; DELETE FROM reports; --',
  "' UNION SELECT password_hash, username FROM users --",
  "\\'; truncate audit_log; --",
  '_',
  '%',
  "Robert'); DROP TABLE users;--",
  '$1 $2 ?',
];

const clean = (res: LightMyRequestResponse, label: string) => {
  expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  expect(res.body, label).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+:\d+|SQLITE_|syntax error/i);
  expect(res.headers['content-type'] ?? '', label).toMatch(/json/);
};

describeEachStore('security: hostile input', (ctx) => {
  let app: FastifyInstance;
  let s: Seed;
  let admin: Client;
  let unit: Client;
  beforeAll(async () => {
    s = await seed(ctx.store);
    app = await testApp(ctx.store, { importLimit: 1024 * 1024 });
    admin = await login(app, 'admin');
    unit = await login(app, 'fagai');
  });
  afterAll(async () => app?.close());

  const count = async (t: 'tasks' | 'reports' | 'users' | 'audit_log' | 'units') =>
    Number(
      (
        await ctx.store.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const version = async (id: number) =>
    (await ctx.store.db.selectFrom('reports').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const call = async (c: Client, opts: InjectOptions, label: string) => {
    const res = await c.request(opts);
    clean(res, label);
    expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json();
  };

  it('stores and returns SQL-injection strings verbatim in every text field', async () => {
    const before = { tasks: await count('tasks'), reports: await count('reports'), users: await count('users') };
    for (const [i, inj] of INJECTIONS.entries()) {
      const text = `1-11月增长5%。${inj}`;
      const saved = await call(
        unit,
        {
          method: 'PUT',
          url: `/api/reports/${s.reports.gdpQ4}`,
          payload: { text, version: await version(s.reports.gdpQ4) },
        },
        `report text ${inj}`,
      );
      expect(saved.text).toBe(text);
      expect((await call(unit, { method: 'GET', url: `/api/reports/${s.reports.gdpQ4}` }, 'report')).text).toBe(text);
      const comment = await call(
        unit,
        { method: 'POST', url: `/api/reports/${s.reports.gdpQ4}/comments`, payload: { body: inj } },
        `comment ${inj}`,
      );
      expect(comment.body).toBe(inj);
      const overridden = await call(
        admin,
        {
          method: 'POST',
          url: `/api/reports/${s.reports.roadQ4}/override`,
          payload: { status: 'behind', reason: inj },
        },
        `override ${inj}`,
      );
      expect(overridden.override.reason).toBe(inj);
      const unitRow = await call(
        admin,
        { method: 'POST', url: '/api/units', payload: { name: `单位${i}${inj}` } },
        `unit ${inj}`,
      );
      expect(unitRow.name).toBe(`单位${i}${inj}`);
      const leader = await call(
        admin,
        { method: 'POST', url: '/api/leaders', payload: { name: `领导${i}${inj}`, title: inj } },
        `leader ${inj}`,
      );
      expect(leader.name).toBe(`领导${i}${inj}`);
      const user = await call(
        admin,
        {
          method: 'POST',
          url: '/api/users',
          payload: { username: `inj${i}`, displayName: inj, role: 'viewer', password: 'inj-password-123' },
        },
        `user ${inj}`,
      );
      expect(user.displayName).toBe(inj);
      const ext = await call(
        unit,
        {
          method: 'POST',
          url: '/api/extensions',
          payload: { taskId: s.tasks.gdp, periodId: s.periods.q4, reason: inj, requestedDue: '2099-03-31' },
        },
        `extension ${inj}`,
      );
      expect(ext.reason).toBe(inj);
      const decided = await call(
        admin,
        { method: 'POST', url: `/api/extensions/${ext.id}/decide`, payload: { approve: false, comment: inj } },
        `extension decision ${inj}`,
      );
      expect(decided.decisionComment).toBe(inj);
      const reminder = await call(
        admin,
        {
          method: 'POST',
          url: '/api/reminders',
          payload: { taskId: s.tasks.gdp, periodId: s.periods.q4, message: inj },
        },
        `reminder ${inj}`,
      );
      expect(JSON.stringify(reminder)).toContain(JSON.stringify(inj).slice(1, -1));
    }
    const units = (await call(admin, { method: 'GET', url: '/api/units' }, 'units')) as { name: string }[];
    for (const [i, inj] of INJECTIONS.entries()) expect(units.map((u) => u.name)).toContain(`单位${i}${inj}`);
    const task = await call(admin, { method: 'GET', url: `/api/tasks/${s.tasks.gdp}` }, 'task detail');
    for (const inj of INJECTIONS) expect(JSON.stringify(task.comments)).toContain(JSON.stringify(inj).slice(1, -1));
    // Nothing dropped, nothing multiplied.
    expect(await count('tasks')).toBe(before.tasks);
    expect(await count('reports')).toBe(before.reports);
    expect(await count('users')).toBe(before.users + INJECTIONS.length);
  });

  it('imports a table whose every cell is an injection string, verbatim', async () => {
    const inj = INJECTIONS;
    const tasks = inj.map((x, i) => ({
      seq: i + 1,
      theme: x,
      category: null,
      target: `目标${x}`,
      leaders: [`领导甲${i}`],
      units: [`单位甲${i}${x}`],
      progress: x,
    }));
    const summary = await call(
      admin,
      {
        method: 'POST',
        url: '/api/imports/confirm',
        payload: {
          fileName: `${inj[0]}.xlsx`,
          sha256: 'a'.repeat(64),
          planTitle: `计划${inj[0]}`,
          region: inj[2],
          year: 2024,
          period: '2024Q1',
          tasks,
        },
      },
      'import confirm',
    );
    const list = await call(
      admin,
      { method: 'GET', url: `/api/tasks?planId=${summary.planId}&periodId=${summary.periodId}&pageSize=200` },
      'task list',
    );
    expect(list.total).toBe(inj.length);
    const bySeq = new Map(
      (
        list.items as {
          seq: number;
          target: string;
          theme: string;
          units: { name: string }[];
          report: { text: string };
        }[]
      ).map((t) => [t.seq, t]),
    );
    for (const [i, x] of inj.entries()) {
      const t = bySeq.get(i + 1)!;
      expect(t.target).toBe(`目标${x}`);
      expect(t.theme).toBe(x);
      expect(t.units.map((u) => u.name)).toEqual([`单位甲${i}${x}`]);
      expect(t.report.text).toBe(x.trim());
    }
    const plans = (await call(admin, { method: 'GET', url: '/api/plans' }, 'plans')) as {
      title: string;
      region: string;
    }[];
    expect(plans.some((p) => p.title === `计划${inj[0]}` && p.region === inj[2])).toBe(true);
  });

  it('answers every text filter holding an injection string without error, matching it literally', async () => {
    const tasksBefore = await count('tasks');
    for (const inj of INJECTIONS) {
      const q = encodeURIComponent(inj);
      const list = await call(admin, { method: 'GET', url: `/api/tasks?planId=${s.planId}&q=${q}` }, `tasks q=${inj}`);
      // q is a word search, so a hit need not contain the whole string; but every hit must share
      // a character with it: no LIKE wildcard or OR 1=1 widening the result to unrelated tasks.
      const chars = [...inj].filter((c) => /[\p{L}\p{N}_%]/u.test(c));
      for (const t of list.items as { target: string; report: { text: string } | null }[]) {
        const text = `${t.target}\n${t.report?.text ?? ''}`;
        expect(
          chars.some((c) => text.includes(c)),
          `tasks q=${inj} matched ${text.slice(0, 80)}`,
        ).toBe(true);
      }
      const found = await call(
        admin,
        { method: 'GET', url: `/api/search?planId=${s.planId}&q=${q}` },
        `search q=${inj}`,
      );
      expect(Array.isArray(found.items)).toBe(true);
      // Filters with a length limit may refuse a long string (400 validation); none may fail.
      const audit = await admin.request({
        method: 'GET',
        url: `/api/audit?entity=${q}&action=${q}&entityId=${q}&from=${q}&to=${q}`,
      });
      clean(audit, `audit ${inj}`);
      if (audit.statusCode !== 200) expect([audit.statusCode, audit.json().error.code]).toEqual([400, 'validation']);
      else expect(audit.json().items).toEqual([]);
      const diff = await admin.request({ method: 'GET', url: `/api/diff?planId=${s.planId}&from=${q}&to=${q}` });
      clean(diff, `diff ${inj}`);
    }
    expect(await count('tasks')).toBe(tasksBefore);
  });

  it('answers oversized bodies and uploads with 413 JSON', async () => {
    const big = { text: '进展'.repeat(600_000), version: 1 }; // ~3.6 MB of JSON, over the 1 MiB limit
    const res = await unit.request({ method: 'PUT', url: `/api/reports/${s.reports.gdpQ4}`, payload: big });
    clean(res, 'big JSON');
    expect([res.statusCode, res.json().error.code]).toEqual([413, 'too_large']);

    const evidence = multipart('大文件.pdf', Buffer.concat([TINY_PDF, Buffer.alloc(11 * 1024 * 1024)]));
    const up = await admin.request({
      method: 'POST',
      url: `/api/reports/${s.reports.gdpQ4}/attachments`,
      payload: evidence.payload,
      headers: evidence.headers,
    });
    clean(up, 'big attachment');
    expect([up.statusCode, up.json().error.code]).toEqual([413, 'too_large']);

    const table = multipart(
      '大表.txt',
      `序号\t具体目标任务\t牵头单位\t进展情况\n${'1\t新增学位\t区教育局\t已完成\n'.repeat(60_000)}`,
    );
    const imp = await admin.request({
      method: 'POST',
      url: '/api/imports/preview',
      payload: table.payload,
      headers: table.headers,
    });
    clean(imp, 'big import');
    expect([imp.statusCode, imp.json().error.code]).toEqual([413, 'too_large']);
  });

  it('answers malformed, mistyped and hostile bodies with 400 JSON', async () => {
    const url = `/api/reports/${s.reports.gdpQ4}`;
    const cases: [string, InjectOptions][] = [
      [
        'truncated JSON',
        { method: 'PUT', url, payload: '{"text": "增长', headers: { 'content-type': 'application/json' } },
      ],
      [
        'not JSON',
        { method: 'PUT', url, payload: 'text=hello&version=1', headers: { 'content-type': 'application/json' } },
      ],
      ['empty JSON body', { method: 'PUT', url, payload: '', headers: { 'content-type': 'application/json' } }],
      [
        'invalid UTF-8',
        {
          method: 'PUT',
          url,
          payload: Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
          headers: { 'content-type': 'application/json' },
        },
      ],
      [
        'deeply nested',
        {
          method: 'PUT',
          url,
          payload: `{"text":${'['.repeat(50_000)}${']'.repeat(50_000)},"version":1}`,
          headers: { 'content-type': 'application/json' },
        },
      ],
      ['wrong types', { method: 'PUT', url, payload: { text: ['a'], version: 'one' } }],
      ['extra field', { method: 'PUT', url, payload: { text: 'a', version: 1, state: 'approved' } }],
      [
        '__proto__ key',
        {
          method: 'PUT',
          url,
          payload: '{"text":"a","version":1,"__proto__":{"role":"admin"}}',
          headers: { 'content-type': 'application/json' },
        },
      ],
      [
        'constructor key',
        {
          method: 'PUT',
          url,
          payload: '{"text":"a","version":1,"constructor":{"prototype":{"role":"admin"}}}',
          headers: { 'content-type': 'application/json' },
        },
      ],
      ['negative version', { method: 'PUT', url, payload: { text: 'a', version: -1 } }],
      ['absurd page size', { method: 'GET', url: `/api/tasks?planId=${s.planId}&pageSize=1000000` }],
      ['absurd page', { method: 'GET', url: `/api/tasks?planId=${s.planId}&page=-5` }],
      ['array for a scalar', { method: 'GET', url: `/api/tasks?planId=${s.planId}&planId=2&q=a&q=b` }],
      [
        'multipart without boundary',
        {
          method: 'POST',
          url: `/api/reports/${s.reports.gdpQ4}/attachments`,
          payload: 'x',
          headers: { 'content-type': 'multipart/form-data' },
        },
      ],
      [
        'multipart without file',
        {
          method: 'POST',
          url: `/api/reports/${s.reports.gdpQ4}/attachments`,
          payload: '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--\r\n',
          headers: { 'content-type': 'multipart/form-data; boundary=b' },
        },
      ],
    ];
    const textBefore = (
      await ctx.store.db
        .selectFrom('reports')
        .select('text')
        .where('id', '=', s.reports.gdpQ4)
        .executeTakeFirstOrThrow()
    ).text;
    for (const [label, opts] of cases) {
      const res = await unit.request(opts);
      clean(res, label);
      expect(res.statusCode, `${label}: ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(res.json().error.code, label).toMatch(/^(bad_request|validation|unsupported_format|too_large|conflict)$/);
    }
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect(
      (
        await ctx.store.db
          .selectFrom('reports')
          .select('text')
          .where('id', '=', s.reports.gdpQ4)
          .executeTakeFirstOrThrow()
      ).text,
    ).toBe(textBefore);
    // Wrong content types for JSON routes.
    const plain = await unit.request({
      method: 'PUT',
      url,
      payload: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    clean(plain, 'text/plain');
    expect([400, 415]).toContain(plain.statusCode);
  });

  it('assesses the largest text the assess endpoint accepts in bounded time', async () => {
    const target = '新增光伏并网装机4万千瓦，'.repeat(384); // 5 000 characters, the limit
    const progress = '已新增光伏并网装机3.2万千瓦，'.repeat(1250); // 20 000 characters, the limit
    const t0 = performance.now();
    const res = await admin.request({ method: 'POST', url: '/api/assess', payload: { target, progress } });
    const ms = performance.now() - t0;
    clean(res, 'assess');
    expect(res.statusCode).toBe(200);
    // The event loop is the server's: a request any logged-in user may send must not hold it for long.
    expect(ms).toBeLessThan(5000);
  });
});
