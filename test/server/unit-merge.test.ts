// 系统管理 → 单位 → 合并: the office merges 区发展改革局 into 区发展改革委; the unit's people keep
// their tasks under the kept name, and the next table naming 区发展改革局 is no longer questioned.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from '../helpers/stores.js';
import { login, multipart, seed, testApp, type Client, type Seed } from './helpers.js';

const NEXT_TABLE = [
  '2024年钱塘区政府工作报告重点工作任务一季度进展情况表',
  '序号\t重点工作任务\t具体目标任务\t牵头区领导\t牵头单位\t进展情况',
  '1\t主要经济指标\t地区生产总值增长6%\t陶峰\t区发展改革局\t一季度增长5.1%。',
  '2\t城市建设\t完成道路建设20公里\t徐进\t区建设局\t完成道路建设5公里。',
].join('\n');

describeEachStore('merging units through the API', (ctx) => {
  let app: FastifyInstance;
  let s: Seed;
  let admin: Client;
  let unit: Client;
  let keepId: number;
  beforeAll(async () => {
    s = await seed(ctx.store); // 区发展改革局 (account fagai) leads the GDP task
    app = await testApp(ctx.store);
    admin = await login(app, 'admin');
    unit = await login(app, 'fagai');
    const created = await admin.request({ method: 'POST', url: '/api/units', payload: { name: '区发展改革委' } });
    expect(created.statusCode).toBe(200);
    keepId = created.json().id;
  });
  afterAll(async () => app?.close());

  it('refuses a unit account, a merge into itself and an unknown unit', async () => {
    const merge = (c: Client, mergeIds: number[]) =>
      c.request({ method: 'POST', url: `/api/units/${keepId}/merge`, payload: { mergeIds } });
    expect((await merge(unit, [s.units.fagai])).statusCode).toBe(403);
    const self = await merge(admin, [keepId]);
    expect(self.statusCode).toBe(422);
    expect(self.json().error.message).toContain('合并');
    expect((await merge(admin, [999999])).statusCode).toBe(404);
    expect((await merge(admin, [])).statusCode).toBe(400); // the body schema wants at least one
  });

  it('merges, and the unit account, its tasks and the next import follow the kept unit', async () => {
    const res = await admin.request({
      method: 'POST',
      url: `/api/units/${keepId}/merge`,
      payload: { mergeIds: [s.units.fagai] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ unit: { id: keepId, name: '区发展改革委' }, aliases: ['区发展改革局'] });

    const units = (await admin.request({ method: 'GET', url: '/api/units' })).json() as { name: string }[];
    expect(units.map((u) => u.name)).not.toContain('区发展改革局');

    // The logged-in unit account now belongs to the kept unit and still sees the GDP task.
    const me = (await unit.request({ method: 'GET', url: '/api/auth/me' })).json();
    expect(me.user.unit).toMatchObject({ id: keepId, name: '区发展改革委' });
    const task = await unit.request({ method: 'GET', url: `/api/tasks/${s.tasks.gdp}` });
    expect(task.statusCode).toBe(200);
    expect(task.json().task.units).toEqual([{ id: keepId, name: '区发展改革委' }]);

    // A table that still says 区发展改革局: an alias, not a spelling to ask about.
    const preview = await admin.request({
      method: 'POST',
      url: '/api/imports/preview',
      ...multipart('2024q1.txt', NEXT_TABLE),
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().similarUnits).toEqual([]);

    // The audit log records the merge and the names merged.
    const log = await admin.request({ method: 'GET', url: '/api/audit?action=unit.merge' });
    expect(log.statusCode).toBe(200);
    expect(JSON.stringify(log.json())).toContain('区发展改革局');
  });
});
