// Search tokens for Chinese text. Index side: the words Intl.Segmenter('zh') finds plus every
// character bigram of each run of Han characters, so a two-character query matches even where
// the segmenter split it (光|伏) or glued it to a neighbour (医药港). Query side: bigrams only
// (plus latin/digit words), which every occurrence of the query is guaranteed to contain.
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN_RUN = /[\p{Script=Han}]+/gu;
const HAS_HAN = /\p{Script=Han}/u;
const WORDLIKE = /^[\p{L}\p{N}]+$/u;

/** Bigrams of a run of Han characters: 生物医药 → 生物 物医 医药. */
function bigrams(run: string): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** Tokens to index for a text (repeats kept: term frequency feeds the ranking). */
export function indexTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const s of segmenter.segment(text)) {
    const word = s.segment.toLowerCase();
    if (s.isWordLike && WORDLIKE.test(word)) tokens.push(word);
  }
  for (const m of text.matchAll(HAN_RUN)) tokens.push(...bigrams(m[0]));
  return tokens;
}

/** What a query asks for: every `terms` token, and for a lone Han character a prefix. */
export interface QueryTerms {
  /** Tokens every hit must contain. */
  terms: string[];
  /** Single characters that must start some token (a one-character query). */
  prefixes: string[];
  /** The query's text pieces, for exact-match ranking and highlighting. */
  pieces: string[];
}

export function queryTerms(query: string): QueryTerms {
  const terms = new Set<string>();
  const prefixes = new Set<string>();
  const pieces = query
    .split(/[\s,，、;；。]+/u)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const piece of pieces) {
    for (const s of segmenter.segment(piece)) {
      const word = s.segment.toLowerCase();
      if (!s.isWordLike || !WORDLIKE.test(word) || HAS_HAN.test(word)) continue;
      terms.add(word);
    }
    for (const m of piece.matchAll(HAN_RUN)) {
      const run = m[0];
      if ([...run].length === 1) prefixes.add(run);
      else for (const b of bigrams(run)) terms.add(b);
    }
  }
  return { terms: [...terms], prefixes: [...prefixes], pieces };
}

/** Tokens that restrict a search to one plan or period; no real text produces them. */
export const scopeToken = {
  plan: (id: number) => `xplanx${id}`,
  period: (id: number) => `xperiodx${id}`,
  target: 'xtargetx',
};
