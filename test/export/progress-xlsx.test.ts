import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ProgressRow, ProgressTable } from '../../src/export/model.js';
import { writeProgressXlsx } from '../../src/export/progress-xlsx.js';
import { parseTable } from '../../src/parse/index.js';
import { expectedTasks, taskFields } from './round-trip.js';
import { goldRows, seedTable } from './seed.js';

async function open(table: ProgressTable) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeProgressXlsx(table)) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  return { wb, ws, merges: (ws.model as unknown as { merges: string[] }).merges };
}

const row = (
  seq: number,
  theme: string,
  category: string | null,
  leaders: string[],
  units: string[],
  status?: ProgressRow['status'],
): ProgressRow => ({
  seq,
  theme,
  category,
  target: `目标任务${seq}`,
  leaders,
  units,
  progress: `进展${seq}`,
  status,
  reason: status ? '理由' : undefined,
});

const small: ProgressTable = {
  title: '2024年某县政府工作报告重点工作任务一季度进展情况表',
  planTitle: '2024年某县政府工作报告重点工作任务',
  periodLabel: '2024Q1',
  withStatus: true,
  rows: [
    row(1, '主要经济指标', null, ['张伟'], ['县发改局'], 'behind'),
    row(2, '主要经济指标', null, ['张伟'], ['县统计局'], 'pending'),
    row(3, '建设现代产业体系', '壮大先进制造业', ['李强'], ['县经信局'], 'on_track'),
    row(4, '建设现代产业体系', '壮大先进制造业', ['李强'], ['县经信局'], 'done'),
    row(5, '建设现代产业体系', '提升现代服务业', ['李强', '王芳'], ['县商务局'], 'no_report'),
  ],
};

describe('progress table as .xlsx', () => {
  it('puts the title in the first row, merged across every column', async () => {
    const { ws, merges } = await open(small);
    expect(ws.getCell('A1').value).toBe(small.title);
    expect(merges).toContain('A1:H1');
    expect(ws.getCell('A1').font.bold).toBe(true);
  });

  it('writes the standard header with 重点工作任务 over two columns', async () => {
    const { ws, merges } = await open(small);
    const header = [1, 2, 4, 5, 6, 7, 8].map((c) => ws.getRow(2).getCell(c).value);
    expect(header).toEqual(['序号', '重点工作任务', '具体目标任务', '牵头区领导', '牵头单位', '进展情况', '评估状态']);
    expect(merges).toContain('B2:C2');
  });

  it('merges runs of theme, category, leader and unit, and spreads a category-less theme across both columns', async () => {
    const { ws, merges } = await open(small);
    expect(merges).toContain('B3:C4'); // 主要经济指标: no category, two tasks
    expect(merges).toContain('B5:B7'); // one theme over three tasks
    expect(merges).toContain('C5:C6'); // one category over two tasks
    expect(merges).toContain('E3:E4'); // 张伟 twice
    expect(merges).toContain('E5:E6'); // 李强 in one category; the next category starts a new cell
    expect(merges).not.toContain('F3:F4'); // different units are not merged
    expect(ws.getCell('C7').value).toBe('提升现代服务业');
    expect(ws.getCell('E7').value).toBe('李强、王芳');
  });

  it('colours the status column red, amber, green and grey', async () => {
    const { ws } = await open(small);
    const fill = (r: number) => (ws.getCell(r, 8).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect(ws.getCell('H3').value).toBe('进度滞后');
    expect([fill(3), fill(4), fill(5), fill(6), fill(7)]).toEqual([
      'FFFFC7CE',
      'FFD9D9D9',
      'FFC6EFCE',
      'FFC6EFCE',
      'FFFFC7CE',
    ]);
  });

  it('leaves the status column out unless asked', async () => {
    const { ws, merges } = await open({ ...small, withStatus: false });
    expect(ws.getRow(2).getCell(8).value).toBeNull();
    expect(merges).toContain('A1:G1');
  });

  it('prints on A4 landscape, one page wide, with the header row repeated on every page', async () => {
    const { ws } = await open(seedTable());
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe('2:2');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('sets Chinese fonts, wrapped text and column widths', async () => {
    const { ws } = await open(seedTable());
    expect(ws.getCell('D3').font.name).toBe('仿宋_GB2312');
    expect(ws.getCell('A2').font.name).toBe('宋体');
    expect(ws.getCell('G3').alignment.wrapText).toBe(true);
    expect(ws.getColumn(7).width).toBeGreaterThan(ws.getColumn(4).width!);
    // A long progress text gets a taller row than a short one.
    const seed = seedTable().rows;
    const longest = seed.reduce((a, b, i) => (b.progress.length > seed[a].progress.length ? i : a), 0);
    expect(ws.getRow(3 + longest).height).toBeGreaterThan(ws.getRow(3).height);
  });

  it('shows every task its own theme, category, leaders and units through the merged cells (seed)', async () => {
    const table = seedTable();
    const { ws } = await open(table);
    const value = (r: number, c: number) => {
      const cell = ws.getCell(r, c);
      return String((cell.isMerged ? cell.master : cell).value ?? '');
    };
    table.rows.forEach((t, i) => {
      const r = 3 + i;
      expect(value(r, 2)).toBe(t.theme ?? '');
      // A theme spread across both columns stands for "no category".
      const c = ws.getCell(r, 3);
      const across = c.isMerged && Number(c.master.col) === 2;
      expect(across ? null : value(r, 3) || null).toBe(t.category);
      expect(value(r, 5)).toBe(t.leaders.join('、'));
      expect(value(r, 6)).toBe(t.units.join('、'));
    });
  });
});

describe('round trip: an exported .xlsx parsed again gives the same tasks', () => {
  it('on the seed table (qiantang 2023 Q4)', async () => {
    const table = seedTable(true);
    const parsed = await parseTable(await writeProgressXlsx(table), { fileName: 'seed.xlsx' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.title).toBe(table.title);
    expect(parsed.value.tasks.map(taskFields)).toEqual(expectedTasks(table.rows));
  });

  it('on a half-year table with multi-line progress, quotes and several leaders', async () => {
    const table: ProgressTable = {
      title: '2024年临安区政府工作报告重点工作任务上半年进展情况表',
      planTitle: '2024年临安区政府工作报告重点工作任务',
      periodLabel: '2024H1',
      withStatus: false,
      rows: goldRows('../fixtures/export/linan-2024-h1.gold.json'),
    };
    const parsed = await parseTable(await writeProgressXlsx(table), { fileName: 'linan.xlsx' });
    expect(parsed.ok && parsed.value.period).toBe('2024H1');
    if (!parsed.ok) return;
    expect(parsed.value.tasks.map(taskFields)).toEqual(expectedTasks(table.rows));
  });
});
