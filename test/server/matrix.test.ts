// Every route × every role: who may call what, decided on the server. Each row lists the status
// each kind of caller must get; rows run in order (writes change state for later rows), and within
// a row callers run anonymous → viewer → leader → unit → admin.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { requestExtension } from '../../src/store/cycle.js';
import { sendReminder } from '../../src/store/reminders.js';
import { createUnit } from '../../src/store/units.js';
import { SYSTEM_ACTOR } from '../../src/store/audit.js';
import { describeEachStore } from '../helpers/stores.js';
import { PASSWORD, TINY_PDF, login, multipart, seed, testApp, type Client, type Seed } from './helpers.js';

type Who = 'anon' | 'viewer' | 'leader' | 'unit' | 'admin';
const ORDER: Who[] = ['anon', 'viewer', 'leader', 'unit', 'admin'];

interface Row {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: (who: Who) => Promise<unknown> | unknown;
  upload?: { fileName: string; content: Buffer | string };
  /** A route that needs no login (its other spellings may answer too). */
  public?: true;
  /** Expected status per caller; `anon` defaults to 401. */
  expect: Partial<Record<Who, number>> & Record<Exclude<Who, 'anon'>, number>;
}

const all = (status: number) => ({ admin: status, unit: status, leader: status, viewer: status });
const adminOnly = (status = 200) => ({ admin: status, unit: 403, leader: 403, viewer: 403 });

