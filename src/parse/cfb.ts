// The Compound File container of Office 97-2003 files (.xls, .doc): a little file system of
// 512- or 4096-byte sectors, chained by a sector allocation table (FAT), with a directory of named
// streams; streams under 4096 bytes live in 64-byte sectors of a "mini stream". Only reading a
// stream by name is needed. Every number in the file is the uploader's to write, so a chain may
// visit each sector once (a loop ends as damage, not a hang), and every offset is checked against
// the bytes before it is read.

export type CompoundResult = { ok: true; file: CompoundFile } | { ok: false; message: string };

/** The first bytes of every compound file. */
export const COMPOUND_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_BYTES = 128;
/** Streams smaller than this live in the mini stream. */
const MINI_CUTOFF = 4096;
const STREAM = 2;
const ROOT = 5;

/** Thrown inside this module only; `openCompoundFile` answers it as a value. */
class Damaged extends Error {}

interface Entry {
  name: string;
  type: number;
  start: number;
  size: number;
}

export interface CompoundFile {
  /** The names of the streams the directory lists (`Workbook`, `WordDocument`, …). */
  readonly names: readonly string[];
  /** A stream's bytes, or null when the file has no stream of that name. Throws nothing: a damaged
   * chain gives an error value. */
  stream(name: string): { ok: true; bytes: Uint8Array } | { ok: false; message: string } | null;
}

const isCompoundFile = (bytes: Uint8Array): boolean =>
  bytes.length >= 512 && COMPOUND_SIGNATURE.every((v, i) => bytes[i] === v);

export function openCompoundFile(bytes: Uint8Array): CompoundResult {
  try {
    return { ok: true, file: new Reader(bytes) };
  } catch (err) {
    return { ok: false, message: err instanceof Damaged ? err.message : 'the compound file cannot be read' };
  }
}

class Reader implements CompoundFile {
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly sectorCount: number;
  private readonly fat: Uint32Array;
  private readonly miniFat: Uint32Array;
  private readonly miniCutoff: number;
  private readonly entries: Entry[];
  private miniStream: Uint8Array | null = null;

  constructor(private readonly bytes: Uint8Array) {
    if (!isCompoundFile(bytes)) throw new Damaged('not a compound file');
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const shift = this.view.getUint16(0x1e, true);
    if (shift !== 9 && shift !== 12) throw new Damaged(`sector size 2^${shift} is not one Office writes`);
    this.sectorSize = 1 << shift;
    this.sectorCount = Math.floor((bytes.length - this.sectorSize) / this.sectorSize) + 1;
    this.fat = this.readFat();
    // every Office file says 4096; a file saying more would put streams of any size in the mini stream
    this.miniCutoff = Math.min(this.view.getUint32(0x38, true), MINI_CUTOFF);
    this.miniFat = toEntries(this.readChain(this.view.getUint32(0x3c, true), this.fat, null));
    this.entries = this.readDirectory();
  }

  get names(): string[] {
    return this.entries.filter((e) => e.type === STREAM).map((e) => e.name);
  }

  stream(name: string): { ok: true; bytes: Uint8Array } | { ok: false; message: string } | null {
    const entry = this.entries.find((e) => e.type === STREAM && e.name === name);
    if (!entry) return null;
    try {
      const inMini = entry.size < this.miniCutoff;
      const data = inMini
        ? this.readMiniChain(entry.start, entry.size)
        : this.readChain(entry.start, this.fat, entry.size);
      if (data.length < entry.size) throw new Damaged(`the stream ${name} is shorter than its directory says`);
      return { ok: true, bytes: data.subarray(0, entry.size) };
    } catch (err) {
      return { ok: false, message: err instanceof Damaged ? err.message : `the stream ${name} cannot be read` };
    }
  }

  /** Byte offset of a sector, checked to lie within the file. */
  private sectorOffset(sector: number): number {
    if (sector >= this.sectorCount) throw new Damaged(`sector ${sector} lies past the end of the file`);
    return (sector + 1) * this.sectorSize;
  }

  private u32(offset: number): number {
    if (offset + 4 > this.bytes.length) throw new Damaged('the file ends inside its tables');
    return this.view.getUint32(offset, true);
  }

