// Scoped callers get what they may read, completely and nothing more, on SQLite and PostgreSQL:
// a leader's 考核 counts only the tasks they lead; a unit's search finds all of its tasks even when
// other units' tasks rank higher, with the right total; a unit API token cannot delete evidence
// another token uploaded.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { indexTargets } from '../../src/store/search.js';
import { describeEachStore } from '../helpers/stores.js';
import { insertTask, login, multipart, seed, testApp, TINY_PDF, type Client, type Seed } from './helpers.js';

describeEachStore('scope: scores, search and evidence ownership', (ctx) => {
  let app: FastifyInstance;
  let s: Seed;
  let admin: Client;
  let unit: Client;
  let leader: Client;
  beforeAll(async () => {
    s = await seed(ctx.store);
    app = await testApp(ctx.store);
    admin = await login(app, 'admin');
    unit = await login(app, 'fagai');
    leader = await login(app, 'taofeng');
  });
  afterAll(async () => app?.close());

  /** Adds tasks to the seeded plan, each led by `unitId` under `leaderId`, and indexes their targets. */
  async function addTasks(targets: string[], unitId: number, leaderId: number, firstSeq: number): Promise<number[]> {
    const db = ctx.store.db;
    const theme = (await db.selectFrom('themes').select('id').where('plan_id', '=', s.planId).executeTakeFirstOrThrow())
      .id;
    const ids: number[] = [];
    for (const [i, target] of targets.entries())
      ids.push(await insertTask(db, { planId: s.planId, seq: firstSeq + i, themeId: theme, target, unitId, leaderId }));
    await indexTargets(
      db,
      ids.map((id, i) => ({ id, planId: s.planId, target: targets[i] })),
    );
    return ids;
  }

  it("gives a leader the units' scores over the tasks they lead only", async () => {
    // 陶峰 leads only the GDP task (区发展改革局); 区建设局's tasks are 徐进's.
    const own = await leader.request({ method: 'GET', url: `/api/scores?periodId=${s.periods.q4}` });
    expect(own.statusCode).toBe(200);
    expect(own.json().map((x: { unit: { name: string }; tasks: number }) => [x.unit.name, x.tasks])).toEqual([
      ['区发展改革局', 1],
    ]);
    // The office still sees every unit.
    const all = await admin.request({ method: 'GET', url: `/api/scores?periodId=${s.periods.q4}` });
    expect(
      all
        .json()
        .map((x: { unit: { name: string } }) => x.unit.name)
        .sort(),
    ).toEqual(['区发展改革局', '区建设局'].sort());
  });

  it("finds every one of a unit's tasks however far down the plan's ranking they are, with the right total", async () => {
    // 230 short targets of 区建设局 rank first; 区发展改革局's 25 longer ones (and later ids) rank last.
    await addTasks(
      Array.from({ length: 230 }, (_, i) => `新建保障性住房${i + 1}套`),
      s.units.jianshe,
      s.leaders.xu,
      100,
    );
    const fagaiTasks = await addTasks(
      Array.from(
        { length: 25 },
        (_, i) => `推进第${i + 1}批重大项目前期工作，配套新建保障性住房并完成项目审批、用地和资金保障`,
      ),
      s.units.fagai,
      s.leaders.tao,
      400,
    );
    const q = encodeURIComponent('保障性住房');
    const everyone = await admin.request({ method: 'GET', url: `/api/search?q=${q}&planId=${s.planId}&pageSize=200` });
    expect(everyone.json().total).toBe(255);
    const firstPage = everyone.json().items.map((h: { taskId: number }) => h.taskId);
    expect(firstPage.filter((id: number) => fagaiTasks.includes(id)).length).toBeLessThan(25);

    const mine = await unit.request({ method: 'GET', url: `/api/search?q=${q}&planId=${s.planId}&pageSize=10` });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().total).toBe(25);
    expect(mine.json().items).toHaveLength(10);
    const pages = [];
    for (const page of [1, 2, 3]) {
      const res = await unit.request({
        method: 'GET',
        url: `/api/search?q=${q}&planId=${s.planId}&pageSize=10&page=${page}`,
      });
      pages.push(...res.json().items.map((h: { taskId: number }) => h.taskId));
    }
    expect(pages.sort((a, b) => a - b)).toEqual([...fagaiTasks].sort((a, b) => a - b));

    // A leader likewise: 陶峰 leads the 25 (and the GDP task, which does not match).
    const led = await leader.request({ method: 'GET', url: `/api/search?q=${q}&planId=${s.planId}&pageSize=200` });
    expect(led.json().total).toBe(25);
    expect(led.json().items.every((h: { taskId: number }) => fagaiTasks.includes(h.taskId))).toBe(true);
  });

  it("lists a unit's matching tasks in the task list when more than 5,000 of other units' rank higher", async () => {
    // Bulk rows (one statement per 500), as an import of a province-sized plan would leave them.
    const db = ctx.store.db;
    const t = new Date().toISOString();
    const theme = (await db.selectFrom('themes').select('id').where('plan_id', '=', s.planId).executeTakeFirstOrThrow())
      .id;
    const make = async (targets: string[], unitId: number, firstSeq: number) => {
      const ids: number[] = [];
      for (let i = 0; i < targets.length; i += 500) {
        const rows = await db
          .insertInto('tasks')
          .values(
            targets.slice(i, i + 500).map((target, j) => ({
              plan_id: s.planId,
              seq: firstSeq + i + j,
              theme_id: theme,
              category_id: null,
              target,
              deadline: null,
              notes: null,
              closed_at: null,
              closed_by: null,
              created_at: t,
              updated_at: t,
            })),
          )
          .returning('id')
          .execute();
        const batch = rows.map((r) => r.id);
        await db
          .insertInto('task_units')
          .values(batch.map((id) => ({ task_id: id, unit_id: unitId, role: 'lead' as const, position: 1 })))
          .execute();
        ids.push(...batch);
      }
      await indexTargets(
        db,
        ids.map((id, i) => ({ id, planId: s.planId, target: targets[i] })),
        { fresh: true },
      );
      return ids;
    };
    await make(
      Array.from({ length: 5010 }, (_, i) => `改造老旧小区${i + 1}个`),
      s.units.jianshe,
      10_000,
    );
    const own = await make(
      Array.from({ length: 3 }, (_, i) => `统筹推进第${i + 1}批老旧小区改造的项目审批、资金保障和政策协调工作`),
      s.units.fagai,
      20_000,
    );
    const res = await unit.request({
      method: 'GET',
      url: `/api/tasks?planId=${s.planId}&q=${encodeURIComponent('老旧小区')}&pageSize=50`,
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.json().total).toBe(3);
    expect(
      res
        .json()
        .items.map((x: { id: number }) => x.id)
        .sort((a: number, b: number) => a - b),
    ).toEqual(own);
  }, 120_000);

  it('lets a unit token delete only the evidence that token uploaded', async () => {
    const token = async (name: string) =>
      (
        await admin.request({
          method: 'POST',
          url: '/api/tokens',
          payload: { name, role: 'unit', unitId: s.units.fagai },
        })
      ).json().token as string;
    const first = { authorization: `Bearer ${await token('发改局报送接口')}` };
    const second = { authorization: `Bearer ${await token('发改局第二接口')}` };
    const upload = multipart('三季度GDP核算说明.pdf', TINY_PDF);
    const up = await app.inject({
      method: 'POST',
      url: `/api/reports/${s.reports.gdpQ4}/attachments`,
      payload: upload.payload,
      headers: { ...upload.headers, ...first },
    });
    expect(up.statusCode).toBe(200);
    const id = up.json().id as number;

    const byOther = await app.inject({ method: 'DELETE', url: `/api/attachments/${id}`, headers: second });
    expect(byOther.statusCode).toBe(403);
    expect(byOther.json().error.code).toBe('forbidden');
    // A user of the same unit did not upload it either.
    expect((await unit.request({ method: 'DELETE', url: `/api/attachments/${id}` })).statusCode).toBe(403);

    const byOwner = await app.inject({ method: 'DELETE', url: `/api/attachments/${id}`, headers: first });
    expect(byOwner.statusCode).toBe(200);
    expect(await ctx.store.db.selectFrom('attachments').select('id').where('id', '=', id).executeTakeFirst()).toBe(
      undefined,
    );
  });
});
