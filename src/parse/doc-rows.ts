// .doc (Word 97-2003) → rows of cells, as the .docx reader gives them. Offices still keep old
// progress tables and their 分工方案 as .doc, and government sites attach .doc files. The text of
// a .doc is in the WordDocument stream of a compound file (cfb.ts), in pieces the piece table (in
// the 0Table or 1Table stream) puts in order; a table is that text with each cell ended by a cell
// mark (\x07) and each row by a paragraph of its own that the paragraph properties (PAPX) mark as
// the row's end, and which carry the row's cell edges and vertical merges. Paragraphs outside
// tables become one-cell rows (the title lives there), cells are laid out on the grid of all the
// table's cell edges (a cell spanning columns keeps its text in the first), and a cell merged
// with the one above takes its text, marked as merged, as in the .docx reader. Nested tables are
// read into the cell holding them; a paragraph numbered by Word's lists gets its number written
// out (doc-numbering.ts).
import type { CompoundFile } from './cfb.js';
import { DocLists } from './doc-numbering.js';
import { withLabel } from './list-labels.js';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from './limits.js';
import type { Row } from './rows.js';

export type DocRowsResult =
  { ok: true; rows: Row[] } | { ok: false; code: 'bad_input' | 'too_large' | 'encrypted'; message: string };

/** Thrown inside this module only; `docToRows` answers it as a value. */
class Unreadable extends Error {
  constructor(
    message: string,
    readonly code: 'bad_input' | 'too_large' | 'encrypted' = 'bad_input',
  ) {
    super(message);
  }
}

const WORD_IDENT = 0xa5ec;
const CELL_MARK = 0x07;
const PARAGRAPH_MARK = 0x0d;
/** The pieces a table can be made of: fc of a piece with one byte per character has this bit. */
const COMPRESSED = 0x40000000;
const FKP_BYTES = 512;
/** A cell's description in a row's table definition: flags, width, four borders. */
const TC80_BYTES = 20;

/** sprms (paragraph and table properties) this reader looks at. */
const SPRM_IN_TABLE = 0x2416;
const SPRM_ROW_END = 0x2417; // sprmPFTtp: the paragraph ends a table row
const SPRM_TABLE_DEPTH = 0x6649; // sprmPItap
const SPRM_INNER_ROW_END = 0x244c; // sprmPFInnerTtp
const SPRM_DEF_TABLE = 0xd608; // the row's cell edges and each cell's flags
const SPRM_VERT_MERGE = 0xd62b; // sprmTVertMerge: one cell's vertical merge
const SPRM_CHANGE_TABS = 0xc615;
const SPRM_LIST_INSTANCE = 0x460b; // sprmPIlfo: the paragraph is numbered by this list instance (from 1)
const SPRM_LIST_LEVEL = 0x260a; // sprmPIlvl
/** The paragraph's properties are too large for its page: they are in the Data stream, at this offset. */
const SPRM_HUGE_PAPX = 0x6646;
const SPRM_HUGE_PAPX_OLD = 0x6645;

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

function u16(b: Uint8Array, at: number): number {
  if (at < 0 || at + 2 > b.length) throw new Unreadable('the document ends inside its tables');
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  if (at < 0 || at + 4 > b.length) throw new Unreadable('the document ends inside its tables');
  return view(b).getUint32(at, true);
}

/** Where each piece of the main text lies in the WordDocument stream. */
interface Piece {
  cpStart: number;
  cpEnd: number;
  fc: number;
  /** Bytes per character: 1 (Windows-1252) or 2 (UTF-16). */
  width: 1 | 2;
}

/** The File Information Block: where the text and the tables are. */
interface Fib {
  tableStream: '0Table' | '1Table';
  textLength: number;
  clx: { at: number; length: number };
  papx: { at: number; length: number };
  lists: { at: number; length: number };
  listInstances: { at: number; length: number };
}

