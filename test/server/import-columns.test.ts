// The import preview takes the person's reading of the columns (`columns`, as `duban parse
// --columns`) and the worksheet to read (`sheet`, as `--sheet`) of an .xlsx or .xls, and a confirm
// echoes back a report split over several columns (progress_parts).
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachStore } from '../helpers/stores.js';
import { login, multipart, seed, testApp, type Client } from './helpers.js';

describeEachStore('import preview with named columns', (ctx) => {
  let app: FastifyInstance;
  let admin: Client;
  beforeAll(async () => {
    await seed(ctx.store);
    app = await testApp(ctx.store);
    admin = await login(app, 'admin');
  });
  afterAll(async () => app.close());

  const preview = (name: string, text: string | Buffer, fields: Record<string, string> = {}) => {
    const up = multipart(name, text, fields);
    return admin.request({ method: 'POST', url: '/api/imports/preview', payload: up.payload, headers: up.headers });
  };

  it('reads the columns as named in the form, and refuses a role it does not know', async () => {
    const text = '1\t新增学位3000个\t王芳\t已新增3200个。\n2\t新建公园5个\t李强\t已建成2个。\n';
    const r = await preview('no-header.txt', text, { columns: '序号,目标,领导,进展' });
    expect(r.statusCode).toBe(200);
    expect(r.json().table.tasks.map((t: { leaders: string[] }) => t.leaders)).toEqual([['王芳'], ['李强']]);
    const bad = await preview('no-header.txt', text, { columns: '序号,目标,负责的人' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toMatch(/负责的人/);
  });

  it('reads the worksheet named in the form, lists the sheets with tasks, and refuses an unknown one', async () => {
    const book = new ExcelJS.Workbook();
    for (const [name, done] of [
      ['二季度', '已新增3200个。'],
      ['三季度', '已新增4100个。'],
    ]) {
      const ws = book.addWorksheet(name);
      ws.addRow(['序号', '目标任务', '责任单位', '进展情况']);
      ws.addRow(['1', '新增学位5000个', '区教育局', done]);
    }
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const first = (await preview('quarters.xlsx', bytes)).json();
    expect([first.table.sheet, first.table.sheets.map((s: { name: string }) => s.name)]).toEqual([
      '二季度',
      ['二季度', '三季度'],
    ]);
    const third = await preview('quarters.xlsx', bytes, { sheet: '三季度' });
    expect(third.statusCode).toBe(200);
    expect(third.json().table.tasks[0].progress).toBe('已新增4100个。');
    const missing = await preview('quarters.xlsx', bytes, { sheet: '四季度' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.message).toMatch(/四季度/);
  });

  it('reads a saved web page, its merged cells laid out, and names its format', async () => {
    const page = readFileSync(new URL('../fixtures/parse/district-q3-saved-page.html', import.meta.url));
    const r = await preview('进展情况.html', page);
    expect(r.statusCode).toBe(200);
    const table = r.json().table;
    expect([table.format, table.period, table.tasks.length]).toEqual(['html', '2024Q3', 4]);
    expect(table.tasks[1].leaders).toEqual(['王强']);
  });

  it('reads an Excel 97-2003 workbook (.xls), its sheet chosen past the instructions and named', async () => {
    const xls = readFileSync(new URL('../fixtures/parse/office97/donghu-2024-q3.xls', import.meta.url));
    const r = await preview('1-9月推进情况.xls', xls);
    expect(r.statusCode).toBe(200);
    const table = r.json().table;
    expect([table.format, table.sheet, table.period, table.tasks.length]).toEqual(['xls', '1-9月', '2024Q3', 4]);
    expect(table.tasks[0].deadline).toBe('2024-12-31');
    const other = await preview('1-9月推进情况.xls', xls, { sheet: '四季度' });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.message).toMatch(/四季度/);
  });

  it('reads a Word 97-2003 document (.doc), its merged leader copied down', async () => {
    const doc = readFileSync(new URL('../fixtures/parse/office97/nanling-2024-q3.doc', import.meta.url));
    const r = await preview('民生实事三季度.doc', doc);
    expect(r.statusCode).toBe(200);
    const table = r.json().table;
    expect([table.format, table.period, table.tasks.length]).toEqual(['doc', '2024Q3', 2]);
    expect(table.tasks[1].leaders).toEqual(['黄建军']);
  });

  it('confirms tasks whose report is split over several columns, as the preview gave them', async () => {
    const text =
      '2024年民生实事1-6月进展情况表\n序号\t工作任务\t牵头单位\t实际完成\t完成率\n1\t新增就业岗位5000个\t区人社局\t3200个\t64%\n';
    const p = (await preview('split.txt', text)).json();
    expect(p.table.tasks[0].progress_parts).toHaveLength(2);
    const confirm = await admin.request({
      method: 'POST',
      url: '/api/imports/confirm',
      payload: {
        fileName: p.fileName,
        sha256: p.sha256,
        planTitle: '2024年民生实事（导入测试）',
        region: '钱塘区',
        year: 2024,
        period: '2024H1',
        tasks: p.table.tasks,
      },
    });
    expect(confirm.statusCode).toBe(200);
  });
});
