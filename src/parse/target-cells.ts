// A target spread over several columns is joined with one space. Some tables print the target's
// figure again in a column of its own (`城镇新增就业1100人 | 1100`, for adding up); that copy, and a
// dash where a task has no figure (`-`), add nothing to the target and are left out. A figure the
// text does not state (`城镇新增就业(人) | 26000`) is the target's own and stays.
import { DASH_ONLY, isBareValue } from './column-profile.js';

const NUMBER = /\d+(?:\.\d+)?/;
/** A number opening a line as its label (`1.`, `（2）`, `指标1:`), as numbering.ts reads them. */
const LINE_LABEL = /^\s*(?:(?:指标|任务|事项|实事)?\d{1,3}[.、．:：]|[（(]\d{1,3}[）)])/;

/** Whether `text` states the number `n` on its own (not inside a longer number). */
function states(text: string, n: string): boolean {
  for (let at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + 1)) {
    const before = text[at - 1] ?? '';
    const after = text[at + n.length] ?? '';
    if (!/[\d.]/.test(before) && !/\d/.test(after) && !(after === '.' && /\d/.test(text[at + n.length + 1] ?? '')))
      return true;
  }
  return false;
}

/** The target cells of a row joined with one space, without dashes and restated figures. */
export function joinTargetCells(cells: readonly string[]): string {
  const kept = cells.filter((c) => c && !DASH_ONLY.test(c));
  if (kept.length < 2) return kept.join(' ');
  // a number labelling the line (`指标1:租车次数 | 1`) states no figure of the target
  const words = kept
    .filter((c) => !isBareValue(c))
    .map((c) => c.replace(LINE_LABEL, ''))
    .join(' ');
  return kept
    .filter((c) => {
      if (!words || !isBareValue(c)) return true;
      const n = NUMBER.exec(c)?.[0];
      return !n || !states(words, n);
    })
    .join(' ');
}
