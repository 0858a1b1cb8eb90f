// 批示 through the API: a leader writes an instruction on a task they lead; the lead unit sees it,
// acknowledges it and answers; the office sees open instructions and may answer one itself; the
// leader sees what became of them; nobody else writes or answers in their place.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from '../helpers/stores.js';
import { login, seed, testApp, type Client, type Seed } from './helpers.js';

describeEachStore('leader instructions API', (ctx) => {
  let app: FastifyInstance;
  let s: Seed;
  let admin: Client;
  let fagai: Client;
  let jianshe: Client;
  let tao: Client;
  let viewer: Client;
  let first: number;
  let second: number;

  beforeAll(async () => {
    s = await seed(ctx.store);
    app = await testApp(ctx.store);
    admin = await login(app, 'admin');
    fagai = await login(app, 'fagai');
    jianshe = await login(app, 'jianshe');
    tao = await login(app, 'taofeng');
    viewer = await login(app, 'viewer');
  });
  afterAll(async () => app?.close());

  const get = (c: Client, url: string) => c.request({ method: 'GET', url });
  const post = (c: Client, url: string, payload: object = {}) => c.request({ method: 'POST', url, payload });

  it('lets a leader instruct on a task they lead, and only such a task', async () => {
    const res = await post(tao, '/api/instructions', {
      taskId: s.tasks.gdp,
      body: '请发改局紧盯四季度经济运行，确保全年增长目标实现。',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'open',
      leader: { id: s.leaders.tao, name: '陶峰' },
      task: { id: s.tasks.gdp, seq: 1 },
      units: [{ id: s.units.fagai, name: '区发展改革局' }],
    });
    first = res.json().id;
    second = (
      await post(tao, '/api/instructions', { taskId: s.tasks.gdp, body: '请每月报送一次工业增加值数据。' })
    ).json().id;
    // 徐进's task: 陶峰 may not instruct on it.
    expect((await post(tao, '/api/instructions', { taskId: s.tasks.school, body: '加快进度' })).statusCode).toBe(403);
    for (const c of [admin, fagai, viewer])
      expect((await post(c, '/api/instructions', { taskId: s.tasks.gdp, body: '加快进度' })).statusCode).toBe(403);
  });

  it('shows the instruction to the lead unit, not to another unit', async () => {
    const mine = (await get(fagai, '/api/instructions?open=1')).json();
    expect(mine.items.map((i: { id: number }) => i.id)).toEqual([second, first]);
    expect((await get(jianshe, '/api/instructions')).json().total).toBe(0);
    expect((await post(jianshe, `/api/instructions/${first}/acknowledge`)).statusCode).toBe(403);
  });

  it('takes the unit’s acknowledgement and answer, once', async () => {
    const ack = await post(fagai, `/api/instructions/${first}/acknowledge`);
    expect(ack.json()).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'fagai' });
    const answered = await post(fagai, `/api/instructions/${first}/answer`, {
      answer: '已建立重点项目周调度机制，四季度预计增长5.8%。',
    });
    expect(answered.json()).toMatchObject({ state: 'answered', answeredByRole: 'unit', answeredBy: 'fagai' });
    expect((await post(fagai, `/api/instructions/${first}/answer`, { answer: '再答一次' })).statusCode).toBe(409);
  });

  it('shows the office the open ones and lets it answer one', async () => {
    const open = (await get(admin, '/api/instructions?open=1')).json();
    expect(open.items.map((i: { id: number }) => i.id)).toEqual([second]);
    const res = await post(admin, `/api/instructions/${second}/answer`, { answer: '已转发改局落实，按月报送。' });
    expect(res.json()).toMatchObject({ state: 'answered', answeredByRole: 'admin' });
    expect((await post(viewer, `/api/instructions/${second}/answer`, { answer: 'x' })).statusCode).toBe(403);
  });

  it('shows the leader what became of their instructions, with the answers', async () => {
    const mine = (await get(tao, '/api/instructions')).json();
    expect(mine.items).toEqual([
      expect.objectContaining({ id: second, state: 'answered', answer: '已转发改局落实，按月报送。' }),
      expect.objectContaining({ id: first, state: 'answered', answer: expect.stringContaining('周调度') }),
    ]);
  });

  it('keeps the instruction’s life in the task’s trail', async () => {
    const task = (await get(admin, `/api/tasks/${s.tasks.gdp}`)).json();
    const actions = task.audit.map((a: { action: string }) => a.action);
    expect(actions.filter((a: string) => a.startsWith('instruction.')).sort()).toEqual([
      'instruction.acknowledge',
      'instruction.answer',
      'instruction.answer',
      'instruction.create',
      'instruction.create',
    ]);
  });
});
