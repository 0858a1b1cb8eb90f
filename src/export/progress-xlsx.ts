// The progress table as an Excel workbook, laid out as offices publish it: a title row merged
// across, the header row (重点工作任务 over two columns), merged runs of theme, category,
// leader and unit, an optional coloured status column, A4 landscape with the header row
// repeated on every printed page.
import ExcelJS from 'exceljs';
import { layoutRows, cellText, type MergedColumn } from './layout.js';
import type { ProgressTable } from './model.js';
import {
  BODY_FONT,
  COLUMN_WIDTHS,
  HEADER_LEADERS,
  HEADER_PROGRESS,
  HEADER_SEQ,
  HEADER_STATUS,
  HEADER_TARGET,
  HEADER_TASK,
  HEADER_UNITS,
  LIGHT_COLOURS,
  TITLE_FONT,
  rowLight,
  statusText,
} from './style.js';

const TITLE_ROW = 1;
const HEADER_ROW = 2;
const FIRST_DATA_ROW = 3;
// Column numbers (1-based) of the published layout.
const COL = { seq: 1, theme: 2, category: 3, target: 4, leaders: 5, units: 6, progress: 7, status: 8 } as const;

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const BODY: Partial<ExcelJS.Font> = { name: BODY_FONT, size: 10.5, charset: 134 };
const HEAD: Partial<ExcelJS.Font> = { name: TITLE_FONT, size: 11, bold: true, charset: 134 };

/** Writes the table as .xlsx bytes. */
export async function writeProgressXlsx(table: ProgressTable): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'duban';
  const ws = wb.addWorksheet(sheetName(table.periodLabel), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  const lastCol = table.withStatus ? COL.status : COL.progress;
  const widths = [
    COLUMN_WIDTHS.seq,
    COLUMN_WIDTHS.theme,
    COLUMN_WIDTHS.category,
    COLUMN_WIDTHS.target,
    COLUMN_WIDTHS.leaders,
    COLUMN_WIDTHS.units,
    COLUMN_WIDTHS.progress,
    COLUMN_WIDTHS.status,
  ];
  ws.columns = widths.slice(0, lastCol).map((width) => ({ width }));

  ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, lastCol);
  const title = ws.getCell(TITLE_ROW, 1);
  title.value = table.title;
  title.font = { name: TITLE_FONT, size: 16, bold: true, charset: 134 };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(TITLE_ROW).height = 36;

  const headers = [
    HEADER_SEQ,
    HEADER_TASK,
    HEADER_TASK,
    HEADER_TARGET,
    HEADER_LEADERS,
    HEADER_UNITS,
    HEADER_PROGRESS,
    HEADER_STATUS,
  ];
  const header = ws.getRow(HEADER_ROW);
  headers.slice(0, lastCol).forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = HEAD;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  ws.mergeCells(HEADER_ROW, COL.theme, HEADER_ROW, COL.category);
  header.height = 30;

  const layout = layoutRows(table.rows);
  table.rows.forEach((row, i) => {
    const r = FIRST_DATA_ROW + i;
    const excelRow = ws.getRow(r);
    const values: Record<number, string | number> = {
      [COL.seq]: row.seq,
      [COL.theme]: row.theme ?? '',
      [COL.category]: layout[i].themeAcross ? '' : (row.category ?? ''),
      [COL.target]: row.target,
      [COL.leaders]: cellText(row, 'leaders'),
      [COL.units]: cellText(row, 'units'),
      [COL.progress]: row.progress,
    };
    if (table.withStatus) values[COL.status] = statusText(row.status);
    for (let c = 1; c <= lastCol; c++) {
      const cell = excelRow.getCell(c);
      cell.value = values[c];
      cell.font = BODY;
      cell.border = BORDER;
      const centred = c === COL.seq || c === COL.leaders || c === COL.units || c === COL.status;
      cell.alignment = { vertical: 'middle', horizontal: centred ? 'center' : 'left', wrapText: true };
    }
    const light = table.withStatus ? rowLight(row) : null;
    if (light) {
      const cell = excelRow.getCell(COL.status);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${LIGHT_COLOURS[light].fill}` } };
      cell.font = { ...BODY, bold: true, color: { argb: `FF${LIGHT_COLOURS[light].text}` } };
    }
    excelRow.height = estimateHeight([
      [row.target, COLUMN_WIDTHS.target],
      [row.progress, COLUMN_WIDTHS.progress],
      [cellText(row, 'units'), COLUMN_WIDTHS.units],
    ]);
  });

  // Merges after the values: exceljs keeps the top-left value and clears the rest.
  const mergeColumns: Array<[MergedColumn, number]> = [
    ['theme', COL.theme],
    ['category', COL.category],
    ['leaders', COL.leaders],
    ['units', COL.units],
  ];
  layout.forEach((l, i) => {
    const top = FIRST_DATA_ROW + i;
    for (const [name, col] of mergeColumns) {
      const span = l.span[name];
      if (name === 'theme' && span > 0 && l.themeAcross) ws.mergeCells(top, COL.theme, top + span - 1, COL.category);
      else if (span > 1) ws.mergeCells(top, col, top + span - 1, col);
    }
  });

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Sheet names are at most 31 characters and exclude []:*?/\ . */
function sheetName(periodLabel: string): string {
  return `${periodLabel}进展情况`.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
}

/**
 * Excel does not grow a row for wrapped text it did not lay out itself, so rows get a height
 * from their longest cell: a Chinese character takes about two width units at 10.5 pt.
 */
function estimateHeight(cells: Array<[string, number]>): number {
  let lines = 1;
  for (const [text, width] of cells) {
    let n = 0;
    for (const paragraph of text.split('\n')) {
      let units = 0;
      for (const ch of paragraph) units += ch.charCodeAt(0) > 0xff ? 2 : 1.1;
      n += Math.max(1, Math.ceil(units / (width - 1)));
    }
    lines = Math.max(lines, n);
  }
  return Math.min(409, Math.ceil(lines * 14.5 + 6)); // 409 pt is Excel's largest row
}
