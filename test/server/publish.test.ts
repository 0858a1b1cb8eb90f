// Publishing over HTTP: the progress table downloads in every format with the task list's filters
// and the caller's scope, each file opened with a reading library; briefings and notices stay in
// scope; bad filters are a 400 with a JSON body; the trend and the period comparison answer per scope.
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Status } from '../../src/domain/index.js';
import { hashPassword } from '../../src/server/auth/password.js';
import { indexReports, indexTargets } from '../../src/store/search.js';
import { readCsv } from '../export/csv-read.js';
import { docxPart, paragraphsText, resolvedGrid, tables } from '../export/docx-read.js';
import { goldRows } from '../export/seed.js';
import { Q1_STATUS, asPublished, seedPlan } from '../export/store-seed.js';
import { describeEachStore } from '../helpers/stores.js';
import { PASSWORD, login, testApp, type Client } from './helpers.js';

// Task 4's report was returned: not published, so neither printed nor counted.
const gold = asPublished(goldRows('../fixtures/export/linan-2024-h1.gold.json'));
const AT = '2024-07-01T00:00:00.000Z';

/** The 序号 of every data row of the first worksheet (title and header rows hold no number). */
async function xlsxSeqs(body: Buffer): Promise<{ seqs: number[]; ws: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const seqs: number[] = [];
  ws.eachRow((row) => {
    const v = row.getCell(1).value;
    if (typeof v === 'number') seqs.push(v);
  });
  return { seqs, ws };
}

async function docxSeqs(body: Buffer): Promise<number[]> {
  const [table] = tables(await docxPart(body));
  return resolvedGrid(table)
    .map((r) => r[0])
    .filter((c): c is string => !!c && /^\d+$/.test(c))
    .map(Number);
}

function csvSeqs(body: Buffer): { seqs: number[]; header: string[]; rows: string[][] } {
  const text = body.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff); // BOM, so Excel on Chinese Windows reads UTF-8
  const [header, ...rows] = readCsv(text.slice(1)).filter((r) => r.some((c) => c !== ''));
  return { header, rows, seqs: rows.map((r) => Number(r[header.indexOf('序号')])) };
}

