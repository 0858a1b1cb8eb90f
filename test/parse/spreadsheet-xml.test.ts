// Excel 2003 XML spreadsheets, as reporting systems export them (often under an .xls name). The
// fixture is written as Excel 2003 writes such a file; LibreOffice, reading it on its own, gave
// the cells in nanhu-2024-q2.libreoffice.tsv (its own export of the sheet), which the reader here
// must agree with.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/parse/index.js';
import { looksLikeSpreadsheetXml, XmlWorkbook } from '../../src/parse/spreadsheet-xml.js';

const dir = new URL('../fixtures/parse/spreadsheet2003/', import.meta.url);
const xml = readFileSync(new URL('nanhu-2024-q2.xml', dir), 'utf8');

/** LibreOffice's tab-separated export: quoted cells may hold tabs, quotes and line breaks. */
function tsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') cell += text[i++];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === '\t' || c === '\n') {
      row.push(cell);
      cell = '';
      if (c === '\n') {
        rows.push(row);
        row = [];
      }
    } else if (c !== '\r') cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('an Excel 2003 XML spreadsheet', () => {
  it('is recognised by its namespace, not by its name', () => {
    expect(looksLikeSpreadsheetXml(xml)).toBe(true);
    expect(looksLikeSpreadsheetXml('<table><tr><td>序号</td></tr></table>')).toBe(false);
  });

  it('gives the cells LibreOffice gives, with days as ISO days and a merged leader copied down', () => {
    const book = new XmlWorkbook(xml);
    expect(book.sheets).toEqual([
      { name: '填报说明', hidden: false },
      { name: '二季度', hidden: false },
      { name: '旧表', hidden: true },
    ]);
    const read = book.rows('二季度');
    if (!read.ok) throw new Error(read.message);
    const theirs = tsvRows(readFileSync(new URL('nanhu-2024-q2.libreoffice.tsv', dir), 'utf8'));
    const usDay = (s: string) =>
      s.replace(/^(\d+)\/(\d+)\/(\d{4})$/, (_, m, d, y) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
    expect(read.rows.map((r) => r.cells)).toEqual(
      theirs.map((cells, r) =>
        // LibreOffice leaves a cell merged from above blank where the reader copies it down
        cells.map((c, k) => (read.rows[r].mergedFromAbove?.[k] ? read.rows[r].cells[k] : usDay(c))),
      ),
    );
    expect(read.rows[4].mergedFromAbove?.[4]).toBe(true);
    expect(read.hiddenColumns).toEqual([1]);
    expect(read.rows.map((r) => r.hidden ?? false)).toEqual([false, false, false, false, false, false, false, true]);
  });

  it('reads as a table: past the instructions sheet, numbers in their formats, rich text as text', async () => {
    const r = await parseTable(new TextEncoder().encode(xml), { fileName: '二季度推进情况.xls' });
    if (!r.ok) throw new Error(r.error.message);
    expect([r.value.format, r.value.sheet, r.value.period]).toEqual(['xml', '二季度', '2024Q2']);
    expect(r.value.tasks.map((t) => [t.seq, t.leaders[0], t.deadline, t.progress_parts?.at(-1)?.text])).toEqual([
      [1, '周海峰', '2024-12-31', '40%'],
      [2, '周海峰', '2024-12-31', '60%'],
      [3, '林晓红', '2024-11-30', '13.3%'],
      [4, '林晓红', '2024-12-31', '40%'],
    ]);
    expect(r.value.tasks[1].progress).toContain('已新增规上工业企业18家，\n另有6家正在申报。');
    expect(r.value.tasks[2].units).toEqual(['区住建局', '各街道']);
    expect(r.value.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['sheet_chosen', 'hidden_rows', 'hidden_columns']),
    );
  });

  it('answers a sheet name it does not have with the names it has', async () => {
    const r = await parseTable(new TextEncoder().encode(xml), { sheet: '三季度' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/二季度/);
  });
});