function readFib(doc: Uint8Array): Fib {
  if (u16(doc, 0) !== WORD_IDENT) throw new Unreadable('the WordDocument stream is not a Word document');
  const nFib = u16(doc, 2);
  if (nFib < 101) throw new Unreadable('this is a Word 6.0/95 document; save it as .docx and try again', 'bad_input');
  const flags = u16(doc, 0x0a);
  if (flags & 0x0100)
    throw new Unreadable('the document is password-protected; remove the password and try again', 'encrypted');
  // FibBase (32 bytes), then counted blocks: 16-bit words, 32-bit words, then (fc, lcb) pairs
  const csw = u16(doc, 0x20);
  const lw = 0x22 + csw * 2;
  const cslw = u16(doc, lw);
  const longs = lw + 2;
  const pairsAt = longs + cslw * 4 + 2;
  const pair = (index: number) => ({ at: u32(doc, pairsAt + index * 8), length: u32(doc, pairsAt + index * 8 + 4) });
  return {
    tableStream: flags & 0x0200 ? '1Table' : '0Table',
    textLength: u32(doc, longs + 3 * 4),
    papx: pair(13),
    clx: pair(33),
    lists: pair(73),
    listInstances: pair(74),
  };
}

/** The piece table (the Pcdt of the CLX), skipping the property runs (Prc) before it. */
function readPieces(table: Uint8Array, clx: Fib['clx']): Piece[] {
  const end = clx.at + clx.length;
  if (end > table.length) throw new Unreadable('the piece table lies past the end of its stream');
  let at = clx.at;
  while (at < end && table[at] === 0x01) {
    const size = view(table).getInt16(at + 1, true);
    if (size < 0) throw new Unreadable('the piece table is damaged');
    at += 3 + size;
  }
  if (table[at] !== 0x02) throw new Unreadable('the document has no piece table');
  const length = u32(table, at + 1);
  const plc = at + 5;
  const count = Math.floor((length - 4) / 12);
  if (count <= 0 || plc + length > table.length) throw new Unreadable('the piece table is damaged');
  const pieces: Piece[] = [];
  for (let i = 0; i < count; i++) {
    const fc = u32(table, plc + (count + 1) * 4 + i * 8 + 2);
    const compressed = (fc & COMPRESSED) !== 0;
    pieces.push({
      cpStart: u32(table, plc + i * 4),
      cpEnd: u32(table, plc + (i + 1) * 4),
      fc: compressed ? (fc & 0x3fffffff) / 2 : fc,
      width: compressed ? 1 : 2,
    });
  }
  return pieces;
}

const UTF16 = new TextDecoder('utf-16le');
const CP1252 = new TextDecoder('windows-1252');

/** Characters of main text read: a Word table of ten thousand tasks is a few million. */
const MAX_TEXT_CHARS = 20_000_000;

/** The main text (CPs 0 up to `length`), and the stream offset each of its characters came from. */
function mainText(doc: Uint8Array, pieces: Piece[], length: number): { text: string; fcOf: (cp: number) => number } {
  let text = '';
  const placed: Piece[] = [];
  for (const p of pieces) {
    const from = p.cpStart;
    const to = Math.min(p.cpEnd, length);
    if (to <= from) continue;
    const end = p.fc + (to - from) * p.width;
    if (end > doc.length) throw new Unreadable('a piece of the text lies past the end of the document');
    const bytes = doc.subarray(p.fc, end);
    // pieces are read in order, so a character's place in `text` is its CP counted from the first
    placed.push({ ...p, cpStart: text.length, cpEnd: text.length + (to - from) });
    text += p.width === 2 ? UTF16.decode(bytes) : CP1252.decode(bytes);
    if (text.length > MAX_TEXT_CHARS)
      throw new Unreadable(`the document holds more than ${MAX_TEXT_CHARS} characters of text`, 'too_large');
  }
  const fcOf = (cp: number): number => {
    let lo = 0;
    let hi = placed.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = placed[mid];
      if (cp < p.cpStart) hi = mid - 1;
      else if (cp >= p.cpEnd) lo = mid + 1;
      else return p.fc + (cp - p.cpStart) * p.width;
    }
    return -1;
  };
  return { text, fcOf };
}

/** What a paragraph's properties say of its place in a table. */
interface TableProps {
  inTable: boolean;
  rowEnd: boolean;
  depth: number;
  /** Of a row's end: its cells' edges (twips) and which continue a vertical merge from above. */
  edges: number[] | null;
  mergedFromAbove: Set<number>;
  /** The list instance (from 1; 0: none) and level numbering the paragraph. */
  list: number;
  listLevel: number;
}

