// Machine-facing parts: notification channels delivered to a local receiver (generic webhook,
// DingTalk and WeCom robot formats) with a retry after a failure and the delivery log; API tokens
// scoped like a user of their role and revocable; import preview (nothing stored) then confirm.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { deliverDue } from '../../src/server/notify/worker.js';
import { describeEachStore } from '../helpers/stores.js';
import { login, multipart, seed, testApp, type Client, type Seed } from './helpers.js';

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

describeEachStore('integrations API', (ctx) => {
  let app: FastifyInstance;
  let s: Seed;
  let admin: Client;
  let receiver: Server;
  let base: string;
  const received: Received[] = [];
  let failNext = 0;

  beforeAll(async () => {
    s = await seed(ctx.store, { q4Due: '2023-01-10' });
    app = await testApp(ctx.store);
    admin = await login(app, 'admin');
    receiver = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        if (failNext > 0) {
          failNext--;
          res.writeHead(500).end('busy');
          return;
        }
        received.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(data) });
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(req.url?.startsWith('/robot') ? '{"errcode":0,"errmsg":"ok"}' : '{}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((r) => receiver?.close(r));
  });

  it('delivers a reminder in the generic, DingTalk and WeCom formats, retries a failure, logs every delivery', async () => {
    const make = async (payload: object) =>
      (await admin.request({ method: 'POST', url: '/api/channels', payload })).json();
    const hook = await make({
      name: '督查系统',
      kind: 'webhook',
      url: `${base}/hook`,
      secret: 'hook-secret',
      events: ['reminder', 'report.returned'],
    });
    const ding = await make({
      name: '钉钉督查群',
      kind: 'dingtalk',
      url: `${base}/robot/ding?access_token=abc`,
      secret: 'SECding',
      events: ['reminder'],
    });
    const wecom = await make({
      name: '企业微信群',
      kind: 'wecom',
      url: `${base}/robot/wecom?key=k1`,
      events: ['reminder'],
    });
    expect(hook.hasSecret).toBe(true);
    expect(hook.secret).toBeUndefined();
    await make({ name: '停用的', kind: 'webhook', url: `${base}/off`, events: ['reminder'], enabled: false });

    failNext = 1; // the first attempt of the first delivery fails
    const sent = await admin.request({
      method: 'POST',
      url: '/api/reminders',
      payload: { taskId: s.tasks.school, periodId: s.periods.q4, message: '请尽快报送学位建设进展' },
    });
    expect(sent.statusCode).toBe(200);
    expect(await deliverDue(ctx.store, { retryBaseMs: 0 })).toBe(3);
    expect(received).toHaveLength(2);
    // The failed one is retried on the next pass (retry delay 0 here).
    expect(await deliverDue(ctx.store, { retryBaseMs: 0 })).toBe(1);
    expect(received).toHaveLength(3);
    expect(await deliverDue(ctx.store, { retryBaseMs: 0 })).toBe(0);

    const generic = received.find((r) => r.path === '/hook')!;
    expect(generic.body).toMatchObject({
      event: 'reminder',
      title: '催办',
      data: { taskId: s.tasks.school, unit: { name: '区建设局' }, count: 1 },
    });
    expect(generic.body.text).toContain('请尽快报送学位建设进展');
    const raw = JSON.stringify(generic.body);
    expect(generic.headers['x-duban-signature']).toBe(
      `sha256=${createHmac('sha256', 'hook-secret').update(raw).digest('hex')}`,
    );
    const dingtalk = received.find((r) => r.path.startsWith('/robot/ding'))!;
    expect(dingtalk.body).toMatchObject({
      msgtype: 'markdown',
      markdown: { title: '催办', text: expect.stringContaining('区建设局') },
    });
    const url = new URL(dingtalk.path, base);
    const ts = url.searchParams.get('timestamp')!;
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('sign')).toBe(
      createHmac('sha256', 'SECding').update(`${ts}\nSECding`).digest('base64'),
    );
    const wx = received.find((r) => r.path.startsWith('/robot/wecom'))!;
    expect(wx.body).toEqual({
      msgtype: 'markdown',
      markdown: { content: expect.stringContaining('请尽快报送学位建设进展') },
    });

    const log = (await admin.request({ method: 'GET', url: '/api/deliveries' })).json();
    expect(log).toHaveLength(3);
    expect(log.every((d: { state: string }) => d.state === 'delivered')).toBe(true);
    const retried = log.find((d: { attempts: number }) => d.attempts === 2);
    expect(retried).toBeDefined();
    expect(retried.lastError).toBeNull();
    const wecomLog = (await admin.request({ method: 'GET', url: `/api/deliveries?channelId=${wecom.id}` })).json();
    expect(wecomLog).toHaveLength(1);
    void ding;
  });

  it('gives up after the last attempt and records the error', async () => {
    const bad = (
      await admin.request({
        method: 'POST',
        url: '/api/channels',
        payload: { name: '坏地址', kind: 'webhook', url: 'http://127.0.0.1:9/nothing', events: ['report.approved'] },
      })
    ).json();
    const r = s.reports.gdpQ4;
    const v = (await ctx.store.db.selectFrom('reports').select('version').where('id', '=', r).executeTakeFirstOrThrow())
      .version;
    await ctx.store.db.updateTable('periods').set({ due_date: '2099-01-10' }).where('id', '=', s.periods.q4).execute();
    const unit = await login(app, 'fagai');
    await unit.request({ method: 'PUT', url: `/api/reports/${r}`, payload: { text: '1-11月增长5.9%。', version: v } });
    await unit.request({ method: 'POST', url: `/api/reports/${r}/submit`, payload: { version: v + 1 } });
    expect((await admin.request({ method: 'POST', url: `/api/reports/${r}/approve`, payload: {} })).statusCode).toBe(
      200,
    );
    for (let i = 0; i < 3; i++) await deliverDue(ctx.store, { retryBaseMs: 0, maxAttempts: 3, timeoutMs: 2000 });
    const [d] = (await admin.request({ method: 'GET', url: `/api/deliveries?channelId=${bad.id}` })).json();
    expect(d).toMatchObject({ state: 'failed', attempts: 3, event: 'report.approved' });
    expect(d.lastError).toBeTruthy();
  });

  it('lets an API token act like a user of its role and scope, without CSRF, until revoked', async () => {
    const created = (
      await admin.request({
        method: 'POST',
        url: '/api/tokens',
        payload: { name: '区统计局推送', role: 'unit', unitId: s.units.jianshe },
      })
    ).json();
    expect(created.token).toMatch(/^dbt_/);
    const stored = await ctx.store.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toBe(created.token);
    expect(
      (await admin.request({ method: 'GET', url: '/api/tokens' }))
        .json()
        .find((t: { id: number }) => t.id === created.id).token,
    ).toBeUndefined();
    const bearer = { authorization: `Bearer ${created.token}` };
    const version = (
      await ctx.store.db
        .selectFrom('reports')
        .select('version')
        .where('id', '=', s.reports.schoolQ4)
        .executeTakeFirstOrThrow()
    ).version;
    const own = await app.inject({
      method: 'PUT',
      url: `/api/reports/${s.reports.schoolQ4}`,
      headers: bearer,
      payload: { text: '截至11月底新增中小学学位5200个。', version },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().authorName).toBeNull();
    const other = await app.inject({ method: 'GET', url: `/api/reports/${s.reports.gdpQ4}`, headers: bearer });
    expect(other.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/users', headers: bearer })).statusCode).toBe(403);
    const audit = (
      await admin.request({ method: 'GET', url: `/api/audit?entity=report&entityId=${s.reports.schoolQ4}` })
    ).json();
    expect(audit.items[0].actorName).toBe('token:区统计局推送');
    expect((await admin.request({ method: 'DELETE', url: `/api/tokens/${created.id}` })).json().revokedAt).toEqual(
      expect.any(String),
    );
    const after = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/api/plans', headers: { authorization: 'Bearer dbt_forged' } }))
        .statusCode,
    ).toBe(401);
  });

  it('previews an uploaded table without storing anything, then imports it on confirm', async () => {
    const bytes = readFileSync(new URL('../fixtures/qiantang-2023-q4.txt', import.meta.url));
    const plansBefore = (await admin.request({ method: 'GET', url: '/api/plans' })).json().length;
    const auditBefore = (await admin.request({ method: 'GET', url: '/api/audit' })).json().total;
    const up = multipart('qiantang-2023-q4.txt', bytes);
    const preview = await admin.request({
      method: 'POST',
      url: '/api/imports/preview',
      payload: up.payload,
      headers: up.headers,
    });
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.table.tasks.length).toBeGreaterThan(50);
    expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(p.suggested).toMatchObject({ region: '钱塘区', year: 2023, period: '2023Q4' });
    expect((await admin.request({ method: 'GET', url: '/api/plans' })).json().length).toBe(plansBefore);
    expect((await admin.request({ method: 'GET', url: '/api/audit' })).json().total).toBe(auditBefore);

    const tasks = p.table.tasks;
    tasks[0].progress = '全年地区生产总值增长6.1%。'; // edited in the preview
    const confirm = await admin.request({
      method: 'POST',
      url: '/api/imports/confirm',
      payload: {
        fileName: p.fileName,
        sha256: p.sha256,
        planTitle: `${p.suggested.planTitle}（导入测试）`,
        region: p.suggested.region,
        year: p.suggested.year,
        period: p.suggested.period,
        tasks,
      },
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json()).toMatchObject({ created: tasks.length, periodLabel: '2023Q4' });
    const planId = confirm.json().planId;
    const list = (await admin.request({ method: 'GET', url: `/api/tasks?planId=${planId}&pageSize=1` })).json();
    expect(list.total).toBe(tasks.length);
    expect(list.items[0].report.text).toBe('全年地区生产总值增长6.1%。');

    const junk = multipart('notes.txt', 'just a note without any table');
    const bad = await admin.request({
      method: 'POST',
      url: '/api/imports/preview',
      payload: junk.payload,
      headers: junk.headers,
    });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    expect(bad.json().error.code).toEqual(expect.any(String));
  });
});
