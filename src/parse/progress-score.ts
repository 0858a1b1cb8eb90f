// How strongly a cell reads like a progress report, by the words reports use and plans do not.
// A scanner rather than one alternation pattern: it stops at the third marker and reads only the
// opening of long cells (test/parse/classify-scanners.test.ts checks it against the pattern).

/**
 * Words that reports use and plans do not: something already happened, is counted, or is
 * dated. Dates are read by `datedAt`: `3月15日`, `1-11月`, `11月底/末/份`.
 */
export const PROGRESS_WORDS: readonly string[] = [
  '已',
  '累计',
  '截至',
  '截止',
  '目前',
  '今年以来',
  '同比',
  '环比',
  '完成率',
  '正在',
  '预计',
  '年度数据',
  '推进中',
  '持续推进',
  // not yet, or waiting for a higher authority: said of work under way, never in a target
  '尚未',
  '暂未',
  '暂无',
  '待省',
  '待市',
  '待上级',
  '待国家',
];

/** PROGRESS_WORDS by their first character, in list order: a table over the 16-bit characters. */
const WORDS_STARTING: string[][] = [[]];
const WORD_START = new Uint8Array(0x10000);
for (const w of PROGRESS_WORDS) {
  const c = w.charCodeAt(0);
  if (WORD_START[c] === 0) WORD_START[c] = WORDS_STARTING.push([]) - 1;
  WORDS_STARTING[WORD_START[c]].push(w);
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const MONTH = 0x6708; // 月
const DAY = 0x65e5; // 日
const HYPHEN = 0x2d;
const MONTH_END = new Set([0x5e95, 0x672b, 0x4efd]); // 底 末 份

/** End of the digit run starting at i (i itself when s[i] is no digit). */
function digitsEnd(s: string, i: number): number {
  while (isDigit(s.charCodeAt(i))) i++;
  return i;
}

/**
 * A date at the digit run [i, end): `3月15日`, `1-11月`, `11月底`; returns where it ends, or -1.
 * Only the whole run can start one: a date read from inside the run would end the same way.
 */
function datedAt(s: string, end: number): number {
  const next = s.charCodeAt(end);
  if (next === MONTH) {
    const dayEnd = digitsEnd(s, end + 1);
    if (dayEnd > end + 1 && s.charCodeAt(dayEnd) === DAY) return dayEnd + 1;
  }
  if (next === HYPHEN) {
    const toEnd = digitsEnd(s, end + 1);
    if (toEnd > end + 1 && s.charCodeAt(toEnd) === MONTH) return toEnd + 1;
  }
  if (next === MONTH && MONTH_END.has(s.charCodeAt(end + 1))) return end + 2;
  return -1;
}

/** How strongly a cell reads like a progress report (0 = not at all). */
export function progressScore(cell: string): number {
  // The opening says whether a text reports or plans; reading further only costs time.
  const s = cell.length > 200 ? cell.slice(0, 200) : cell;
  let hits = 0;
  // Left to right, each marker read once (a match resumes after its end), at most 3 counted.
  for (let i = 0; i < s.length && hits < 3;) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      const end = digitsEnd(s, i);
      const dated = datedAt(s, end);
      if (dated >= 0) hits++;
      i = dated >= 0 ? dated : end;
      continue;
    }
    const starting = WORD_START[c];
    i++;
    if (starting === 0) continue;
    for (const w of WORDS_STARTING[starting]) {
      if (s.startsWith(w, i - 1)) {
        hits++;
        i += w.length - 1;
        break;
      }
    }
  }
  return hits + (cell.length > 80 ? 1 : 0);
}
