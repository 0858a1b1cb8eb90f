// Rows → tasks. Skips titles and the header repeated on every printed page, aligns each row's
// cells to the columns (align.ts), and sorts rows into tasks, heading rows (a category alone
// on an unnumbered row) and continuation rows (a cell broken across a page).
import { repeatedSeqs, repeatedSeqsMessage, type ParsedTable, type Warning } from '../domain/index.js';
import { alignRowShared, type SlotKind } from './align.js';
import { isHeading, isSameAsAbove, looksLikeTitle } from './classify.js';
import type { ColumnsSpec } from './columns-option.js';
import { isPageFurniture, isSignatureRow, isTotalsRow } from './furniture.js';
import { normaliseHeaderText, readHeaderRow, roleOfHeader } from './headers.js';
import { withoutSpaces } from './text-chars.js';
import { findLayout, type Layout } from './layout.js';
import { isBareValue } from './column-profile.js';
import { leadingSeq, readNumbering, type NumberingStyle } from './numbering.js';
import type { PlacedRow } from './placed-row.js';
import type { RawTable, Row } from './rows.js';
import { readInnerItems } from './inner-items.js';
import { isGroupLead } from './group-lead.js';
import { buildTasks } from './tasks.js';
import { periodOfTable } from './title-period.js';

export type NormaliseResult =
  { ok: true; table: ParsedTable } | { ok: false; code: 'no_header' | 'bad_input'; message: string };

const ODD_SPACE = /[\u00a0\u3000\u2002-\u200b\n]/;

function isEdgeSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x3000;
}

/** Trims a cell and turns odd spaces into plain ones; line breaks inside cells are kept. */
function cleanCell(text: string): string {
  if (!text) return text;
  // Most cells are already clean: say so without building a new string.
  if (!isEdgeSpace(text.charCodeAt(0)) && !isEdgeSpace(text.charCodeAt(text.length - 1)) && !ODD_SPACE.test(text))
    return text;
  return text
    .replace(/[\u00a0\u3000\u2002-\u200b]/g, ' ')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .trim();
}

/** The row with its cells cleaned; the row itself when every cell already is (most are). */
function cleanRow(row: Row): Row {
  let cells: string[] | null = null;
  for (let i = 0; i < row.cells.length; i++) {
    const c = cleanCell(row.cells[i]);
    if (cells === null && c !== row.cells[i]) cells = row.cells.slice(0, i);
    cells?.push(c);
  }
  return cells === null ? row : { ...row, cells };
}

const NO_EXTRA: readonly string[] = Object.freeze([]);
const NONE_MERGED: Array<readonly boolean[]> = [];
/** The all-false slotMerged of m slots (every text row, most office rows), one per width. */
function noneMerged(m: number): readonly boolean[] {
  return (NONE_MERGED[m] ??= Object.freeze(new Array<boolean>(m).fill(false)));
}

/**
 * Places a row's cells in the layout's slots; the caller decides its kind (a task until then). A
 * wrapped line of a page's text layer (`Row.continues`) has its cells under those of the row above,
 * so they go to the slots that row's cells went to (`above`), whatever they say: the row above may
 * have been short of a cell and been aligned by what its cells hold.
 */
