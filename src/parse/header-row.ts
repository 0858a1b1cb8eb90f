// Where the header is. Most tables have one row naming the columns with known words (headers.ts);
// others name them with words of their own (`部分 | 类别 | 序号 | 为民实事`), print a second
// header row under a spanning parent (`项目建设阶段` over `完成投资 | % | 主要形象进度`), or have
// no header at all. Numbered rows are tasks whatever the header says, so the row just above the
// first numbered row is taken as the header when no row reads as one.
import { looksLikeTitle } from './classify.js';
import { isPageFurniture } from './furniture.js';
import { readDutyLines, readReportLine } from './duty-lines.js';
import { readHeaderRow, roleOfHeader } from './headers.js';
import { leadingSeq, readNumbering, SECTION_HEADING_START } from './numbering.js';
import { unpackedSubHeader } from './packed-sub-header.js';
import type { Row } from './rows.js';

export interface HeaderRows {
  /** First header row; -1 when the table has none (columns are then known by content only). */
  headerRow: number;
  /** First row after the header (and its sub-header row, if any). */
  bodyStart: number;
  /** The header text of each column, a sub-header joined to its parent (`项目建设阶段 完成投资`). */
  texts: string[];
  /** Per column: the sub-header text alone where there is one (it names the column more closely). */
  subTexts: string[];
}

const nonEmpty = (row: Row) => row.cells.filter((c) => c.trim());

/** A row of a task: a number in one of its first cells and something beside it. */
export function looksNumbered(row: Row): boolean {
  const filled = nonEmpty(row);
  if (filled.length < 2) return false;
  const first = row.cells.findIndex((c) => c.trim());
  for (let i = first; i < Math.min(row.cells.length, first + 3); i++) if (readNumbering(row.cells[i])) return true;
  return false;
}

/** A section's number with its name right after it (`一、稳增长`, not `一、` alone). */
const SECTION_WITH_NAME = new RegExp(`${SECTION_HEADING_START.source}\\S`);

/**
 * A row holding only a section's numbered heading (`一、稳增长`, `（二）扩内需`); a numbered title
 * (`一、民生实事任务分解表`) names the table, not a section.
 */
function isSectionRow(row: Row): boolean {
  const filled = nonEmpty(row);
  return filled.length === 1 && SECTION_WITH_NAME.test(filled[0]) && !looksLikeTitle(filled[0]);
}

/** A row of short labels: what a header row looks like when its words are unfamiliar. */
function looksLikeLabels(row: Row): boolean {
  const filled = nonEmpty(row);
  return (
    filled.length >= 2 &&
    filled.every((c) => c.length <= 24 && !/[。；;！？]/.test(c) && !readNumbering(c) && !isPageFurniture(c))
  );
}

/** A second header row under the first: short labels, some of them under a blank (spanned) header cell. */
function subHeaderOf(rows: readonly Row[], h: number): Row | null {
  const sub = rows[h + 1];
  if (!sub || looksNumbered(sub)) return null;
  const filled = nonEmpty(sub);
  if (filled.length === 0 || !filled.every((c) => c.length <= 16 && !/[。，,；;]/.test(c))) return null;
  // a row of figures (`地区生产总值(亿元) | 466 | 112 | 45 …`) is the first row of the body
  if (filled.filter((c) => /^[\d.]+[%％]?$/.test(c.trim())).length > filled.length / 2) return null;
  const header = rows[h].cells;
  const underBlank = sub.cells.some((c, i) => c.trim() && !(header[i] ?? '').trim());
  if (underBlank) return sub;
  return namesPartOfColumn(sub, header, rows[h + 2]) ? sub : null;
}

/**
 * A short word under a column's header, right above the first task (`省工作目标` over `嵊州`: the
 * county's share of the province's target): the header's second line. A heading row prints its
 * heading from the left, in the 序号 or the first text column; a word standing further right,
 * under a named column, with the tasks starting on the next row, names that column more closely.
 */
function namesPartOfColumn(sub: Row, header: readonly string[], next: Row | undefined): boolean {
  if (!next || !looksNumbered(next)) return false;
  const at = sub.cells.flatMap((c, i) => (c.trim() ? [i] : []));
  return at.every((i) => i >= 2 && (header[i] ?? '').trim() && sub.cells[i].trim().length <= 8);
}

function withSubHeader(rows: readonly Row[], h: number, sub = subHeaderOf(rows, h)): HeaderRows {
  const header = rows[h].cells;
  const width = Math.max(header.length, sub?.cells.length ?? 0);
  const texts: string[] = [];
  const subTexts: string[] = [];
  let parent = '';
  for (let c = 0; c < width; c++) {
    const top = (header[c] ?? '').trim();
    if (top) parent = top;
    // A header cell merged down over both rows reads the same in both (xlsx/docx copy it down).
    const under = (sub?.cells[c] ?? '').trim();
    const below = under === top || sub?.mergedFromAbove?.[c] ? '' : under;
    // A sub-header names a part of the spanning parent above or to its left.
    texts.push(below ? `${parent} ${below}`.trim() : top);
    subTexts.push(below);
  }
  return { headerRow: h, bodyStart: h + (sub ? 2 : 1), texts, subTexts };
}

/**
 * No header and no 序号 column: the tasks may still be numbered at the start of their text
 * (`*1.力争…`, `2.募集…`). The body starts at the row whose text opens with 1 when the next
 * numbers follow on later rows (at least three in all, or two with a line of duties or a report
 * under them: `牵头单位：…`, `进展情况：…`); the columns are then known by content.
 */
