// 督办单 through the API, its whole life: raised by the office (numbered per plan year, atomically),
// seen by the unit, 签收, escalated by time (the clock moved) to the next level and to the task's
// leader, answered with a 办结反馈, sent back, answered again and accepted; its trail in the audit
// log and the task's trail; the printable .docx. Also the 催办 dedupe and the test clock's gate.
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { setClockOffset } from '../../src/server/clock.js';
import { addDays } from '../../src/store/supervision-ladder.js';
import { docxPart, paragraphsText } from '../export/docx-read.js';
import { describeEachStore } from '../helpers/stores.js';
import { TINY_PDF, login, multipart, seed, testApp, type Client, type Seed } from './helpers.js';

const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);

describeEachStore('supervision notices API', (ctx) => {
  let app: FastifyInstance;
  let s: Seed;
  let admin: Client;
  let jianshe: Client;
  let fagai: Client;
  let xu: Client;
  let tao: Client;
  let viewer: Client;
  let noticeId: number;
  let deadline: string;

  beforeAll(async () => {
    s = await seed(ctx.store);
    app = await testApp(ctx.store);
    admin = await login(app, 'admin');
    fagai = await login(app, 'fagai');
    jianshe = await login(app, 'jianshe');
    tao = await login(app, 'taofeng');
    viewer = await login(app, 'viewer');
    await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'xujin', role: 'leader', leaderId: s.leaders.xu, password: 'leader-pass-1' },
    });
    xu = await login(app, 'xujin', 'leader-pass-1');
  });
  afterEach(() => setClockOffset(0));
  afterAll(async () => app?.close());

  const get = (c: Client, url: string) => c.request({ method: 'GET', url });
  const post = (c: Client, url: string, payload: object = {}) => c.request({ method: 'POST', url, payload });

  it('raises a notice on a unit’s two lagging tasks, numbered 督办〔2023〕第1号', async () => {
    deadline = addDays(today(), 2);
    const res = await post(admin, '/api/supervision', {
      planId: s.planId,
      unitId: s.units.jianshe,
      taskIds: [s.tasks.road, s.tasks.school],
      level: 'hint',
      deadline,
      feedbackRequired: '逐项说明滞后原因、整改措施和完成时限',
    });
    expect(res.statusCode).toBe(200);
    const n = res.json();
    noticeId = n.id;
    expect(n).toMatchObject({
      number: '督办〔2023〕第1号',
      level: 'hint',
      levelLabel: '提示',
      levelColor: 'blue',
      state: 'issued',
      unit: { id: s.units.jianshe, name: '区建设局' },
      deadline,
      escalations: 0,
      overdue: false,
    });
    expect(n.tasks.map((t: { seq: number }) => t.seq)).toEqual([2, 3]);
    expect(n.leaders).toEqual([{ id: s.leaders.xu, name: '徐进' }]);
    expect(n.title).toBe('关于区建设局2项任务的督办单');
  });

  it('refuses a task the unit does not lead or co-lead, a past deadline, and non-office callers', async () => {
    const base = { planId: s.planId, level: 'supervise', deadline: addDays(today(), 5), feedbackRequired: '说明情况' };
    const wrongUnit = await post(admin, '/api/supervision', {
      ...base,
      unitId: s.units.jianshe,
      taskIds: [s.tasks.gdp],
    });
    expect(wrongUnit.statusCode).toBe(422);
    expect(wrongUnit.json().error.message).toMatch(/区建设局/);
    const past = await post(admin, '/api/supervision', {
      ...base,
      deadline: '2020-01-01',
      unitId: s.units.fagai,
      taskIds: [s.tasks.gdp],
    });
    expect(past.statusCode).toBe(422);
    for (const c of [fagai, tao, viewer])
      expect(
        (await post(c, '/api/supervision', { ...base, unitId: s.units.fagai, taskIds: [s.tasks.gdp] })).statusCode,
      ).toBe(403);
  });

  it('numbers notices raised at the same moment without a gap or a duplicate', async () => {
    const raise = () =>
      post(admin, '/api/supervision', {
        planId: s.planId,
        unitId: s.units.fagai,
        taskIds: [s.tasks.gdp],
        level: 'supervise',
        deadline: addDays(today(), 100), // far enough not to rise in the tests below
        feedbackRequired: '报送整改情况',
      });
    const answers = await Promise.all([raise(), raise(), raise(), raise()]);
    const numbers = answers.map((r) => r.json().number as string).sort();
    expect(numbers).toEqual(['督办〔2023〕第2号', '督办〔2023〕第3号', '督办〔2023〕第4号', '督办〔2023〕第5号']);
  });

  it('shows the unit only its own notices, and the leader none before an escalation', async () => {
    const mine = (await get(jianshe, '/api/supervision?open=1')).json();
    expect(mine.items.map((n: { id: number }) => n.id)).toEqual([noticeId]);
    expect((await get(fagai, `/api/supervision/${noticeId}`)).statusCode).toBe(403);
    expect((await get(xu, '/api/supervision?escalated=1')).json().total).toBe(0);
    expect((await get(tao, `/api/supervision/${noticeId}`)).statusCode).toBe(403);
  });

  it('lets the unit sign once; another unit cannot', async () => {
    expect((await post(fagai, `/api/supervision/${noticeId}/sign`)).statusCode).toBe(403);
    const signed = await post(jianshe, `/api/supervision/${noticeId}/sign`);
    expect(signed.json()).toMatchObject({ state: 'signed', signedAt: expect.any(String) });
    expect((await post(jianshe, `/api/supervision/${noticeId}/sign`)).statusCode).toBe(409);
  });

  it('takes evidence for the answer from the unit, and gives it back to those who may read the notice', async () => {
    const upload = (c: Client, name: string, content: Buffer) => {
      const { payload, headers } = multipart(name, content);
      return c.request({ method: 'POST', url: `/api/supervision/${noticeId}/evidence`, payload, headers });
    };
    const res = await upload(jianshe, '道路建设进度照片说明.pdf', TINY_PDF);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ fileName: '道路建设进度照片说明.pdf', mime: 'application/pdf' });
    expect((await upload(fagai, '说明.pdf', TINY_PDF)).statusCode).toBe(403);
    expect((await upload(jianshe, '说明.pdf', Buffer.from('MZ not a pdf'))).statusCode).toBe(415);
    const detail = (await get(admin, `/api/supervision/${noticeId}`)).json();
    expect(detail.evidence).toEqual([
      expect.objectContaining({ fileName: '道路建设进度照片说明.pdf', size: TINY_PDF.length }),
    ]);
    const file = await get(admin, `/api/supervision/${noticeId}/evidence/${detail.evidence[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(TINY_PDF)).toBe(true);
    expect((await get(fagai, `/api/supervision/${noticeId}/evidence/${detail.evidence[0].id}`)).statusCode).toBe(403);
  });

  it('does not escalate on the deadline day itself', async () => {
    setClockOffset(2 * DAY);
    const n = (await get(admin, `/api/supervision/${noticeId}`)).json();
    expect(n).toMatchObject({ level: 'hint', escalations: 0, overdue: false });
  });

  it('escalates an unanswered notice past its deadline to 督办 and to the task’s leader, then to 重点督办', async () => {
    setClockOffset(3 * DAY);
    const risen = (await get(jianshe, `/api/supervision/${noticeId}`)).json();
    expect(risen).toMatchObject({
      level: 'supervise',
      levelColor: 'orange',
      escalations: 1,
      deadline: addDays(deadline, 3),
      overdue: false,
    });
    const toLeader = (await get(xu, '/api/supervision?escalated=1')).json();
    expect(toLeader.items.map((n: { id: number }) => n.id)).toEqual([noticeId]);
    // A leader of none of its tasks still does not see it.
    expect((await get(tao, '/api/supervision?escalated=1')).json().total).toBe(0);

    // Ten days on: one more rise to the top, and no further however long it waits.
    setClockOffset(10 * DAY);
    expect((await post(admin, '/api/supervision/escalate')).json()).toEqual({ escalated: 1 });
    setClockOffset(30 * DAY);
    expect((await post(admin, '/api/supervision/escalate')).json()).toEqual({ escalated: 0 });
    const top = (await get(admin, `/api/supervision/${noticeId}`)).json();
    expect(top).toMatchObject({
      level: 'key',
      levelLabel: '重点督办',
      levelColor: 'red',
      escalations: 2,
      overdue: true,
    });
    expect(top.trail.filter((a: { action: string }) => a.action === 'supervision.escalate')).toHaveLength(2);
  });

  it('takes the unit’s 办结反馈, is sent back with a reason, answered again and accepted', async () => {
    expect((await post(admin, `/api/supervision/${noticeId}/decide`, { accept: true })).statusCode).toBe(409);
    const answered = await post(jianshe, `/api/supervision/${noticeId}/answer`, {
      feedback: '已完成道路建设12公里，新增学位3000个，剩余部分四季度完成。',
    });
    expect(answered.json()).toMatchObject({ state: 'answered', feedback: expect.stringContaining('12公里') });
    // Answered notices no longer rise.
    setClockOffset(60 * DAY);
    expect((await post(admin, '/api/supervision/escalate')).json()).toEqual({ escalated: 0 });
    setClockOffset(0);
    const noReason = await post(admin, `/api/supervision/${noticeId}/decide`, { accept: false });
    expect(noReason.statusCode).toBe(422);
    const newDeadline = addDays(today(), 7);
    const returned = await post(admin, `/api/supervision/${noticeId}/decide`, {
      accept: false,
      comment: '请补充学位建设的具体完成时间',
      deadline: newDeadline,
    });
    expect(returned.json()).toMatchObject({
      state: 'returned',
      decisionComment: '请补充学位建设的具体完成时间',
      deadline: newDeadline,
    });
    await post(jianshe, `/api/supervision/${noticeId}/answer`, { feedback: '新增学位剩余2000个将于12月20日前完成。' });
    const accepted = await post(admin, `/api/supervision/${noticeId}/decide`, { accept: true, comment: '同意办结' });
    expect(accepted.json()).toMatchObject({ state: 'accepted', level: 'key' });
    expect((await get(jianshe, '/api/supervision?open=1')).json().total).toBe(0);
  });

  it('keeps every step in the notice’s trail and in each task’s trail', async () => {
    const n = (await get(admin, `/api/supervision/${noticeId}`)).json();
    expect(n.trail.map((a: { action: string }) => a.action).reverse()).toEqual([
      'supervision.issue',
      'supervision.sign',
      'supervision.evidence',
      'supervision.escalate',
      'supervision.escalate',
      'supervision.answer',
      'supervision.return',
      'supervision.answer',
      'supervision.accept',
    ]);
    const task = (await get(admin, `/api/tasks/${s.tasks.school}`)).json();
    const actions = task.audit.map((a: { action: string }) => a.action);
    expect(actions).toContain('supervision.issue');
    expect(actions).toContain('supervision.accept');
  });

  it('prints the notice as a .docx with its number, level, tasks, deadline and required feedback', async () => {
    const res = await get(jianshe, `/api/supervision/${noticeId}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    const text = paragraphsText(await docxPart(res.rawPayload));
    expect(text).toContain('督办〔2023〕第1号');
    expect(text).toContain('钱塘区督查室');
    expect(text).toContain('重点督办');
    expect(text).toContain('完成道路建设20公里');
    expect(text).toContain('逐项说明滞后原因');
    expect((await get(fagai, `/api/supervision/${noticeId}/docx`)).statusCode).toBe(403);
  });

  it('has no test clock route unless DUBAN_TEST_CLOCK=1 outside production', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/test/clock', payload: { offsetDays: 3 } });
    expect(res.statusCode).toBe(404);
  });
});

