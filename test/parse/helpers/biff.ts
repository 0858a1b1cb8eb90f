// Writes BIFF8 workbook streams (the inside of an .xls) record by record, for tests of what
// Excel and LibreOffice write but a test cannot ask them for: a string table split over CONTINUE
// records mid-string, a string whose characters change width at the split, RK and MULRK numbers,
// a formula's string result in the STRING record after it.

export const RECORD = {
  BOF: 0x0809,
  EOF: 0x000a,
  CONTINUE: 0x003c,
  FILEPASS: 0x002f,
  BOUNDSHEET: 0x0085,
  FORMAT: 0x041e,
  XF: 0x00e0,
  SST: 0x00fc,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  FORMULA: 0x0006,
  STRING: 0x0207,
  MERGEDCELLS: 0x00e5,
  ROW: 0x0208,
  COLINFO: 0x007d,
} as const;

export function record(type: number, data: Uint8Array | number[]): Uint8Array {
  const body = data instanceof Uint8Array ? data : Uint8Array.from(data);
  const out = new Uint8Array(4 + body.length);
  out.set([type & 0xff, type >> 8, body.length & 0xff, body.length >> 8]);
  out.set(body, 4);
  return out;
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const u16 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff];
export const u32 = (n: number): number[] => [...u16(n & 0xffff), ...u16(n >>> 16)];
export const f64 = (n: number): number[] => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, n, true);
  return [...b];
};

/** An XLUnicodeString: two-byte characters when any is past Latin-1. */
export function unicodeString(text: string): number[] {
  const wide = [...text].some((c) => c.charCodeAt(0) > 0xff);
  const chars = [...text].flatMap((c) => (wide ? u16(c.charCodeAt(0)) : [c.charCodeAt(0)]));
  return [...u16(text.length), wide ? 1 : 0, ...chars];
}

export const bof = (kind: 'globals' | 'sheet'): Uint8Array =>
  record(RECORD.BOF, [...u16(0x0600), ...u16(kind === 'globals' ? 5 : 0x10), ...u32(0), ...u32(0), ...u32(0)]);

/** A cell record's first six bytes: row and column from 0, and the XF index. */
export const cell = (row: number, col: number, xf = 0): number[] => [...u16(row), ...u16(col), ...u16(xf)];

/**
 * A workbook stream: globals (XF records, `formats`, the sheets, the SST given as raw parts so a
 * test can split it) and each sheet's records, with BOUNDSHEET offsets filled in.
 */
export function workbookStream(options: {
  sheets: { name: string; hidden?: boolean; records: Uint8Array[] }[];
  sst?: Uint8Array[];
  xfs?: number[];
  formats?: { id: number; code: string }[];
  extraGlobals?: Uint8Array[];
}): Uint8Array {
  const xfs = (options.xfs ?? [0]).map((fmt) => record(RECORD.XF, [...u16(0), ...u16(fmt), ...new Array(16).fill(0)]));
  const formats = (options.formats ?? []).map((f) => record(RECORD.FORMAT, [...u16(f.id), ...unicodeString(f.code)]));
  const boundSheet = (name: string, hidden: boolean, offset: number) =>
    record(RECORD.BOUNDSHEET, [
      ...u32(offset),
      hidden ? 1 : 0,
      0,
      name.length,
      1,
      ...[...name].flatMap((c) => u16(c.charCodeAt(0))),
    ]);
  const before = [bof('globals'), ...(options.extraGlobals ?? []), ...formats, ...xfs];
  const after = [...(options.sst ?? []), record(RECORD.EOF, [])];
  // the BOUNDSHEET records' sizes do not depend on the offsets, so lay out once with zeros
  const placeholders = options.sheets.map((s) => boundSheet(s.name, s.hidden ?? false, 0));
  let offset = concat([...before, ...placeholders, ...after]).length;
  const bodies = options.sheets.map((s) => concat([bof('sheet'), ...s.records, record(RECORD.EOF, [])]));
  const bounds = options.sheets.map((s, i) => {
    const b = boundSheet(s.name, s.hidden ?? false, offset);
    offset += bodies[i].length;
    return b;
  });
  return concat([...before, ...bounds, ...after, ...bodies]);
}

/** An SST record with its strings as given, each `[count, flags, ...chars]` already encoded. */
export function sst(total: number, unique: number, body: number[]): Uint8Array {
  return record(RECORD.SST, [...u32(total), ...u32(unique), ...body]);
}
