// 批示 answered in the unit's next report (在本次填报中答复): submitting the report records the answer
// on each chosen instruction, linked to that report, in the same transaction — so a refused submit
// answers nothing and a refused answer submits nothing. The office and the leader see which report
// answered. Only the lead unit (or the office) may.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from '../helpers/stores.js';
import { login, seed, testApp, type Client, type Seed } from './helpers.js';

const TEXT = '1-11月，全区地区生产总值增长6.2%，高于全年目标0.2个百分点；已召开经济运行分析会，制定稳增长十条措施。';

describeEachStore('批示 answered in the report', (ctx) => {
  let app: FastifyInstance;
  let s: Seed;
  let admin: Client;
  let fagai: Client;
  let jianshe: Client;
  let tao: Client;

  beforeAll(async () => {
    s = await seed(ctx.store);
    app = await testApp(ctx.store);
    admin = await login(app, 'admin');
    fagai = await login(app, 'fagai');
    jianshe = await login(app, 'jianshe');
    tao = await login(app, 'taofeng');
  });
  afterAll(async () => app?.close());

  const post = (c: Client, url: string, payload: object = {}) => c.request({ method: 'POST', url, payload });
  const instruct = async (body: string, taskId = s.tasks.gdp) =>
    (await post(tao, '/api/instructions', { taskId, body })).json().id as number;
  const save = async (reportId: number, text: string) => {
    const current = (await fagai.request({ method: 'GET', url: `/api/reports/${reportId}` })).json();
    const res = await fagai.request({
      method: 'PUT',
      url: `/api/reports/${reportId}`,
      payload: { text, version: current.version },
    });
    expect(res.statusCode).toBe(200);
    return res.json().version as number;
  };
  const reportState = async (id: number) =>
    (await ctx.store.db.selectFrom('reports').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;
  const instruction = async (c: Client, id: number) =>
    (await c.request({ method: 'GET', url: `/api/instructions?taskId=${s.tasks.gdp}&pageSize=50` }))
      .json()
      .items.find((i: { id: number }) => i.id === id);

  it('refuses an answer on another task’s instruction and submits nothing', async () => {
    const theirs = await instruct('请抓紧谋划明年重大项目。');
    // An instruction of 徐进 on the school task, answered with the GDP report: refused.
    const other = await ctx.store.db
      .insertInto('instructions')
      .values({
        task_id: s.tasks.school,
        leader_id: s.leaders.xu,
        author_id: null,
        body: '请加快学校建设进度。',
        state: 'open',
        acknowledged_at: null,
        acknowledged_by: null,
        answer: null,
        answered_at: null,
        answered_by: null,
        answered_by_role: null,
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const version = await save(s.reports.gdpQ4, TEXT);
    const res = await post(fagai, '/api/instructions/answer-in-report', {
      reportId: s.reports.gdpQ4,
      version,
      answers: [{ instructionId: theirs }, { instructionId: other.id }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('该批示不属于本任务，不能在本次填报中答复');
    expect(await reportState(s.reports.gdpQ4)).toBe('draft');
    expect((await instruction(fagai, theirs)).state).toBe('open');
  });

  it('submits the report and answers the chosen instructions with it, linked to the report', async () => {
    const analyse = await instruct('请发改局分析增速偏低原因，提出针对性措施。');
    const monthly = await instruct('请每月报送一次工业增加值数据。');
    const untouched = await instruct('请关注重点项目投资进度。');
    const version = await save(s.reports.gdpQ4, TEXT);
    const res = await post(fagai, '/api/instructions/answer-in-report', {
      reportId: s.reports.gdpQ4,
      version,
      answers: [
        { instructionId: analyse },
        { instructionId: monthly, answer: '已建立工业增加值月报制度，每月10日前报送。' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.report).toMatchObject({ id: s.reports.gdpQ4, state: 'submitted' });
    const link = { id: s.reports.gdpQ4, periodId: s.periods.q4, periodLabel: '2023Q4' };
    // Without words of its own, the report's text is the answer.
    const answered = Object.fromEntries(body.instructions.map((i: { id: number }) => [i.id, i]));
    expect(answered[analyse]).toMatchObject({
      state: 'answered',
      answer: TEXT,
      answeredByRole: 'unit',
      answerReport: link,
    });
    expect(answered[monthly]).toMatchObject({
      state: 'answered',
      answer: '已建立工业增加值月报制度，每月10日前报送。',
      answerReport: link,
    });
    expect(answered[monthly].acknowledgedAt).not.toBeNull();
    // The leader and the office see which report answered; the instruction left out stays open.
    expect(await instruction(tao, analyse)).toMatchObject({ state: 'answered', answerReport: link });
    expect(await instruction(admin, monthly)).toMatchObject({ state: 'answered', answerReport: link });
    expect(await instruction(tao, untouched)).toMatchObject({ state: 'open', answerReport: null });
    // The task's trail records the answer with its report.
    const trail = await ctx.store.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity', '=', 'task')
      .where('entity_id', '=', String(s.tasks.gdp))
      .where('action', '=', 'instruction.answer')
      .execute();
    expect(trail.filter((t) => t.after?.includes(`"reportId":${s.reports.gdpQ4}`))).toHaveLength(2);
  });

  it('answers nothing when the submit is refused (a stale version), and submits nothing when an answer is', async () => {
    // The road task: 区建设局 leads it, 徐进 instructs.
    const leader = await ctx.store.db
      .insertInto('users')
      .values({
        username: 'xujin',
        display_name: '徐进',
        password_hash: (
          await ctx.store.db
            .selectFrom('users')
            .select('password_hash')
            .where('username', '=', 'taofeng')
            .executeTakeFirstOrThrow()
        ).password_hash,
        role: 'leader',
        unit_id: null,
        leader_id: s.leaders.xu,
        disabled: 0,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(leader.id).toBeGreaterThan(0);
    const xujin = await login(app, 'xujin');
    const id = (
      await post(xujin, '/api/instructions', { taskId: s.tasks.road, body: '请倒排工期，确保年底前完成20公里。' })
    ).json().id as number;
    const current = (await jianshe.request({ method: 'GET', url: `/api/reports/${s.reports.roadQ4}` })).json();
    const saved = await jianshe.request({
      method: 'PUT',
      url: `/api/reports/${s.reports.roadQ4}`,
      payload: { text: '已完成道路建设18公里，剩余2公里12月底前完成。', version: current.version },
    });
    const version = saved.json().version as number;
    const stale = await post(jianshe, '/api/instructions/answer-in-report', {
      reportId: s.reports.roadQ4,
      version: version - 1,
      answers: [{ instructionId: id }],
    });
    expect(stale.statusCode).toBe(409);
    const open = await ctx.store.db
      .selectFrom('instructions')
      .select('state')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(open.state).toBe('open');
    // The office answers it meanwhile: the unit's submit with that answer is refused as a whole.
    expect((await post(admin, `/api/instructions/${id}/answer`, { answer: '督查室已现场督导。' })).statusCode).toBe(
      200,
    );
    const late = await post(jianshe, '/api/instructions/answer-in-report', {
      reportId: s.reports.roadQ4,
      version,
      answers: [{ instructionId: id }],
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('有批示已被答复，请刷新后再提交');
    expect(await reportState(s.reports.roadQ4)).toBe('draft');
  });

  it('is for the task’s lead unit (or the office), not another unit, a leader or a viewer', async () => {
    const id = await instruct('请确保全年目标实现。');
    const payload = { reportId: s.reports.gdpQ4, version: 1, answers: [{ instructionId: id }] };
    expect((await post(jianshe, '/api/instructions/answer-in-report', payload)).statusCode).toBe(403);
    expect((await post(tao, '/api/instructions/answer-in-report', payload)).statusCode).toBe(403);
    const viewer = await login(app, 'viewer');
    expect((await post(viewer, '/api/instructions/answer-in-report', payload)).statusCode).toBe(403);
    expect((await instruction(tao, id)).state).toBe('open');
  });
});
