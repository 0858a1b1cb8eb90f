// A web page's tables as rows: most published progress tables are pages on a government site, and
// an office saves the page (`另存为 .html`) rather than copying it cell by cell. Cells merged down
// (`rowspan`) are copied down and marked as a .docx's vertical merges are; cells spread across
// (`colspan`) leave the columns they cover blank, marked as covered. The page's text before a table
// (its title, `截至9月底`) comes as rows of one cell, so the title still dates the table; its text
// after the last table (links, the site's footer) is left out. A page without a table (a list of
// items in paragraphs) comes as rows of one cell, one per paragraph, as its text would.
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from './limits.js';
import type { Row } from './rows.js';

export type HtmlRowsResult = { ok: true; rows: Row[] } | { ok: false; code: 'too_large'; message: string };

/** A web page, as saved by a browser or an office's web system (its table, or its list of items). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  return head.startsWith('<') && /<(!doctype html|html|body|table|tr|td|p|div)[\s>]/.test(head);
}

/** A tag's name after its `<` (`td`, `/tr`); its attributes follow. */
const TAG_NAME = /^(\/?)([a-zA-Z][\w:-]*)/;

interface Tag {
  /** Where the tag starts and where the text after it starts. */
  start: number;
  end: number;
  /** Lower-case name; empty for a comment, a doctype or a stray `<`. */
  name: string;
  closing: boolean;
  attrs: string;
}

/**
 * The next tag from `from`, or null. Scanned by hand, not by one pattern: an unclosed comment or
 * quote in an untrusted page must not make every later `<` scan to the end (quadratic time).
 */