function placeRow(
  cells: readonly string[],
  layout: Layout,
  row: Row,
  lastSeq: number | null,
  above: readonly number[] | null = null,
): PlacedRow & { slotOfCell: readonly number[] } {
  const seq =
    layout.seqColumn !== null
      ? (readNumbering(cells[layout.seqColumn] ?? '')?.seq ?? null)
      : layout.seqInColumn !== null
        ? leadingSeq(cells[layout.seqInColumn] ?? '', lastSeq === null ? [1] : [lastSeq + 1, 1])
        : null;
  const data: string[] = [];
  const merged: boolean[] = [];
  const covered: boolean[] = [];
  let sameAsAbove = false;
  const mergedFromAbove = row.mergedFromAbove;
  const coveredFromLeft = row.coveredFromLeft;
  for (let i = 0; i < cells.length; i++) {
    if (i === layout.seqColumn) continue;
    const c = cells[i];
    const ditto = isSameAsAbove(c);
    if (ditto) sameAsAbove = true;
    data.push(ditto ? '' : c);
    merged.push(mergedFromAbove?.[i] ?? false);
    covered.push(coveredFromLeft?.[i] ?? false);
  }
  while (data.length > 0 && !data[data.length - 1]) {
    data.pop();
    merged.pop();
    covered.pop();
  }
  // Rows of one pattern share the alignment's answers: a big table keeps fewer small arrays alive.
  const { slotOfCell, skipped: slotSkipped } =
    row.continues && above && above.length >= data.length
      ? { slotOfCell: above, skipped: noneMerged(layout.slots.length) }
      : alignRowShared(data, layout.slots, layout.slotCells);
  const m = layout.slots.length;
  const slotText = new Array<string>(m).fill('');
  let slotMerged = noneMerged(m);
  let slotCovered = noneMerged(m);
  let extra: readonly string[] = NO_EXTRA;
  let droppedBlank = false;
  for (let i = 0; i < slotOfCell.length; i++) {
    const s = slotOfCell[i];
    if (s < 0) {
      if (data[i]) extra = [...extra, data[i]];
      else droppedBlank = true;
      continue;
    }
    slotText[s] = data[i];
    if (merged[i]) {
      if (slotMerged === noneMerged(m)) slotMerged = new Array<boolean>(m).fill(false);
      (slotMerged as boolean[])[s] = true;
    }
    if (covered[i]) {
      if (slotCovered === noneMerged(m)) slotCovered = new Array<boolean>(m).fill(false);
      (slotCovered as boolean[])[s] = true;
    }
  }
  return {
    kind: 'task',
    seq,
    slotText,
    slotSkipped,
    slotMerged,
    slotCovered,
    extra,
    sameAsAbove,
    droppedBlank,
    slotOfCell,
  };
}

/**
 * Turns the rows of one table into tasks. Fails with `no_header` when no row reads as a
 * header (the table's columns cannot be known).
 */
export function normaliseRows(raw: RawTable, options: { columns?: ColumnsSpec } = {}): NormaliseResult {
  const { result, nextTableAt } = normaliseOneTable(raw, options);
  if (nextTableAt === null || !result.ok) return result;
  // Another table follows (a document's 存在问题 table, a second list): the one with more tasks is
  // read, and the other is named in a warning, never silently mixed in or dropped.
  const next = normaliseRows({ ...raw, rows: raw.rows.slice(nextTableAt) }, options);
  const first = result.table;
  if (!next.ok || next.table.tasks.length <= first.tasks.length) {
    const header = headerWordsAt(raw.rows[nextTableAt].cells);
    const rows = next.ok ? `，${next.table.tasks.length} 项` : '';
    return withWarning(first, {
      code: 'another_table',
      message: `任务表之后还有一张表（表头：${header}${rows}），未读入；如需导入，请把它单独存为一个文件上传`,
    });
  }
  const header = headerWordsAt((first.sourceColumns ?? []).map((c) => c.header));
  return withWarning(
    { ...next.table, title: next.table.title ?? first.title, period: next.table.period ?? first.period },
    {
      code: 'another_table',
      message: `前面还有一张较小的表（${header ? `表头：${header}，` : ''}${first.tasks.length} 项），未读入；读取的是后面任务较多的表`,
    },
  );
}

function withWarning(table: ParsedTable, warning: Warning): NormaliseResult {
  return { ok: true, table: { ...table, warnings: [...table.warnings, warning] } };
}

/** The first header words of a row, for naming a table in a warning. */
function headerWordsAt(cells: readonly string[]): string {
  return cells
    .map((c) => c.trim())
    .filter(Boolean)
    .slice(0, 5)
    .join('、');
}

/** What a numbering column's header may open with (序号, 编号, 项次, 排序; see headers.ts). */
const SEQ_WORD = /^\s*(序|编\s*号|项\s*次|排\s*序)/;

