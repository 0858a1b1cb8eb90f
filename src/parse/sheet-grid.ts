// A worksheet's cells laid out as rows, for every workbook format (.xlsx, .xls, Excel 2003 XML): the
// cells a reader found, by 1-based row and column, with the merged ranges, hidden rows and the extent the
// sheet declares. A vertically merged cell (a theme or leader spanning several tasks) is copied
// down into every row it covers and marked as merged; a horizontal span keeps its text in the
// first column only, so a heading spanning the table stays one cell.
import { MAX_TABLE_CELLS, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from './limits.js';
import type { Row } from './rows.js';

/** A worksheet as the tabs show it. */
export interface SheetTab {
  name: string;
  hidden: boolean;
}

/** Reading a sheet fails only as damage or size. */
export type SheetFailure = { ok: false; code: 'bad_input' | 'too_large'; message: string };

/** One worksheet's rows, and the columns (from 0) the workbook hides. */
export type SheetRows = { ok: true; rows: Row[]; hiddenColumns: number[] } | SheetFailure;

/** A sheet name the workbook does not have, answered with the names it has. */
export function noSuchSheet(name: string, sheets: readonly { name: string }[]): SheetFailure {
  return {
    ok: false,
    code: 'bad_input',
    message: `no sheet named "${name}" (sheets: ${sheets.map((s) => s.name).join(', ')})`,
  };
}

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What a reader collects from one worksheet, rows and columns from 1. */
export class SheetCells {
  readonly grid: string[][] = [];
  readonly merges: Merge[] = [];
  readonly hiddenRows = new Set<number>();
  declaredHeight = 0;
  declaredWidth = 0;
  /** More cells hold text than any table laid out may have: the rest are not kept. */
  overflow = false;
  private textCells = 0;
  private firstTextRow = Infinity;
  private lastTextRow = 0;
  private lastTextCol = 0;

  /** A cell's text (blank cells need not be set). */
  set(row: number, col: number, text: string): void {
    this.declare(row, col);
    if (!text) return;
    // past the limit the sheet is refused anyway (its text spans more cells than that): keep no more
    if (++this.textCells > MAX_TABLE_CELLS) {
      this.overflow = true;
      return;
    }
    (this.grid[row] ??= [])[col] = text;
    this.firstTextRow = Math.min(this.firstTextRow, row);
    this.lastTextRow = Math.max(this.lastTextRow, row);
    this.lastTextCol = Math.max(this.lastTextCol, col);
  }

  /** The sheet declares a cell here (a blank one, a row, a merged range's corner). */
  declare(row: number, col: number): void {
    this.declaredHeight = Math.max(this.declaredHeight, row);
    this.declaredWidth = Math.max(this.declaredWidth, col);
  }

  merge(m: Merge): void {
    this.merges.push(m);
    this.declare(m.bottom, m.right);
  }

  /** The extent of the cells holding text, or null for a sheet without any. */
  textExtent(): { firstRow: number; lastRow: number; lastCol: number } | null {
    return this.lastTextRow === 0
      ? null
      : { firstRow: this.firstTextRow, lastRow: this.lastTextRow, lastCol: this.lastTextCol };
  }
}

export type LaidOut = { ok: true; rows: Row[]; width: number } | { ok: false; code: 'too_large'; message: string };

/** `1` → `A`, `16384` → `XFD`: a column as Excel names it, for messages. */
function columnName(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Whether a block of rows × columns is more than the parser lays out. */
const tooBig = (rows: number, columns: number) =>
  rows > MAX_TABLE_ROWS || columns > MAX_TABLE_COLUMNS || rows * columns > MAX_TABLE_CELLS;

/**
 * Lays one worksheet's cells out as rows, merged blocks filled as described at the top. The sheet
 * as declared (every cell and merged range, from A1) is laid out when it is of a table's size. A
 * few bytes can declare a cell at XFD1048576 or a merge over all of it, so past the limits only
 * the extent of cells holding text is laid out, merged ranges clipped to it; a sheet whose text
 * itself passes the limits is refused.
 */
export function layOutSheet(sheet: SheetCells, sheetName: string): LaidOut {
  const { grid } = sheet;
  if (sheet.overflow)
    return {
      ok: false,
      code: 'too_large',
      message: `the sheet "${sheetName}" has text in more than ${MAX_TABLE_CELLS} cells; delete the cells outside the table and save again`,
    };
  let firstRow = 1;
  let lastRow = sheet.declaredHeight;
  let width = sheet.declaredWidth;
  if (tooBig(lastRow, width)) {
    const text = sheet.textExtent();
    if (!text) return { ok: true, rows: [], width: 0 };
    [firstRow, lastRow, width] = [text.firstRow, text.lastRow, text.lastCol];
    if (tooBig(lastRow - firstRow + 1, width)) {
      return {
        ok: false,
        code: 'too_large',
        message:
          `the sheet "${sheetName}" has text in A${firstRow}:${columnName(width)}${lastRow} ` +
          `(${lastRow - firstRow + 1} rows × ${width} columns), over the limit of ${MAX_TABLE_ROWS} rows, ` +
          `${MAX_TABLE_COLUMNS} columns and ${MAX_TABLE_CELLS} cells; delete the cells outside the table and save again`,
      };
    }
  }
  const rows: Row[] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const source = grid[r];
    const cells = new Array<string>(width);
    for (let c = 1; c <= width; c++) cells[c - 1] = source?.[c] ?? '';
    rows.push(sheet.hiddenRows.has(r) ? { cells, hidden: true } : { cells });
  }
  // Merged ranges clipped to the laid-out extent; crafted overlapping ranges are bounded by the cell limit.
  let mergedCells = 0;
  for (const m of sheet.merges) {
    const top = Math.max(m.top, firstRow);
    const bottom = Math.min(m.bottom, lastRow);
    const right = Math.min(m.right, width);
    if (top > bottom || m.left > right) continue;
    mergedCells += (bottom - top + 1) * (right - m.left + 1);
    if (mergedCells > MAX_TABLE_CELLS) {
      return {
        ok: false,
        code: 'too_large',
        message: `the sheet "${sheetName}" declares merged ranges over more than ${MAX_TABLE_CELLS} cells`,
      };
    }
    const text = grid[m.top]?.[m.left] ?? '';
    for (let r = top; r <= bottom; r++) {
      const target = rows[r - firstRow];
      const mergedFromAbove = (target.mergedFromAbove ??= new Array<boolean>(width).fill(false));
      const coveredFromLeft = (target.coveredFromLeft ??= new Array<boolean>(width).fill(false));
      for (let c = m.left; c <= right; c++) {
        if (r === m.top && c === m.left) continue;
        // Below the first cell: the block's text, marked as copied; beside it: blank.
        const below = c === m.left;
        target.cells[c - 1] = below ? text : '';
        mergedFromAbove[c - 1] = below;
        coveredFromLeft[c - 1] = c > m.left;
      }
    }
  }
  return { ok: true, rows, width };
}
