// The report workflow through the API: a unit's saved draft is its own (the leader's dashboard, the
// task list's status filter, the leader's view and the exported table show it 未提交) until it is
// handed in; submitted and approved reports are published, a returned one is withdrawn again. A
// write into a closed period — save, submit, comment, review — is refused in Chinese and stores nothing.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from '../helpers/stores.js';
import { TINY_PDF, insertTask, login, multipart, seed, testApp, type Client, type Seed } from './helpers.js';

const TEXT = '1-11月地区生产总值增长6.2%，完成全年目标。';

describeEachStore('the report workflow over HTTP', (ctx) => {
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

  const get = (who: Client, url: string) => who.request({ method: 'GET', url: `/api${url}` });
  const post = (who: Client, url: string, payload: object) =>
    who.request({ method: 'POST', url: `/api${url}`, payload });
  const q = () => `planId=${s.planId}&periodId=${s.periods.q4}`;

  /** What the office publishes about the GDP task: dashboard count, status filter, leader's view, export. */
  const published = async () => {
    const dashboard = (await get(leader, `/dashboard?${q()}`)).json();
    const reported = (await get(admin, `/tasks?${q()}&status=done&status=on_track`)).json();
    const detail = (await get(leader, `/tasks/${s.tasks.gdp}`)).json();
    const q4 = detail.periods.find((p: { period: { id: number } }) => p.period.id === s.periods.q4).report;
    const csv = (await get(admin, `/export?${q()}&format=csv`)).body;
    const search = (await get(leader, `/search?planId=${s.planId}&q=${encodeURIComponent('完成全年目标')}`)).json();
    return {
      noReport: dashboard.counts.no_report as number,
      listed: reported.items.map((t: { id: number }) => t.id).includes(s.tasks.gdp) as boolean,
      leaderSees: q4.text as string,
      leaderStatus: q4.status as string,
      exported: csv.includes('地区生产总值增长6.2%'),
      found: search.total > 0,
    };
  };

  it('keeps a saved draft with its unit and publishes it once submitted or approved, not once returned', async () => {
    const start = (await get(unit, `/reports/${s.reports.gdpQ4}`)).json();
    const saved = await unit.request({
      method: 'PUT',
      url: `/api/reports/${s.reports.gdpQ4}`,
      payload: { text: TEXT, version: start.version },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ state: 'draft', text: TEXT });
    expect(['done', 'on_track']).toContain(saved.json().status); // the unit sees its live assessment

    // A draft: the unit sees it, the office publishes nothing.
    expect((await get(unit, `/reports/${s.reports.gdpQ4}`)).json().text).toBe(TEXT);
    const draft = await published();
    expect(draft).toEqual({
      noReport: 1,
      listed: false,
      leaderSees: '',
      leaderStatus: 'no_report',
      exported: false,
      found: false,
    });
    // The unit finds its own draft by its words.
    expect((await get(unit, `/search?planId=${s.planId}&q=${encodeURIComponent('完成全年目标')}`)).json().total).toBe(
      1,
    );

    const submitted = await post(unit, `/reports/${s.reports.gdpQ4}/submit`, { version: saved.json().version });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().state).toBe('submitted');
    const afterSubmit = await published();
    expect(afterSubmit).toMatchObject({ noReport: 0, listed: true, leaderSees: TEXT, exported: true, found: true });

    expect((await post(admin, `/reports/${s.reports.gdpQ4}/approve`, {})).json().state).toBe('approved');
    expect(await published()).toEqual(afterSubmit);

    const returned = await post(admin, `/reports/${s.reports.gdpQ4}/return`, { comment: '请补充12月数据' });
    expect(returned.json().state).toBe('returned');
    expect(await published()).toEqual(draft);
  });

  it('shows every step in the task trail in Chinese: who by display name, what, the period and the change', async () => {
    await ctx.store.db
      .updateTable('users')
      .set({ display_name: '区发改局填报员' })
      .where('username', '=', 'fagai')
      .execute();
    await ctx.store.db
      .updateTable('users')
      .set({ display_name: '督查科张科长' })
      .where('username', '=', 'admin')
      .execute();
    const r = (await get(unit, `/reports/${s.reports.gdpQ4}`)).json(); // returned by the test above
    const resaved = await unit.request({
      method: 'PUT',
      url: `/api/reports/${s.reports.gdpQ4}`,
      payload: { text: `${TEXT}数据来源：区统计局。`, version: r.version },
    });
    await post(unit, `/reports/${s.reports.gdpQ4}/submit`, { version: resaved.json().version });
    await post(admin, `/reports/${s.reports.gdpQ4}/override`, { status: 'done', reason: '全年目标已确认完成' });

    for (const who of [unit, leader, admin]) {
      const trail = (await get(who, `/tasks/${s.tasks.gdp}`)).json().audit as {
        actor: string;
        label: string;
        period: string | null;
        change: string;
      }[];
      // Newest first: the whole cycle of this test file on the GDP report, nothing raw.
      expect(trail.map((e) => e.label)).toEqual([
        '人工调整状态',
        '提交报告',
        '保存报告',
        '发表意见', // the return's comment, kept with the report's comments
        '退回修改',
        '审核通过',
        '提交报告',
        '保存报告',
      ]);
      expect(trail.every((e) => e.period === '2023Q4')).toBe(true);
      expect(trail[0]).toMatchObject({
        actor: '督查科张科长',
        change: expect.stringContaining('理由：全年目标已确认完成'),
      });
      expect(trail[1]).toMatchObject({ actor: '区发改局填报员', change: '已退回 → 已提交' });
      expect(trail[3].change).toBe('请补充12月数据');
      expect(trail[4].change).toBe('已审核 → 已退回；意见：请补充12月数据');
      // A leader does not read the unit's draft text in the trail either.
      if (who === leader) expect(trail[2].change).toBe('');
      else expect(trail[2].change).toMatch(/^第 \d+ 版 → 第 \d+ 版.*数据来源：区统计局。$/);
    }
  });

  it('shows a unit which tasks it has acknowledged (签收) in its task list', async () => {
    const ackOf = async () =>
      (await get(unit, `/tasks?${q()}`))
        .json()
        .items.map((t: { seq: number; acknowledgedAt: string | null }) => [t.seq, t.acknowledgedAt !== null]);
    expect(await ackOf()).toEqual([
      [1, false],
      [3, false], // co-unit of task 3
    ]);
    expect((await post(unit, `/periods/${s.periods.q4}/acknowledge`, {})).json()).toEqual({ acknowledged: 1 });
    expect(await ackOf()).toEqual([
      [1, true],
      [3, false],
    ]);
    // Only a unit's own list carries it.
    expect((await get(admin, `/tasks?${q()}`)).json().items[0]).not.toHaveProperty('acknowledgedAt');
  });

  it('lists evidence with its report for whoever may read it, and lets the unit change it only while the report is its own', async () => {
    const jianshe = await login(app, 'jianshe');
    const id = s.reports.schoolQ4;
    const upload = (who: Client, name: string) =>
      who.request({ method: 'POST', url: `/api/reports/${id}/attachments`, ...multipart(name, TINY_PDF) });
    const up = await upload(jianshe, '学位建设验收单.pdf');
    expect(up.statusCode).toBe(200);
    const evidenceOf = async (who: Client) =>
      (await get(who, `/tasks/${s.tasks.school}`))
        .json()
        .periods.find((p: { period: { id: number } }) => p.period.id === s.periods.q4).report.attachments as {
        id: number;
        fileName: string;
        uploadedBy: number | null;
      }[];
    expect(await evidenceOf(admin)).toEqual([
      expect.objectContaining({ id: up.json().id, fileName: '学位建设验收单.pdf', uploadedBy: s.users.otherUnit }),
    ]);
    const download = await get(admin, `/attachments/${up.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(TINY_PDF)).toBe(true);

    // Handed in: the unit can neither add nor remove evidence until the report comes back.
    const r = (await get(jianshe, `/reports/${id}`)).json();
    const saved = await jianshe.request({
      method: 'PUT',
      url: `/api/reports/${id}`,
      payload: { text: '新增中小学学位5200个，已全部投入使用。', version: r.version },
    });
    await post(jianshe, `/reports/${id}/submit`, { version: saved.json().version });
    const late = await upload(jianshe, '补充材料.pdf');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('报告已提交，需退回后才能修改');
    const del = await jianshe.request({ method: 'DELETE', url: `/api/attachments/${up.json().id}` });
    expect(del.statusCode).toBe(409);
    expect(await evidenceOf(admin)).toHaveLength(1);
  });

  it('publishes only approved reports when the office says so, re-publishing what is there at once', async () => {
    const school = s.reports.schoolQ4; // submitted by the test above
    const put = (approvedOnly: boolean) =>
      admin.request({ method: 'PUT', url: '/api/settings', payload: { publish: { approvedOnly } } });
    const shown = async () => {
      const rows = (await get(admin, `/tasks?${q()}&pageSize=50`)).json().items as {
        id: number;
        report: { status: string };
      }[];
      const csv = (await get(admin, `/export?${q()}&format=csv`)).body;
      return {
        listed: rows.find((t) => t.id === s.tasks.school)!.report.status !== 'no_report',
        exported: csv.includes('新增中小学学位5200个'),
      };
    };
    expect((await get(admin, `/reports/${school}`)).json().state).toBe('submitted');
    expect(await shown()).toEqual({ listed: true, exported: true });
    expect((await put(true)).statusCode).toBe(200);
    expect(await shown()).toEqual({ listed: false, exported: false });
    await post(admin, `/reports/${school}/approve`, {});
    expect(await shown()).toEqual({ listed: true, exported: true });
    expect((await put(false)).json().publish).toEqual({ approvedOnly: false });
    expect(await shown()).toEqual({ listed: true, exported: true });
  });

  it('offers a unit and a leader only the plans they have tasks in, so a new plan does not become their default', async () => {
    const t = new Date().toISOString();
    const db = ctx.store.db;
    const plan2 = (
      await db
        .insertInto('plans')
        .values({ region: '钱塘区', year: 2024, title: '2024年钱塘区民生实事项目', created_at: t })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await insertTask(db, {
      planId: plan2,
      seq: 1,
      themeId: null,
      target: '新建公共停车泊位1000个',
      unitId: s.units.jianshe,
    });
    const planIds = async (who: Client) => (await get(who, '/plans')).json().map((p: { id: number }) => p.id);
    expect(await planIds(admin)).toEqual([plan2, s.planId]); // newest first
    expect(await planIds(unit)).toEqual([s.planId]); // 区发展改革局 has nothing in the new plan
    expect(await planIds(leader)).toEqual([s.planId]);
    expect(await planIds(await login(app, 'jianshe'))).toEqual([plan2, s.planId]);
  });

  it("shows a viewer neither a draft's versions nor its evidence until the report is handed in", async () => {
    const jianshe = await login(app, 'jianshe');
    const viewer = await login(app, 'viewer');
    const id = s.reports.roadQ4;
    const start = (await get(jianshe, `/reports/${id}`)).json();
    const draftText = '道路建设已完成12公里，剩余路段正在施工。';
    const saved = await jianshe.request({
      method: 'PUT',
      url: `/api/reports/${id}`,
      payload: { text: draftText, version: start.version },
    });
    expect(saved.statusCode).toBe(200);
    const file = await jianshe.request({
      method: 'POST',
      url: `/api/reports/${id}/attachments`,
      ...multipart('道路施工照片.pdf', TINY_PDF),
    });
    expect(file.statusCode).toBe(200);

    // The office sees the draft's history and evidence; a viewer sees nothing of it yet.
    const texts = async (who: Client) =>
      ((await get(who, `/reports/${id}/versions`)).json() as { text: string; state: string }[]).map(
        (v) => `${v.state}:${v.text}`,
      );
    expect(await texts(admin)).toContain(`draft:${draftText}`);
    expect(await texts(viewer)).toEqual([]);
    const hidden = await get(viewer, `/attachments/${file.json().id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('not_found');
    expect((await get(admin, `/attachments/${file.json().id}`)).statusCode).toBe(200);

    // A second draft, then handed in: the viewer reads the text handed in, not the draft before it.
    const finalText = '道路建设已完成21公里，全部通车。';
    const second = await jianshe.request({
      method: 'PUT',
      url: `/api/reports/${id}`,
      payload: { text: finalText, version: saved.json().version },
    });
    await post(jianshe, `/reports/${id}/submit`, { version: second.json().version });
    expect(await texts(admin)).toEqual([`draft:${finalText}`, `draft:${draftText}`]);
    expect(await texts(viewer)).toEqual([`draft:${finalText}`]);
    const shown = await get(viewer, `/attachments/${file.json().id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.rawPayload.equals(TINY_PDF)).toBe(true);

    // Returned: withdrawn again, history and evidence alike.
    await post(admin, `/reports/${id}/return`, { comment: '请补充完成公里数的证明' });
    expect(await texts(viewer)).toEqual([]);
    expect((await get(viewer, `/attachments/${file.json().id}`)).statusCode).toBe(404);
  });

  it('refuses every write into a closed period with a Chinese message and stores nothing', async () => {
    const id = s.reports.gdpQ3; // 2023Q3 is closed in the seed
    const before = (await get(admin, `/reports/${id}`)).json();
    const comments = async () => (await get(admin, `/tasks/${s.tasks.gdp}`)).json().comments.length as number;
    const commentsBefore = await comments();
    const attempts = [
      await unit.request({
        method: 'PUT',
        url: `/api/reports/${id}`,
        payload: { text: TEXT, version: before.version },
      }),
      await post(unit, `/reports/${id}/submit`, { version: before.version }),
      await post(unit, `/reports/${id}/comments`, { body: '补充说明：12月数据已报统计局。' }),
      await post(leader, `/reports/${id}/comments`, { body: '请抓紧。' }),
      await post(admin, `/reports/${id}/override`, { status: 'done', reason: '已完成' }),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(423);
      expect(res.json().error).toEqual({ code: 'closed_period', message: '该报告期已关闭，不能再修改' });
    }
    expect((await get(admin, `/reports/${id}`)).json()).toEqual(before);
    expect(await comments()).toBe(commentsBefore);
  });
});