  /** The FAT: its sectors listed in the header (109) and in a chain of DIFAT sectors after it. */
  private readFat(): Uint32Array {
    const fatSectors: number[] = [];
    const declared = this.view.getUint32(0x2c, true);
    if (declared > this.sectorCount) throw new Damaged('the file declares more FAT sectors than it has');
    for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < declared; i++)
      fatSectors.push(this.u32(0x4c + i * 4));
    const perDifat = this.sectorSize / 4 - 1;
    let difat = this.view.getUint32(0x44, true);
    for (let steps = 0; fatSectors.length < declared && difat !== END_OF_CHAIN && difat !== FREE; steps++) {
      if (steps > this.sectorCount) throw new Damaged('the DIFAT chain loops');
      const at = this.sectorOffset(difat);
      for (let i = 0; i < perDifat && fatSectors.length < declared; i++) fatSectors.push(this.u32(at + i * 4));
      difat = this.u32(at + perDifat * 4);
    }
    const perSector = this.sectorSize / 4;
    const fat = new Uint32Array(fatSectors.length * perSector);
    fatSectors.forEach((sector, k) => {
      const at = this.sectorOffset(sector);
      for (let i = 0; i < perSector; i++) fat[k * perSector + i] = this.u32(at + i * 4);
    });
    return fat;
  }

  /** The bytes of a chain of sectors (`size` null: the whole chain). */
  private readChain(start: number, fat: Uint32Array, size: number | null): Uint8Array {
    if (start === END_OF_CHAIN || start === FREE || size === 0) return new Uint8Array(0);
    const wanted = size ?? Infinity;
    const parts: Uint8Array[] = [];
    const seen = new Uint8Array(fat.length);
    let length = 0;
    for (let sector = start; sector !== END_OF_CHAIN && length < wanted;) {
      if (sector >= fat.length || seen[sector]) throw new Damaged('a sector chain is broken or loops');
      seen[sector] = 1;
      const at = this.sectorOffset(sector);
      const end = Math.min(at + this.sectorSize, this.bytes.length);
      parts.push(this.bytes.subarray(at, end));
      length += end - at;
      sector = fat[sector];
    }
    return concat(parts, length);
  }

  /** A small stream's bytes, from the mini stream (the root entry's chain) in 64-byte sectors. */
  private readMiniChain(start: number, size: number): Uint8Array {
    if (size === 0) return new Uint8Array(0);
    const root = this.entries[0];
    this.miniStream ??= this.readChain(root.start, this.fat, root.size);
    const mini = this.miniStream;
    const out = new Uint8Array(size);
    let sector = start;
    let length = 0;
    const seen = new Uint8Array(this.miniFat.length);
    while (length < size) {
      if (sector >= this.miniFat.length || seen[sector]) throw new Damaged('a mini sector chain is broken or loops');
      seen[sector] = 1;
      const at = sector * 64;
      const piece = mini.subarray(at, Math.min(at + 64, at + size - length, mini.length));
      if (piece.length === 0) throw new Damaged('a mini sector lies past the mini stream');
      out.set(piece, length);
      length += piece.length;
      sector = this.miniFat[sector];
    }
    return out;
  }

  private readDirectory(): Entry[] {
    const data = this.readChain(this.view.getUint32(0x30, true), this.fat, null);
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const entries: Entry[] = [];
    for (let at = 0; at + DIRECTORY_ENTRY_BYTES <= data.length; at += DIRECTORY_ENTRY_BYTES) {
      const nameBytes = Math.min(view.getUint16(at + 0x40, true), 64);
      const name = new TextDecoder('utf-16le').decode(data.subarray(at, at + Math.max(0, nameBytes - 2)));
      const type = view.getUint8(at + 0x42);
      // version 3 files keep only the low 32 bits of a size (the high ones may be garbage)
      const size = view.getUint32(at + 0x78, true);
      entries.push({ name, type, start: view.getUint32(at + 0x74, true), size });
    }
    if (entries[0]?.type !== ROOT) throw new Damaged('the directory has no root entry');
    return entries;
  }
}

function toEntries(bytes: Uint8Array): Uint32Array {
  const out = new Uint32Array(Math.floor(bytes.length / 4));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
