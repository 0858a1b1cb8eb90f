// A target spread over several columns is joined with one space. Some tables print the target's
// figure again in a column of its own (`城镇新增就业1100人 | 1100`, for adding up); that copy, and a
// dash where a task has no figure (`-`), add nothing to the target and are left out. A figure the
// text does not state (`城镇新增就业(人) | 26000`) is the target's own and stays.
import { DASH_ONLY, isBareValue } from './column-profile.js';

const NUMBER = /\d+(?:\.\d+)?/;

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
  const words = kept.filter((c) => !isBareValue(c)).join(' ');
  return kept
    .filter((c) => {
      if (!words || !isBareValue(c)) return true;
      const n = NUMBER.exec(c)?.[0];
      return !n || !states(words, n);
    })
    .join(' ');
}
