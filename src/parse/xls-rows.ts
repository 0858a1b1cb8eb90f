// .xls (Excel 97-2003, BIFF8) → rows of cells. Offices still keep and mail many tables in the old
// binary format, and the sites that publish them attach .xls files. The workbook is one stream of
// records in a compound file (cfb.ts): a globals part (sheet names and where each sheet starts,
// the shared string table, number formats) and one part per sheet (cells, merged ranges, hidden
// rows and columns). Cells read as Excel shows them, as the .xlsx reader does: shared and inline
// strings, numbers in their format (a date as an ISO day, a rate under `0.00%` as 81.25%),
// formulas by their cached result. Excel 5.0/95 workbooks (BIFF5) are refused with a message.
import { openCompoundFile, type CompoundFile } from './cfb.js';
import { MAX_TABLE_COLUMNS } from './limits.js';
import { shownNumber, shownOf, type Shown } from './number-formats.js';
import { layOutSheet, noSuchSheet, SheetCells, type SheetRows, type SheetTab } from './sheet-grid.js';

export type XlsFailure = {
  ok: false;
  code: 'bad_input' | 'too_large' | 'encrypted' | 'unsupported_format';
  message: string;
};

export interface XlsWorkbook {
  /** The worksheets in tab order (chart and macro sheets left out). */
  readonly sheets: readonly SheetTab[];
  /** One worksheet's rows, merged cells laid out as sheet-grid.ts says. */
  rows(name: string): SheetRows;
}

/** Thrown inside this module only; the exported functions answer it as a value. */
class Unreadable extends Error {
  constructor(
    message: string,
    readonly code: XlsFailure['code'] = 'bad_input',
  ) {
    super(message);
  }
}

const BOF = 0x0809;
const EOF = 0x000a;
const CONTINUE = 0x003c;
const FILEPASS = 0x002f;
const DATEMODE = 0x0022;
const BOUNDSHEET = 0x0085;
const FORMAT = 0x041e;
const XF = 0x00e0;
const SST = 0x00fc;
const ROW = 0x0208;
const COLINFO = 0x007d;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const RSTRING = 0x00d6;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const BOOLERR = 0x0205;
const FORMULA = 0x0006;
const STRING = 0x0207;
const MERGEDCELLS = 0x00e5;
const BLANK = 0x0201;
const MULBLANK = 0x00be;

const BIFF8 = 0x0600;
const EXCEL_95 = 'this is an Excel 5.0/95 workbook; save it as .xlsx (Excel 2007 or later) and try again';
const GLOBALS = 0x0005;
const WORKSHEET = 0x0010;

/** One record: its type and its data (a view into the stream). */
interface BiffRecord {
  type: number;
  data: Uint8Array;
  /** Offset of the next record. */
  next: number;
}

function recordAt(stream: Uint8Array, at: number): BiffRecord | null {
  if (at + 4 > stream.length) return null;
  const type = stream[at] | (stream[at + 1] << 8);
  const size = stream[at + 2] | (stream[at + 3] << 8);
  const end = at + 4 + size;
  if (end > stream.length) throw new Unreadable('the workbook stream ends inside a record');
  return { type, data: stream.subarray(at + 4, end), next: end };
}

const u16 = (d: Uint8Array, at: number): number => {
  if (at + 2 > d.length) throw new Unreadable('a record is shorter than its fields');
  return d[at] | (d[at + 1] << 8);
};
const u32 = (d: Uint8Array, at: number): number => u16(d, at) + u16(d, at + 2) * 0x10000;
const f64 = (d: Uint8Array, at: number): number => {
  if (at + 8 > d.length) throw new Unreadable('a record is shorter than its fields');
  return new DataView(d.buffer, d.byteOffset + at, 8).getFloat64(0, true);
};

const UTF16 = new TextDecoder('utf-16le');

/**
 * Reads strings that may run on from a record into the CONTINUE records after it (the shared
 * string table, a formula's string). Where a string's characters cross into the next part, that
 * part opens with one byte saying whether they go on as one or two bytes each.
 */
class Parts {
  private part = 0;
  private at = 0;

  constructor(private readonly parts: readonly Uint8Array[]) {}

