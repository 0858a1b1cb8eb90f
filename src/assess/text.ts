// Text helpers for the assessor: clauses and sentences with offsets, quoted spans, and word
// lists compiled once into matchers.
// Nothing here keeps state between calls: every regex and table is built at module load.

export interface Piece {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits on the given separator characters (a one-class global regex: the engine's native scan
 * beats a per-character loop), keeping offsets; empty pieces are dropped.
 */
export function splitWithOffsets(text: string, separators: RegExp, limit = Infinity): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  separators.lastIndex = 0;
  while (out.length < limit) {
    const m = separators.exec(text);
    // a `.` separates only as a full stop, not as a decimal point or a list number
    if (m && text.charCodeAt(m.index) === 0x2e && !isHalfStop(text, m.index)) continue;
    const end = m ? m.index : text.length;
    if (end > start) out.push({ text: text.slice(start, end), start, end });
    if (!m) break;
    start = end + 1;
  }
  return out;
}

/**
 * A half-width full stop ends a sentence when written after a word, a bracket, a quote or a % and
 * not before a digit (`已完成.`, `增长4.1%.`); never a decimal point or a list number (`1.完成…`).
 */
export function isHalfStop(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 0x2e) return false;
  const after = text.charCodeAt(i + 1);
  if (after >= 0x30 && after <= 0x39) return false;
  const before = text.charCodeAt(i - 1);
  return (
    (before >= 0x4e00 && before <= 0x9fff) ||
    before === 0xff09 ||
    before === 0x29 ||
    before === 0x25 ||
    before === 0x201d
  );
}

/** A set of characters as a global one-class regex, for splitWithOffsets. */
export function charClass(chars: string): RegExp {
  return new RegExp(`[${chars.replace(/[\]\\^-]/g, '\\$&')}]`, 'g');
}

const CLAUSE_SEPARATORS = charClass('，,。；;：:！？!?\n.');
const SENTENCE_SEPARATORS = charClass('。；;！？!?\n.');
/** No real cell has more sentences than this; the cap bounds the work on pathological text. */
const MAX_PIECES = 400;

/** Clauses of a target or progress text: split on commas, stops, semicolons, colons. */
export const clausesOf = (text: string): Piece[] => splitWithOffsets(text, CLAUSE_SEPARATORS, MAX_PIECES * 2);
/** Sentences: split on stops, semicolons and line breaks only. */
export const sentencesOf = (text: string): Piece[] => splitWithOffsets(text, SENTENCE_SEPARATORS, MAX_PIECES);

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

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A word list compiled once: one alternation (longest words first, so 已全部完成 wins over 完成)
 * for searching, and sets by length for testing a text's start or end without a regex scan.
 */
export class WordMatcher {
  private readonly search: RegExp;
  private readonly byLength: Map<number, Set<string>>;

  constructor(readonly words: readonly string[]) {
    const sorted = [...words].filter(Boolean).sort((a, b) => b.length - a.length);
    this.search = sorted.length ? new RegExp(sorted.map(escape).join('|'), 'g') : /(?!)/g;
    this.byLength = new Map();
    for (const w of sorted) {
      const set = this.byLength.get(w.length) ?? new Set<string>();
      set.add(w);
      this.byLength.set(w.length, set);
    }
  }

  /** The first word found in text[from, to), or null. */
  first(text: string, from = 0, to = text.length): string | null {
    this.search.lastIndex = from;
    const m = this.search.exec(text);
    return m && m.index + m[0].length <= to ? m[0] : null;
  }

  /** The first word found in text from `from`, with where it starts, or null. */
  at(text: string, from = 0): { word: string; index: number } | null {
    this.search.lastIndex = from;
    const m = this.search.exec(text);
    return m ? { word: m[0], index: m.index } : null;
  }

  startsText(text: string): boolean {
    for (const [n, set] of this.byLength) if (n <= text.length && set.has(text.slice(0, n))) return true;
    return false;
  }

  endsText(text: string): boolean {
    for (const [n, set] of this.byLength) if (n <= text.length && set.has(text.slice(text.length - n))) return true;
    return false;
  }
}

/** Words denying what follows (`不低于序时`, `未落后于序时`, `没有滞后`, `未举办`). */
const DENIED = /(不|未|没有|没|无|并非|从未)$/;

/** The first word of the matcher in the text that no denial stands right before, or null. */
export function firstAffirmed(matcher: WordMatcher, text: string): string | null {
  for (let m = matcher.at(text); m; m = matcher.at(text, m.index + m.word.length))
    if (!DENIED.test(text.slice(Math.max(0, m.index - 2), m.index))) return m.word;
  return null;
}

const matchers = new WeakMap<readonly string[], WordMatcher>();
/** The matcher of a vocabulary list (compiled on first use, then shared). */
export function matcherOf(words: readonly string[]): WordMatcher {
  let m = matchers.get(words);
  if (!m) {
    m = new WordMatcher(words);
    matchers.set(words, m);
  }
  return m;
}

/** The first word of the list found in the text, or null. */
export const findWord = (text: string, words: readonly string[]): string | null => matcherOf(words).first(text);