const NOT_IN_TABLE: TableProps = {
  inTable: false,
  rowEnd: false,
  depth: 0,
  edges: null,
  mergedFromAbove: new Set(),
  list: 0,
  listLevel: 0,
};

/** The bytes an sprm's operand takes (after the two bytes of the sprm). */
function operandSize(sprm: number, b: Uint8Array, at: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      if (sprm === SPRM_DEF_TABLE) return u16(b, at) + 1;
      if (sprm === SPRM_CHANGE_TABS && b[at] === 255) throw new Unreadable('unsupported tab change property');
      return (b[at] ?? 0) + 1;
  }
}

/** Reads the table properties out of a paragraph's sprms (`data`: the Data stream, for huge ones). */
function tablePropsOf(grpprl: Uint8Array, data: Uint8Array | null): TableProps {
  const props: TableProps = { ...NOT_IN_TABLE, mergedFromAbove: new Set() };
  const vertical: number[] = [];
  readSprms(grpprl, data, props, vertical, false);
  vertical.forEach((v, k) => {
    if (v === 1) props.mergedFromAbove.add(k);
  });
  if (props.inTable && props.depth === 0) props.depth = 1;
  return props;
}

/** Walks a run of sprms into `props`; `vertical`: each cell's vertical merge (1: continues the one above). */
function readSprms(
  grpprl: Uint8Array,
  data: Uint8Array | null,
  props: TableProps,
  vertical: number[],
  fromData: boolean,
): void {
  for (let at = 0; at + 2 <= grpprl.length;) {
    const sprm = u16(grpprl, at);
    const operand = at + 2;
    let size: number;
    try {
      size = operandSize(sprm, grpprl, operand);
    } catch {
      return;
    }
    if (sprm === SPRM_IN_TABLE) props.inTable = grpprl[operand] === 1;
    else if (sprm === SPRM_ROW_END || sprm === SPRM_INNER_ROW_END) props.rowEnd ||= grpprl[operand] === 1;
    else if (sprm === SPRM_TABLE_DEPTH) props.depth = u32(grpprl, operand);
    else if (sprm === SPRM_LIST_INSTANCE) props.list = u16(grpprl, operand);
    else if (sprm === SPRM_LIST_LEVEL) props.listLevel = grpprl[operand];
    else if (sprm === SPRM_DEF_TABLE) {
      const cells = grpprl[operand + 2] ?? 0;
      const edges: number[] = [];
      for (let k = 0; k <= cells; k++) edges.push(view(grpprl).getInt16(operand + 3 + k * 2, true));
      props.edges = edges;
      // each cell's TC80 (flags, width, four borders): bits 5-6 of its flags say how it merges vertically
      const tcs = operand + 3 + (cells + 1) * 2;
      vertical.length = 0;
      for (let k = 0; k < cells && tcs + k * TC80_BYTES + 2 <= operand + size; k++)
        vertical.push((u16(grpprl, tcs + k * TC80_BYTES) >> 5) & 3);
    } else if (sprm === SPRM_VERT_MERGE) vertical[grpprl[operand + 1]] = grpprl[operand + 2];
    else if ((sprm === SPRM_HUGE_PAPX || sprm === SPRM_HUGE_PAPX_OLD) && data && !fromData) {
      // the properties proper, in the Data stream: a count of bytes, then the sprms (a row's end,
      // with its cell edges and merges, is the usual paragraph too large for its page)
      const offset = u32(grpprl, operand);
      const length = u16(data, offset);
      readSprms(data.subarray(offset + 2, offset + 2 + length), data, props, vertical, true);
    }
    at = operand + size;
  }
}

/** Each paragraph's properties, by the stream offset of the character after its mark (the FKPs). */
class ParagraphProps {
  /** Runs of paragraphs: [fcStart, fcEnd) and their properties, in stream order. */
  private readonly runs: { start: number; end: number; props: TableProps }[] = [];