describeEachStore('publishing over HTTP', (ctx) => {
  let app: FastifyInstance;
  let planId = 0;
  let q2 = 0;
  const id = {
    theme: new Map<string, number>(),
    category: new Map<string, number>(),
    unit: new Map<string, number>(),
    leader: new Map<string, number>(),
  };
  const c = {} as Record<'admin' | 'viewer' | 'minzheng' | 'nongye' | 'chen', Client>;

  beforeAll(async () => {
    const db = ctx.store.db;
    ({ planId, q2 } = await seedPlan(db));
    for (const t of await db.selectFrom('themes').select(['id', 'name']).where('plan_id', '=', planId).execute())
      id.theme.set(t.name, t.id);
    for (const k of await db.selectFrom('categories').select(['id', 'name']).execute()) id.category.set(k.name, k.id);
    for (const u of await db.selectFrom('units').select(['id', 'name']).execute()) id.unit.set(u.name, u.id);
    for (const l of await db.selectFrom('leaders').select(['id', 'name']).execute()) id.leader.set(l.name, l.id);
    // The seed writes straight into the tables: index targets and texts as the importer would.
    const tasks = await db.selectFrom('tasks').select(['id', 'target']).where('plan_id', '=', planId).execute();
    await indexTargets(
      db,
      tasks.map((t) => ({ id: t.id, planId, target: t.target })),
    );
    const reports = await db.selectFrom('reports').select(['id', 'task_id', 'period_id', 'text']).execute();
    await indexReports(
      db,
      reports.map((r) => ({ id: r.id, taskId: r.task_id, planId, periodId: r.period_id, text: r.text })),
    );
    const hash = await hashPassword(PASSWORD);
    const user = (
      username: string,
      role: 'admin' | 'unit' | 'leader' | 'viewer',
      unitId: number | null = null,
      leaderId: number | null = null,
    ) =>
      db
        .insertInto('users')
        .values({
          username,
          display_name: username,
          password_hash: hash,
          role,
          unit_id: unitId,
          leader_id: leaderId,
          disabled: 0,
          created_at: AT,
          updated_at: AT,
        })
        .execute();
    await user('admin', 'admin');
    await user('viewer', 'viewer');
    await user('minzheng', 'unit', id.unit.get('区民政局')!);
    await user('nongye', 'unit', id.unit.get('区农业农村局')!);
    await user('chen', 'leader', null, id.leader.get('陈志远')!);
    app = await testApp(ctx.store);
    for (const name of ['admin', 'viewer', 'minzheng', 'nongye', 'chen'] as const) c[name] = await login(app, name);
  });
  afterAll(async () => app?.close());

  const get = (who: Client, path: string, query: Record<string, string | number | Array<string | number>> = {}) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query))
      for (const x of ([] as Array<string | number>).concat(v)) params.append(k, String(x));
    return who.request({ method: 'GET', url: `/api${path}?${params}` });
  };
  const exportAs = (
    who: Client,
    format: string,
    query: Record<string, string | number | Array<string | number>> = {},
  ) => get(who, '/export', { planId, periodId: q2, format, withStatus: 1, ...query });
  /** What the task list shows for the same filters: the rows 导出当前视图 must hold. */
  const listSeqs = async (who: Client, query: Record<string, string | number | Array<string | number>>) => {
    const res = await get(who, '/tasks', { planId, periodId: q2, pageSize: 200, ...query });
    expect(res.statusCode).toBe(200);
    return (res.json().items as { seq: number }[]).map((t) => t.seq).sort((a, b) => a - b);
  };
  const expectError = (res: LightMyRequestResponse, status: number, code?: string) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const body = res.json() as { error: { code: string; message: string } };
    if (code) expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/); // readable, in Chinese
    return body.error;
  };

  it('downloads the .xlsx of one theme and category, the rows the task list shows, with coloured status cells', async () => {
    const filter = {
      themeId: id.theme.get('深化“千万工程”，建设宜居宜业和美乡村')!,
      categoryId: id.category.get('推进乡村产业振兴')!,
    };
    const res = await exportAs(c.admin, 'xlsx', filter);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const { seqs, ws } = await xlsxSeqs(res.rawPayload);
    const expected = gold
      .filter((g) => g.theme === '深化“千万工程”，建设宜居宜业和美乡村' && g.category === '推进乡村产业振兴')
      .map((g) => g.seq);
    expect(seqs).toEqual(expected);
    expect(seqs).toEqual(await listSeqs(c.admin, filter));
    expect(ws.getCell('A1').value).toBe('2024年临安区政府工作报告重点工作任务二季度进展情况表');
    // 评估状态 (column H): a task without a report after the due date is red, one on track green.
    const statusCell = (seq: number) => ws.getCell(3 + seqs.indexOf(seq), 8);
    const noReport = gold.find((g) => expected.includes(g.seq) && g.status === 'no_report')!;
    const onTrack = gold.find((g) => expected.includes(g.seq) && g.status === 'on_track')!;
    expect(statusCell(noReport.seq).value).toBe('未报送');
    expect((statusCell(noReport.seq).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect((statusCell(onTrack.seq).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFC6EFCE');
  });

  it('downloads the .docx of the red-light tasks, the same rows as the task list', async () => {
    const res = await exportAs(c.admin, 'docx', { light: 'red' });
    expect(res.statusCode).toBe(200);
    const seqs = await docxSeqs(res.rawPayload);
    // Q2 is past its due date: missing reports are red, and so is a behind task with no measurable gap.
    expect(seqs).toEqual(gold.filter((g) => g.status === 'no_report' || g.status === 'behind').map((g) => g.seq));
    expect(seqs).toEqual(await listSeqs(c.admin, { light: 'red' }));
  });

  it('downloads the .csv of a search and a status, and names the file in RFC 5987 form', async () => {
    const query = { q: '养老', status: ['done', 'on_track'] };
    const res = await exportAs(c.viewer, 'csv', query);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const { seqs, header, rows } = csvSeqs(res.rawPayload);
    const hits = gold.filter(
      (g) => (g.target.includes('养老') || g.progress.includes('养老')) && ['done', 'on_track'].includes(g.status!),
    );
    expect(hits.length).toBeGreaterThan(0);
    expect(seqs).toEqual(hits.map((g) => g.seq));
    expect(seqs).toEqual(await listSeqs(c.viewer, query));
    expect(rows[0][header.indexOf('评估状态')]).toMatch(/已完成|序时推进/);
    const disposition = res.headers['content-disposition'] as string;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1];
    expect(encoded).not.toMatch(/[^A-Za-z0-9%!#$&+\-.^_`|~]/);
    expect(decodeURIComponent(encoded)).toBe('2024年临安区政府工作报告重点工作任务二季度进展情况表.csv');
  });

  it('never takes a file name or path from the request', async () => {
    // Parameters the export does not know are refused outright, a file name among them.
    const extras: Record<string, string>[] = [
      { fileName: '../../etc/passwd' },
      { name: '..\\evil.exe' },
      { path: '/tmp/x.csv' },
    ];
    for (const extra of extras) {
      const error = expectError(await exportAs(c.admin, 'csv', extra), 400, 'validation');
      expect(error.message).not.toMatch(/passwd|evil/);
    }
    const res = await exportAs(c.admin, 'csv');
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(res.headers['content-disposition'] as string)![1])).toBe(
      '2024年临安区政府工作报告重点工作任务二季度进展情况表.csv',
    );
  });

  it("holds a unit to its own tasks whatever it asks for, and refuses another unit's export", async () => {
    const own = csvSeqs((await exportAs(c.minzheng, 'csv')).rawPayload).seqs;
    expect(own).toEqual(await listSeqs(c.minzheng, {}));
    expect(own).toEqual([3, 11, 12]); // 区民政局 leads 11 and 12, co-leads 3 (test/export/store-seed.ts)
    // A search that matches other units' tasks still exports only the unit's own.
    const searched = await exportAs(c.minzheng, 'csv', { q: '新增' });
    const mine = csvSeqs(searched.rawPayload).seqs;
    expect(mine.every((s) => own.includes(s))).toBe(true);
    expectError(await exportAs(c.minzheng, 'csv', { unitId: id.unit.get('区教育局')! }), 403, 'forbidden');
  });

  it('holds a leader to the tasks they lead', async () => {
    const res = await exportAs(c.chen, 'xlsx');
    expect((await xlsxSeqs(res.rawPayload)).seqs).toEqual(
      gold.filter((g) => g.leaders.includes('陈志远')).map((g) => g.seq),
    );
    expectError(await exportAs(c.chen, 'xlsx', { leaderId: id.leader.get('王建国')! }), 403, 'forbidden');
  });

  it('answers bad filters with a 400 and a readable JSON body, and an empty view with a 404', async () => {
    expectError(await exportAs(c.admin, 'exe'), 400, 'validation');
    expectError(await exportAs(c.admin, 'csv', { status: 'late' }), 400, 'validation');
    expectError(await exportAs(c.admin, 'csv', { light: 'purple' }), 400, 'validation');
    expectError(await exportAs(c.admin, 'csv', { themeId: 'abc' }), 400, 'validation');
    expectError(await exportAs(c.admin, 'csv', { themeId: 999999 }), 400, 'validation');
    // A category of another theme of the plan.
    expectError(
      await exportAs(c.admin, 'csv', {
        themeId: id.theme.get('主要预期目标')!,
        categoryId: id.category.get('织密社会保障网')!,
      }),
      400,
      'validation',
    );
    expectError(await exportAs(c.admin, 'csv', { q: 'x'.repeat(101) }), 400, 'validation');
    expectError(await get(c.admin, '/export', { planId, periodId: 999999, format: 'csv' }), 404, 'not_found');
    expectError(await exportAs(c.admin, 'csv', { q: '量子计算机' }), 404, 'not_found');
  });

  it('prints a PDF with Chromium, or says in JSON why it cannot', async () => {
    const saved = process.env.DUBAN_CHROMIUM;
    process.env.DUBAN_CHROMIUM = '/nonexistent/chromium';
    try {
      const error = expectError(await exportAs(c.admin, 'pdf'), 503, 'pdf_unavailable');
      expect(error.message).toMatch(/Chromium/);
    } finally {
      if (saved === undefined) delete process.env.DUBAN_CHROMIUM;
      else process.env.DUBAN_CHROMIUM = saved;
    }
    if (ctx.fixture.name !== 'sqlite') return; // one real print is enough (Chromium takes seconds)
    const res = await exportAs(c.admin, 'pdf', { status: 'done' });
    if (res.statusCode === 503) {
      console.warn(`NOTICE: no PDF printed here: ${res.json().error.message}`);
      return;
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it("gives a leader their own briefing and refuses another's, and refuses units", async () => {
    const own = await get(c.chen, `/briefings/${id.leader.get('陈志远')}`, { planId, periodId: q2 });
    expect(own.statusCode).toBe(200);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(own.headers['content-disposition'] as string)![1])).toBe(
      '领导专报-陈志远-2024Q2.docx',
    );
    const text = paragraphsText(await docxPart(own.rawPayload));
    expect(text).toContain('陈志远');
    for (const g of gold.filter((x) => x.leaders.includes('陈志远'))) expect(text).toContain(g.target);
    expectError(await get(c.chen, `/briefings/${id.leader.get('王建国')}`, { planId, periodId: q2 }), 403, 'forbidden');
    expectError(
      await get(c.minzheng, `/briefings/${id.leader.get('陈志远')}`, { planId, periodId: q2 }),
      403,
      'forbidden',
    );
    expect((await get(c.viewer, `/briefings/${id.leader.get('王建国')}`, { planId, periodId: q2 })).statusCode).toBe(
      200,
    );
    expectError(await get(c.admin, '/briefings/999999', { planId, periodId: q2 }), 404, 'not_found');
  });

  it("gives a unit its own reminder notice and refuses another unit's", async () => {
    const own = await get(c.nongye, `/notices/${id.unit.get('区农业农村局')}`, { planId, periodId: q2 });
    expect(own.statusCode).toBe(200);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(own.headers['content-disposition'] as string)![1])).toBe(
      '催办通知-区农业农村局-2024Q2.docx',
    );
    const text = paragraphsText(await docxPart(own.rawPayload));
    expect(text).toContain('区农业农村局');
    expectError(
      await get(c.minzheng, `/notices/${id.unit.get('区农业农村局')}`, { planId, periodId: q2 }),
      403,
      'forbidden',
    );
    // 区教育局 submitted everything: nothing to remind it of.
    expectError(await get(c.admin, `/notices/${id.unit.get('区教育局')}`, { planId, periodId: q2 }), 404, 'not_found');
  });

  it('draws the trend for a leader or a unit, and refuses a unit asking for another', async () => {
    const total = (points: { counts: Record<Status, number> }[]) =>
      points.map((p) => Object.values(p.counts).reduce((a, b) => a + b, 0));
    const chen = gold.filter((g) => g.leaders.includes('陈志远')).length;
    const byLeader = await get(c.admin, '/dashboard/trend', { planId, leaderId: id.leader.get('陈志远')! });
    expect(total(byLeader.json())).toEqual([chen, chen]);
    const byUnit = await get(c.viewer, '/dashboard/trend', { planId, unitId: id.unit.get('区民政局')! });
    expect(total(byUnit.json())).toEqual([3, 3]);
    expect((await get(c.minzheng, '/dashboard/trend', { planId })).json()).toEqual(byUnit.json());
    expectError(
      await get(c.minzheng, '/dashboard/trend', { planId, unitId: id.unit.get('区教育局')! }),
      403,
      'forbidden',
    );
    expectError(
      await get(c.chen, '/dashboard/trend', { planId, leaderId: id.leader.get('王建国')! }),
      403,
      'forbidden',
    );
  });

  it('compares two periods: every task counted once, moves in the right direction', async () => {
    const res = await get(c.viewer, '/diff', { planId, from: '2024Q1', to: '2024q2' });
    expect(res.statusCode).toBe(200);
    const diff = res.json() as {
      up: { seq: number; from: Status; to: Status }[];
      down: { seq: number }[];
      new: unknown[];
      same: number;
      from: string;
      to: string;
    };
    expect([diff.from, diff.to]).toEqual(['2024Q1', '2024Q2']);
    expect(diff.up.length + diff.down.length + diff.new.length + diff.same).toBe(gold.length);
    const moved = gold.filter((g) => Q1_STATUS[g.seq] !== g.status).length;
    expect(diff.up.length + diff.down.length).toBe(moved);
    // 区人力社保局's employment task went from behind to on track; the GDP task from on track to behind.
    expect(diff.up.map((m) => m.seq)).toContain(
      gold.find((g) => Q1_STATUS[g.seq] === 'behind' && g.status === 'on_track')!.seq,
    );
    expect(diff.down.map((m) => m.seq)).toContain(
      gold.find((g) => Q1_STATUS[g.seq] === 'on_track' && g.status === 'behind')!.seq,
    );
    expectError(await get(c.admin, '/diff', { planId, from: '下个季度', to: '2024Q2' }), 400, 'validation');
    expectError(await get(c.admin, '/diff', { planId, from: '2023Q4', to: '2024Q2' }), 404, 'not_found');
    expectError(await get(c.minzheng, '/diff', { planId, from: '2024Q1', to: '2024Q2' }), 403, 'forbidden');
  });
});
