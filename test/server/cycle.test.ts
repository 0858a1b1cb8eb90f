// The reporting cycle end to end through the API: open a period, 签收, draft (assessed at once),
// submit, return with a comment, resubmit, approve; override; 延期; 销号; overdue, 催办 and
// escalation; unit scores; evidence limits; the audit trail.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachStore } from '../helpers/stores.js';
import { TINY_PDF, login, multipart, seed, testApp, type Client, type Seed } from './helpers.js';

describeEachStore('reporting cycle API', (ctx) => {
  let app: FastifyInstance;
  let s: Seed;
  let admin: Client;
  let unit: Client;
  let leader: Client;
  let periodId: number;
  const reportOf = async (taskId: number) =>
    await ctx.store.db
      .selectFrom('reports')
      .select(['id', 'version'])
      .where('task_id', '=', taskId)
      .where('period_id', '=', periodId)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    s = await seed(ctx.store);
    app = await testApp(ctx.store);
    admin = await login(app, 'admin');
    unit = await login(app, 'fagai');
    leader = await login(app, 'taofeng');
  });
  afterAll(async () => app?.close());

  it('opens a period with a due date: one empty report per task', async () => {
    const res = await admin.request({
      method: 'POST',
      url: `/api/plans/${s.planId}/periods`,
      payload: { label: '2024Q1', dueDate: '2099-04-10' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      label: '2024Q1',
      state: 'open',
      dueDate: '2099-04-10',
      startDate: '2024-01-01',
      endDate: '2024-03-31',
    });
    periodId = res.json().id;
    const periods = (await unit.request({ method: 'GET', url: `/api/plans/${s.planId}/periods` })).json();
    expect(periods[0].label).toBe('2024Q1');
    const dup = await admin.request({
      method: 'POST',
      url: `/api/plans/${s.planId}/periods`,
      payload: { label: '2024q1' },
    });
    expect(dup.statusCode).toBe(409);
  });

  it('lets a unit acknowledge its own tasks (签收), once', async () => {
    const res = await unit.request({ method: 'POST', url: `/api/periods/${periodId}/acknowledge`, payload: {} });
    expect(res.json()).toEqual({ acknowledged: 1 });
    expect(
      (await unit.request({ method: 'POST', url: `/api/periods/${periodId}/acknowledge`, payload: {} })).json(),
    ).toEqual({ acknowledged: 0 });
    const acks = (await admin.request({ method: 'GET', url: `/api/periods/${periodId}/acknowledgements` })).json();
    expect(acks).toEqual([
      expect.objectContaining({ unit: { id: s.units.fagai, name: '区发展改革局' }, taskId: s.tasks.gdp }),
    ]);
  });

  it('assesses a draft at once and refuses a stale version', async () => {
    const r = await reportOf(s.tasks.gdp);
    const res = await unit.request({
      method: 'PUT',
      url: `/api/reports/${r.id}`,
      payload: { text: '一季度地区生产总值增长4.1%。', version: r.version },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ state: 'draft', version: r.version + 1, status: 'behind', machineStatus: 'behind' });
    expect(body.assessment.indicators[0]).toMatchObject({
      metric: expect.stringContaining('地区生产总值'),
      actual: 4.1,
    });
    expect(body.reason).toMatch(/4\.1/);
    expect(['yellow', 'red']).toContain(body.light);
    const stale = await unit.request({
      method: 'PUT',
      url: `/api/reports/${r.id}`,
      payload: { text: '改', version: r.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict');
  });

  it('submits, returns with a comment the unit sees, resubmits and approves', async () => {
    let r = await reportOf(s.tasks.gdp);
    const submitted = await unit.request({
      method: 'POST',
      url: `/api/reports/${r.id}/submit`,
      payload: { version: r.version },
    });
    expect(submitted.json()).toMatchObject({ state: 'submitted', submittedAt: expect.any(String) });
    // A submitted report is no longer the unit's to edit.
    expect(
      (await unit.request({ method: 'PUT', url: `/api/reports/${r.id}`, payload: { text: 'x', version: r.version } }))
        .statusCode,
    ).toBe(409);
    const queue = (
      await admin.request({ method: 'GET', url: `/api/review?planId=${s.planId}&periodId=${periodId}` })
    ).json();
    expect(queue.items.map((t: { id: number }) => t.id)).toEqual([s.tasks.gdp]);
    const returned = await admin.request({
      method: 'POST',
      url: `/api/reports/${r.id}/return`,
      payload: { comment: '请写明统计口径和数据来源' },
    });
    expect(returned.json()).toMatchObject({ state: 'returned', review: { comment: '请写明统计口径和数据来源' } });
    const seen = (await unit.request({ method: 'GET', url: `/api/reports/${r.id}` })).json();
    expect(seen.review.comment).toBe('请写明统计口径和数据来源');
    const task = (await unit.request({ method: 'GET', url: `/api/tasks/${s.tasks.gdp}` })).json();
    expect(task.comments.map((c: { body: string }) => c.body)).toContain('请写明统计口径和数据来源');
    const text = '一季度地区生产总值增长6.2%（区统计局快报）。';
    const edited = await unit.request({
      method: 'PUT',
      url: `/api/reports/${r.id}`,
      payload: { text, version: r.version },
    });
    // The save is assessed exactly as the assessor judges the text on its own.
    const expected = (
      await unit.request({
        method: 'POST',
        url: '/api/assess',
        payload: { target: '地区生产总值增长力争6%（确保5.5%）', progress: text, period: '2024Q1' },
      })
    ).json();
    expect(edited.json()).toMatchObject({
      state: 'returned',
      text,
      status: expected.status,
      machineStatus: expected.status,
      reason: expected.reason,
    });
    expect(['done', 'on_track']).toContain(expected.status);
    // the same text past the task's own deadline, still going on: behind
    const overdue = await unit.request({
      method: 'POST',
      url: '/api/assess',
      payload: {
        target: '建成区体育中心',
        progress: '主体完工，正在内部装修。',
        period: '2024Q3',
        deadline: '2024年6月',
      },
    });
    expect(overdue.json()).toMatchObject({ status: 'behind' });
    r = await reportOf(s.tasks.gdp);
    expect(
      (
        await unit.request({ method: 'POST', url: `/api/reports/${r.id}/submit`, payload: { version: r.version } })
      ).json().state,
    ).toBe('submitted');
    const approved = await admin.request({
      method: 'POST',
      url: `/api/reports/${r.id}/approve`,
      payload: { comment: '同意' },
    });
    expect(approved.json()).toMatchObject({ state: 'approved', review: { comment: '同意' } });
    const versions = (await unit.request({ method: 'GET', url: `/api/reports/${r.id}/versions` })).json();
    expect(versions.length).toBeGreaterThanOrEqual(2);
  });

  it('overrides the machine status with a reason and keeps both', async () => {
    const r = await reportOf(s.tasks.gdp);
    const machine = (await admin.request({ method: 'GET', url: `/api/reports/${r.id}` })).json().machineStatus;
    const res = await admin.request({
      method: 'POST',
      url: `/api/reports/${r.id}/override`,
      payload: { status: 'behind', reason: '快报数据未经统计局核定，按滞后处理' },
    });
    expect(res.json()).toMatchObject({
      status: 'behind',
      machineStatus: machine,
      override: { status: 'behind', reason: '快报数据未经统计局核定，按滞后处理', by: { id: s.users.admin } },
      light: 'red',
    });
    const list = (
      await leader.request({ method: 'GET', url: `/api/tasks?planId=${s.planId}&periodId=${periodId}` })
    ).json();
    expect(list.items[0].report).toMatchObject({ status: 'behind', machineStatus: machine, overridden: true });
    const noReason = await admin.request({
      method: 'POST',
      url: `/api/reports/${r.id}/override`,
      payload: { status: 'done', reason: '' },
    });
    expect(noReason.statusCode).toBe(422);
    const done = await admin.request({
      method: 'POST',
      url: `/api/reports/${r.id}/override`,
      payload: { status: 'done', reason: '一季度目标已达成，经督查科核实' },
    });
    expect(done.json()).toMatchObject({ status: 'done', machineStatus: machine, light: 'green' });
  });

  it('closes out (销号) a done task, which stays visible as closed, and refuses a task not done', async () => {
    const notDone = await admin.request({
      method: 'POST',
      url: `/api/tasks/${s.tasks.school}/close`,
      payload: { reason: '完成' },
    });
    expect(notDone.statusCode).toBe(409);
    const res = await admin.request({
      method: 'POST',
      url: `/api/tasks/${s.tasks.gdp}/close`,
      payload: { reason: '全年目标完成' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().closedAt).toEqual(expect.any(String));
    const list = (await unit.request({ method: 'GET', url: `/api/tasks?planId=${s.planId}` })).json();
    expect(list.items.find((t: { id: number }) => t.id === s.tasks.gdp).closedAt).toEqual(expect.any(String));
    const r = await reportOf(s.tasks.gdp);
    expect(
      (
        await admin.request({
          method: 'PUT',
          url: `/api/reports/${r.id}`,
          payload: { text: '再写', version: r.version },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await admin.request({ method: 'POST', url: `/api/tasks/${s.tasks.gdp}/reopen` })).json().closedAt,
    ).toBeNull();
  });

  it('handles an extension request and its decision', async () => {
    const jianshe = await login(app, 'jianshe');
    const early = await jianshe.request({
      method: 'POST',
      url: '/api/extensions',
      payload: { taskId: s.tasks.school, periodId, reason: '早于截止日', requestedDue: '2099-04-01' },
    });
    expect(early.statusCode).toBe(422);
    const req = await jianshe.request({
      method: 'POST',
      url: '/api/extensions',
      payload: { taskId: s.tasks.school, periodId, reason: '新建学校竣工验收推迟至5月', requestedDue: '2099-05-31' },
    });
    expect(req.json()).toMatchObject({
      state: 'pending',
      unit: { name: '区建设局' },
      task: { id: s.tasks.school, seq: 2 },
    });
    expect(
      (
        await jianshe.request({
          method: 'POST',
          url: '/api/extensions',
          payload: { taskId: s.tasks.school, periodId, reason: '再申请', requestedDue: '2099-06-30' },
        })
      ).statusCode,
    ).toBe(409);
    expect((await unit.request({ method: 'GET', url: '/api/extensions' })).json()).toEqual([]);
    const decided = await admin.request({
      method: 'POST',
      url: `/api/extensions/${req.json().id}/decide`,
      payload: { approve: false, comment: '请按期报送阶段进展' },
    });
    expect(decided.json()).toMatchObject({
      state: 'refused',
      decisionComment: '请按期报送阶段进展',
      decidedBy: { id: s.users.admin },
    });
    expect(
      (
        await admin.request({
          method: 'POST',
          url: `/api/extensions/${req.json().id}/decide`,
          payload: { approve: true },
        })
      ).statusCode,
    ).toBe(409);
  });

  it('lists overdue units after the due date, reminds, and escalates to the leader after two reminders', async () => {
    // Move the due date into the past: the school and road tasks (区建设局) have no submitted report.
    await admin.request({ method: 'PATCH', url: `/api/periods/${periodId}`, payload: { dueDate: '2024-04-10' } });
    const overdue = (
      await admin.request({ method: 'GET', url: `/api/overdue?planId=${s.planId}&periodId=${periodId}` })
    ).json();
    expect(overdue).toEqual([
      {
        unit: { id: s.units.jianshe, name: '区建设局' },
        tasks: [
          expect.objectContaining({ seq: 2, reminders: 0, escalated: false }),
          expect.objectContaining({ seq: 3 }),
        ],
      },
    ]);
    const jianshe = await login(app, 'jianshe');
    const xu = await (async () => {
      await admin.request({
        method: 'POST',
        url: '/api/users',
        payload: { username: 'xujin', role: 'leader', leaderId: s.leaders.xu, password: 'leader-pass-1' },
      });
      return login(app, 'xujin', 'leader-pass-1');
    })();
    const first = await admin.request({
      method: 'POST',
      url: '/api/reminders',
      payload: { taskId: s.tasks.school, periodId },
    });
    expect(first.json()).toEqual([
      expect.objectContaining({ unit: { id: s.units.jianshe, name: '区建设局' }, count: 1, escalated: false }),
    ]);
    const inbox = (await jianshe.request({ method: 'GET', url: '/api/reminders?unread=1' })).json();
    expect(inbox).toHaveLength(1);
    expect(inbox[0].message).toMatch(/第2项/);
    expect((await xu.request({ method: 'GET', url: '/api/reminders' })).json()).toEqual([]);
    await admin.request({
      method: 'POST',
      url: '/api/reminders',
      payload: { taskId: s.tasks.school, periodId, message: '请于今日下班前报送' },
    });
    const escalated = (await xu.request({ method: 'GET', url: '/api/reminders' })).json();
    expect(escalated.length).toBe(2);
    expect(escalated.every((r: { escalated: boolean }) => r.escalated)).toBe(true);
    const leaderOverdue = (await xu.request({ method: 'GET', url: `/api/overdue?periodId=${periodId}` })).json();
    expect(leaderOverdue[0].tasks.find((t: { seq: number }) => t.seq === 2)).toMatchObject({
      reminders: 2,
      escalated: true,
    });
    // 陶峰 leads no overdue task.
    expect((await leader.request({ method: 'GET', url: `/api/overdue?periodId=${periodId}` })).json()).toEqual([]);
    await jianshe.request({ method: 'POST', url: `/api/reminders/${inbox[0].id}/read` });
    expect((await jianshe.request({ method: 'GET', url: '/api/reminders?unread=1' })).json()).toHaveLength(1);
    // Another unit cannot mark it read.
    expect((await unit.request({ method: 'POST', url: `/api/reminders/${inbox[0].id}/read` })).statusCode).toBe(403);
    // The missing reports are red now that the due date has passed.
    const list = (
      await admin.request({ method: 'GET', url: `/api/tasks?planId=${s.planId}&periodId=${periodId}&light=red` })
    ).json();
    expect(list.items.map((t: { seq: number }) => t.seq)).toEqual([2, 3]);
  });

  it('scores units for the period and ranks them', async () => {
    // Judged against the due date as it stands: give the period its original date back.
    await admin.request({ method: 'PATCH', url: `/api/periods/${periodId}`, payload: { dueDate: '2099-04-10' } });
    const scores = (
      await admin.request({ method: 'GET', url: `/api/scores?planId=${s.planId}&periodId=${periodId}` })
    ).json();
    const fagai = scores.find((x: { unit: { id: number } }) => x.unit.id === s.units.fagai);
    const jianshe = scores.find((x: { unit: { id: number } }) => x.unit.id === s.units.jianshe);
    expect(fagai).toMatchObject({ tasks: 1, onTimeRate: 1, doneOrOnTrackShare: 1, returns: 1, reminders: 0, rank: 1 });
    expect(jianshe).toMatchObject({ tasks: 2, onTimeRate: 0, doneOrOnTrackShare: 0, reminders: 2, rank: 2 });
    expect(fagai.score).toBeGreaterThan(jianshe.score);
    const year = (await admin.request({ method: 'GET', url: `/api/scores?planId=${s.planId}&year=2023` })).json();
    expect(year.length).toBeGreaterThan(0);
    expect((await admin.request({ method: 'GET', url: '/api/scores' })).statusCode).toBe(400);
  });

  it('stores evidence within the type and size limits only', async () => {
    const school = await reportOf(s.tasks.school);
    const jianshe = await login(app, 'jianshe');
    const ok = multipart('竣工验收.pdf', TINY_PDF);
    const up = await jianshe.request({
      method: 'POST',
      url: `/api/reports/${school.id}/attachments`,
      payload: ok.payload,
      headers: ok.headers,
    });
    expect(up.json()).toMatchObject({ fileName: '竣工验收.pdf', mime: 'application/pdf', size: TINY_PDF.length });
    const fake = multipart('报告.pdf', 'MZ this is not a pdf');
    expect(
      (
        await jianshe.request({
          method: 'POST',
          url: `/api/reports/${school.id}/attachments`,
          payload: fake.payload,
          headers: fake.headers,
        })
      ).statusCode,
    ).toBe(415);
    const exe = multipart('tool.exe', 'MZ');
    expect(
      (
        await jianshe.request({
          method: 'POST',
          url: `/api/reports/${school.id}/attachments`,
          payload: exe.payload,
          headers: exe.headers,
        })
      ).statusCode,
    ).toBe(415);
    await admin.request({ method: 'PUT', url: '/api/settings', payload: { upload: { maxAttachmentMb: 0.1 } } });
    const big = multipart('大文件.pdf', Buffer.concat([TINY_PDF, Buffer.alloc(200 * 1024, 32)]));
    const tooBig = await jianshe.request({
      method: 'POST',
      url: `/api/reports/${school.id}/attachments`,
      payload: big.payload,
      headers: big.headers,
    });
    expect(tooBig.statusCode).toBe(413);
    await admin.request({ method: 'PUT', url: '/api/settings', payload: { upload: { maxAttachmentMb: 10 } } });
    const detail = (await admin.request({ method: 'GET', url: `/api/reports/${school.id}` })).json();
    expect(detail.attachments).toHaveLength(1);
    const file = await admin.request({ method: 'GET', url: `/api/attachments/${detail.attachments[0].id}` });
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(TINY_PDF)).toBe(true);
    expect(
      (await unit.request({ method: 'DELETE', url: `/api/attachments/${detail.attachments[0].id}` })).statusCode,
    ).toBe(403);
    expect(
      (await jianshe.request({ method: 'DELETE', url: `/api/attachments/${detail.attachments[0].id}` })).json(),
    ).toEqual({ ok: true });
  });

  it('records every write in the audit log, readable by admins with filters', async () => {
    const r = await reportOf(s.tasks.gdp);
    const log = (await admin.request({ method: 'GET', url: `/api/audit?entity=report&entityId=${r.id}` })).json();
    const actions = log.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['report.save', 'report.submit', 'report.return', 'report.approve', 'report.override']),
    );
    const save = log.items.find((e: { action: string }) => e.action === 'report.save');
    expect(save.before).toBeDefined();
    expect(save.after.text).toBeDefined();
    const byAdmin = (
      await admin.request({ method: 'GET', url: `/api/audit?actorId=${s.users.admin}&action=report.override` })
    ).json();
    expect(byAdmin.items).toHaveLength(2);
  });

  it('closes the period: no more writes, 423', async () => {
    await admin.request({ method: 'PATCH', url: `/api/periods/${periodId}`, payload: { state: 'closed' } });
    const school = await reportOf(s.tasks.school);
    const jianshe = await login(app, 'jianshe');
    const res = await jianshe.request({
      method: 'PUT',
      url: `/api/reports/${school.id}`,
      payload: { text: '补报', version: school.version },
    });
    expect(res.statusCode).toBe(423);
    expect(res.json().error.code).toBe('closed_period');
  });
});