function numberedInText(rows: readonly Row[]): HeaderRows | null {
  for (let r = 0; r < rows.length; r++) {
    const at = rows[r].cells.slice(0, 4).findIndex((c) => leadingSeq(c, [1]) === 1);
    if (at < 0) continue;
    let next = 2;
    let labelled = false;
    for (let k = r + 1; k < rows.length && next <= 3; k++) {
      const cell = rows[k].cells[at] ?? '';
      if (leadingSeq(cell, [next]) === next) next++;
      else if (!labelled && nonEmpty(rows[k]).length === 1)
        labelled = readDutyLines(cell).length > 0 || readReportLine(cell) !== null;
    }
    // two items will do where lines under them say who answers for them or how they went
    if (next > 3 || (next > 2 && labelled)) {
      let start = r;
      while (start > 0 && isSectionRow(rows[start - 1])) start--;
      return { headerRow: -1, bodyStart: start, texts: [], subTexts: [] };
    }
  }
  return null;
}

/** Rows read to find the labels over a table without numbers: a title and a line or two above it. */
const LABELS_WITHIN = 5;

/**
 * No row is numbered and no row reads as a header by its known words alone: a row of short
 * labels that names what is to be done and the report on it (`政府承诺 | 政府办理`, beside a
 * column of its own words), or only the items (`项目名称 | 项目内容`, a lone `具体目标任务` over a
 * list of sentences), over rows of longer text as wide as it, is the header of a table without
 * numbers (an article's items rebuilt as a table, a list pasted without its 序号 column).
 */
function labelsOverUnnumberedRows(rows: readonly Row[]): HeaderRows | null {
  for (let r = 0; r < Math.min(rows.length, LABELS_WITHIN); r++) {
    const labels = nonEmpty(rows[r]);
    const loneItemLabel = labels.length === 1 && labels[0].length <= 12 && isItemHeader(labels[0]);
    if (!looksLikeLabels(rows[r]) && !loneItemLabel) continue;
    const roles = new Set(rows[r].cells.map((c) => roleOfHeader(c)));
    if (!(roles.has('target') || roles.has('task'))) continue;
    // beside the task, the report; or only words for the items (`项目名称 | 项目内容`, `实事`): a
    // list of what is to be done, without numbers or a report
    const onlyItems = labels.every(isItemHeader);
    if (!roles.has('progress') && !onlyItems) continue;
    const width = labels.length;
    const below = rows.slice(r + 1).filter((row) => nonEmpty(row).length > 0);
    const alike = below.filter(
      (row) => nonEmpty(row).length >= Math.min(2, width) && row.cells.length <= rows[r].cells.length + 1,
    );
    const prose = alike.filter((row) => nonEmpty(row).some((c) => c.length > 24)).length;
    // a lone label needs more: a list of sentences under it, most of them long
    const enough = width === 1 ? below.length >= 3 && prose >= 0.6 * below.length : below.length >= 2 && prose > 0;
    if (enough && alike.length >= 0.8 * below.length) return withSubHeader(rows, r);
  }
  return null;
}

/** A header word for the items themselves (`项目名称`, `实事`, `具体目标任务`). */
const isItemHeader = (cell: string): boolean => {
  const role = roleOfHeader(cell);
  return role === 'target' || role === 'task';
};

/** Finds the header; null when no row reads as one and no row is numbered (nothing to read). */
export function findHeaderRows(rows: readonly Row[]): HeaderRows | null {
  for (let r = 0; r < rows.length; r++) {
    const unpacked = unpackedSubHeader(rows, r);
    if (unpacked) return withSubHeader(rows, r, unpacked);
    if (readHeaderRow(rows[r].cells)) return withSubHeader(rows, r);
    // Two header rows whose known words are split between them (`目标任务 | 责任分工` over
    // `| 牵头领导 | 牵头单位`): the header is the pair when the sub-row fills the parent's blanks.
    const next = rows[r + 1];
    if (
      next &&
      nonEmpty(rows[r]).length >= 2 &&
      !looksNumbered(rows[r]) &&
      !readHeaderRow(next.cells) &&
      subHeaderOf(rows, r)
    ) {
      const width = Math.max(rows[r].cells.length, next.cells.length);
      const joined = Array.from({ length: width }, (_, c) => (next.cells[c] ?? '').trim() || (rows[r].cells[c] ?? ''));
      if (readHeaderRow(joined)) return withSubHeader(rows, r);
    }
  }
  const firstNumbered = rows.findIndex(looksNumbered);
  if (firstNumbered < 0) return numberedInText(rows) ?? labelsOverUnnumberedRows(rows);
  // Section headings (`一、…`, `（一）…`) on rows of their own above the first task belong to the
  // body: the header, if any, stands above them.
  let start = firstNumbered;
  while (start > 0 && isSectionRow(rows[start - 1])) start--;
  // The nearest row of labels above the first task; with a known word in it, or right above.
  for (let r = start - 1; r >= 0 && r >= start - 3; r--) {
    if (!looksLikeLabels(rows[r])) continue;
    const known = rows[r].cells.some((c) => roleOfHeader(c) !== null);
    if (known || r === start - 1) return withSubHeader(rows, r);
  }
  return { headerRow: -1, bodyStart: start, texts: [], subTexts: [] };
}
