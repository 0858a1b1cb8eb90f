// .xlsx → rows of cells, with exceljs. A vertically merged cell (a theme or leader spanning
// several tasks) is copied down into every row it covers and marked as merged; a horizontal
// span keeps its text in the first column only, so a heading spanning the table stays one cell.
import type { Row } from './rows.js';

export type XlsxRowsResult = { ok: true; rows: Row[] } | { ok: false; code: 'bad_input'; message: string };

/** Plain text of a cell value: rich text runs joined, formulas by their result, dates as ISO days. */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return textOf(v.result);
    if ('text' in v) return textOf(v.text);
    if (v.error) return '';
  }
  return String(value);
}

/**
 * Reads one worksheet (the first unless `sheet` names another). Fails with a readable
 * message for a workbook exceljs cannot open or a sheet name that does not exist.
 */
export async function xlsxToRows(bytes: Uint8Array, sheet?: string): Promise<XlsxRowsResult> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { ok: false, code: 'bad_input', message: `the .xlsx file cannot be read (${why})` };
  }
  const sheets = workbook.worksheets;
  const ws = sheet === undefined ? sheets[0] : sheets.find((s) => s.name === sheet);
  if (!ws) {
    const names = sheets.map((s) => s.name).join(', ');
    return {
      ok: false,
      code: 'bad_input',
      message: sheet === undefined ? 'the workbook has no worksheet' : `no sheet named "${sheet}" (sheets: ${names})`,
    };
  }
  const rows: Row[] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    const merged: boolean[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master !== cell) {
        const master = cell.master;
        const below = master.col === cell.col && master.row < cell.row;
        cells.push(below ? textOf(master.value) : '');
        merged.push(below);
      } else {
        cells.push(textOf(cell.value));
        merged.push(false);
      }
    }
    rows.push({ cells, mergedFromAbove: merged });
  }
  return { ok: true, rows };
}
