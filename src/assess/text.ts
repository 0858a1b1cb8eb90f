// Text helpers for the assessor: clauses and sentences with offsets, quoted spans, and a
// weighted bigram overlap that says how much of a metric's wording a window of text repeats.

export interface Piece {
  text: string;
  start: number;
  end: number;
}

/** Splits on the given separators, keeping offsets; empty pieces are dropped. */
export function splitWithOffsets(text: string, separators: RegExp): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  const seps = separatorSet(separators);
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || seps.has(text.charCodeAt(i))) {
      if (i > start) out.push({ text: text.slice(start, i), start, end: i });
      start = i + 1;
    }
  }
  return out;
}

const SEPARATOR_SETS = new Map<string, Set<number>>();
/** The characters of a one-character-class regex, as char codes (a regex per character is slow). */
function separatorSet(re: RegExp): Set<number> {
  let set = SEPARATOR_SETS.get(re.source);
  if (!set) {
    set = new Set();
    for (let c = 0; c < 0x10000; c++) if (re.test(String.fromCharCode(c))) set.add(c);
    SEPARATOR_SETS.set(re.source, set);
  }
  return set;
}

const CLAUSE_SEPARATORS = /[，,。；;：:！？!?\n]/;
const SENTENCE_SEPARATORS = /[。；;！？!?\n]/;
const clauseMemo = new Map<string, Piece[]>();
const sentenceMemo = new Map<string, Piece[]>();
/** Clauses of a target or progress text: split on commas, stops, semicolons, colons. */
export const clausesOf = (text: string): Piece[] =>
  memo(clauseMemo, text, () => splitWithOffsets(text, CLAUSE_SEPARATORS).slice(0, MAX_PIECES * 2));
/** Sentences: split on stops, semicolons and line breaks only. */
export const sentencesOf = (text: string): Piece[] =>
  memo(sentenceMemo, text, () => splitWithOffsets(text, SENTENCE_SEPARATORS).slice(0, MAX_PIECES));
/** No real cell has more sentences than this; the cap bounds the work on pathological text. */
const MAX_PIECES = 400;

/** [start, end) ranges inside quotes or book-title marks, where numbers name things. */
export function quotedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /“[^“”]{0,40}”|"[^"]{0,40}"|《[^《》]{0,60}》|「[^「」]{0,40}」|‘[^‘’]{0,40}’/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push([m.index, m.index + m[0].length]);
  return out;
}

export const insideAny = (at: number, ranges: Array<[number, number]>): boolean =>
  ranges.some(([s, e]) => at > s && at < e);

/** Words too common in reports to tie a figure to a metric; their bigrams weigh little. */
const GENERIC = new Set([
  '新增', '新建', '完成', '实现', '打造', '建设', '引进', '培育', '开工', '建成', '累计', '全区', '我区', '已经',
  '达到', '项目', '企业', '工作', '推进', '开展', '组织', '全年', '今年', '以来', '目前', '截至', '其中', '共计',
]);

function isWordChar(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Bigrams of word characters, digits excluded (numbers are matched apart). */
function bigrams(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (isWordChar(text.charCodeAt(i)) && isWordChar(text.charCodeAt(i + 1))) out.push(text.slice(i, i + 2));
  }
  return out;
}

// Bigram sets of recent windows: the same sentence is compared with many metrics.
const MEMO_LIMIT = 4096;
const gramSets = new Map<string, Set<string>>();
const gramLists = new Map<string, string[]>();

function memo<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key);
  if (v === undefined) {
    if (map.size >= MEMO_LIMIT) map.clear();
    v = make();
    map.set(key, v);
  }
  return v;
}

/** Report shorthand: 规模以上 is written 规上, 限额以上 限上. */
export function normaliseWording(text: string): string {
  return text.replace(/规模以上/g, '规上').replace(/限额以上/g, '限上').replace(/、|和|及|与/g, '');
}

/** Share (0-1) of the metric's bigrams, weighted, that also occur in the window. */
export function overlap(metric: string, window: string): number {
  const grams = memo(gramLists, metric, () => bigrams(normaliseWording(metric)));
  if (grams.length === 0) return 0;
  const inWindow = memo(gramSets, window, () => new Set(bigrams(normaliseWording(window))));
  let total = 0;
  let shared = 0;
  for (const g of grams) {
    const w = GENERIC.has(g) ? 0.3 : 1;
    total += w;
    if (inWindow.has(g)) shared += w;
  }
  return shared / total;
}

const alternations = new Map<readonly string[], RegExp>();
/** The first word of the list found in the text (one compiled regex per list), or null. */
export function findWord(text: string, words: readonly string[]): string | null {
  let re = alternations.get(words);
  if (!re) {
    re = new RegExp([...words].sort((a, b) => b.length - a.length).map(escape).join('|'));
    alternations.set(words, re);
  }
  return re.exec(text)?.[0] ?? null;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when the text starts (or ends) with one of the words. */
export function startsWithWord(text: string, words: readonly string[]): boolean {
  return anchored(words, 'start').test(text);
}
export function endsWithWord(text: string, words: readonly string[]): boolean {
  return anchored(words, 'end').test(text);
}
const anchoredMemo = { start: new Map<readonly string[], RegExp>(), end: new Map<readonly string[], RegExp>() };
function anchored(words: readonly string[], side: 'start' | 'end'): RegExp {
  let re = anchoredMemo[side].get(words);
  if (!re) {
    const body = words.map(escape).join('|');
    re = new RegExp(side === 'start' ? `^(?:${body})` : `(?:${body})$`);
    anchoredMemo[side].set(words, re);
  }
  return re;
}
