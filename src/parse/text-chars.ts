// Character tests the classifiers run on every character of a cell, written as code-point
// comparisons rather than regular expressions because they are on the hot path of a big table.

/** True for a white-space character as `\s` and String#trim know it (line breaks included). */
export function isWhiteSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0x3000 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0xfeff
  );
}

/**
 * True for a character that separates several people or units in one cell: white space
 * (line breaks included), or one of 、，,；;/／|. A character test rather than a regex because
 * it runs on every character of every list cell.
 */
export function isListSeparator(c: number): boolean {
  return (
    isWhiteSpace(c) ||
    c === 0x3001 || // 、
    c === 0xff0c || // ，
    c === 0x2c || // ,
    c === 0xff1b || // ；
    c === 0x3b || // ;
    c === 0x2f || // /
    c === 0xff0f || // ／
    c === 0x7c // |
  );
}

const WHITE_SPACE_RUNS = /\s+/g;

/** The text without any white space (`replace(/\s+/g, '')`), without copying text that has none. */
export function withoutSpaces(text: string): string {
  for (let i = 0; i < text.length; i++) if (isWhiteSpace(text.charCodeAt(i))) return text.replace(WHITE_SPACE_RUNS, '');
  return text;
}