  constructor(
    doc: Uint8Array,
    table: Uint8Array,
    plc: Fib['papx'],
    private readonly data: Uint8Array | null,
  ) {
    if (plc.length < 4 || plc.at + plc.length > table.length) return;
    const count = Math.floor((plc.length - 4) / 8);
    for (let i = 0; i < count; i++) {
      const page = u32(table, plc.at + (count + 1) * 4 + i * 4) & 0x3fffff;
      const fkp = doc.subarray(page * FKP_BYTES, (page + 1) * FKP_BYTES);
      if (fkp.length < FKP_BYTES) throw new Unreadable('a paragraph property page lies past the end of the document');
      const crun = fkp[FKP_BYTES - 1];
      for (let k = 0; k < crun; k++) {
        const start = u32(fkp, k * 4);
        const end = u32(fkp, (k + 1) * 4);
        const offset = fkp[(crun + 1) * 4 + k * 13] * 2;
        this.runs.push({ start, end, props: offset === 0 ? NOT_IN_TABLE : this.propsAt(fkp, offset) });
      }
    }
    this.runs.sort((a, b) => a.start - b.start);
  }

  private propsAt(fkp: Uint8Array, at: number): TableProps {
    const cb = fkp[at];
    // a count of 0 is followed by the real count in words; otherwise 2·cb − 1 bytes follow
    const [from, size] = cb === 0 ? [at + 2, fkp[at + 1] * 2] : [at + 1, cb * 2 - 1];
    // the first two bytes are the paragraph's style (istd)
    return tablePropsOf(fkp.subarray(from + 2, Math.min(from + size, FKP_BYTES)), this.data);
  }

  /** The properties of the paragraph whose mark is at stream offset `fc`. */
  of(fc: number): TableProps {
    let lo = 0;
    let hi = this.runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const run = this.runs[mid];
      if (fc < run.start) hi = mid - 1;
      else if (fc >= run.end) lo = mid + 1;
      else return run.props;
    }
    return NOT_IN_TABLE;
  }
}

/**
 * Text as a person reads it: a field shows its result, not its code (`{ PAGE }`, a hyperlink's
 * address); line and page breaks are line breaks; pictures and soft hyphens are nothing.
 */
function readable(text: string): string {
  let out = '';
  // per open field: whether its result has begun (after the separator)
  const fields: boolean[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x13) {
      fields.push(false);
      continue;
    }
    if (c === 0x14) {
      if (fields.length) fields[fields.length - 1] = true;
      continue;
    }
    if (c === 0x15) {
      fields.pop();
      continue;
    }
    if (fields.length && !fields[fields.length - 1]) continue;
    if (c === 0x0b || c === 0x0c || c === 0x0e) out += '\n';
    else if (c === 0x09 || c === 0xa0) out += ' ';
    else if (c === 0x1e) out += '-';
    else if (c >= 0x20 || c === 0x0a) out += text[i];
  }
  return out;
}

/** A row of a table as read: its cells' texts, edges and merges from its row-end paragraph. */
interface TableRow {
  cells: string[];
  edges: number[] | null;
  mergedFromAbove: Set<number>;
}

/** Cell edges closer than this (twips; 20 to a point) are one grid line: rows saved by another
 * program drift by a few twips from one another. */
const EDGE_TOLERANCE = 30;

/** Each cell edge of the table's rows → its grid line, edges within the tolerance sharing one. */
function gridLines(rows: TableRow[]): Map<number, number> {
  const edges = [
    ...new Set(rows.flatMap((r) => (r.edges && r.edges.length === r.cells.length + 1 ? r.edges : []))),
  ].sort((a, b) => a - b);
  const line = new Map<number, number>();
  let index = -1;
  let last = -Infinity;
  for (const e of edges) {
    if (e - last > EDGE_TOLERANCE) index++;
    line.set(e, index);
    last = e;
  }
  return line;
}

