// Where the progress table merges cells, computed once for every writer (xlsx, docx, html).
// Published tables merge runs of the same theme, category, leader and unit; a task without a
// category has its theme spread over both 重点工作任务 columns. Merges never cross a block:
// a leader run stops where its category (or theme) changes, so a merged cell always sits
// inside the group it belongs to, and a blank cell below it reads as "same as above" again.
import type { ProgressRow } from './model.js';

export type MergedColumn = 'theme' | 'category' | 'leaders' | 'units';

export interface RowLayout {
  /**
   * Rows spanned by the cell that starts here, per merged column: n ≥ 1 at the top of a run,
   * 0 for a cell covered by the run above.
   */
  span: Record<MergedColumn, number>;
  /** The theme fills both 重点工作任务 columns (the task has no category). */
  themeAcross: boolean;
}

const join = (names: readonly string[]): string => names.join('、');

/** Display text of a merged column for a row (names joined by 、). */
export function cellText(row: ProgressRow, column: MergedColumn): string {
  if (column === 'leaders') return join(row.leaders);
  if (column === 'units') return join(row.units);
  return row[column] ?? '';
}

/** Computes the merge spans of a table's rows, in row order. */
export function layoutRows(rows: readonly ProgressRow[]): RowLayout[] {
  const out: RowLayout[] = rows.map((r) => ({
    span: { theme: 1, category: 1, leaders: 1, units: 1 },
    themeAcross: r.category == null || r.category === '',
  }));
  // Block keys: a theme block is a run of one theme with the same "has category" shape, so a
  // category-less stretch gets its own theme cell spread across both columns.
  const themeKey = (i: number) => `${rows[i].theme ?? ''}\u0000${out[i].themeAcross}`;
  const categoryKey = (i: number) => `${themeKey(i)}\u0000${rows[i].category ?? ''}`;
  const keys: Record<MergedColumn, (i: number) => string> = {
    theme: themeKey,
    category: categoryKey,
    leaders: (i) => `${categoryKey(i)}\u0000${cellText(rows[i], 'leaders')}`,
    units: (i) => `${categoryKey(i)}\u0000${cellText(rows[i], 'units')}`,
  };
  for (const column of Object.keys(keys) as MergedColumn[]) {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      // Empty cells are not merged: an empty leaders cell must not borrow a name from above.
      const continues = i < rows.length && keys[column](i) === keys[column](start) && cellText(rows[i], column) !== '';
      if (continues) continue;
      out[start].span[column] = i - start;
      for (let j = start + 1; j < i; j++) out[j].span[column] = 0;
      start = i;
    }
  }
  // A category cell under a theme spread across is part of the theme's rectangle.
  for (const r of out) if (r.themeAcross) r.span.category = 0;
  return out;
}
