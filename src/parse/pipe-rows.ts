// A table written with pipes (`| 序号 | 目标任务 | 进展情况 |`), as Markdown, a wiki or a chat tool
// copies one, or drawn with borders (`+----+----+`) as a console prints it: the pipes are the
// columns' borders, and the rule under the header (`|---|:---:|`) or between rows is no row. A line
// without pipes (the title above) is a row of one cell, as in any text.
import { readHeaderRow } from './headers.js';
import type { Row } from './rows.js';

/** A row of cells between pipes (`| 1 | 新建5G基站 |`, the outer pipes optional on one side). */
const PIPED = /^\|.*\|.*\|?$/;
/** A rule: dashes, colons, `=` and `+` between pipes (`|---|:--:|`, `+----+----+`). */
const RULE = /^[|+]?(\s*:?[-=]{2,}:?\s*[|+])+\s*(:?[-=]{2,}:?\s*)?$/;
/** A pipe escaped to stand inside a cell (`\|`). */
const CELL_BORDER = /(?<!\\)\|/;

/** Text whose lines of cells, near its top, are written between pipes. */
export function looksLikePipeTable(text: string): boolean {
  const lines = text
    .slice(0, 20_000)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 40);
  const first = lines.findIndex((l) => PIPED.test(l) && l.split('|').length >= 4);
  if (first < 0) return false;
  // a header of known words between pipes says so, however many headings stand between the rows
  if (readHeaderRow(cellsOf(lines[first])) !== null) return true;
  const rest = lines.slice(first);
  const piped = rest.filter((l) => PIPED.test(l) || RULE.test(l)).length;
  return piped >= 2 && piped >= 0.6 * rest.length;
}

/** The cells between a line's pipes, an escaped pipe (`\|`) kept in its cell. */
function cellsOf(line: string): string[] {
  return line
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(CELL_BORDER)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** The rows of a pipe table: each piped line's cells, each other line as one cell; rules dropped. */
export function pipeRows(text: string): Row[] {
  const rows: Row[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || RULE.test(line)) continue;
    if (!line.startsWith('|')) {
      rows.push({ cells: [line] });
      continue;
    }
    rows.push({ cells: cellsOf(line) });
  }
  return rows;
}
