// Text → rows of cells. Handles the tab-separated text that copying or extracting a table
// from a published document gives, columns aligned with spaces (a page's text layer), and CSV/TSV
// as spreadsheets export it (quoted cells may
// hold line breaks and separators). Empty lines are left out (they carry nothing a table
// reads), and a text with more rows or columns than any table is refused, not laid out:
// fifty megabytes of line breaks would otherwise be fifty million rows.
import { MAX_HEADER_CELL, rowsFromCellLines } from './cell-lines.js';
import { readHeaderRow } from './headers.js';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from './limits.js';
import { looksLikePipeTable, pipeRows } from './pipe-rows.js';
import type { Row } from './rows.js';

export type TextRowsResult =
  | {
      ok: true;
      rows: Row[];
      /** The text had one cell per line, put back into rows this many columns wide (cell-lines.ts). */
      cellLines?: number;
    }
  | { ok: false; code: 'too_large'; message: string };

/**
 * Picks the separator: tabs when any line has one, otherwise commas when the text reads as CSV.
 * Prose with half-width commas (`…建设,全年完成…`, as re-hosted pages print them) is no CSV: its
 * lines open with a long clause before the first comma and split into varying numbers of pieces,
 * where a CSV row opens with a short 序号 or label, or splits the same way on most lines.
 */
function separatorOf(text: string): Separator {
  const sample = text.slice(0, 20_000);
  if (sample.includes('\t')) return '\t';
  const lines = sample.split('\n').slice(0, 40);
  if (headerSplitBy(lines, SPACES)) return SPACES;
  if (headerSplitBy(lines, ONE_SPACE)) return ONE_SPACE;
  const counts = lines.map((l) => l.match(/,/g)?.length ?? 0);
  const withCommas = lines.filter((_, i) => counts[i] > 0);
  const shortFirst = withCommas.filter((l) => /^\s*"/.test(l) || l.indexOf(',') <= 8).length;
  const mode = modeOf(counts.filter((n) => n > 0));
  // a header row of known words (`具体目标任务,进展情况`) says the text is a table, whatever its rows hold
  const headerLine = withCommas.slice(0, 5).some((l) => readHeaderRow(l.split(',')) !== null);
  const readsAsRows =
    headerLine ||
    // (prose lines above a CSV table, its title copied from an article, may outnumber its rows)
    (shortFirst >= Math.min(3, withCommas.length) && shortFirst >= 0.4 * withCommas.length) ||
    (mode >= 2 && counts.filter((n) => n === mode).length >= 0.8 * withCommas.length);
  if (!readsAsRows) return null;
  if (counts.filter((n) => n >= 2).length >= 2) return ',';
  // Two columns: one comma on most of the lines (a title line above has none).
  const filled = lines.filter((l) => l.trim()).length;
  const one = counts.filter((n) => n === 1).length;
  return one >= 3 && one >= 0.6 * filled ? ',' : null;
}

/** Tabs, commas, runs of spaces (SPACES or ONE_SPACE), or none: one cell per line. */
type Separator = '\t' | ',' | RegExp | null;

/**
 * Columns aligned with spaces, as a page's text layer gives a table: cells two or more spaces
 * apart (one space, or one full-width space, stays inside a cell: `王　明`, `2.7 万个`). Failing
 * that, cells one space apart, as a web page's table copied as text gives them. Either is taken
 * only when a line so split is a header of known words. A wrapped line keeps only its own words;
 * the normaliser joins it to the line above with a warning (`line_joined`).
 */
const SPACES = / {2,}|\u3000{2,}/;
const ONE_SPACE = /[ \u3000]+/;
const GLOBAL = new Map([SPACES, ONE_SPACE].map((re) => [re, new RegExp(re.source, 'g')]));
function headerSplitBy(lines: readonly string[], sep: RegExp): boolean {
  return lines.slice(0, 20).some((l) => {
    const cells = l.trim().split(sep);
    return cells.length >= 3 && readHeaderRow(cells) !== null;
  });
}

/** The cells of a line aligned by spaces, with the offset each starts at. */
function piecesOf(line: string, sep: RegExp): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const runs = GLOBAL.get(sep) ?? new RegExp(sep.source, 'g');
  runs.lastIndex = 0;
  let from = 0;
  for (let m = runs.exec(line); ; m = runs.exec(line)) {
    const end = m ? m.index : line.length;
    const piece = line.slice(from, end);
    const text = piece.trim();
    if (text) out.push({ text, start: from + piece.length - piece.trimStart().length });
    if (!m) break;
    from = m.index + m[0].length;
  }
  return out;
}

/**
 * A wrapped line (indented, fewer cells than the line above): each of its cells goes under the cell
 * of the line above that starts at or just before it, the cells before left empty; null otherwise.
 */
function underLineAbove(
  pieces: ReadonlyArray<{ text: string; start: number }>,
  starts: readonly number[],
): string[] | null {
  if (pieces.length === 0 || pieces.length >= starts.length || pieces[0].start === 0) return null;
  const cells: string[] = [];
  for (const p of pieces) {
    let column = 0;
    for (let i = 0; i < starts.length; i++) if (starts[i] <= p.start + 2) column = i;
    while (cells.length <= column) cells.push('');
    cells[column] = cells[column] ? `${cells[column]} ${p.text}` : p.text;
  }
  return cells;
}

