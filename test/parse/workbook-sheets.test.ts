// Workbooks of several worksheets, as offices keep them: instructions first, one sheet per
// quarter, a hidden old copy. The first visible sheet with tasks is read; the others with tasks
// are named in a warning and listed, so the person can choose one.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/parse/index.js';

const HEADER = ['序号', '目标任务', '责任单位', '进展情况'];

async function workbook(sheets: Array<{ name: string; rows: string[][]; hidden?: boolean }>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name, s.hidden ? { state: 'hidden' } : {});
    for (const r of s.rows) ws.addRow(r);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const quarter = (progress: string): string[][] => [
  HEADER,
  ['1', '新增城镇就业8000人', '区人社局', progress],
  ['2', '改造老旧小区15个', '区住建局', '已开工15个'],
];
const instructions = [['填报说明'], ['1. 请各单位于每季度末5日前填报。'], ['2. 进展情况请写明具体数据。']];

describe('a workbook of several worksheets', () => {
  it('reads the first visible sheet with tasks, past a sheet of instructions, and says so', async () => {
    const bytes = await workbook([
      { name: '填报说明', rows: instructions },
      { name: '一季度', rows: quarter('新增就业2100人') },
    ]);
    const r = await parseTable(bytes);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.sheet).toBe('一季度');
    expect(r.value.tasks.map((t) => t.progress)).toEqual(['新增就业2100人', '已开工15个']);
    expect(r.value.warnings.map((w) => w.code)).toContain('sheet_chosen');
  });

  it('names every other sheet with tasks, and reads the one asked for', async () => {
    const bytes = await workbook([
      { name: '一季度', rows: quarter('新增就业2100人') },
      { name: '二季度', rows: quarter('新增就业4300人') },
      { name: '三季度', rows: quarter('新增就业6500人') },
    ]);
    const first = await parseTable(bytes);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.sheets).toEqual([
      { name: '一季度', tasks: 2 },
      { name: '二季度', tasks: 2 },
      { name: '三季度', tasks: 2 },
    ]);
    const other = first.value.warnings.find((w) => w.code === 'other_sheets');
    expect(other?.message).toContain('“二季度”（2 项）、“三季度”（2 项）');
    const third = await parseTable(bytes, { sheet: '三季度' });
    if (!third.ok) throw new Error(third.error.message);
    expect([third.value.sheet, third.value.tasks[0].progress]).toEqual(['三季度', '新增就业6500人']);
  });

  it('passes over a hidden sheet unless it is named', async () => {
    const bytes = await workbook([
      { name: '旧表', rows: quarter('旧数据'), hidden: true },
      { name: '本期', rows: quarter('新增就业6500人') },
    ]);
    const r = await parseTable(bytes);
    if (!r.ok) throw new Error(r.error.message);
    expect([r.value.sheet, r.value.sheets]).toEqual(['本期', [{ name: '本期', tasks: 2 }]]);
    const named = await parseTable(bytes, { sheet: '旧表' });
    expect(named.ok && named.value.tasks[0].progress).toBe('旧数据');
  });

  it('answers a sheet name that is not in the workbook with the names that are', async () => {
    const bytes = await workbook([
      { name: '一季度', rows: quarter('新增就业2100人') },
      { name: '二季度', rows: quarter('新增就业4300人') },
    ]);
    const r = await parseTable(bytes, { sheet: '四季度' });
    expect(r.ok ? null : r.error.message).toBe('no sheet named "四季度" (sheets: 一季度, 二季度)');
  });

  it('says no header was found when no sheet holds a table', async () => {
    const bytes = await workbook([
      { name: '填报说明', rows: instructions },
      { name: '联系人', rows: [['联系人', '电话']] },
    ]);
    const r = await parseTable(bytes);
    expect(r.ok ? null : r.error.code).toBe('no_header');
  });
});

describe('rows and columns the sheet hides', () => {
  async function filtered(): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('任务');
    ws.addRow(['序号', '目标任务', '责任单位', '内部备注', '进展情况']);
    ws.addRow(['1', '新增城镇就业8000人', '区人社局', '王科长跟进', '新增就业6100人']);
    ws.addRow(['2', '改造老旧小区15个', '区住建局', '催办两次', '已开工15个']);
    ws.addRow(['3', '新建幼儿园2所', '区教育局', '', '已竣工']);
    ws.getColumn(4).hidden = true;
    ws.getRow(3).hidden = true;
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it('reads them like the others, and names them so the person can check', async () => {
    const r = await parseTable(await filtered());
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.tasks.map((t) => t.seq)).toEqual([1, 2, 3]);
    const byCode = new Map(r.value.warnings.map((w) => [w.code, w.message]));
    expect(byCode.get('hidden_rows')).toContain('第 2 项');
    expect(byCode.get('hidden_columns')).toContain('内部备注');
  });

  it('says nothing of a sheet that hides nothing', async () => {
    const r = await parseTable(await workbook([{ name: '一季度', rows: quarter('新增就业2100人') }]));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.warnings.map((w) => w.code)).not.toContain('hidden_rows');
    expect(r.value.warnings.map((w) => w.code)).not.toContain('hidden_columns');
  });
});

describe('a workbook keeping one part of the plan per sheet, read whole on request', () => {
  const parts = () =>
    workbook([
      { name: '填报说明', rows: instructions },
      {
        name: '经济发展',
        rows: [
          ['2024年区政府工作报告重点任务三季度进展情况表'],
          HEADER,
          ['1', '新建5G基站800个', '区经信局', '累计新建610个'],
          ['2', '新增规上工业企业20家', '区经信局', '新增14家'],
        ],
      },
      {
        name: '民生实事',
        rows: [HEADER, ['1', '新增城镇就业1万人', '区人社局', '新增8600人']],
      },
    ]);

  it('reads one sheet by default and says the sheets may be read together', async () => {
    const r = await parseTable(await parts());
    expect(r.ok && r.value.tasks.length).toBe(2);
    expect(r.ok && r.value.warnings.find((w) => w.code === 'other_sheets')?.message).toContain('全部工作表');
  });

  it('reads every sheet with tasks as one table (sheet: "*"), each sheet’s name its tasks’ theme', async () => {
    const r = await parseTable(await parts(), { sheet: '*' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.title).toBe('2024年区政府工作报告重点任务三季度进展情况表');
    expect(r.value.period).toBe('2024Q3');
    expect(r.value.tasks.map((t) => [t.seq, t.theme, t.target])).toEqual([
      [1, '经济发展', '新建5G基站800个'],
      [2, '经济发展', '新增规上工业企业20家'],
      [1, '民生实事', '新增城镇就业1万人'],
    ]);
    expect(r.value.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['all_sheets', 'seq_repeated']));
    expect(r.value.sheets?.map((s) => s.name)).toEqual(['经济发展', '民生实事']);
  });
});
