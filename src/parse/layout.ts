// The table's layout: which rows are the header, what each column holds (column-roles.ts), and
// the ordered slots a row is aligned to (see align.ts).
import type { TaskField, Warning } from '../domain/index.js';
import type { SlotKind } from './align.js';
import { unitForHeader, unitsOfLine } from './table-unit.js';
import { decideRoles } from './column-roles.js';
import type { ColumnsSpec } from './columns-option.js';
import { findHeaderRows } from './header-row.js';
import type { ColumnRole } from './headers.js';
import type { Row } from './rows.js';

export interface Layout {
  /** Index of the first header row (-1: the table has none). */
  headerRow: number;
  /** First row after the header rows. */
  bodyStart: number;
  /** The header text of every column. */
  headerTexts: string[];
  /** Column holding 序号, or null when the table numbers no rows in a column of their own. */
  seqColumn: number | null;
  /** Column whose text opens with the task number (`1.力争…`), when there is no 序号 column. */
  seqInColumn: number | null;
  /** Slots in column order; a data row (without its seq cell) is aligned to these. */
  slots: SlotKind[];
  /** The header text over each slot ('' for a slot the header has no column for). */
  slotHeaders: string[];
  /** Per slot: the index its column has among a row's cells once the 序号 cell is taken out. */
  slotCells: number[];
  /** True when the header itself has two 重点工作任务 columns (theme and category). */
  explicitCategory: boolean;
  /** Optional task fields the table has (co_units, deadline, notes). */
  optionalColumns: TaskField[];
  /** Header column of the target (具体目标任务), or of the task column standing in for it. */
  targetColumn: number;
  /** Guesses about the columns, for the table's warnings. */
  warnings: Warning[];
  /** The role each column of the table was read as. */
  columnRoles: ColumnRole[];
}

const ROLE_TO_SLOT: Record<Exclude<ColumnRole, 'seq' | 'task' | 'category'>, SlotKind> = {
  target: 'target',
  leaders: 'leaders',
  units: 'units',
  co_units: 'co_units',
  progress: 'progress',
  actual: 'actual',
  rate: 'rate',
  flag: 'flag',
  remarks: 'remarks',
  plan: 'other',
  deadline: 'deadline',
  notes: 'notes',
  other: 'other',
};

/** The units a line above the header names (`单位：万元`), or null. */
function unitLineAbove(rows: readonly Row[], headerRow: number): string[] | null {
  for (let r = Math.max(0, headerRow - 3); r < headerRow; r++) {
    const cells = rows[r].cells.filter((c) => c.trim());
    for (const cell of cells) {
      const units = unitsOfLine(cell);
      if (units) return units;
    }
  }
  return null;
}

/** Finds the header and derives the slots; null when no row reads as a header and none is numbered. */
export function findLayout(rows: readonly Row[], spec?: ColumnsSpec): Layout | null {
  const header = findHeaderRows(rows);
  if (!header) {
    if (spec?.kind !== 'position') return null;
    // The person named the columns: every row is read under them.
    return layoutOf(rows, { headerRow: -1, bodyStart: 0, texts: [], subTexts: [] }, spec);
  }
  return layoutOf(rows, header, spec);
}

function layoutOf(
  rows: readonly Row[],
  header: ReturnType<typeof findHeaderRows> & object,
  spec?: ColumnsSpec,
): Layout {
  const decided = decideRoles(rows, header, spec);
  const { roles, seqColumn } = decided;
  const texts = header.texts;
  // Trailing unnamed, empty columns (a trailing tab) are not columns.
  let last = roles.length - 1;
  while (last >= 0 && roles[last] === 'other' && !(texts[last] ?? '').trim()) last--;
  const slots: SlotKind[] = [];
  const slotHeaders: string[] = [];
  const slotColumns: number[] = [];
  let explicitCategory = false;
  const push = (slot: SlotKind, c: number) => {
    slots.push(slot);
    slotHeaders.push((texts[c] ?? '').trim());
    slotColumns.push(c);
  };
  const tableUnits = unitLineAbove(rows, header.headerRow);
  for (let c = 0; c <= last; c++) {
    if (c === seqColumn) continue;
    const role = roles[c];
    if (role === 'task' || role === 'category') {
      // A second heading column is the second level; a 类别 column alone is the table's only level.
      if (slots.includes('heading')) explicitCategory = true;
      push('heading', c);
      continue;
    }
    if (role === 'seq') {
      push('other', c);
      continue;
    }
    push(ROLE_TO_SLOT[role], c);
    // an actual column of bare figures under a unit line (`单位：万元`) carries the unit as a header would
    const unit =
      role === 'actual' && tableUnits ? unitForHeader(tableUnits, slotHeaders[slotHeaders.length - 1]) : null;
    if (unit) slotHeaders[slotHeaders.length - 1] += `（${unit}）`;
  }
  // One 重点工作任务 column often carries two levels; give the row room for a category cell.
  const headingCount = slots.filter((s) => s === 'heading').length;
  const headingAt = slots.indexOf('heading');
  if (headingCount === 1 && decided.twoLevels[slotColumns[headingAt]]) {
    // with no target column, a first cell naming each task is the task's name: both cells are
    // its target (`美丽乡村建设 | 创建4个市级美丽乡村示范村…` under one `年度任务`)
    const named = !slots.includes('target') && decided.namesEachTask[slotColumns[headingAt]];
    if (named) slots[headingAt] = 'target';
    slots.splice(headingAt + 1, 0, named ? 'target' : 'heading');
    slotHeaders.splice(headingAt + 1, 0, slotHeaders[headingAt]);
    slotColumns.splice(headingAt + 1, 0, slotColumns[headingAt]);
  }
  // Without a target column the last heading column is the target (`工作任务 | 责任单位 | …`).
  if (!slots.includes('target')) {
    const lastHeading = slots.lastIndexOf('heading');
    if (lastHeading >= 0) slots[lastHeading] = 'target';
    explicitCategory = slots.filter((s) => s === 'heading').length >= 2 || roles.includes('category');
  }
  // Remarks join the report when the report is only figures (完成数 | 完成率 | 备注); beside a
  // written report they stay notes.
  const hasWrittenReport = slots.includes('progress');
  const reportParts = slots.some((s) => s === 'actual' || s === 'rate' || s === 'flag');
  if (!hasWrittenReport && reportParts)
    for (let i = 0; i < slots.length; i++) if (slots[i] === 'notes') slots[i] = 'remarks';
  const optionalColumns: TaskField[] = [];
  for (const s of ['co_units', 'deadline', 'notes'] as const) if (slots.includes(s)) optionalColumns.push(s);
  const targetColumn = Math.max(0, ...slotColumns.filter((_, i) => slots[i] === 'target' || slots[i] === 'heading'));
  return {
    headerRow: header.headerRow,
    bodyStart: header.bodyStart,
    headerTexts: texts,
    seqColumn,
    seqInColumn: decided.seqInColumn,
    slots,
    slotHeaders,
    slotCells: slotColumns.map((c) => (seqColumn !== null && c > seqColumn ? c - 1 : c)),
    explicitCategory,
    optionalColumns,
    targetColumn,
    warnings: decided.warnings,
    columnRoles: roles,
  };
}