/** The most frequent value (the smallest of equals); 0 for none. */
function modeOf(values: readonly number[]): number {
  const seen = new Map<number, number>();
  for (const v of values) seen.set(v, (seen.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [v, n] of seen) if (n > bestCount || (n === bestCount && v < best)) [best, bestCount] = [v, n];
  return best;
}

const tooManyRows = (): TextRowsResult => ({
  ok: false,
  code: 'too_large',
  message: `the text has more than ${MAX_TABLE_ROWS} rows, over the limit for one table`,
});
const tooManyColumns = (row: number): TextRowsResult => ({
  ok: false,
  code: 'too_large',
  message: `row ${row} of the text has more than ${MAX_TABLE_COLUMNS} cells, over the limit for one table`,
});

/**
 * A cell without the formula guard a CSV export puts before a leading `=`, `+`, `-`, `@`, tab or
 * CR (a single quote, as OWASP advises, so that a spreadsheet does not run the cell): the
 * re-imported text is the text that was exported. A CR reads as a line break here.
 */
export function withoutFormulaGuard(cell: string): string {
  return cell.charCodeAt(0) === 39 && /^'[=+\-@\t\r\n]/.test(cell) ? cell.slice(1) : cell;
}

/** Whether three short lines follow each other near the top, as a header written one cell per line does. */
function mayHoldCellLines(src: string): boolean {
  let run = 0;
  let seen = 0;
  for (let from = 0; from < src.length && seen < 60; seen++) {
    const newline = src.indexOf('\n', from);
    const end = newline < 0 ? src.length : newline;
    const length = src.slice(from, end).trim().length;
    if (length > 0) run = length <= MAX_HEADER_CELL ? run + 1 : 0;
    if (run >= 3) return true;
    from = end + 1;
  }
  return false;
}

/** Splits text without quoted cells: one row per non-empty line. */
function plainRows(src: string, sep: Separator): TextRowsResult {
  const rows: Row[] = [];
  /** Columns aligned by spaces: where the cells of the last line of several cells start. */
  let starts: number[] = [];
  for (let from = 0; from <= src.length;) {
    const newline = src.indexOf('\n', from);
    const end = newline < 0 ? src.length : newline;
    if (end > from) {
      if (rows.length === MAX_TABLE_ROWS) return tooManyRows();
      const text = src.slice(from, end);
      let cells: string[];
      let under: string[] | null = null;
      if (sep instanceof RegExp) {
        const pieces = piecesOf(text, sep);
        under = underLineAbove(pieces, starts);
        cells = under ?? pieces.map((p) => p.text);
        // the columns are where a row of its own starts its cells, not where a wrapped line does
        if (!under && pieces.length >= 2) starts = pieces.map((p) => p.start);
      } else cells = sep === null ? [text] : text.split(sep, MAX_TABLE_COLUMNS + 1);
      if (text.includes("'")) cells = cells.map(withoutFormulaGuard);
      if (cells.length > MAX_TABLE_COLUMNS) return tooManyColumns(rows.length + 1);
      rows.push(under ? { cells, continues: true } : { cells });
    }
    from = end + 1;
  }
  return { ok: true, rows };
}

/**
 * Splits text into rows. A cell that starts with `"` runs to the matching closing quote
 * (`""` is a literal quote), so quoted cells may contain line breaks.
 */
export function textToRows(text: string): TextRowsResult {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // `| 序号 | 目标任务 |` (Markdown, a wiki, a console): the pipes are the columns
  if (!src.includes('\t') && src.includes('|') && looksLikePipeTable(src)) {
    const rows = pipeRows(src);
    return rows.length > MAX_TABLE_ROWS ? tooManyRows() : { ok: true, rows };
  }
  // one cell per line (a PDF's text without its layout), whatever separators the cells' words hold
  if (!src.includes('\t') && mayHoldCellLines(src)) {
    const lines = plainRows(src, null);
    const table = lines.ok ? rowsFromCellLines(lines.rows) : null;
    if (table) return { ok: true, rows: table.rows, cellLines: table.columns };
  }
  const sep = separatorOf(src);
  // Fast path: no quoted cells anywhere, so every line is one row (columns aligned by spaces quote none).
  if (sep === null || sep instanceof RegExp || !src.includes('"')) return plainRows(src, sep);

  const rows: Row[] = [];
  let cells: string[] = [];
  let i = 0;
  const n = src.length;
  while (i <= n) {
    if (src[i] === '"') {
      // Quoted cell: runs to the first quote not doubled; the cell is sliced once, not built a
      // piece at a time (a multi-megabyte cell of `""` would otherwise be a million-piece string).
      let close = -1;
      let doubled = false;
      for (let q = src.indexOf('"', i + 1); q !== -1; q = src.indexOf('"', q + 2)) {
        if (src.charCodeAt(q + 1) !== 34) {
          close = q;
          break;
        }
        doubled = true;
      }
      const raw = close === -1 ? src.slice(i + 1) : src.slice(i + 1, close);
      // split/join: several times faster than replaceAll on a cell of a million `""`.
      const value = doubled ? raw.split('""').join('"') : raw;
      const j = close === -1 ? n : close + 1;
      // Text after the closing quote up to the separator belongs to the cell (malformed but common).
      let end = j;
      while (end < n && src[end] !== sep && src[end] !== '\n') end++;
      cells.push(withoutFormulaGuard(end > j ? value + src.slice(j, end) : value));
      i = end;
    } else {
      let end = i;
      while (end < n && src[end] !== sep && src[end] !== '\n') end++;
      cells.push(withoutFormulaGuard(src.slice(i, end)));
      i = end;
    }
    if (cells.length > MAX_TABLE_COLUMNS) return tooManyColumns(rows.length + 1);
    if (i >= n || src[i] === '\n') {
      // An empty line: one empty cell and nothing else.
      if (cells.length > 1 || cells[0] !== '') {
        if (rows.length === MAX_TABLE_ROWS) return tooManyRows();
        rows.push({ cells });
      }
      cells = [];
    }
    i++;
  }
  return { ok: true, rows };
}