describeEachStore('access matrix', (ctx) => {
  let app: FastifyInstance;
  let s: Seed;
  const clients = {} as Record<Exclude<Who, 'anon'>, Client>;
  let ids: {
    extension: number;
    reminder: number;
    attachment: number;
    newUnit?: number;
    newLeader?: number;
    token?: number;
    channel?: number;
    supervision?: number;
    supervisionEvidence?: number;
    instruction?: number;
    self: Record<Exclude<Who, 'anon'>, number>;
  };

  beforeAll(async () => {
    s = await seed(ctx.store);
    app = await testApp(ctx.store);
    clients.admin = await login(app, 'admin');
    clients.unit = await login(app, 'fagai');
    clients.leader = await login(app, 'taofeng');
    clients.viewer = await login(app, 'viewer');
    const ext = await requestExtension(ctx.store.db, SYSTEM_ACTOR, {
      taskId: s.tasks.school,
      periodId: s.periods.q4,
      unitId: s.units.jianshe,
      reason: '项目审批未完成',
      requestedDue: '2099-02-28',
    });
    const [reminder] = await sendReminder(ctx.store.db, SYSTEM_ACTOR, { taskId: s.tasks.gdp, periodId: s.periods.q4 });
    const up = multipart('证明.pdf', TINY_PDF);
    const att = await clients.admin.request({
      method: 'POST',
      url: `/api/reports/${s.reports.gdpQ4}/attachments`,
      payload: up.payload,
      headers: { ...up.headers },
    });
    expect(att.statusCode).toBe(200);
    ids = {
      extension: ext.id,
      reminder: reminder.id,
      attachment: att.json().id,
      self: { admin: s.users.admin, unit: s.users.unit, leader: s.users.leader, viewer: s.users.viewer },
    };
  });
  afterAll(async () => app?.close());

  const version = async (reportId: number) =>
    (await ctx.store.db.selectFrom('reports').select('version').where('id', '=', reportId).executeTakeFirstOrThrow())
      .version;

  /** The rows, in the order they run; `s` is the seed of the store under test. */
  const rowsOf = (s: Seed): Row[] => {
    const r = s.reports;
    return [
      { name: 'health', method: 'GET', url: '/api/health', public: true, expect: { ...all(200), anon: 200 } },
      {
        name: 'login with a wrong password',
        method: 'POST',
        url: '/api/auth/login',
        public: true,
        body: () => ({ username: 'nobody', password: 'wrong-password' }),
        expect: all(401),
      },
      {
        name: 'sign-in methods',
        method: 'GET',
        url: '/api/auth/methods',
        public: true,
        expect: { ...all(200), anon: 200 },
      },
      {
        name: 'single sign-on start (not configured here)',
        method: 'GET',
        url: '/api/auth/oidc/start',
        public: true,
        expect: { ...all(404), anon: 404 },
      },
      {
        name: 'single sign-on callback (not configured here)',
        method: 'GET',
        url: '/api/auth/oidc/callback?code=x&state=y',
        public: true,
        expect: { ...all(404), anon: 404 },
      },
      { name: 'me', method: 'GET', url: '/api/auth/me', expect: all(200) },
      {
        name: 'change own password (wrong current password)',
        method: 'POST',
        url: '/api/auth/password',
        body: () => ({ currentPassword: 'not-the-password', newPassword: 'long-enough-password-2' }),
        expect: { admin: 401, unit: 401, leader: 401, viewer: 401 },
      },
      { name: 'plans', method: 'GET', url: '/api/plans', expect: all(200) },
      { name: 'periods', method: 'GET', url: `/api/plans/${s.planId}/periods`, expect: all(200) },
      {
        name: 'open period',
        method: 'POST',
        url: `/api/plans/${s.planId}/periods`,
        body: () => ({ label: '2024Q1', dueDate: '2099-04-10' }),
        expect: adminOnly(),
      },
      {
        name: 'change due date',
        method: 'PATCH',
        url: `/api/periods/${s.periods.q3}`,
        body: () => ({ dueDate: '2023-10-12' }),
        expect: adminOnly(),
      },
      { name: 'themes', method: 'GET', url: `/api/plans/${s.planId}/themes`, expect: all(200) },
      { name: 'units', method: 'GET', url: '/api/units', expect: all(200) },
      { name: 'leaders', method: 'GET', url: '/api/leaders', expect: all(200) },
      {
        name: 'create unit',
        method: 'POST',
        url: '/api/units',
        body: (w) => ({ name: `区测试局-${w}` }),
        expect: adminOnly(),
      },
      {
        name: 'edit unit',
        method: 'PATCH',
        url: `/api/units/${s.units.jianshe}`,
        body: () => ({ name: '区建设局' }),
        expect: adminOnly(),
      },
      {
        name: 'create leader',
        method: 'POST',
        url: '/api/leaders',
        body: (w) => ({ name: `测试领导-${w}` }),
        expect: adminOnly(),
      },
      {
        name: 'edit leader',
        method: 'PATCH',
        url: `/api/leaders/${s.leaders.xu}`,
        body: () => ({ title: '副区长' }),
        expect: adminOnly(),
      },
      { name: 'users', method: 'GET', url: '/api/users', expect: adminOnly() },
      {
        name: 'create user',
        method: 'POST',
        url: '/api/users',
        body: (w) => ({ username: `new-${w}`, role: 'viewer', password: 'long-enough-1' }),
        expect: adminOnly(),
      },
      {
        name: 'edit another user',
        method: 'PATCH',
        url: `/api/users/${s.users.otherUnit}`,
        body: () => ({ displayName: '建设局填报员' }),
        expect: adminOnly(),
      },
      {
        name: 'unlock an account after wrong passwords',
        method: 'POST',
        url: `/api/users/${s.users.otherUnit}/unlock`,
        expect: adminOnly(),
      },
      {
        name: 'raise own role to admin / change own role',
        method: 'PATCH',
        url: '/api/users/SELF',
        body: (w) => ({ role: w === 'admin' ? 'viewer' : 'admin' }),
        expect: all(403),
      },
      { name: 'task list', method: 'GET', url: `/api/tasks?planId=${s.planId}`, expect: all(200) },
      { name: 'own task', method: 'GET', url: `/api/tasks/${s.tasks.gdp}`, expect: all(200) },
      {
        name: "another unit's / leader's task",
        method: 'GET',
        url: `/api/tasks/${s.tasks.school}`,
        expect: { admin: 200, unit: 403, leader: 403, viewer: 200 },
      },
      {
        name: 'co-led task is readable by the co-unit',
        method: 'GET',
        url: `/api/tasks/${s.tasks.road}`,
        expect: { admin: 200, unit: 200, leader: 403, viewer: 200 },
      },
      {
        name: 'close out (not done yet)',
        method: 'POST',
        url: `/api/tasks/${s.tasks.gdp}/close`,
        body: () => ({ reason: '已完成' }),
        expect: adminOnly(409),
      },
      { name: 'reopen (not closed)', method: 'POST', url: `/api/tasks/${s.tasks.gdp}/reopen`, expect: adminOnly(409) },
      { name: 'own report', method: 'GET', url: `/api/reports/${r.gdpQ4}`, expect: all(200) },
      {
        name: "another unit's report by id",
        method: 'GET',
        url: `/api/reports/${r.schoolQ4}`,
        expect: { admin: 200, unit: 403, leader: 403, viewer: 200 },
      },
      { name: 'report versions', method: 'GET', url: `/api/reports/${r.gdpQ4}/versions`, expect: all(200) },
      {
        name: "another unit's report versions",
        method: 'GET',
        url: `/api/reports/${r.schoolQ4}/versions`,
        expect: { admin: 200, unit: 403, leader: 403, viewer: 200 },
      },
      {
        name: 'write own report',
        method: 'PUT',
        url: `/api/reports/${r.gdpQ4}`,
        body: async () => ({ text: '1-11月地区生产总值增长5.8%。', version: await version(r.gdpQ4) }),
        expect: { admin: 200, unit: 200, leader: 403, viewer: 403 },
      },
      {
        name: "write another unit's report",
        method: 'PUT',
        url: `/api/reports/${r.schoolQ4}`,
        body: async () => ({ text: '新增学位3000个。', version: await version(r.schoolQ4) }),
        expect: { admin: 200, unit: 403, leader: 403, viewer: 403 },
      },
      {
        name: 'write a co-led report (lead unit writes, co-unit does not)',
        method: 'PUT',
        url: `/api/reports/${r.roadQ4}`,
        body: async () => ({ text: '完成道路建设12公里。', version: await version(r.roadQ4) }),
        expect: { admin: 200, unit: 403, leader: 403, viewer: 403 },
      },
      {
        name: 'write into a closed period',
        method: 'PUT',
        url: `/api/reports/${r.gdpQ3}`,
        body: async () => ({ text: '改写', version: await version(r.gdpQ3) }),
        expect: { admin: 423, unit: 423, leader: 403, viewer: 403 },
      },
      {
        name: 'submit own report',
        method: 'POST',
        url: `/api/reports/${r.gdpQ4}/submit`,
        body: async () => ({ version: await version(r.gdpQ4) }),
        expect: { admin: 409, unit: 200, leader: 403, viewer: 403 },
      },
      {
        name: "submit another unit's report",
        method: 'POST',
        url: `/api/reports/${r.schoolQ4}/submit`,
        body: async () => ({ version: await version(r.schoolQ4) }),
        expect: { admin: 200, unit: 403, leader: 403, viewer: 403 },
      },
      {
        name: 'approve',
        method: 'POST',
        url: `/api/reports/${r.gdpQ4}/approve`,
        body: () => ({}),
        expect: adminOnly(),
      },
      {
        name: 'return',
        method: 'POST',
        url: `/api/reports/${r.gdpQ4}/return`,
        body: () => ({ comment: '请补充数据来源' }),
        expect: adminOnly(),
      },
      {
        name: 'override',
        method: 'POST',
        url: `/api/reports/${r.gdpQ4}/override`,
        body: () => ({ status: 'on_track', reason: '统计口径调整' }),
        expect: adminOnly(),
      },
      {
        name: 'review in a closed period',
        method: 'POST',
        url: `/api/reports/${r.gdpQ3}/override`,
        body: () => ({ status: 'on_track', reason: '补记' }),
        expect: adminOnly(423),
      },
      {
        name: 'bulk review',
        method: 'POST',
        url: '/api/reports/bulk',
        body: () => ({ ids: [r.schoolQ4], action: 'approve' }),
        expect: adminOnly(),
      },
      {
        name: 'comment on own report',
        method: 'POST',
        url: `/api/reports/${r.gdpQ4}/comments`,
        body: () => ({ body: '收到' }),
        expect: { admin: 200, unit: 200, leader: 200, viewer: 403 },
      },
      {
        name: "comment on another unit's report",
        method: 'POST',
        url: `/api/reports/${r.schoolQ4}/comments`,
        body: () => ({ body: '看看' }),
        expect: { admin: 200, unit: 403, leader: 403, viewer: 403 },
      },
      {
        name: 'upload evidence to own report',
        method: 'POST',
        url: `/api/reports/${r.gdpQ4}/attachments`,
        upload: { fileName: '统计公报.pdf', content: TINY_PDF },
        expect: { admin: 200, unit: 200, leader: 403, viewer: 403 },
      },
      {
        name: "upload evidence to another unit's report",
        method: 'POST',
        url: `/api/reports/${r.schoolQ4}/attachments`,
        upload: { fileName: '学位.pdf', content: TINY_PDF },
        expect: { admin: 200, unit: 403, leader: 403, viewer: 403 },
      },
      {
        // Its report is still a draft: unpublished to a leader or viewer, its evidence as much as its text.
        name: 'download evidence of a report not handed in',
        method: 'GET',
        url: '/api/attachments/ATT',
        expect: { admin: 200, unit: 200, leader: 404, viewer: 404 },
      },
      {
        name: "delete evidence someone else uploaded (the admin's)",
        method: 'DELETE',
        url: '/api/attachments/ATT',
        expect: { admin: 200, unit: 403, leader: 403, viewer: 403 },
      },
      {
        name: 'assess a text',
        method: 'POST',
        url: '/api/assess',
        body: () => ({ target: '新增学位5000个', progress: '已新增学位5200个。' }),
        expect: all(200),
      },
      {
        name: 'review queue',
        method: 'GET',
        url: `/api/review?planId=${s.planId}&periodId=${s.periods.q4}`,
        expect: adminOnly(),
      },
      {
        name: 'acknowledge (签收)',
        method: 'POST',
        url: `/api/periods/${s.periods.q4}/acknowledge`,
        body: () => ({}),
        expect: { admin: 403, unit: 200, leader: 403, viewer: 403 },
      },
      {
        name: 'acknowledge in a closed period',
        method: 'POST',
        url: `/api/periods/${s.periods.q3}/acknowledge`,
        body: () => ({}),
        expect: { admin: 403, unit: 423, leader: 403, viewer: 403 },
      },
      {
        name: 'acknowledgements',
        method: 'GET',
        url: `/api/periods/${s.periods.q4}/acknowledgements`,
        expect: adminOnly(),
      },
      {
        name: 'extensions',
        method: 'GET',
        url: '/api/extensions',
        expect: { admin: 200, unit: 200, leader: 403, viewer: 403 },
      },
      {
        name: 'request extension',
        method: 'POST',
        url: '/api/extensions',
        body: () => ({
          taskId: s.tasks.gdp,
          periodId: s.periods.q4,
          reason: '年度数据1月下旬发布',
          requestedDue: '2099-02-10',
        }),
        expect: { admin: 403, unit: 200, leader: 403, viewer: 403 },
      },
      {
        name: "request extension for another unit's task",
        method: 'POST',
        url: '/api/extensions',
        body: () => ({ taskId: s.tasks.school, periodId: s.periods.q4, reason: '代报', requestedDue: '2099-02-10' }),
        expect: { admin: 403, unit: 403, leader: 403, viewer: 403 },
      },
      {
        name: 'decide extension',
        method: 'POST',
        url: '/api/extensions/EXT/decide',
        body: () => ({ approve: true }),
        expect: adminOnly(),
      },
      {
        name: 'overdue',
        method: 'GET',
        url: `/api/overdue?periodId=${s.periods.q4}`,
        expect: { admin: 200, unit: 403, leader: 200, viewer: 200 },
      },
      {
        name: 'send reminder (催办)',
        method: 'POST',
        url: '/api/reminders',
        body: () => ({ taskId: s.tasks.school, periodId: s.periods.q4 }),
        expect: adminOnly(),
      },
      {
        name: 'reminders',
        method: 'GET',
        url: '/api/reminders',
        expect: { admin: 200, unit: 200, leader: 200, viewer: 403 },
      },
      {
        name: 'mark own reminder read',
        method: 'POST',
        url: '/api/reminders/REM/read',
        expect: { admin: 403, unit: 200, leader: 403, viewer: 403 },
      },
      {
        name: 'scores',
        method: 'GET',
        url: `/api/scores?periodId=${s.periods.q4}`,
        expect: { admin: 200, unit: 403, leader: 200, viewer: 200 },
      },
      {
        name: 'dashboard',
        method: 'GET',
        url: `/api/dashboard?planId=${s.planId}&periodId=${s.periods.q4}`,
        expect: all(200),
      },
      {
        name: "dashboard of another leader's tasks",
        method: 'GET',
        url: `/api/dashboard?planId=${s.planId}&periodId=${s.periods.q4}&leaderId=${s.leaders.xu}`,
        expect: { admin: 200, unit: 200, leader: 403, viewer: 200 },
      },
      {
        name: "dashboard of another unit's tasks",
        method: 'GET',
        url: `/api/dashboard?planId=${s.planId}&periodId=${s.periods.q4}&unitId=${s.units.jianshe}`,
        expect: { admin: 200, unit: 403, leader: 200, viewer: 200 },
      },
      { name: 'trend', method: 'GET', url: `/api/dashboard/trend?planId=${s.planId}`, expect: all(200) },
      {
        name: 'search',
        method: 'GET',
        url: `/api/search?q=${encodeURIComponent('地区生产总值')}&planId=${s.planId}`,
        expect: all(200),
      },
      {
        name: 'diff',
        method: 'GET',
        url: `/api/diff?planId=${s.planId}&from=2023Q3&to=2023Q4`,
        expect: { admin: 200, unit: 403, leader: 403, viewer: 200 },
      },
      {
        name: 'export',
        method: 'GET',
        url: `/api/export?planId=${s.planId}&periodId=${s.periods.q4}&format=csv`,
        expect: all(200),
      },
      {
        name: 'own briefing',
        method: 'GET',
        url: `/api/briefings/${s.leaders.tao}?planId=${s.planId}&periodId=${s.periods.q4}`,
        expect: { admin: 200, unit: 403, leader: 200, viewer: 200 },
      },
      {
        name: "another leader's briefing",
        method: 'GET',
        url: `/api/briefings/${s.leaders.xu}?planId=${s.planId}&periodId=${s.periods.q4}`,
        expect: { admin: 200, unit: 403, leader: 403, viewer: 200 },
      },
      {
        name: "another unit's notice",
        method: 'GET',
        url: `/api/notices/${s.units.jianshe}?planId=${s.planId}&periodId=${s.periods.q4}`,
        expect: { admin: 404, unit: 403, leader: 403, viewer: 403 },
      },
      {
        name: 'import preview',
        method: 'POST',
        url: '/api/imports/preview',
        upload: {
          fileName: 'q4.txt',
          content:
            '2023年某区政府工作报告重点工作任务四季度进展情况表\n序号\t重点工作任务\t具体目标任务\t牵头区领导\t牵头单位\t进展情况\n1\t主要经济指标\t地区生产总值增长6%\t张三\t区发展改革局\t增长6.2%。\n',
        },
        expect: adminOnly(),
      },
      {
        name: 'import confirm',
        method: 'POST',
        url: '/api/imports/confirm',
        body: (w) => ({
          fileName: `${w}.txt`,
          sha256: 'a'.repeat(64),
          planTitle: `2023年某区政府工作报告重点工作任务-${w}`,
          region: '某区',
          year: 2023,
          period: '2023Q4',
          tasks: [
            {
              seq: 1,
              theme: '主要经济指标',
              category: null,
              target: '地区生产总值增长6%',
              leaders: ['张三'],
              units: ['区发展改革局'],
              progress: '增长6.2%。',
            },
          ],
        }),
        expect: adminOnly(),
      },
      { name: 'audit log', method: 'GET', url: '/api/audit?entity=report', expect: adminOnly() },
      { name: 'tokens', method: 'GET', url: '/api/tokens', expect: adminOnly() },
      {
        name: 'create token',
        method: 'POST',
        url: '/api/tokens',
        body: (w) => ({ name: `统计局-${w}`, role: 'unit', unitId: s.units.fagai }),
        expect: adminOnly(),
      },
      { name: 'revoke token', method: 'DELETE', url: '/api/tokens/TOKEN', expect: adminOnly() },
      { name: 'channels', method: 'GET', url: '/api/channels', expect: adminOnly() },
      {
        name: 'create channel',
        method: 'POST',
        url: '/api/channels',
        body: (w) => ({
          name: `督查群-${w}`,
          kind: 'dingtalk',
          url: 'http://127.0.0.1:9/robot',
          events: ['reminder'],
          enabled: false,
        }),
        expect: adminOnly(),
      },
      {
        name: 'edit channel',
        method: 'PATCH',
        url: '/api/channels/CHANNEL',
        body: () => ({ enabled: false }),
        expect: adminOnly(),
      },
      { name: 'deliveries', method: 'GET', url: '/api/deliveries', expect: adminOnly() },
      { name: 'delete channel', method: 'DELETE', url: '/api/channels/CHANNEL', expect: adminOnly() },
      { name: 'settings', method: 'GET', url: '/api/settings', expect: all(200) },
      {
        name: 'change settings',
        method: 'PUT',
        url: '/api/settings',
        body: () => ({ lights: { yellowWithinPoints: 30 } }),
        expect: adminOnly(),
      },
      { name: '督办单 list', method: 'GET', url: `/api/supervision?planId=${s.planId}`, expect: all(200) },
      {
        name: 'raise a 督办单',
        method: 'POST',
        url: '/api/supervision',
        body: () => ({
          planId: s.planId,
          unitId: s.units.fagai,
          taskIds: [s.tasks.gdp],
          level: 'supervise',
          deadline: '2099-12-31',
          feedbackRequired: '请报送地区生产总值增速回升的具体措施',
        }),
        expect: adminOnly(),
      },
      { name: '督办单 detail', method: 'GET', url: '/api/supervision/SUP', expect: all(200) },
      { name: '督办单 as .docx', method: 'GET', url: '/api/supervision/SUP/docx', expect: all(200) },
      {
        name: 'sign a 督办单 (签收)',
        method: 'POST',
        url: '/api/supervision/SUP/sign',
        expect: { admin: 403, unit: 200, leader: 403, viewer: 403 },
      },
      {
        name: 'evidence for a 督办单 answer',
        method: 'POST',
        url: '/api/supervision/SUP/evidence',
        upload: { fileName: '整改措施.pdf', content: TINY_PDF },
        expect: { admin: 403, unit: 200, leader: 403, viewer: 403 },
      },
      {
        name: 'download 督办单 evidence',
        method: 'GET',
        url: '/api/supervision/SUP/evidence/SEV',
        expect: all(200),
      },
      {
        name: 'answer a 督办单 (办结反馈)',
        method: 'POST',
        url: '/api/supervision/SUP/answer',
        body: () => ({ feedback: '已制定稳增长十条措施，四季度增速回升至5.6%。' }),
        expect: { admin: 403, unit: 200, leader: 403, viewer: 403 },
      },
      {
        name: 'accept a 督办单',
        method: 'POST',
        url: '/api/supervision/SUP/decide',
        body: () => ({ accept: true }),
        expect: adminOnly(),
      },
      { name: 'escalate overdue 督办单', method: 'POST', url: '/api/supervision/escalate', expect: adminOnly() },
      {
        name: 'overdue desk',
        method: 'GET',
        url: `/api/overdue/desk?periodId=${s.periods.q4}`,
        expect: { admin: 200, unit: 403, leader: 200, viewer: 200 },
      },
      {
        name: "overdue desk: one unit's tasks",
        method: 'GET',
        url: `/api/overdue/desk/${s.units.jianshe}?periodId=${s.periods.q4}`,
        expect: { admin: 200, unit: 403, leader: 200, viewer: 200 },
      },
      {
        name: "units' official order (序列)",
        method: 'PUT',
        url: '/api/units/order',
        body: () => ({ unitIds: [s.units.fagai, s.units.jianshe] }),
        expect: adminOnly(),
      },
      {
        name: 'open accounts for units in bulk',
        method: 'POST',
        url: '/api/accounts/units',
        body: () => ({ unitIds: [s.units.jianshe] }),
        expect: adminOnly(),
      },
      {
        name: 'preview an account table',
        method: 'POST',
        url: '/api/accounts/import/preview',
        upload: { fileName: '账号.csv', content: '用户名,角色,单位\njs-matrix,单位,区建设局\nrd-matrix,查看,\n' },
        expect: adminOnly(),
      },
      {
        name: 'open accounts from a table',
        method: 'POST',
        url: '/api/accounts/import',
        body: (w) => ({ accounts: [{ line: 2, username: `rd-matrix-${w}`, role: '查看' }] }),
        expect: adminOnly(),
      },
      { name: '批示 list', method: 'GET', url: '/api/instructions', expect: all(200) },
      {
        name: 'write a 批示 on a task one leads',
        method: 'POST',
        url: '/api/instructions',
        body: () => ({ taskId: s.tasks.gdp, body: '请发改局分析增速偏低原因，提出针对性措施。' }),
        expect: { admin: 403, unit: 403, leader: 200, viewer: 403 },
      },
      {
        name: 'acknowledge a 批示',
        method: 'POST',
        url: '/api/instructions/INS/acknowledge',
        expect: { admin: 403, unit: 200, leader: 403, viewer: 403 },
      },
      {
        name: 'submit a report answering a 批示 in it',
        method: 'POST',
        url: '/api/instructions/answer-in-report',
        // A stale version: the caller gets past access and is refused by the workflow (nothing submitted).
        body: () => ({ reportId: r.gdpQ4, version: 999, answers: [{ instructionId: ids.instruction ?? 999999 }] }),
        expect: { admin: 409, unit: 409, leader: 403, viewer: 403 },
      },
      {
        name: 'answer a 批示',
        method: 'POST',
        url: '/api/instructions/INS/answer',
        body: () => ({ answer: '已召开专题会议，形成稳增长工作方案。' }),
        expect: { admin: 409, unit: 200, leader: 403, viewer: 403 }, // the unit has answered first
      },
      {
        name: 'merge units',
        method: 'POST',
        url: `/api/units/${s.units.jianshe}/merge`,
        body: async (w) => ({
          mergeIds: [(await createUnit(ctx.store.db, SYSTEM_ACTOR, { name: `区建设管理局-${w}` })).id],
        }),
        expect: adminOnly(),
      },
      {
        name: 'close the period',
        method: 'PATCH',
        url: `/api/periods/${s.periods.q4}`,
        body: () => ({ state: 'closed' }),
        expect: adminOnly(),
      },
      {
        name: 'write after the period closed',
        method: 'PUT',
        url: `/api/reports/${r.gdpQ4}`,
        body: async () => ({ text: '补报', version: await version(r.gdpQ4) }),
        expect: { admin: 423, unit: 423, leader: 403, viewer: 403 },
      },
      // Last: it ends the callers' sessions (they log in again below).
      { name: 'logout', method: 'POST', url: '/api/auth/logout', public: true, expect: { ...all(200), anon: 200 } },
    ];
  };

  it('gives every caller exactly the access its role allows, on every route', async () => {
    const rows = rowsOf(s);
    const mismatches: string[] = [];
    let checked = 0;
    for (const row of rows) {
      for (const who of ORDER) {
        const expected = who === 'anon' ? (row.expect.anon ?? 401) : row.expect[who];
        let url = row.url
          .replace('SELF', String(who === 'anon' ? ids.self.viewer : ids.self[who]))
          .replace('ATT', String(ids.attachment))
          .replace('EXT', String(ids.extension))
          .replace('REM', String(ids.reminder))
          .replace('TOKEN', String(ids.token ?? 999999))
          .replace('CHANNEL', String(ids.channel ?? 999999))
          .replace('SEV', String(ids.supervisionEvidence ?? 999999))
          .replace('SUP', String(ids.supervision ?? 999999))
          .replace('INS', String(ids.instruction ?? 999999));
        const opts: Parameters<Client['request']>[0] = { method: row.method, url };
        if (row.upload) {
          const m = multipart(row.upload.fileName, row.upload.content);
          Object.assign(opts, { payload: m.payload, headers: m.headers });
        } else if (row.body) {
          opts.payload = (await row.body(who)) as Record<string, unknown>;
        }
        const res = who === 'anon' ? await app.inject(opts) : await clients[who].request(opts);
        checked++;
        if (res.statusCode !== expected)
          mismatches.push(
            `${row.name} as ${who}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 160)}`,
          );
        if (res.statusCode >= 400) {
          const body = res.json();
          if (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string')
            mismatches.push(`${row.name} as ${who}: error body is not {error:{code,message}}`);
        }
        // Remember ids created by the admin call, for the rows that follow.
        if (who === 'admin' && res.statusCode === 200 && row.method === 'POST') {
          if (row.url === '/api/tokens') ids.token = res.json().id;
          if (row.url === '/api/channels') ids.channel = res.json().id;
          if (row.url === '/api/supervision') ids.supervision = res.json().id;
        }
        if (who === 'leader' && res.statusCode === 200 && row.url === '/api/instructions' && row.method === 'POST')
          ids.instruction = res.json().id;
        if (who === 'unit' && res.statusCode === 200 && row.url === '/api/supervision/SUP/evidence')
          ids.supervisionEvidence = res.json().id;
        url = '';
      }
    }
    // The logout row ended every session: log in again for the tests that follow.
    clients.admin = await login(app, 'admin');
    clients.unit = await login(app, 'fagai');
    clients.leader = await login(app, 'taofeng');
    clients.viewer = await login(app, 'viewer');
    expect(mismatches).toEqual([]);
    expect(checked).toBe(rows.length * ORDER.length);
  });

  it('has a row for every route the server registers', () => {
    const rows = rowsOf(s);
    const routes = app.declaredRoutes.filter(
      (route) => route.method !== 'HEAD' && route.url.startsWith('/api/') && !route.url.startsWith('/api/docs'),
    );
    expect(routes.length).toBeGreaterThan(60);
    const withoutRow = routes
      .filter(
        (route) => !rows.some((row) => row.method === route.method && routePattern(route.url).test(pathOf(row.url))),
      )
      .map((route) => `${route.method} ${route.url}`);
    expect(withoutRow).toEqual([]);
  });

  it('never answers with data when the path is spelled another way', async () => {
    const leaks: string[] = [];
    let tried = 0;
    for (const row of rowsOf(s)) {
      const url = row.url.replace(/SELF|ATT|EXT|REM|TOKEN|CHANNEL|SUP|INS|SEV/g, String(s.users.viewer));
      for (const spelt of otherSpellings(url)) {
        // Anonymous: every route that needs a login refuses every spelling of it.
        if (!row.public) {
          const res = await app.inject({ method: row.method, url: spelt });
          tried++;
          if (![401, 403, 404].includes(res.statusCode)) leaks.push(`anon ${row.method} ${spelt}: ${res.statusCode}`);
          else if (typeof res.json()?.error?.code !== 'string')
            leaks.push(`anon ${row.method} ${spelt}: no error body`);
        }
        // A viewer refused a read is refused it however it is spelled.
        if (row.method === 'GET' && row.expect.viewer === 403) {
          const res = await clients.viewer.request({ method: 'GET', url: spelt });
          tried++;
          if (![401, 403, 404].includes(res.statusCode)) leaks.push(`viewer ${row.method} ${spelt}: ${res.statusCode}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(tried).toBeGreaterThan(300);
  });

  it('lists only what the caller may see', async () => {
    const list = async (c: Client) =>
      (await c.request({ method: 'GET', url: `/api/tasks?planId=${s.planId}&periodId=${s.periods.q4}` }))
        .json()
        .items.map((t: { seq: number }) => t.seq);
    expect(await list(clients.unit)).toEqual([1, 3]); // leads 1, co-leads 3
    expect(await list(clients.leader)).toEqual([1]);
    expect(await list(clients.viewer)).toEqual([1, 2, 3]);
    // Asking for another unit's tasks does not widen the scope.
    const asked = await clients.unit.request({
      method: 'GET',
      url: `/api/tasks?planId=${s.planId}&unitId=${s.units.jianshe}`,
    });
    expect(asked.json().items.map((t: { seq: number }) => t.seq)).toEqual([3]);
  });

  it('keeps a disabled account out at once, on its open sessions too', async () => {
    const c = await login(app, 'jianshe', PASSWORD);
    const off = await clients.admin.request({
      method: 'PATCH',
      url: `/api/users/${s.users.otherUnit}`,
      payload: { disabled: true },
    });
    expect(off.statusCode).toBe(200);
    expect((await c.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'jianshe', password: PASSWORD },
        })
      ).statusCode,
    ).toBe(401);
  });
});

/** The path of a row's URL, without its query. */
function pathOf(url: string): string {
  return url.split('?')[0]!;
}

/** `/api/reports/:id/versions` as a pattern that the rows' concrete URLs (or their placeholders) match. */
function routePattern(url: string): RegExp {
  const escaped = url
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/:\w+/g, '[^/]+')
    .replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** The same API URL spelled as an attacker would: encoded letters, doubled slashes, dot segments. */
function otherSpellings(url: string): string[] {
  const [path, query] = url.split('?') as [string, string | undefined];
  const rest = path.slice('/api/'.length);
  const encodeFirst = (segment: string) =>
    segment ? `%${segment.charCodeAt(0).toString(16).padStart(2, '0')}${segment.slice(1)}` : segment;
  const segments = rest.split('/');
  const lastEncoded = segments.map((seg, i) => (i === segments.length - 1 ? encodeFirst(seg) : seg)).join('/');
  const spellings = [
    `/%61pi/${rest}`,
    `/a%70i/${rest}`,
    `/ap%69/${rest}`,
    `/%61%70%69/${rest}`,
    `//api/${rest}`,
    `/api/./${rest}`,
    `/api//${rest}`,
    `/x/../api/${rest}`,
    `/api/${lastEncoded}`,
  ];
  return spellings.map((p) => (query ? `${p}?${query}` : p));
}
