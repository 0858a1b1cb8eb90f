// The table's layout: which row is the header and what each column holds, turned into the
// ordered slots a row is aligned to (see align.ts).
import type { TaskField } from '../domain/index.js';
import type { SlotKind } from './align.js';
import { readHeaderRow, type ColumnRole } from './headers.js';
import type { Row } from './rows.js';

export interface Layout {
  /** Index of the first header row. */
  headerRow: number;
  /** Column holding 序号, or null when the table numbers no rows. */
  seqColumn: number | null;
  /** Slots in column order; a data row (without its seq cell) is aligned to these. */
  slots: SlotKind[];
  /** True when the header itself has two 重点工作任务 columns (theme and category). */
  explicitCategory: boolean;
  /** Optional task fields the table has (co_units, deadline, notes). */
  optionalColumns: TaskField[];
  /** Header column of the target (具体目标任务), or of the task column standing in for it. */
  targetColumn: number;
}

const ROLE_TO_SLOT: Record<Exclude<ColumnRole, 'seq' | 'task' | 'category'>, SlotKind> = {
  target: 'target',
  leaders: 'leaders',
  units: 'units',
  co_units: 'co_units',
  progress: 'progress',
  deadline: 'deadline',
  notes: 'notes',
};

/** Finds the first header row and derives the slots; null when no row reads as a header. */
export function findLayout(rows: readonly Row[]): Layout | null {
  for (let r = 0; r < rows.length; r++) {
    const roles = readHeaderRow(rows[r].cells);
    if (roles) return layoutFromRoles(r, roles, rows[r].cells);
  }
  return null;
}

function layoutFromRoles(headerRow: number, roles: Array<ColumnRole | null>, cells: readonly string[]): Layout {
  // Trailing unnamed columns (a trailing tab) are not columns.
  let last = roles.length - 1;
  while (last >= 0 && roles[last] === null && !cells[last].trim()) last--;
  const seqColumn = roles.indexOf('seq') >= 0 ? roles.indexOf('seq') : null;
  const hasTarget = roles.includes('target');
  const slots: SlotKind[] = [];
  let explicitCategory = false;
  for (let c = 0; c <= last; c++) {
    if (c === seqColumn) continue;
    const role = roles[c];
    if (role === 'task' || role === 'category') {
      const prevIsHeading = slots.length > 0 && slots[slots.length - 1] === 'heading';
      if (role === 'category' || (prevIsHeading && roles[c - 1] === 'task')) explicitCategory = true;
      slots.push(hasTarget ? 'heading' : 'target');
      continue;
    }
    if (role === null) {
      // A blank header cell right after 重点工作任务 is its second level (a merged header cell).
      if (roles[c - 1] === 'task' && !cells[c].trim()) {
        slots.push('heading');
        explicitCategory = true;
      } else slots.push('other');
      continue;
    }
    if (role === 'seq') continue;
    slots.push(ROLE_TO_SLOT[role]);
  }
  // One 重点工作任务 column often carries two levels; give the row room for a category cell.
  const headingCount = slots.filter((s) => s === 'heading').length;
  if (headingCount === 1) slots.splice(slots.indexOf('heading') + 1, 0, 'heading');
  // Without a separate target column the task column is the target (`工作任务 | 责任单位 | …`).
  if (!slots.includes('target')) {
    const lastHeading = slots.lastIndexOf('heading');
    if (lastHeading >= 0) slots[lastHeading] = 'target';
  }
  const optionalColumns: TaskField[] = [];
  for (const s of ['co_units', 'deadline', 'notes'] as const) if (slots.includes(s)) optionalColumns.push(s);
  const targetRole = roles.includes('target') ? 'target' : 'task';
  const targetColumn = Math.max(roles.lastIndexOf(targetRole), roles.indexOf('task'));
  return { headerRow, seqColumn, slots, explicitCategory, optionalColumns, targetColumn };
}
