// A 序号 column numbered by a formula (`=ROW()-2`, `=A3+1`, `=MAX($A$3:A4)+1`) in a workbook that
// was written by a program, not saved by Excel or WPS, holds no result: only Excel computes one. Such
// a table read with an empty 序号 column and was refused (`no numbered tasks`). The few formulas
// offices number rows with are computed here; any other formula still shows nothing.
import { cellAddress } from './xlsx-xml.js';

interface At {
  row: number;
  col: number;
}

/**
 * Cells that `MAX(range)` formulas may look at, all told, in one sheet. Each row's `MAX($A$2:A…)+1`
 * looks at every row above it, so the work grows with the square of the rows: this numbers a table
 * of 2,000 rows (real ones have a few hundred), and a sheet of a hundred thousand stops in time.
 */
export const MAX_RANGE_CELLS = 2_000_000;

/** What is left of a sheet's MAX_RANGE_CELLS. */
export interface RangeBudget {
  cells: number;
}

/** The number a numbering formula gives at `at`, or null for any other formula. */
export function numberingValue(
  formula: string,
  at: At,
  valueAt: (row: number, col: number) => string | undefined,
  budget: RangeBudget = { cells: MAX_RANGE_CELLS },
): number | null {
  const f = formula.replace(/\s+/g, '').replace(/^=/, '').toUpperCase();
  const m = NUMBERING.exec(f);
  if (!m) return null;
  const offset = m[4] ? Number(m[4].replace('+', '')) : 0;
  let base: number | null = null;
  if (m[1] !== undefined) base = m[1] === '' ? at.row : (addressOf(m[1])?.row ?? null);
  else if (m[2] !== undefined) base = numberAt(m[2], valueAt);
  else if (m[3] !== undefined) base = maxOf(m[3], valueAt, budget);
  return base === null ? null : base + offset;
}

/** A reference's cell, fixed (`$A$3`) or not. */
const addressOf = (ref: string): At | null => cellAddress(ref.replace(/\$/g, ''));

/** `ROW()`, `ROW(A3)`; a cell (`A3`, `$A$3`); `MAX(range)` — each with `+k` or `-k` after it. */
const NUMBERING =
  /^(?:ROW\(((?:\$?[A-Z]{1,3}\$?\d+)?)\)|(\$?[A-Z]{1,3}\$?\d+)|MAX\((\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+)\))([+-]\d{1,6})?$/;

function numberAt(ref: string, valueAt: (row: number, col: number) => string | undefined): number | null {
  const a = addressOf(ref);
  if (!a) return null;
  const v = Number(valueAt(a.row, a.col));
  return Number.isFinite(v) ? v : null;
}

/**
 * The largest number in a column's range of the cells read so far (above the formula); 0 when none.
 * A numbering formula looks down one column; a range over several, or past the budget, is not computed.
 */
function maxOf(
  range: string,
  valueAt: (row: number, col: number) => string | undefined,
  budget: RangeBudget,
): number | null {
  const [from, to] = range.split(':');
  const a = addressOf(from);
  const b = addressOf(to);
  if (!a || !b || a.col !== b.col) return null;
  const top = Math.min(a.row, b.row);
  const bottom = Math.max(a.row, b.row);
  if (bottom - top + 1 > budget.cells) return null;
  budget.cells -= bottom - top + 1;
  let max = 0;
  for (let r = top; r <= bottom; r++) {
    const v = Number(valueAt(r, a.col));
    if (Number.isFinite(v) && v > max) max = v;
  }
  return max;
}

/**
 * A shared formula as it reads in another cell: Excel writes the formula once (in its first cell)
 * and the others refer to it; references without `$` move with the cell.
 */
export function movedFormula(formula: string, from: At, to: At): string {
  const dr = to.row - from.row;
  const dc = to.col - from.col;
  return formula.replace(
    /(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g,
    (whole, colFixed: string, col: string, rowFixed: string, row: string) => {
      const c = colFixed ? col : columnName(columnNumber(col) + dc);
      const r = rowFixed ? row : String(Number(row) + dr);
      return c && Number(r) > 0 ? `${colFixed}${c}${rowFixed}${r}` : whole;
    },
  );
}

const columnNumber = (name: string): number => [...name].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
function columnName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
