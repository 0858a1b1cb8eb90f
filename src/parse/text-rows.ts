// Text → rows of cells. Handles the tab-separated text that copying or extracting a table
// from a published document gives, and CSV/TSV as spreadsheets export it (quoted cells may
// hold line breaks and separators).
import type { Row } from './rows.js';

/** Picks the separator: tabs when any line has one, otherwise commas when the text reads as CSV. */
function separatorOf(text: string): '\t' | ',' | null {
  const sample = text.slice(0, 20_000);
  if (sample.includes('\t')) return '\t';
  const lines = sample.split('\n').slice(0, 40);
  const commaLines = lines.filter((l) => (l.match(/,/g)?.length ?? 0) >= 2).length;
  return commaLines >= 2 ? ',' : null;
}

/**
 * Splits text into rows. A cell that starts with `"` runs to the matching closing quote
 * (`""` is a literal quote), so quoted cells may contain line breaks.
 */
export function textToRows(text: string): Row[] {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const sep = separatorOf(src);
  if (sep === null) return src.split('\n').map((line) => ({ cells: [line] }));
  // Fast path: no quoted cells anywhere, so every line is one row.
  if (!src.includes('"')) return src.split('\n').map((line) => ({ cells: line.split(sep) }));

  const rows: Row[] = [];
  let cells: string[] = [];
  let i = 0;
  const n = src.length;
  while (i <= n) {
    if (src[i] === '"') {
      // Quoted cell: read to the closing quote that is followed by a separator or line end.
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = src.indexOf('"', j);
        if (q === -1) {
          value += src.slice(j);
          j = n;
          break;
        }
        value += src.slice(j, q);
        if (src[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      // Text after the closing quote up to the separator belongs to the cell (malformed but common).
      let end = j;
      while (end < n && src[end] !== sep && src[end] !== '\n') end++;
      cells.push(value + src.slice(j, end));
      i = end;
    } else {
      let end = i;
      while (end < n && src[end] !== sep && src[end] !== '\n') end++;
      cells.push(src.slice(i, end));
      i = end;
    }
    if (i >= n || src[i] === '\n') {
      rows.push({ cells });
      cells = [];
    }
    i++;
  }
  return rows;
}
