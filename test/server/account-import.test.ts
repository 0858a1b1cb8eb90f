// Accounts from a table (账号导入) through the API: the preview judges every row and stores nothing;
// the confirmation opens the rows still to be created, each with a password shown once that logs in;
// a username taken since the preview is reported, not doubled; only the office may do any of it.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from '../helpers/stores.js';
import { login, multipart, seed, testApp, type Client } from './helpers.js';

const TABLE = [
  '用户名,姓名,角色,单位,领导',
  'jianshe01,李敏,单位,区建设局,',
  'fagai,,单位,区发展改革局,',
  'wx01,王霞,单位,区教育局,',
  'zhang,张伟,科长,,',
  'jianshe01,赵强,单位,区建设局,',
  'taofeng2,陶峰,领导,,',
  'rd01,人大联络员,查看,,',
].join('\n');

describeEachStore('accounts from a table', (ctx) => {
  let app: FastifyInstance;
  let admin: Client;

  beforeAll(async () => {
    const s = await seed(ctx.store);
    // 区发展改革委 is another spelling of 区发展改革局, kept when the two were merged.
    await ctx.store.db
      .insertInto('unit_aliases')
      .values({ name: '区发展改革委', unit_id: s.units.fagai, created_at: new Date().toISOString() })
      .execute();
    app = await testApp(ctx.store);
    admin = await login(app, 'admin');
  });
  afterAll(async () => app?.close());

  const preview = (fileName: string, content: Buffer | string, client = admin) => {
    const m = multipart(fileName, content);
    return client.request({
      method: 'POST',
      url: '/api/accounts/import/preview',
      payload: m.payload,
      headers: m.headers,
    });
  };
  const userCount = async () => (await ctx.store.db.selectFrom('users').select('id').execute()).length;

  it('previews each row with its result and a Chinese reason, storing nothing', async () => {
    const before = await userCount();
    const res = await preview('账号.csv', TABLE);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ create: 3, exists: 1, error: 3 });
    expect(
      body.rows.map((r: { line: number; result: string; reason: string | null }) => [r.line, r.result, r.reason]),
    ).toEqual([
      [2, 'create', null],
      [3, 'exists', '账号已存在，未改动'],
      [4, 'error', '系统中没有单位「区教育局」'],
      [5, 'error', '无法识别的角色「科长」（应为 管理员、单位、领导 或 查看）'],
      [6, 'error', '用户名与第 2 行重复'],
      [7, 'create', null],
      [8, 'create', null],
    ]);
    expect(body.records).toHaveLength(7);
    expect(await userCount()).toBe(before);
  });

  it('opens the new accounts at once, with passwords that log in, shown only in this answer', async () => {
    const { records } = (await preview('账号.csv', TABLE)).json();
    const res = await admin.request({ method: 'POST', url: '/api/accounts/import', payload: { accounts: records } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.created.map((c: { username: string }) => c.username)).toEqual(['jianshe01', 'taofeng2', 'rd01']);
    expect(body.skipped.map((s: { line: number }) => s.line)).toEqual([3, 4, 5, 6]);
    const jianshe = body.created[0];
    expect(jianshe).toMatchObject({ role: 'unit', unit: { name: '区建设局' }, displayName: '李敏' });
    expect(jianshe.password).toMatch(/^[a-zA-Z2-9]{12}$/);
    const unit = await login(app, 'jianshe01', jianshe.password);
    const me = (await unit.request({ method: 'GET', url: '/api/auth/me' })).json();
    expect(JSON.stringify(me)).toContain('区建设局');
    const leader = await login(app, 'taofeng2', body.created[1].password);
    expect(JSON.stringify((await leader.request({ method: 'GET', url: '/api/auth/me' })).json())).toContain('陶峰');
    // The passwords are not kept: the account list and the audit log hold no trace of them.
    const audit = await ctx.store.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', 'like', 'user.%')
      .execute();
    expect(JSON.stringify(audit)).not.toContain(jianshe.password);
    expect(audit.some((a) => a.after?.includes('"created":["jianshe01","taofeng2","rd01"]'))).toBe(true);
    // The same table again creates nothing.
    const again = (
      await admin.request({ method: 'POST', url: '/api/accounts/import', payload: { accounts: records } })
    ).json();
    expect(again.created).toEqual([]);
    expect(again.counts).toEqual({ create: 0, exists: 4, error: 3 });
  });

  it('reports a username taken between the preview and the confirmation instead of doubling it', async () => {
    const table = '用户名,角色,单位\njs05,单位,区建设局\njs06,单位,区建设局\n,,\n';
    const { records, counts } = (await preview('账号.txt', table)).json();
    expect(counts.create).toBe(2);
    const taken = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'js06', role: 'viewer', password: 'duban-test-456' },
    });
    expect(taken.statusCode).toBe(200);
    const body = (
      await admin.request({ method: 'POST', url: '/api/accounts/import', payload: { accounts: records } })
    ).json();
    expect(body.created.map((c: { username: string }) => c.username)).toEqual(['js05']);
    expect(body.skipped).toMatchObject([{ username: 'js06', result: 'exists' }]);
  });

  it('reads an .xlsx with the columns in another order', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sheet1');
    sheet.addRow(['钱塘区督办系统账号表']);
    sheet.addRow(['单位', '姓名', '用户名']);
    sheet.addRow(['区发展改革委', '周丽', 'fgw09']);
    const res = await preview('账号.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(200);
    // No role column: a row naming a unit is a unit account; the unit may be named by an alias too.
    expect(res.json().rows).toMatchObject([
      { line: 3, username: 'fgw09', role: 'unit', unit: { name: '区发展改革局' }, result: 'create' },
    ]);
  });

  it('refuses a table without 用户名, or a file of another kind, in Chinese', async () => {
    const noHeader = await preview('名单.csv', '单位,姓名,电话\n区建设局,李敏,123\n区建设局,赵强,456\n');
    expect(noHeader.statusCode).toBe(422);
    expect(noHeader.json().error.message).toContain('用户名');
    const xls = await preview(
      '账号.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]),
    );
    expect(xls.statusCode).toBe(422);
    expect(xls.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    const empty = await admin.request({ method: 'POST', url: '/api/accounts/import', payload: { accounts: [] } });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.message).toBe('表格中没有账号行');
  });

  it('is the office’s alone', async () => {
    const unit = await login(app, 'fagai');
    expect((await preview('账号.csv', TABLE, unit)).statusCode).toBe(403);
    const res = await unit.request({
      method: 'POST',
      url: '/api/accounts/import',
      payload: { accounts: [{ line: 2, username: 'sneaky', role: '管理员' }] },
    });
    expect(res.statusCode).toBe(403);
    const leader = await login(app, 'taofeng');
    expect((await preview('账号.csv', TABLE, leader)).statusCode).toBe(403);
    expect(
      await ctx.store.db.selectFrom('users').select('id').where('username', '=', 'sneaky').executeTakeFirst(),
    ).toBeUndefined();
  });
});