  private current(): Uint8Array {
    while (this.part < this.parts.length && this.at >= this.parts[this.part].length) {
      this.part++;
      this.at = 0;
    }
    if (this.part >= this.parts.length) throw new Unreadable('a string runs past the end of its record');
    return this.parts[this.part];
  }

  get done(): boolean {
    while (this.part < this.parts.length && this.at >= this.parts[this.part].length) {
      this.part++;
      this.at = 0;
    }
    return this.part >= this.parts.length;
  }

  byte(): number {
    return this.current()[this.at++];
  }

  u16(): number {
    return this.byte() | (this.byte() << 8);
  }

  u32(): number {
    return this.u16() + this.u16() * 0x10000;
  }

  skip(n: number): void {
    for (let left = n; left > 0;) {
      const part = this.current();
      const step = Math.min(left, part.length - this.at);
      this.at += step;
      left -= step;
    }
  }

  /**
   * `count` characters, one byte each (`wide` false: Latin-1) or two (UTF-16). Where the part
   * ends before them, even right at their start, the next part opens with their width again.
   */
  chars(count: number, wide: boolean): string {
    let out = '';
    let left = count;
    let twoBytes = wide;
    while (left > 0) {
      const part = this.parts[this.part];
      if (!part) throw new Unreadable('a string runs past the end of its record');
      const fits = Math.min(left, Math.floor((part.length - this.at) / (twoBytes ? 2 : 1)));
      const bytes = part.subarray(this.at, this.at + fits * (twoBytes ? 2 : 1));
      out += twoBytes ? UTF16.decode(bytes) : latin1(bytes);
      this.at += bytes.length;
      left -= fits;
      if (left > 0) {
        this.part++;
        this.at = 0;
        twoBytes = (this.byte() & 1) === 1;
      }
    }
    return out;
  }

