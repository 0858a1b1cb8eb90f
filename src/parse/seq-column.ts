// Which column holds the task numbers when no header word says so: numbers that count, as task
// numbers do, in a column near the left; or a header that has no cell over them at all. Amounts
// near the left (last year's figures, points, counts of projects) are no task numbers.
import type { HeaderRows } from './header-row.js';
import { normaliseHeaderText, roleOfHeader, type ColumnRole } from './headers.js';
import { readNumbering } from './numbering.js';
import type { Row } from './rows.js';

/** The task numbers the cells read as, skipping the cells that hold none. */
const seqsOf = (cells: readonly string[]): number[] => cells.flatMap((x) => readNumbering(x)?.seq ?? []);

/**
 * Numbers that count, as task numbers do: nearly all go up from the number before (by one, or
 * by more in an excerpt of a longer list: `81, 85, 87`), or start again at 1 in a new section.
 * Amounts in a column near the left (`95`, `13`, `617`, last year's figures beside an indicator's
 * name) go up and down.
 */
function counts(cells: readonly string[]): boolean {
  const numbers = seqsOf(cells);
  // a number repeated on a project's sub-rows (`1, 1, 1, 2`) does not go down
  const steps = numbers.slice(1).filter((n, i) => n >= numbers[i] || n === 1).length;
  if (steps >= 0.8 * (numbers.length - 1)) return true;
  // task numbers of a longer list regrouped (done first, then lagging: `5, 11, 26, 21, 3, 6`) go up
  // by runs, stay small and name each task once; amounts reach the hundreds and thousands, and
  // small counts come back (`5, 3, 2, 3, 5`)
  return steps >= 0.5 * (numbers.length - 1) && numbers.every((n) => n <= 300) && !recurs(numbers);
}

/** Whether a number comes back after others (`3, 2, 3`); one repeated on adjacent sub-rows does not. */
function recurs(numbers: readonly number[]): boolean {
  const seen = new Set<number>();
  for (let i = 0; i < numbers.length; i++) {
    if (i > 0 && numbers[i] === numbers[i - 1]) continue;
    if (seen.has(numbers[i])) return true;
    seen.add(numbers[i]);
  }
  return false;
}

/**
 * The unnamed column among the first `upTo` whose filled cells are numbers counting up (1, 2, 3…
 * on the rows that carry one): a 序号 column whose sub-rows are blank. The column with most
 * numbers wins (a section's 一、 in a column of its own counts up too, on fewer rows).
 */
export function countingColumn(
  body: readonly Row[],
  hints: ReadonlyArray<ColumnRole | null>,
  upTo: number,
): number | null {
  let best: number | null = null;
  let bestCount = 0;
  for (let c = 0; c < upTo; c++) {
    if (hints[c] !== null) continue;
    const cells = body.map((r) => (r.cells[c] ?? '').trim()).filter(Boolean);
    const numbers = seqsOf(cells);
    if (numbers.length < 3 || numbers.length < 0.9 * cells.length || numbers.length < 0.3 * body.length) continue;
    const steps = numbers.slice(1).filter((n, i) => n === numbers[i] + 1).length;
    if (steps < 0.8 * (numbers.length - 1)) continue;
    if (numbers.length > bestCount) [best, bestCount] = [c, numbers.length];
  }
  return best;
}

/**
 * The header has no cell over the task numbers: its first word stands over a column of numbers
 * counting up, and the body's last column, used by most rows, has no header word.
 */
export function headerMissesSeq(header: HeaderRows, body: readonly Row[], width: number): boolean {
  if (header.headerRow < 0 || !(header.texts[0] ?? '').trim() || roleOfHeader(header.texts[0]) === 'seq') return false;
  if ((header.texts[width - 1] ?? '').trim() || header.texts.filter((t) => t.trim()).length !== width - 1) return false;
  const firsts = body.map((r) => (r.cells[0] ?? '').trim()).filter(Boolean);
  const numbers = seqsOf(firsts);
  if (numbers.length < 2 || numbers.length < 0.9 * firsts.length || numbers[0] !== 1) return false;
  return body.filter((r) => (r.cells[width - 1] ?? '').trim()).length >= 0.5 * body.length;
}

/**
 * A header word merged over the task numbers and the names beside them (`地区` over `1 | 市直单位`,
 * a ranking's place and name): the word stands over the numbers and a blank over the names. Returns
 * the numbers' column, or null. A total row above the ranks (`全市`) may leave one cell unnumbered.
 */
export function headerOverSeqAndName(header: HeaderRows, body: readonly Row[], width: number): number | null {
  if (header.headerRow < 0) return null;
  for (let c = 0; c < Math.min(width - 1, 2); c++) {
    const word = (header.texts[c] ?? '').trim();
    if (!word || (header.texts[c + 1] ?? '').trim() || roleOfHeader(word) === 'seq') continue;
    const filled = body.map((r) => (r.cells[c] ?? '').trim()).filter(Boolean);
    const numbers = seqsOf(filled);
    if (numbers.length < 2 || numbers.length < filled.length - 1 || numbers[0] !== 1) continue;
    if (!numbers.slice(1).every((n, i) => n === numbers[i] + 1)) continue;
    const named = body.filter(
      (r) => readNumbering(r.cells[c] ?? '') !== null && /[\u4e00-\u9fff]/.test(r.cells[c + 1] ?? ''),
    ).length;
    if (named === numbers.length) return c;
  }
  return null;
}

/**
 * A column of numbers among the first three, whatever its header says, when its numbers count: a
 * 序号 whose header is another word. A header saying the column is none of the task's fields
 * (`分值`, `总投资`) is believed, and so is one naming a count or a value (`项目数`, `年度指标值`): task numbers are
 * headed 序号, 编号.
 */
export function numberColumn(
  body: readonly Row[],
  hints: ReadonlyArray<ColumnRole | null>,
  headerTexts: readonly string[],
  width: number,
): number | null {
  for (let c = 0; c < Math.min(width, 3); c++) {
    if (hints[c] === 'other' || /[数值]$/.test(normaliseHeaderText(headerTexts[c] ?? ''))) continue;
    const cells = body.map((r) => r.cells[c] ?? '').filter((x) => x.trim());
    if (cells.length >= 2 && cells.filter((x) => readNumbering(x)).length >= 0.8 * body.length && counts(cells))
      return c;
  }
  return null;
}
