// The import preview names units that may be one unit spelt two ways — within the table, or
// against the units duban already has — so the office makes the names agree before importing.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from '../helpers/stores.js';
import { login, multipart, seed, testApp, type Client } from './helpers.js';

const TABLE = [
  '2024年钱塘区政府工作报告重点工作任务一季度进展情况表',
  '序号\t重点工作任务\t具体目标任务\t牵头区领导\t牵头单位\t进展情况',
  '1\t主要经济指标\t地区生产总值增长6%\t陶峰\t区发展改革委\t一季度增长5.1%。',
  '2\t营商环境\t新增市场主体1万户\t徐进\t区市场监督管理局\t新增市场主体2600户。',
  '3\t营商环境\t食品安全抽检合格率98%以上\t徐进\t区市场监管局\t抽检合格率98.6%。',
  '4\t城市建设\t完成道路建设20公里\t徐进\t区建设局\t完成道路建设5公里。',
].join('\n');

describeEachStore('units spelt two ways at import', (ctx) => {
  let app: FastifyInstance;
  let admin: Client;
  beforeAll(async () => {
    await seed(ctx.store); // already has 区发展改革局 and 区建设局
    app = await testApp(ctx.store);
    admin = await login(app, 'admin');
  });
  afterAll(async () => app?.close());

  it('offers the names that may be one unit for the office to confirm', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/imports/preview',
      ...multipart('2024q1.txt', TABLE),
    });
    expect(res.statusCode).toBe(200);
    const groups = (res.json().similarUnits as string[][]).map((g) => [...g].sort());
    expect(groups).toHaveLength(2);
    expect(groups).toContainEqual(['区发展改革委', '区发展改革局'].sort());
    expect(groups).toContainEqual(['区市场监督管理局', '区市场监管局'].sort());
  });

  it('imports a name the office unified with another spelling as that unit, and remembers it', async () => {
    const preview = await admin.request({
      method: 'POST',
      url: '/api/imports/preview',
      ...multipart('2024q1.txt', TABLE),
    });
    const { table, sha256 } = preview.json();
    const unitsBefore = (await admin.request({ method: 'GET', url: '/api/units' })).json().length;
    const confirm = await admin.request({
      method: 'POST',
      url: '/api/imports/confirm',
      payload: {
        fileName: '2024q1.txt',
        sha256,
        planTitle: '2024年钱塘区政府工作报告重点工作任务',
        region: '钱塘区',
        year: 2024,
        period: '2024Q1',
        tasks: table.tasks,
        unitAliases: [
          { name: '区发展改革委', unit: '区发展改革局' },
          { name: '区市场监管局', unit: '区市场监督管理局' },
        ],
      },
    });
    expect(confirm.statusCode).toBe(200);
    const names = (await admin.request({ method: 'GET', url: '/api/units' }))
      .json()
      .map((u: { name: string }) => u.name);
    // Only 区市场监督管理局 is new: 区发展改革委 became 区发展改革局, 区市场监管局 became 区市场监督管理局.
    expect(names.length).toBe(unitsBefore + 1);
    expect(names).not.toContain('区发展改革委');
    expect(names).not.toContain('区市场监管局');
    // A later table spelling them the other way is no longer asked about, and lands on the same units.
    const again = await admin.request({
      method: 'POST',
      url: '/api/imports/preview',
      ...multipart('2024q1.txt', TABLE),
    });
    expect(again.json().similarUnits).toEqual([]);
    const trail = await ctx.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'unit.alias')
      .execute();
    expect(trail).toHaveLength(2);
  });
});