/**
 * A header row in the body that starts another table (`序号 | 问题 | 责任单位` below the tasks): it
 * opens with the numbering column's word and names a column the table's own header does not (the
 * table's header repeated on a later page matches it word for word, brackets aside).
 */
function startsAnotherTable(cells: readonly string[], layout: Layout): boolean {
  // cheap rejection first: this runs on every row, and a task row starts with its number
  const first = cells.find((c) => c.trim());
  if (first === undefined || !SEQ_WORD.test(first)) return false;
  const filled = cells.flatMap((c, i) => (c.trim() ? [i] : []));
  if (filled.length < 2 || roleOfHeader(first) !== 'seq') return false;
  const own = (i: number): boolean => {
    const mine = normaliseHeaderText(cells[i]);
    const theirs = normaliseHeaderText(layout.headerTexts[i] ?? '');
    return mine !== '' && theirs !== '' && (theirs.includes(mine) || mine.includes(theirs));
  };
  return !filled.every(own);
}

function normaliseOneTable(
  raw: RawTable,
  options: { columns?: ColumnsSpec },
): { result: NormaliseResult; nextTableAt: number | null } {
  const rows = raw.rows.map(cleanRow);
  const layout = findLayout(rows, options.columns);
  if (!layout) {
    return {
      result: {
        ok: false,
        code: 'no_header',
        message: 'no table header found (expected columns such as 序号, 具体目标任务, 牵头单位, 进展情况)',
      },
      nextTableAt: null,
    };
  }
  const tableWarnings: Warning[] = [...layout.warnings];
  // A section's heading printed between the table's title and its header row (`一、…完成情况`) is
  // no title, though it may end like one: it groups the tasks below it as one printed under the
  // header would. So does one on the text's first line, where the title was not kept.
  const above = layout.headerRow - 1;
  const sectionAbove = above >= 0 && isSectionHeadingBelowTitle(rows, above);
  let title: string | null = null;
  /** The first line of a title broken in two, naming the year the second does not. */
  let titleAbove = '';
  /** Lines of one cell between the title and the header (`（截至2024年9月30日）`): they may date the table. */
  const linesBelowTitle: string[] = [];
  for (let r = (layout.headerRow >= 0 ? layout.headerRow : layout.bodyStart) - 1; r >= 0; r--) {
    if (sectionAbove && r === above) continue;
    const nonEmpty = rows[r].cells.filter(Boolean);
    if (nonEmpty.length === 1) linesBelowTitle.push(nonEmpty[0]);
    // a line between the title and the header (`（共118项）`, `单位：万元`) is no title
    if (nonEmpty.length === 1 && isPageFurniture(nonEmpty[0])) continue;
    if (nonEmpty.length === 1 && looksLikeTitle(nonEmpty[0])) {
      title = nonEmpty[0];
      linesBelowTitle.pop();
      // a title broken over two lines, its year on the first (`2024年县政府工作报告重点任务` over
      // `三季度推进情况表`): the year dates the table, the title stays the line it is
      const before = r > 0 ? rows[r - 1].cells.filter(Boolean) : [];
      if (before.length === 1 && TITLE_START.test(before[0]) && !/\d{4}年/.test(title) && !looksLikeTitle(before[0]))
        titleAbove = before[0];
      break;
    }
    if (nonEmpty.length === 1 && title === null) title = nonEmpty[0];
  }

  const placed: PlacedRow[] = [];
  /** The 序号 cell of each placed row. */
  const seqCells: string[] = [];
  /** Per placed row: its 序号 cell is the merged cell of the rows above (xlsx/docx). */
  const seqMerged: boolean[] = [];
  let repeatedHeaders = 0;
  let nextTableAt: number | null = null;
  let totalsRows = 0;
  const taskStyle = dominantStyle(rows, layout);
  let lastSeq: number | null = null;
  // where the cells of the last row that was no wrapped line went (a wrapped line follows them)
  let slotsAbove: readonly number[] | null = null;
  const rowKey = (cells: readonly string[]) =>
    cells
      .map((c) => c.replace(/\s+/g, ''))
      .join('\t')
      .replace(/\t+$/, '');
  const headerKey = layout.headerRow >= 0 ? rowKey(rows[layout.headerRow].cells) : null;
  const headerFirst = layout.headerRow >= 0 ? withoutSpaces(rows[layout.headerRow].cells.find(Boolean) ?? '') : '';
  const bodyRows = sectionAbove ? [above] : [];
  for (let r = layout.bodyStart; r < rows.length; r++) bodyRows.push(r);
  /** The lone cell of body row k leads a group: the next row with text is numbered. */
  const leadsNumberedRow = (k: number): boolean => {
    if (!isGroupLead(rows[bodyRows[k]].cells.find(Boolean) ?? '')) return false;
    for (let j = k + 1; j < bodyRows.length; j++) {
      const next = rows[bodyRows[j]].cells;
      if (next.some(Boolean)) return readNumbering(next[layout.seqColumn ?? -1] ?? '') !== null;
    }
    return false;
  };
  /** The numbering form of the next numbered body row after k. */
  const nextForm = (k: number): NumberForm | null => {
    for (let j = k + 1; j < bodyRows.length; j++) {
      const form = formOf(rows[bodyRows[j]].cells[layout.seqColumn ?? -1] ?? '');
      if (form) return form;
    }
    return null;
  };
  let lastTaskCells: readonly string[] | null = null;
  for (let k = 0; k < bodyRows.length; k++) {
    const row = rows[bodyRows[k]];
    const nonEmpty = row.cells.filter(Boolean);
    if (nonEmpty.length === 0) continue;
    // another table's header (with the columns named, `--columns`, the whole text is one table)
    if (!options.columns && startsAnotherTable(row.cells, layout)) {
      nextTableAt = bodyRows[k];
      break;
    }
    // The header repeated on a later page: known words, or the same cells as the header row.
    if (
      readHeaderRow(row.cells) ||
      (headerKey !== null && withoutSpaces(nonEmpty[0]) === headerFirst && rowKey(row.cells) === headerKey)
    ) {
      repeatedHeaders++;
      continue;
    }
    if (nonEmpty.length === 1 && (nonEmpty[0] === title || isPageFurniture(nonEmpty[0]))) continue;
    if (isSignatureRow(nonEmpty)) continue;
    if (isTotalsRow(nonEmpty)) {
      totalsRows++;
      continue;
    }
    if (nonEmpty.length === 1 && looksLikeTitle(nonEmpty[0]) && title !== null && /表$/.test(nonEmpty[0])) continue;
    // `同上` copies the cell above it (of the last task's row): a report or a target too, not only names
    const dittos = withDittosCopied(numberApart(row.cells, layout.seqColumn, lastSeq), lastTaskCells);
    const p = placeRow(dittos.cells, layout, row, lastSeq, slotsAbove);
    if (!row.continues) slotsAbove = p.slotOfCell;
    if (dittos.copied) p.sameAsAbove = true;
    if (row.hidden) p.hidden = true;
    if (row.continues) p.continues = true;
    // a 序号 cell merged over this row from the task above (a task on two rows of a workbook) is
    // that task's number, not a new task's: the row reads as the text's blank 序号 cell does
    if (p.seq !== null && p.seq === lastSeq && row.mergedFromAbove?.[layout.seqColumn ?? -1]) p.seq = null;
    if (p.seq !== null) lastSeq = p.seq;
    let kind: PlacedRow['kind'] = 'task';
    const sectionRow = sectionHeading(row, layout, taskStyle, nextForm(k));
    if (sectionRow !== null) {
      p.kind = 'heading';
      p.seq = null;
      p.slotText = p.slotText.map(() => '');
      p.slotText[0] = sectionRow;
      p.sectionLevel = /^[（(]/.test(sectionRow) ? 'category' : 'theme';
      placed.push(p);
      seqCells.push(row.cells[layout.seqColumn ?? -1] ?? '');
      seqMerged.push(row.mergedFromAbove?.[layout.seqColumn ?? -1] ?? false);
      continue;
    }
    if (p.seq === null) {
      // A heading alone on a row, left of the progress columns (a row spanning the table keeps
      // its text in the first column): a theme or category row. Anything else continues a task.
      const at = row.cells.findIndex(Boolean);
      // In the 序号 column a heading may end with the report's full stop (`强化科技创新支撑能力。`):
      // a wrapped line of a target would stand in the target column.
      const inSeqColumn = layout.seqColumn !== null && at <= layout.seqColumn;
      const groupLead = inSeqColumn && nonEmpty.length === 1 && leadsNumberedRow(k);
      const heading =
        !row.continues && (isHeading(nonEmpty[0]) || (inSeqColumn && isHeadingEndingInStop(nonEmpty[0])) || groupLead);
      const onlyHeading =
        (nonEmpty.length === 1 || withSectionTotals(nonEmpty)) && heading && at <= layout.targetColumn;
      if (onlyHeading) {
        kind = 'heading';
        p.slotText = p.slotText.map(() => '');
        p.slotText[0] = nonEmpty[0];
        // the groups a notice lists its items in are one level: each starts a theme
        if (groupLead) p.sectionLevel = 'theme';
      } else if (layout.seqColumn !== null || layout.seqInColumn !== null) {
        kind = 'continuation';
        const wrapped = row.mergedFromAbove?.[layout.seqColumn ?? -1] ? null : wrappedLineAt(row.cells, layout, placed);
        if (wrapped) {
          // a line starting at the left margin (a cell broken by a line break, as a page's text
          // gives it): it goes on where the line above ended, and its further cells fill the
          // columns after that one, so the row reads as if the cell had not broken; the guess is said
          const above = placed[placed.length - 1];
          wrapped.texts.forEach((text, i) => {
            const slot = wrapped.slot + i;
            const names = NAME_SLOTS.has(layout.slots[slot]);
            above.slotText[slot] = above.slotText[slot] ? `${above.slotText[slot]}${names ? ' ' : ''}${text}` : text;
          });
          const first = wrapped.texts[0].slice(0, 20);
          const column = layout.slotHeaders[wrapped.slot] || '该列';
          tableWarnings.push({
            code: 'line_joined',
            message:
              wrapped.texts.length > 1
                ? `从左边起头的一行“${first}”接在上一行最后一格（${column}）之后，其后各格依次填入后面的列（上一行在格内换行断开），请核对`
                : `不在任何列下的“${first}”接在上一行最后一格（${column}）之后，请核对`,
          });
          // cells of the line standing apart (a blank between) stay in their own columns
          if (wrapped.wholeLine) continue;
        }
      } else if (placed.some((x) => x.kind === 'task') && onlyReportCells(p, layout)) {
        // Without numbers, a row holding only report text (no target, no heading) is the report
        // of the task above going on after a page break.
        kind = 'continuation';
      }
    }
    p.kind = kind;
    if (kind === 'task') lastTaskCells = dittos.cells;
    // a task numbered at its groups' level (`二、` among `一、`'s `（一）` items) belongs to no group
    if (kind === 'task' && taskStyle !== null && outerLevel(formOf(row.cells[layout.seqColumn ?? -1] ?? ''), taskStyle))
      p.itemGroup = null;
    placed.push(p);
    seqCells.push(row.cells[layout.seqColumn ?? -1] ?? '');
    seqMerged.push(row.mergedFromAbove?.[layout.seqColumn ?? -1] ?? false);
  }
  if (readInnerItems(placed, layout, seqCells, seqMerged))
    tableWarnings.push({
      code: 'inner_items',
      message: '序号列的编号只分组，各项目按名称列里的编号（（一）、1.）拆分为任务，有子项目的项目作二级任务',
    });
  if (totalsRows > 0)
    tableWarnings.push({ code: 'totals_row', message: `跳过了 ${totalsRows} 处合计行（各项之和，不是任务）` });
  if (repeatedHeaders > 0) {
    tableWarnings.push({
      code: 'repeated_header',
      message: `跳过了 ${repeatedHeaders} 处重复的表头（每页一处）`,
    });
  }
  const { tasks, warnings } = buildTasks(placed, layout, raw.format);
  tableWarnings.push(...warnings);
  const repeated = repeatedSeqs(tasks);
  if (repeated.length > 0)
    tableWarnings.push({ code: 'seq_repeated', message: repeatedSeqsMessage(repeated, tasks.length) });
  tableWarnings.push(...hiddenInWorkbook(raw, layout, placed));
  if (raw.cellLines)
    tableWarnings.push({
      code: 'cell_per_line',
      message: `文本中每个单元格各占一行（如从 PDF 或网页复制的表格），已按表头的 ${raw.cellLines} 列重新拼成行，请核对各列内容`,
    });
  const period = periodOfTable(title && titleAbove + title, layout.headerTexts, linesBelowTitle);
  if (title && !period) tableWarnings.push({ code: 'no_period', message: `标题中未找到报告期：${title}` });
  const columns: ParsedTable['columns'] = ['seq', 'theme', 'category', 'target', 'leaders', 'units', 'progress'];
  columns.push(...layout.optionalColumns);
  return {
    result: {
      ok: true,
      table: {
        format: raw.format,
        title,
        period,
        columns,
        tasks,
        warnings: tableWarnings,
        sourceColumns: layout.columnRoles.map((role, c) => ({ header: (layout.headerTexts[c] ?? '').trim(), role })),
      },
    },
    nextTableAt,
  };
}

/**
 * Rows and columns the workbook hides are read like the others (they hold the table's data: a
 * filter hides rows, a hand hides a column of notes), and named, since the person may not have
 * seen them.
 */
function hiddenInWorkbook(raw: RawTable, layout: Layout, placed: readonly PlacedRow[]): Warning[] {
  const out: Warning[] = [];
  const seqs = placed.filter((p) => p.kind === 'task' && p.hidden && p.seq !== null).map((p) => p.seq);
  if (seqs.length > 0)
    out.push({
      code: 'hidden_rows',
      message: `工作表中隐藏的行也已读入（第 ${seqs.slice(0, 10).join('、')}${seqs.length > 10 ? ' 等' : ''} 项，共 ${seqs.length} 项），请核对是否应导入`,
    });
  const headers = (raw.hiddenColumns ?? [])
    .filter((c) => c !== layout.seqColumn && layout.columnRoles[c] !== undefined && layout.columnRoles[c] !== 'other')
    .map((c) => (layout.headerTexts[c] ?? '').trim() || `第 ${c + 1} 列`);
  if (headers.length > 0)
    out.push({
      code: 'hidden_columns',
      message: `工作表中隐藏的列“${headers.join('”“')}”也已读入，请核对`,
    });
  return out;
}

/** The first line of a title broken in two: short, opening with the year it is for. */
const TITLE_START = /^\d{4}年[^，。；,;]{2,30}$/;

/**
 * The cells with the 序号 cell's number set apart from text glued to it (`1、 充分就业社区创建18个` as a
 * page's text layer prints a number and the cell beside it one space apart): the text is the next
 * column's. Only the number expected next (or 1) is taken so, and only on a row with more cells.
 */
function numberApart(cells: readonly string[], seqColumn: number | null, lastSeq: number | null): readonly string[] {
  if (seqColumn === null) return cells;
  const cell = cells[seqColumn] ?? '';
  // (a numbered heading alone on its row, `(1)增加城镇居民收入`, stays one)
  if (cell.length < 4 || readNumbering(cell) !== null || !cells.slice(seqColumn + 1).some(Boolean)) return cells;
  const m = NUMBER_THEN_TEXT.exec(cell);
  const n = m ? Number(m[2] ?? m[3]) : null;
  if (!m || (n !== 1 && n !== (lastSeq ?? 0) + 1)) return cells;
  return [...cells.slice(0, seqColumn), m[1].trim(), cell.slice(m[0].length), ...cells.slice(seqColumn + 1)];
}
const NUMBER_THEN_TEXT = /^\s*((\d{1,3})[.、．]|[（(](\d{1,3})[）)])\s*(?=[\u4e00-\u9fff“"《])/;

/** The cells with each `同上` replaced by the cell above it, where that one has text. */
function withDittosCopied(
  cells: readonly string[],
  above: readonly string[] | null,
): { cells: readonly string[]; copied: boolean } {
  if (above === null || !cells.some(isSameAsAbove)) return { cells, copied: false };
  let copied = false;
  const out = cells.map((c, i) => {
    const from = above[i] ?? '';
    if (!isSameAsAbove(c) || !from.trim()) return c;
    copied = true;
    return from;
  });
  return { cells: out, copied };
}

/**
 * The texts of a row that starts with a non-number in the numbering column, with the slot the row
 * above last filled: where a wrapped line that lost its tabs goes on. Cells after the first (a cell
 * broken by a line break: `2 | 完成投资150亿元 | 李强` then `区发改局 | 一季度完成…`) fill the slots
 * after that one, when the row above left them empty; with more cells than columns left, all of
 * the line goes on in the last cell. `wholeLine`: the line is placed whole (else its other cells,
 * standing apart, are placed by their columns as a line going on).
 */
function wrappedLineAt(
  cells: readonly string[],
  layout: Layout,
  placed: readonly PlacedRow[],
): { texts: string[]; slot: number; wholeLine: boolean } | null {
  if (layout.seqColumn === null) return null;
  const text = (cells[layout.seqColumn] ?? '').trim();
  if (!text || cells.slice(0, layout.seqColumn).some((c) => c.trim())) return null;
  const rest = cells.slice(layout.seqColumn + 1).map((c) => c.trim());
  while (rest.length > 0 && !rest[rest.length - 1]) rest.pop();
  // a numbered line (`37.加强就业…`, `（七）把…`, a group's `一` alone) opens an item or a section,
  // it goes on nothing
  if (leadingSeq(text) !== null || /^[（(]?[一二三四五六七八九十]+([）)、.]|$)/.test(text)) return null;
  const above = placed[placed.length - 1];
  if (!above || above.kind === 'heading') return null;
  const slot = above.slotText.findLastIndex(Boolean);
  if (slot < 0) return null;
  // further cells with a blank between stand in columns of their own: only the first text goes on
  if (rest.some((c) => !c)) return { texts: [text], slot, wholeLine: false };
  // more cells than columns left: all of it goes on in the last cell, none of it is dropped
  return slot + rest.length < layout.slots.length
    ? { texts: [text, ...rest], slot, wholeLine: true }
    : { texts: [[text, ...rest].join(' ')], slot, wholeLine: true };
}

/**
 * A numbered section heading followed by its sums only (`一、市级重点民生实事 | | 16842 | 4906.1 |
 * 29.1`, an investment table adding up each section): the figures add up its tasks, the row is the
 * heading.
 */
function withSectionTotals(nonEmpty: readonly string[]): boolean {
  if (nonEmpty.length < 2 || !SECTION_NUMBER.test(withoutSpaces(nonEmpty[0]))) return false;
  return nonEmpty.slice(1).every((c) => isBareValue(c));
}
/** Slots of names (people, units): a line going on in one starts another name, not more of the word. */
const NAME_SLOTS = new Set(['leaders', 'units', 'co_units']);
const SECTION_NUMBER = /^(第?[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])/;

const REPORT_SLOT_KINDS = new Set(['progress', 'actual', 'rate', 'flag', 'remarks']);

/** True when a row's only text is in report columns. */
function onlyReportCells(p: PlacedRow, layout: Layout): boolean {
  let report = false;
  for (let i = 0; i < layout.slots.length; i++) {
    if (!p.slotText[i]) continue;
    if (!REPORT_SLOT_KINDS.has(layout.slots[i])) return false;
    report = true;
  }
  return report && p.extra.length === 0;
}

/** How a number is printed, telling `一、` from `（一）` (one style, two levels of a list). */
type NumberForm = `${NumberingStyle}${'' | '()'}`;
function formOf(cell: string): NumberForm | null {
  const style = readNumbering(cell)?.style;
  return style ? (/^\s*[（(]/.test(cell) ? `${style}()` : style) : null;
}

/** Numbering forms from the outermost level of a Chinese document's list to the innermost. */
const LEVELS: readonly NumberForm[] = ['chinese', 'chinese()', 'arabic', 'arabic()', 'circled'];

/** Whether a numbering form is of a level outside the tasks' own (`一、` outside `（一）`). */
const outerLevel = (form: NumberForm | null, taskStyle: NumberForm): boolean =>
  form !== null && LEVELS.indexOf(form) < LEVELS.indexOf(taskStyle);

/** The numbering form most numbered rows use (`1`, `（一）`, `①`): the tasks' own. */
function dominantStyle(rows: readonly Row[], layout: Layout): NumberForm | null {
  if (layout.seqColumn === null) return null;
  const counts = new Map<NumberForm, number>();
  for (let r = layout.bodyStart; r < rows.length; r++) {
    const style = formOf(rows[r].cells[layout.seqColumn] ?? '');
    if (style) counts.set(style, (counts.get(style) ?? 0) + 1);
  }
  if (counts.size === 0) return null;
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

/**
 * A lone cell numbered as a section (`一、`, `（二）`) with a lone cell (the title) somewhere above
 * it, or on the first line when it does not read as a title itself (`一、民生实事任务分解表`).
 */
function isSectionHeadingBelowTitle(rows: readonly Row[], r: number): boolean {
  const lone = (row: Row) => row.cells.filter(Boolean).length === 1;
  const cell = withoutSpaces(rows[r].cells.find(Boolean) ?? '');
  if (!lone(rows[r]) || !SECTION_NUMBER.test(cell)) return false;
  for (let i = r - 1; i >= 0; i--) if (lone(rows[i])) return true;
  return r === 0 && !looksLikeTitle(cell);
}

/** A heading copied from the report with its full stop (`加强战略科技力量建设。`). */
function isHeadingEndingInStop(cell: string): boolean {
  return /。$/.test(cell.trim()) && isHeading(cell.trim().replace(/。$/, ''));
}

/** An arabic number with its name in one cell (`1、省实事工程`): the name is group 1. */
const NUMBER_AND_NAME = /^\s*\d{1,2}[、.．]\s*(\S.*)$/;

/**
 * A section row numbered in another style than the tasks (`一、 | 产业发展` among `1 | …` rows):
 * its number and heading, joined (`一、产业发展`); null for any other row.
 */
function sectionHeading(
  row: Row,
  layout: Layout,
  taskStyle: NumberForm | null,
  next: NumberForm | null,
): string | null {
  if (taskStyle === null || layout.seqColumn === null) return null;
  const seqCell = row.cells[layout.seqColumn] ?? '';
  // `1、省实事工程` alone in the 序号 column above items numbered ①: a section's number and name in one cell
  const named = NUMBER_AND_NAME.exec(seqCell);
  if (named && outerLevel('arabic', taskStyle) && row.cells.every((c, i) => i === layout.seqColumn || !c.trim()))
    return isHeading(named[1]) ? seqCell.trim() : null;
  const form = formOf(seqCell);
  if (!form || form === taskStyle) return null;
  const others = row.cells.filter((c, i) => i !== layout.seqColumn && c);
  // a group's row (`一、 | 新建…学校25所,新增学位2.7万个。…`) names what its items (`（一）…`) achieve
  // together: a heading, however it reads, when the items follow and it has no cell of its own
  const leadsItems = next === taskStyle && outerLevel(form, taskStyle);
  if (others.length !== 1 || !(leadsItems || isHeading(others[0]) || isHeadingEndingInStop(others[0]))) return null;
  const number = seqCell.trim();
  return /[、.．)）]$/.test(number) ? `${number}${others[0]}` : `${number}、${others[0]}`;
}

export type { SlotKind };