describeEachStore('催办 with a message and a reply-by date', (ctx) => {
  let app: FastifyInstance;
  let s: Seed;
  let admin: Client;
  let jianshe: Client;

  beforeAll(async () => {
    s = await seed(ctx.store, { q4Due: '2023-01-10' });
    app = await testApp(ctx.store);
    admin = await login(app, 'admin');
    jianshe = await login(app, 'jianshe');
  });
  afterEach(() => setClockOffset(0));
  afterAll(async () => app?.close());

  const remind = (payload: object) =>
    admin.request({
      method: 'POST',
      url: '/api/reminders',
      payload: { taskId: s.tasks.school, periodId: s.periods.q4, ...payload },
    });

  it('carries the message and the reply-by date to the unit', async () => {
    const res = await remind({ message: '请于周五前报送进展', replyBy: '2099-01-20' });
    expect(res.json()).toEqual([
      expect.objectContaining({ message: '请于周五前报送进展', replyBy: '2099-01-20', count: 1 }),
    ]);
    const inbox = (await jianshe.request({ method: 'GET', url: '/api/reminders' })).json();
    expect(inbox[0]).toMatchObject({ message: '请于周五前报送进展', replyBy: '2099-01-20' });
  });

  it('treats repeated clicks within a minute as one reminder, which does not escalate', async () => {
    const clicks = await Promise.all([1, 2, 3].map(() => remind({ message: '请尽快报送', replyBy: '2099-01-21' })));
    const ids = new Set(clicks.map((r) => r.json()[0].id));
    expect(ids.size).toBe(1);
    const rows = await ctx.store.db
      .selectFrom('reminders')
      .select('id')
      .where('task_id', '=', s.tasks.school)
      .where('message', '=', '请尽快报送')
      .execute();
    expect(rows).toHaveLength(1);
    // One earlier reminder with another message plus this one: two, the second escalates.
    expect(clicks[0].json()[0]).toMatchObject({ count: 2 });
    const audit = await ctx.store.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'reminder.send')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('sends the same reminder again once the minute has passed', async () => {
    setClockOffset(61_000);
    const again = await remind({ message: '请尽快报送', replyBy: '2099-01-21' });
    expect(again.json()[0]).toMatchObject({ count: 3 });
  });

  it('goes out only on the channels chosen for this send, or none', async () => {
    const channel = async (name: string) =>
      (
        await admin.request({
          method: 'POST',
          url: '/api/channels',
          payload: { name, kind: 'webhook', url: 'http://127.0.0.1:9/hook', events: ['reminder'] },
        })
      ).json().id as number;
    const dingtalk = await channel('督查科钉钉群');
    const wecom = await channel('建设局企业微信群');
    const deliveries = async () =>
      (await ctx.store.db.selectFrom('notification_deliveries').select('channel_id').execute()).map(
        (d) => d.channel_id,
      );
    await remind({ message: '只发钉钉', channelIds: [dingtalk] });
    expect(await deliveries()).toEqual([dingtalk]);
    await remind({ message: '只在系统内', channelIds: [] });
    expect(await deliveries()).toEqual([dingtalk]);
    await remind({ message: '全部渠道' });
    expect((await deliveries()).sort()).toEqual([dingtalk, dingtalk, wecom].sort());
  });
});