function nextTag(html: string, from: number): Tag | null {
  let start = html.indexOf('<', from);
  // `<` before anything but a name, `/`, `!` or `?` is text (`1<2`, `< 5%`)
  while (start >= 0 && !/[a-zA-Z/!?]/.test(html[start + 1] ?? '')) start = html.indexOf('<', start + 1);
  if (start < 0) return null;
  if (html.startsWith('<!--', start)) {
    const close = html.indexOf('-->', start + 4);
    // an unclosed comment runs to the end of the page, as a browser reads it
    return { start, end: close < 0 ? html.length : close + 3, name: '', closing: false, attrs: '' };
  }
  const close = html.indexOf('>', start + 1);
  if (close < 0) return null;
  const m = TAG_NAME.exec(html.slice(start + 1, Math.min(close, start + 64)));
  if (!m) return { start, end: close + 1, name: '', closing: false, attrs: '' };
  return {
    start,
    end: close + 1,
    name: m[2].toLowerCase(),
    closing: m[1] === '/',
    attrs: html.slice(start + 1 + m[0].length, close),
  };
}
/** Elements whose text is no content (scripts, styles, the page's head). */
const HIDDEN = new Set(['script', 'style', 'head', 'title', 'noscript', 'template']);
/** Elements that end a line of text outside a table, or a part of a cell inside one. */
const BREAKS = new Set(['br', 'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'tr']);

/** A cell that spans rows, still to be copied into the rows below. */
interface Spanning {
  text: string;
  rowsLeft: number;
}

const SPAN_ATTRS = { colspan: /\bcolspan\s*=\s*["']?(\d+)/i, rowspan: /\browspan\s*=\s*["']?(\d+)/i };

/** The integer a span attribute gives (`rowspan="3"`), at least 1 and at most `max`. */
function spanOf(attrs: string, name: keyof typeof SPAN_ATTRS, max: number): number {
  const m = SPAN_ATTRS[name].exec(attrs);
  const n = m ? Number(m[1]) : 1;
  return Math.max(1, Math.min(max, n || 1));
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  emsp: ' ',
  ensp: ' ',
  times: '×',
  deg: '°',
  permil: '‰',
  copy: '©',
  reg: '®',
  yen: '¥',
  plusmn: '±',
  le: '≤',
  ge: '≥',
};

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Where a block ends inside a cell or line (`<br>`, `</p>`): a private character, no white space. */
const BREAK = '\ue000';
const CJK = '\u3000-\u9fff\uff00-\uffef';
/** A line break in the page's source beside a Chinese character (`320\n个`): a wrapped line, no space. */
const WRAPPED = new RegExp(
  `(?<=[${CJK}])[ \\t\\r]*\\n\\s*(?=[${CJK}\\w])|(?<=[\\w%])[ \\t\\r]*\\n\\s*(?=[${CJK}])`,
  'g',
);
/** A block's end after Chinese punctuation (`…320个，` then `其余…`): the text runs on. */
const BREAK_AFTER_STOP = new RegExp(`([，。；：、！？）》”])\\s*${BREAK}[\\s${BREAK}]*`, 'g');

/**
 * A cell's or a line's text, as a browser shows it: inline tags (`<span>新建</span><span>5G</span>`)
 * add nothing, white space collapses, a block's end is a space (`王强<br>李明`) but after Chinese
 * punctuation, and a line wrapped in the source between Chinese characters is joined.
 */
const clean = (parts: readonly string[]): string =>
  decodeEntities(parts.join(''))
    .replace(WRAPPED, '')
    .replace(BREAK_AFTER_STOP, '$1')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(new RegExp(` ?${BREAK}[ ${BREAK}]*`, 'g'), ' ')
    .trim();

const tooLarge = (what: string): HtmlRowsResult => ({ ok: false, code: 'too_large', message: what });

/**
 * The rows of a page: each table row as a row of cells, and each line of text before the first
 * table (and between tables) as a row of one cell. Tables inside a cell add their text to it.
 */
export function htmlToRows(html: string): HtmlRowsResult {
  const rows: Row[] = [];
  let line: string[] = [];
  let depth = 0;
  let hidden: string | null = null;
  // the row being built, and the cell being read
  let cells: string[] | null = null;
  let merged: boolean[] = [];
  let covered: boolean[] = [];
  let cell: string[] | null = null;
  let cellSpan = 1;
  let cellRows = 1;
  let spanning: (Spanning | undefined)[] = [];
  /** Tables open inside the cell being read. */
  let inner = 0;

  // lines after a table wait for the next one: after the last, they are the page's footer
  let afterTable: Row[] | null = null;
  const flushLine = () => {
    const text = clean(line);
    line = [];
    if (text) (afterTable ?? rows).push({ cells: [text] });
  };
  /** Copies the cells merged down from above into the row, up to the next free column. */
  const fillFromAbove = () => {
    while (cells && spanning[cells.length]) {
      const s = spanning[cells.length]!;
      cells.push(s.text);
      merged.push(true);
      covered.push(false);
      if (--s.rowsLeft === 0) spanning[cells.length - 1] = undefined;
    }
  };
  const endCell = (): HtmlRowsResult | null => {
    if (!cells || !cell) return null;
    fillFromAbove();
    const text = clean(cell);
    const col = cells.length;
    if (col + cellSpan > MAX_TABLE_COLUMNS)
      return tooLarge(`a table row of the page spans more than ${MAX_TABLE_COLUMNS} columns`);
    cells.push(text);
    merged.push(false);
    covered.push(false);
    if (cellRows > 1) spanning[col] = { text, rowsLeft: cellRows - 1 };
    for (let i = 1; i < cellSpan; i++) {
      cells.push('');
      merged.push(false);
      covered.push(true);
      if (cellRows > 1) spanning[col + i] = { text: '', rowsLeft: cellRows - 1 };
    }
    cell = null;
    return null;
  };
  const endRow = (): HtmlRowsResult | null => {
    const failed = endCell();
    if (failed) return failed;
    if (!cells) return null;
    fillFromAbove();
    // columns still merged down past this row's last cell
    for (let c = cells.length; c < spanning.length; c++) {
      if (!spanning[c]) continue;
      while (cells.length < c) {
        cells.push('');
        merged.push(false);
        covered.push(false);
      }
      fillFromAbove();
    }
    if (cells.some((c) => c !== '')) {
      if (rows.length >= MAX_TABLE_ROWS) return tooLarge(`the page has more than ${MAX_TABLE_ROWS} table rows`);
      // marks only where the page merged cells: a blank cell of a page without them may be a
      // merge the page's writer left out, as in text
      const row: Row = { cells };
      if (merged.includes(true)) row.mergedFromAbove = merged;
      if (covered.includes(true)) row.coveredFromLeft = covered;
      rows.push(row);
    }
    cells = null;
    return null;
  };

  let at = 0;
  for (let tag = nextTag(html, 0); ; tag = nextTag(html, at)) {
    const text = html.slice(at, tag ? tag.start : html.length);
    if (text && !hidden) {
      if (cell) cell.push(text);
      else if (depth === 0) line.push(text);
    }
    if (!tag) break;
    at = tag.end;
    const { name, closing } = tag;
    if (!name) continue; // a comment, a doctype
    if (hidden) {
      if (closing && name === hidden) hidden = null;
      continue;
    }
    if (HIDDEN.has(name)) {
      if (!closing && !tag.attrs.trimEnd().endsWith('/')) hidden = name;
      continue;
    }
    // a table inside a cell: its text belongs to the cell, its tags break it as lines would
    if (cell && (inner > 0 || name === 'table')) {
      if (name === 'table') inner = Math.max(0, inner + (closing ? -1 : 1));
      cell.push(BREAK);
      continue;
    }
    if (name === 'table') {
      if (!closing) {
        flushLine();
        if (depth === 0 && afterTable) rows.push(...afterTable);
        afterTable = null;
        depth++;
        spanning = [];
      } else if (depth > 0) {
        const failed = endRow();
        if (failed) return failed;
        depth--;
        if (depth === 0) afterTable = [];
      }
      continue;
    }
    if (depth === 0) {
      if (BREAKS.has(name)) flushLine();
      continue;
    }
    if (name === 'tr' && !cell) {
      const failed = endRow();
      if (failed) return failed;
      if (!closing) {
        cells = [];
        merged = [];
        covered = [];
      }
    } else if ((name === 'td' || name === 'th') && !closing) {
      const failed = endCell();
      if (failed) return failed;
      // a cell without its row's tag opens one
      if (!cells) {
        cells = [];
        merged = [];
        covered = [];
      }
      cell = [];
      cellSpan = spanOf(tag.attrs, 'colspan', MAX_TABLE_COLUMNS);
      cellRows = spanOf(tag.attrs, 'rowspan', MAX_TABLE_ROWS);
    } else if ((name === 'td' || name === 'th') && closing) {
      const failed = endCell();
      if (failed) return failed;
    } else if (cell && BREAKS.has(name)) cell.push(BREAK);
  }
  const failed = endRow();
  if (failed) return failed;
  flushLine();
  return { ok: true, rows };
}
