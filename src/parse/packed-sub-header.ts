// A two-row header copied as text loses the cells merged down from its first row: under
// `项目名称 | 项目类别 | | | |` (项目名称 spanning both rows, 项目类别 over five columns) the second
// row comes out `工作任务 | 实际已完成工作量 | …`, packed to the left, so every name it gives sits
// one column left of the column it names. The row is known by its count: it names exactly as many
// columns as its parent spans, which only fit under the parent.
import { readHeaderRow, roleOfHeader } from './headers.js';
import type { Row } from './rows.js';

/** Longest cell a header row holds; a longer one is a title or a task. */
const MAX_LABEL_CHARS = 24;
const isLabel = (c: string) => c.length <= MAX_LABEL_CHARS && !/[。；;！？]/.test(c);

/** The filled cells of a row when they stand together from its first column, else null. */
function packedFromStart(cells: readonly string[]): string[] | null {
  const trimmed = cells.map((c) => c.trim());
  const count = trimmed.findIndex((c) => !c);
  const filled = count < 0 ? trimmed : trimmed.slice(0, count);
  return trimmed.slice(filled.length).some(Boolean) ? null : filled;
}

/**
 * Row h + 1 put back under its parent when it was written packed to the left of a first header
 * row whose leading names (columns of their own, merged down) stand before one parent spanning
 * the rest of the row; null for any other pair of rows. Text input only: xlsx and docx copy a
 * merged cell down, so their second row is never short.
 */
export function unpackedSubHeader(rows: readonly Row[], h: number): Row | null {
  const top = rows[h];
  const sub = rows[h + 1];
  if (!top || !sub || top.mergedFromAbove || sub.mergedFromAbove) return null;
  // this runs on every row until a header is found: a task row (it opens with its number) is
  // turned away before any cell is copied, as readHeaderRow turns it away below
  if (/^\s*\d/.test(top.cells[0] ?? '')) return null;
  const names = packedFromStart(top.cells);
  const subNames = packedFromStart(sub.cells);
  if (!names || !subNames || names.length < 2 || !names.every(isLabel) || !subNames.every(isLabel)) return null;
  const parentAt = names.length - 1;
  const span = top.cells.length - parentAt;
  if (span < 2 || subNames.length !== span) return null;
  // the names before the parent are whole columns (项目名称), as a header names them; the first
  // row is no header alone (its parent names a group) while the second names the columns
  if (!names.slice(0, parentAt).every((n) => roleOfHeader(n) !== null)) return null;
  if (readHeaderRow(top.cells) || !readHeaderRow(sub.cells)) return null;
  if (!readHeaderRow([...names.slice(0, parentAt), ...subNames])) return null;
  return { cells: [...Array<string>(parentAt).fill(''), ...subNames] };
}