  /** An XLUnicodeRichExtendedString (or the plain XLUnicodeString, which has no run or phonetic data). */
  string(): string {
    const count = this.u16();
    const flags = this.byte();
    const runs = flags & 0x08 ? this.u16() : 0;
    const extra = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(count, (flags & 1) === 1);
    this.skip(runs * 4 + extra);
    return text;
  }
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

/** A sheet name (ShortXLUnicodeString: a count of one byte, then the characters). */
function shortString(d: Uint8Array, at: number): string {
  const count = d[at] ?? 0;
  const wide = ((d[at + 1] ?? 0) & 1) === 1;
  const bytes = d.subarray(at + 2, at + 2 + count * (wide ? 2 : 1));
  return wide ? UTF16.decode(bytes) : latin1(bytes);
}

/** An RK number: 30 bits of an integer or of a double's high part, divided by 100 when flagged. */
function rkValue(rk: number): number {
  let value: number;
  if (rk & 2) value = rk >> 2;
  else {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(4, (rk & 0xfffffffc) >>> 0, true);
    value = view.getFloat64(0, true);
  }
  return rk & 1 ? value / 100 : value;
}

interface Globals {
  sheets: { name: string; hidden: boolean; offset: number }[];
  strings: string[];
  /** Per XF (cell format) index: how it shows a number. */
  shown: Shown[];
  date1904: boolean;
}

function checkBof(rec: BiffRecord | null, kind: number): void {
  if (!rec || rec.type !== BOF) throw new Unreadable('the workbook stream does not start with a BOF record');
  const version = u16(rec.data, 0);
  if (version !== BIFF8) throw new Unreadable(EXCEL_95, 'unsupported_format');
  if (u16(rec.data, 2) !== kind) throw new Unreadable('a sheet offset points at the wrong part of the workbook');
}

function readGlobals(stream: Uint8Array): Globals {
  const first = recordAt(stream, 0);
  checkBof(first, GLOBALS);
  const sheets: Globals['sheets'] = [];
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let sst: Uint8Array[] | null = null;
  let sstCount = 0;
  let date1904 = false;
  let inSst = false;
  for (let rec = recordAt(stream, first!.next); rec && rec.type !== EOF; rec = recordAt(stream, rec.next)) {
    if (rec.type === CONTINUE && inSst) {
      sst!.push(rec.data);
      continue;
    }
    inSst = false;
    switch (rec.type) {
      case FILEPASS:
        throw new Unreadable('the workbook is password-protected; remove the password and try again', 'encrypted');
      case DATEMODE:
        date1904 = u16(rec.data, 0) === 1;
        break;
      case BOUNDSHEET:
        // worksheets only: chart (2), macro (1) and VBA (6) sheets hold no table
        if (rec.data[5] === 0)
          sheets.push({ name: shortString(rec.data, 6), hidden: (rec.data[4] & 3) !== 0, offset: u32(rec.data, 0) });
        break;
      case FORMAT:
        formats.set(u16(rec.data, 0), new Parts([rec.data.subarray(2)]).string());
        break;
      case XF:
        xfFormats.push(u16(rec.data, 2));
        break;
      case SST:
        sstCount = u32(rec.data, 4);
        sst = [rec.data.subarray(8)];
        inSst = true;
        break;
    }
  }
  return {
    sheets,
    strings: sst ? sharedStrings(sst, sstCount) : [],
    shown: xfFormats.map((id) => shownOf(id, formats.get(id))),
    date1904,
  };
}

function sharedStrings(parts: Uint8Array[], declared: number): string[] {
  const reader = new Parts(parts);
  const out: string[] = [];
  // the declared count is the file's to write: strings are read while the record has bytes
  while (out.length < declared && !reader.done) out.push(reader.string());
  return out;
}

/** What a sheet's cell records need from the globals. */
interface CellContext {
  strings: readonly string[];
  shown: readonly Shown[];
  date1904: boolean;
}

const numberText = (value: number, xf: number, ctx: CellContext): string =>
  Number.isFinite(value) ? shownNumber(value, ctx.shown[xf] ?? null, ctx.date1904) : '';

/** One worksheet's cells, from its BOF to its EOF (an embedded chart's records, nested, are passed over). */
function readSheet(
  stream: Uint8Array,
  offset: number,
  ctx: CellContext,
): { sheet: SheetCells; hiddenColumns: Set<number> } {
  const bof = recordAt(stream, offset);
  checkBof(bof, WORKSHEET);
  const sheet = new SheetCells();
  const hiddenColumns = new Set<number>();
  let depth = 1;
  /** The cell whose string is still to come (a formula's, in the STRING record after it) or to be
   * finished (a LABEL's, which CONTINUE records may extend), and the parts of it read so far. */
  let pending: { row: number; col: number } | null = null;
  let pendingParts: Uint8Array[] | null = null;
  const finishPending = (): void => {
    if (pending && pendingParts) sheet.set(pending.row, pending.col, new Parts(pendingParts).string());
    pending = null;
    pendingParts = null;
  };
  for (let rec = recordAt(stream, bof!.next); rec; rec = recordAt(stream, rec.next)) {
    const d = rec.data;
    if (rec.type === CONTINUE && pendingParts) {
      pendingParts.push(d);
      continue;
    }
    if (pendingParts) finishPending();
    // a sheet past the cells a table may have is refused whatever follows
    if (sheet.overflow) break;
    if (rec.type === BOF) depth++;
    if (rec.type === EOF && --depth === 0) break;
    if (depth > 1) continue;
    // rows and columns are stored from 0; the grid counts from 1, as Excel's addresses do
    switch (rec.type) {
      case LABELSST:
        sheet.set(u16(d, 0) + 1, u16(d, 2) + 1, ctx.strings[u32(d, 6)] ?? '');
        break;
      case LABEL:
      case RSTRING:
        // a string past a record's 8,224 bytes goes on in CONTINUE records: read once they are in
        pending = { row: u16(d, 0) + 1, col: u16(d, 2) + 1 };
        pendingParts = [d.subarray(6)];
        break;
      case NUMBER:
        sheet.set(u16(d, 0) + 1, u16(d, 2) + 1, numberText(f64(d, 6), u16(d, 4), ctx));
        break;
      case RK:
        sheet.set(u16(d, 0) + 1, u16(d, 2) + 1, numberText(rkValue(u32(d, 6)), u16(d, 4), ctx));
        break;
      case MULRK: {
        const row = u16(d, 0) + 1;
        const first = u16(d, 2);
        for (let k = 0; 4 + k * 6 + 6 <= d.length - 2; k++)
          sheet.set(row, first + k + 1, numberText(rkValue(u32(d, 4 + k * 6 + 2)), u16(d, 4 + k * 6), ctx));
        break;
      }
      case BOOLERR:
        // an error (#DIV/0!) shows nothing, as in the .xlsx reader
        sheet.set(u16(d, 0) + 1, u16(d, 2) + 1, d[7] === 0 ? String(d[6] !== 0) : '');
        break;
      case FORMULA: {
        const row = u16(d, 0) + 1;
        const col = u16(d, 2) + 1;
        if (u16(d, 12) !== 0xffff) sheet.set(row, col, numberText(f64(d, 6), u16(d, 4), ctx));
        else if (d[6] === 0) pending = { row, col };
        else sheet.set(row, col, d[6] === 1 ? String(d[8] !== 0) : '');
        break;
      }
      case STRING:
        if (pending) pendingParts = [d];
        break;
      case BLANK:
        sheet.declare(u16(d, 0) + 1, u16(d, 2) + 1);
        break;
      case MULBLANK:
        sheet.declare(u16(d, 0) + 1, u16(d, d.length - 2) + 1);
        break;
      case ROW:
        if (u16(d, 12) & 0x20) sheet.hiddenRows.add(u16(d, 0) + 1);
        break;
      case COLINFO:
        // columns past the widest a table is laid out are never shown, however many a record hides
        if (u16(d, 8) & 1)
          for (let c = u16(d, 0); c <= Math.min(u16(d, 2), MAX_TABLE_COLUMNS); c++) hiddenColumns.add(c);
        break;
      case MERGEDCELLS:
        for (let k = 0, n = u16(d, 0); k < n && 2 + k * 8 + 8 <= d.length; k++) {
          const at = 2 + k * 8;
          sheet.merge({
            top: u16(d, at) + 1,
            bottom: u16(d, at + 2) + 1,
            left: u16(d, at + 4) + 1,
            right: u16(d, at + 6) + 1,
          });
        }
        break;
    }
  }
  // a sheet cut off before its EOF is read as far as it goes
  if (pendingParts) finishPending();
  return { sheet, hiddenColumns };
}

function failure(err: unknown): XlsFailure {
  if (err instanceof Unreadable) return { ok: false, code: err.code, message: err.message };
  const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return { ok: false, code: 'bad_input', message: `the .xls file cannot be read (${why})` };
}

/** Opens an .xls workbook (a compound file's `Workbook` stream) and reads its globals. */
export function openXls(bytes: Uint8Array): { ok: true; workbook: XlsWorkbook } | XlsFailure {
  const file = openCompoundFile(bytes);
  if (!file.ok) return { ok: false, code: 'bad_input', message: `the .xls file cannot be read (${file.message})` };
  return xlsOf(file.file);
}

/** The workbook of an opened compound file. */
export function xlsOf(file: CompoundFile): { ok: true; workbook: XlsWorkbook } | XlsFailure {
  const stream = file.stream('Workbook');
  if (stream === null) {
    const { names } = file;
    return {
      ok: false,
      code: 'unsupported_format',
      message: names.includes('WordDocument')
        ? 'this is an old binary .doc file; save it as .docx and try again'
        : names.includes('Book')
          ? EXCEL_95
          : 'the Office 97-2003 file holds no Excel workbook; save it as .xlsx or .docx and try again',
    };
  }
  if (!stream.ok) return { ok: false, code: 'bad_input', message: `the .xls file cannot be read (${stream.message})` };
  const data = stream.bytes;
  let globals: Globals;
  try {
    globals = readGlobals(data);
  } catch (err) {
    return failure(err);
  }
  const ctx: CellContext = { strings: globals.strings, shown: globals.shown, date1904: globals.date1904 };
  return {
    ok: true,
    workbook: {
      sheets: globals.sheets.map(({ name, hidden }) => ({ name, hidden })),
      rows(name) {
        const entry = globals.sheets.find((s) => s.name === name);
        if (!entry) return noSuchSheet(name, globals.sheets);
        try {
          const { sheet, hiddenColumns } = readSheet(data, entry.offset, ctx);
          const laid = layOutSheet(sheet, name);
          if (!laid.ok) return laid;
          const hidden = [...hiddenColumns].filter((c) => c < laid.width).sort((a, b) => a - b);
          return { ok: true, rows: laid.rows, hiddenColumns: hidden };
        } catch (err) {
          const failed = failure(err);
          return { ok: false, code: failed.code === 'too_large' ? 'too_large' : 'bad_input', message: failed.message };
        }
      },
    },
  };
}