/** Lays out a table's rows on the grid of all its cell edges, as the .docx reader does with gridSpan. */
function layOutTable(rows: TableRow[]): Row[] {
  const line = gridLines(rows);
  const mergeText = new Map<number, string>();
  return rows.map((r) => {
    const cells: string[] = [];
    const merged: boolean[] = [];
    const covered: boolean[] = [];
    const edges = r.edges && r.edges.length === r.cells.length + 1 ? r.edges.map((e) => line.get(e)!) : null;
    const first = edges ? Math.min(edges[0], MAX_TABLE_COLUMNS) : 0;
    for (let i = 0; i < first; i++) {
      cells.push('');
      merged.push(false);
      covered.push(false);
    }
    r.cells.forEach((cellText, k) => {
      const col = cells.length;
      let text = cellText;
      const fromAbove = r.mergedFromAbove.has(k);
      if (fromAbove) text = mergeText.get(col) ?? text;
      else mergeText.set(col, text);
      cells.push(text);
      merged.push(fromAbove);
      covered.push(false);
      const span = edges ? Math.max(1, edges[k + 1] - edges[k]) : 1;
      // refused before it is laid out: a crafted row may span millions of grid lines
      if (cells.length - 1 + span > MAX_TABLE_COLUMNS)
        throw new Unreadable(
          `a table row of the .doc spans more than ${MAX_TABLE_COLUMNS} columns, over the limit`,
          'too_large',
        );
      for (let i = 1; i < span; i++) {
        cells.push('');
        merged.push(false);
        covered.push(true);
      }
    });
    return { cells, mergedFromAbove: merged, coveredFromLeft: covered };
  });
}

/** The rows of the document: paragraphs outside tables as one-cell rows, tables on their grids. */
function documentRows(
  text: string,
  fcOf: (cp: number) => number,
  paragraphs: ParagraphProps,
  lists: DocLists | null,
): Row[] {
  const out: Row[] = [];
  let table: TableRow[] = [];
  let cells: string[] = [];
  let cell: string[] = [];
  const flushTable = () => {
    if (table.length) out.push(...layOutTable(table));
    table = [];
  };
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== PARAGRAPH_MARK && c !== CELL_MARK) continue;
    const paragraphStart = start;
    start = i + 1;
    const props = paragraphs.of(fcOf(i));
    // a 序号 cell numbered by a Word list holds no text: its label is drawn here
    const label = props.list > 0 && lists ? lists.labelOf(props.list, props.listLevel) : null;
    const paragraph = withLabel(label, readable(text.slice(paragraphStart, i)));
    if (!props.inTable) {
      flushTable();
      const line = paragraph.trim();
      if (line) out.push({ cells: [line] });
    } else if (props.depth > 1) {
      // a nested table's text belongs to the outer cell holding it
      if (paragraph.trim()) cell.push(paragraph.trim());
    } else if (props.rowEnd) {
      table.push({ cells, edges: props.edges, mergedFromAbove: props.mergedFromAbove });
      cells = [];
      cell = [];
    } else {
      cell.push(paragraph);
      if (c === CELL_MARK) {
        cells.push(cell.join('\n').trim());
        cell = [];
      }
    }
    if (out.length + table.length > MAX_TABLE_ROWS)
      throw new Unreadable(`the document has more than ${MAX_TABLE_ROWS} rows`, 'too_large');
  }
  flushTable();
  return out;
}

/** Reads the main text of a .doc (a compound file with a WordDocument stream) as rows. */
export function docToRows(file: CompoundFile): DocRowsResult {
  try {
    const stream = (name: string): Uint8Array => {
      const s = file.stream(name);
      if (s === null) throw new Unreadable(`the document has no ${name} stream`);
      if (!s.ok) throw new Unreadable(s.message);
      return s.bytes;
    };
    const doc = stream('WordDocument');
    const fib = readFib(doc);
    const table = stream(fib.tableStream);
    const { text, fcOf } = mainText(doc, readPieces(table, fib.clx), fib.textLength);
    const data = file.stream('Data');
    const paragraphs = new ParagraphProps(doc, table, fib.papx, data?.ok ? data.bytes : null);
    const lists = DocLists.read(table, fib.lists, fib.listInstances);
    return { ok: true, rows: documentRows(text, fcOf, paragraphs, lists) };
  } catch (err) {
    if (err instanceof Unreadable) return { ok: false, code: err.code, message: err.message };
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { ok: false, code: 'bad_input', message: `the .doc file cannot be read (${why})` };
  }
}
