import { describe, expect, it } from 'vitest';
import type { ProgressRow, ProgressTable } from '../../src/export/model.js';
import { writeProgressDocx } from '../../src/export/progress-docx.js';
import { parseTable } from '../../src/parse/index.js';
import { docxPart, paragraphsText, resolvedGrid, tableRows, tables } from './docx-read.js';
import { expectedTasks, taskFields } from './round-trip.js';
import { goldRows, seedTable } from './seed.js';

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
});

const small: ProgressTable = {
  title: '2024年某县政府工作报告重点工作任务一季度进展情况表',
  planTitle: 'p',
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

describe('progress table as .docx', () => {
  it('sets an A4 landscape page', async () => {
    const xml = await docxPart(await writeProgressDocx(small));
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  it('puts the title above the table and repeats the header row on every page', async () => {
    const xml = await docxPart(await writeProgressDocx(small));
    expect(paragraphsText(xml.slice(0, xml.indexOf('<w:tbl>')))).toContain(small.title);
    const rows = tableRows(tables(xml)[0]);
    expect(rows[0].xml).toContain('<w:tblHeader/>');
    expect(rows.slice(1).some((r) => r.xml.includes('<w:tblHeader/>'))).toBe(false);
    expect(rows[0].cells.map((c) => c.text)).toEqual([
      '序号',
      '重点工作任务',
      '具体目标任务',
      '牵头区领导',
      '牵头单位',
      '进展情况',
      '评估状态',
    ]);
    expect(rows[0].cells[1].span).toBe(2);
    expect(tables(xml)[0]).toMatch(/<w:tblBorders>[\s\S]*<w:insideV w:val="single"[\s\S]*<\/w:tblBorders>/);
  });

  it('merges runs vertically (vMerge) and spreads a category-less theme over two columns', async () => {
    const rows = tableRows(tables(await docxPart(await writeProgressDocx(small)))[0]).slice(1);
    const at = (r: number, col: number) => rows[r].cells.find((c) => c.col === col)!;
    expect(at(0, 1)).toMatchObject({ span: 2, vMerge: 'restart', text: '主要经济指标' });
    expect(at(1, 1)).toMatchObject({ span: 2, vMerge: 'continue', text: '' });
    expect(at(2, 1)).toMatchObject({ span: 1, vMerge: 'restart', text: '建设现代产业体系' });
    expect(at(4, 1).vMerge).toBe('continue');
    expect(at(2, 2)).toMatchObject({ vMerge: 'restart', text: '壮大先进制造业' });
    expect(at(4, 2)).toMatchObject({ vMerge: null, text: '提升现代服务业' });
    expect([0, 1, 2, 3, 4].map((r) => at(r, 4).vMerge)).toEqual(['restart', 'continue', 'restart', 'continue', null]); // leaders
    expect([0, 1].map((r) => at(r, 5).vMerge)).toEqual([null, null]); // different units
  });

  it('shades the status cell by its light', async () => {
    const rows = tableRows(tables(await docxPart(await writeProgressDocx(small)))[0]).slice(1);
    expect(rows.map((r) => r.cells.at(-1)!.fill)).toEqual(['FFC7CE', 'D9D9D9', 'C6EFCE', 'C6EFCE', 'FFC7CE']);
    expect(rows[0].cells.at(-1)!.text).toBe('进度滞后');
  });

  it('uses 仿宋_GB2312 for East Asian text by default', async () => {
    const styles = await docxPart(await writeProgressDocx(small), 'word/styles.xml');
    expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
  });

  it('shows every seed task its own theme, category, leaders and units once merges are resolved', async () => {
    const table = seedTable();
    const grid = resolvedGrid(tables(await docxPart(await writeProgressDocx(table)))[0]).slice(1);
    table.rows.forEach((t, i) => {
      expect(grid[i][0]).toBe(String(t.seq));
      expect(grid[i][1]).toBe(t.theme ?? '');
      expect(grid[i][2] ?? null).toBe(t.category); // undefined: covered by the theme spread across
      expect(grid[i][4]).toBe(t.leaders.join('、'));
      expect(grid[i][5]).toBe(t.units.join('、'));
      expect(grid[i][6]).toBe(t.progress);
    });
  });
});

describe('round trip: an exported .docx parsed again gives the same tasks', () => {
  it('on the seed table (qiantang 2023 Q4)', async () => {
    const table = seedTable(true);
    const parsed = await parseTable(await writeProgressDocx(table), { fileName: 'seed.docx' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.format).toBe('docx');
    expect(parsed.value.tasks.map(taskFields)).toEqual(expectedTasks(table.rows));
  });

  it('on a half-year table with multi-line progress, quotes and several leaders', async () => {
    const table: ProgressTable = {
      title: '2024年临安区政府工作报告重点工作任务上半年进展情况表',
      planTitle: 'p',
      periodLabel: '2024H1',
      withStatus: true,
      rows: goldRows('../fixtures/export/linan-2024-h1.gold.json'),
    };
    const parsed = await parseTable(await writeProgressDocx(table), { fileName: 'linan.docx' });
    expect(parsed.ok && parsed.value.period).toBe('2024H1');
    if (!parsed.ok) return;
    expect(parsed.value.tasks.map(taskFields)).toEqual(expectedTasks(table.rows));
  });
});
