// A table whose cells each stand on a line of their own, as a PDF's text without its layout or a
// web table copied cell by cell gives it:
//
//   序号 / 工作任务 / 牵头领导 / 责任单位 / 进展情况 / 1 / 地区生产总值增长6% / 张伟 / …
//
// The header is the run of short lines that reads as one, right before a line holding only a
// number (section headings may stand between); each task runs from its number to the line holding
// only the next one, or `1` again under a section heading or a new category. The lines are put
// back into rows of the header's width, so the rest of the parser reads the table as any other
// (the aligner places the cells of rows left short by empty cells, which leave no line).
import { readHeaderRow } from './headers.js';
import { readNumbering, type NumberingStyle, type SeqReading } from './numbering.js';
import type { Row } from './rows.js';

/** Header cells are short words; the widest tables seen have about a dozen columns. */
export const MAX_HEADER_CELL = 14;
const MIN_COLUMNS = 2;
const MAX_COLUMNS = 12;
/** How far down the header may stand (a title and a date line or two above it). */
const HEADER_WITHIN = 40;
/** A table cut from a longer list may start at its 80th task, not at its 800th. */
const MAX_FIRST = 500;
/** A heading grouping the tasks below it (`一、稳增长`, `（二）惠民生`), on its own line between tasks. */
const SECTION = /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])\S{1,60}$/;
/** A line wrapped by the page: long, and not the end of a sentence. */
const WRAPPED_AT = 10;
/** A category printed in a column before the number's is short. */
const MAX_GROUP_CELL = 20;
/** How many lines of one length make it the width a column wraps at. */
const FULL_SEEN = 3;
const FULL_SHARE = 0.1;

export interface CellLines {
  rows: Row[];
  /** How many columns the header has. */
  columns: number;
}

/**
 * The rows of a table written one cell per line, or null when the lines (one cell each) hold no
 * header of short lines followed by a numbered task.
 */
export function rowsFromCellLines(lines: readonly Row[]): CellLines | null {
  if (lines.some((r) => r.cells.length !== 1)) return null;
  const text = lines.map((r) => r.cells[0].trim());
  const header = headerRun(text);
  if (!header) return null;
  const { start, columns, seqAt } = header;
  const rows: Row[] = text.slice(0, start).map((line) => ({ cells: [line] }));
  rows.push({ cells: text.slice(start, start + columns) });
  const headerIndex = rows.length - 1;
  // columns before the number's (`类别 | 序号 | …`): a task's lines start at its number, and a short
  // line just before the number is the first of those columns (a category printed on each row)
  const width = columns - seqAt;
  const full = fullLengths(text.slice(start + columns));
  let task: { group: string[]; lines: string[] } | null = null;
  let last = header.first - 1;
  const endTask = (): void => {
    if (task) rows.push({ cells: [...padded(task.group, seqAt), ...fitted(task.lines, width, full)] });
    task = null;
  };
  /** The category printed just before a task's number: the last line of the task before, or a lone line above. */
  const groupBefore = (): string[] => {
    if (seqAt === 0) return [];
    if (task)
      return task.lines.length > width && isGroupCell(task.lines[task.lines.length - 1])
        ? [task.lines.pop() as string]
        : [];
    const above = rows[rows.length - 1];
    if (
      rows.length - 1 > headerIndex &&
      above.cells.length === 1 &&
      isGroupCell(above.cells[0]) &&
      !SECTION.test(above.cells[0])
    )
      return [rows.pop()!.cells[0]];
    return [];
  };
  const numbered = (line: string | undefined, n: number): boolean => {
    const r = line === undefined ? null : numberLine(line);
    return r !== null && r.seq === n && r.style === header.style;
  };
  for (let i = start + columns; i < text.length; i++) {
    const line = text[i];
    // the next number, or numbers starting again at 1 under a section heading or a new category
    const restarts = numbered(line, 1) && (SECTION.test(text[i - 1]) || (seqAt > 0 && isGroupCell(text[i - 1])));
    if (numbered(line, last + 1) || restarts) {
      const group = groupBefore();
      endTask();
      task = { group, lines: [line] };
      last = restarts ? 1 : last + 1;
    } else if (SECTION.test(line) && (numbered(text[i + 1], last + 1) || numbered(text[i + 1], 1))) {
      // a section heading right before a task is a row of its own
      endTask();
      rows.push({ cells: [line] });
    } else if (task) task.lines.push(line);
    else rows.push({ cells: [line] });
  }
  endTask();
  return { rows, columns };
}

/** A short line that can be a category printed before a task's number (not the end of a sentence). */
const isGroupCell = (line: string): boolean => line.length <= MAX_GROUP_CELL && !/[。；;，,]$/.test(line);

/** `cells` made `n` long: empty cells first (a category printed once, over several tasks). */
function padded(cells: readonly string[], n: number): string[] {
  return [...Array<string>(Math.max(0, n - cells.length)).fill(''), ...cells];
}

