// Pinyin printed after characters (`建設(shè)`, `標(biāo)準(zhǔn)`): some re-hosts of government pages
// annotate their traditional-character copy so, and the annotation splits the words the parser's
// column profiles and the assessor look for (`已完成建設(shè)并投入使用`). The text is read without
// it; offsets found in the cleaned text are mapped back to the text as written, so highlights
// still land on it.

/** A parenthesised syllable or two with a tone mark, right after a Chinese character. */
const ANNOTATION = /(?<=[\u3400-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/g;
const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;

export interface WithoutPinyin {
  text: string;
  /** The span in the text as written of a span in `text` (an annotation after its last character stays out). */
  originalSpan(span: { start: number; end: number }): { start: number; end: number };
}

const SAME = (span: { start: number; end: number }) => span;

export function withoutPinyin(written: string): WithoutPinyin {
  // most texts have no brackets at all, and most brackets hold no pinyin: two cheap checks first
  if ((!written.includes('(') && !written.includes('（')) || !TONED.test(written))
    return { text: written, originalSpan: SAME };
  // at[i], lengths[i]: where the i-th annotation stood in the cleaned text, and how long it was
  const at: number[] = [];
  const lengths: number[] = [];
  let removedSoFar = 0;
  const text = written.replace(ANNOTATION, (m, offset: number) => {
    at.push(offset - removedSoFar);
    lengths.push(m.length);
    removedSoFar += m.length;
    return '';
  });
  if (at.length === 0) return { text: written, originalSpan: SAME };
  /** Characters removed before `offset`; `atOffset`: count one standing right at it too. */
  const removedBefore = (offset: number, atOffset: boolean): number => {
    let shift = 0;
    for (let i = 0; i < at.length && (at[i] < offset || (atOffset && at[i] === offset)); i++) shift += lengths[i];
    return shift;
  };
  return {
    text,
    originalSpan: ({ start, end }) => ({
      start: start + removedBefore(start, true),
      end: end + removedBefore(end, false),
    }),
  };
}