/**
 * Where the header starts, how many lines it has, which of its columns holds the task's number,
 * and the first task's number and its style: short lines reading as a header, then a line holding
 * only a number (`1`, `1.`, `（一）`, `一、`, `①`), with section headings or (for columns before the
 * number's) a category between. Of headers ending at the same line, the one whose every line is a
 * known column is taken (not a note above it: `（共118项）`).
 */
function headerRun(text: readonly string[]): (Header & { start: number; columns: number; seqAt: number }) | null {
  let found: (Header & { start: number; columns: number; seqAt: number; known: boolean }) | null = null;
  for (let start = 0; start < Math.min(text.length, HEADER_WITHIN); start++) {
    if (!mayBeHeaderCell(text[start])) continue;
    if (found && start > found.start + found.columns) break;
    for (let columns = 2; columns <= MAX_COLUMNS; columns++) {
      if (start + columns >= text.length) break;
      if (!mayBeHeaderCell(text[start + columns - 1])) break;
      if (columns < MIN_COLUMNS) continue;
      const roles = readHeaderRow(text.slice(start, start + columns));
      if (!roles) continue;
      const seqAt = Math.max(0, roles.indexOf('seq'));
      // (section headings may stand between the header and the first task, and categories)
      let after = start + columns;
      while (after < start + columns + 2 && SECTION.test(text[after] ?? '')) after++;
      for (let k = 0; k < seqAt && !numberLine(text[after] ?? '') && isGroupCell(text[after] ?? ''); k++) after++;
      const first = numberLine(text[after] ?? '');
      if (!first || first.seq > MAX_FIRST) continue;
      const known = roles.every((r) => r !== null);
      // a later start ending at the same line is the same header without a note above it
      if (!found || (known && !found.known && start + columns === found.start + found.columns))
        found = { start, columns, seqAt, first: first.seq, style: first.style, known };
    }
  }
  return found;
}

/** Lines that are cells of their own, not the rest of a wrapped one: a name, a body (`区财政局`). */
const OWN_CELL = /^[\u4e00-\u9fff]{2,3}$|^[\u4e00-\u9fff、]{2,16}(局|委|办|政府|街道|公司|集团)$/;

/** A header cell is a few words, and no title (`…进展情况表`, `…一览表`). */
const mayBeHeaderCell = (line: string): boolean => line.length <= MAX_HEADER_CELL && !line.endsWith('表');

interface Header {
  /** The first task's number: a table cut from a longer one may start past 1. */
  first: number;
  style: NumberingStyle;
}

/** A line holding only a task's number; `1.2` is an item of a section, no task of its own. */
function numberLine(line: string): SeqReading | null {
  const r = readNumbering(line);
  return r && r.style !== 'nested' ? r : null;
}

/**
 * The lengths of a full line of a wrapped cell: a page wraps a cell's text at its column's width,
 * so the lines it filled have one length, seen again and again (one less where a half-width digit
 * or letter took part of a line).
 */
function fullLengths(lines: readonly string[]): Set<number> {
  const counts = new Map<number, number>();
  let long = 0;
  for (const line of lines)
    if (line.length >= WRAPPED_AT) {
      counts.set(line.length, (counts.get(line.length) ?? 0) + 1);
      long++;
    }
  const full = new Set<number>();
  // (lengths of unwrapped cells repeat too, but none so often)
  for (const [length, n] of counts)
    if (n >= FULL_SEEN && n >= FULL_SHARE * long) {
      full.add(length);
      full.add(length - 1);
    }
  return full;
}

/**
 * A task's lines as cells of a row `columns` wide. A line as long as a full line of a wrapped cell
 * (and not the end of a sentence) goes on in the line after it. Left longer than the row, the
 * longest lines are joined to the next; shorter (empty cells leave no line), the cells are left
 * for the aligner to place by what they hold.
 */
function fitted(record: string[], columns: number, full: ReadonlySet<number>): string[] {
  const cells: string[] = [record[0]];
  // the length of the last line each cell was joined from
  let lastLine = 0;
  for (const line of record.slice(1)) {
    const prev = cells.length - 1;
    if (prev > 0 && full.has(lastLine) && !/[。；;]$/.test(cells[prev]) && !OWN_CELL.test(line)) cells[prev] += line;
    else cells.push(line);
    lastLine = line.length;
  }
  while (cells.length > columns) {
    let best = -1;
    // (the number, in the first cell, is never wrapped)
    for (let i = 1; i < cells.length - 1; i++)
      if (
        cells[i].length >= WRAPPED_AT &&
        !/[。；;]$/.test(cells[i]) &&
        (best < 0 || cells[i].length > cells[best].length)
      )
        best = i;
    if (best < 0) best = cells.length - 2;
    cells.splice(best, 2, cells[best] + cells[best + 1]);
  }
  return cells;
}
