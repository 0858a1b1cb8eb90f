// The zip container of an .xlsx/.docx, read with limits. A zip's headers are the attacker's to
// write: a 1 MB file may deflate to gigabytes (a zip bomb), and may say it holds 4 KB while doing
// so. So the central directory is read here (only sizes and offsets, nothing inflated), a part is
// refused before inflating when the declared sizes of the parts read so far would pass the
// budget, and each part is inflated by zlib with its output capped at its declared size: a part
// that holds more than its header says stops there, as a damaged file.
import { crc32, inflateRawSync } from 'node:zlib';
import { MAX_ZIP_ENTRIES, megabytes } from './limits.js';

export type ZipFailure = { ok: false; code: 'bad_input' | 'too_large'; message: string };

interface Entry {
  method: number;
  flags: number;
  compressedSize: number;
  /** What the headers declare the part unpacks to. */
  size: number;
  localOffset: number;
  /** The CRC-32 the central directory declares for the unpacked part. */
  crc: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX_32 = 0xffffffff;

/** Thrown only inside this module; `openZip` and `readText` turn it into a ZipFailure. */
class Corrupt extends Error {}

function u16(b: Buffer, at: number): number {
  if (at < 0 || at + 2 > b.length) throw new Corrupt('truncated');
  return b.readUInt16LE(at);
}
function u32(b: Buffer, at: number): number {
  if (at < 0 || at + 4 > b.length) throw new Corrupt('truncated');
  return b.readUInt32LE(at);
}
function u64(b: Buffer, at: number): number {
  if (at < 0 || at + 8 > b.length) throw new Corrupt('truncated');
  // Above 2^53 no real file can be: read as unsafe, rejected by the size checks that follow.
  return Number(b.readBigUInt64LE(at));
}

/** Where the end-of-central-directory record starts: scanned for from the end, past any comment. */
function findEndRecord(b: Buffer): number {
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
    if (b[at] === 0x50 && b[at + 1] === 0x4b && u32(b, at) === SIG_EOCD) return at;
  }
  throw new Corrupt('no end of central directory');
}

/** Sizes and offset from a zip64 extra field, for the header fields that hold the 0xFFFFFFFF marker. */
function applyZip64Extra(b: Buffer, from: number, to: number, e: Entry): void {
  let at = from;
  while (at + 4 <= to) {
    const id = u16(b, at);
    const len = u16(b, at + 2);
    if (id === 0x0001) {
      // The 64-bit values follow in this order, each present only when its field is marked.
      const fieldEnd = at + 4 + len;
      let p = at + 4;
      const next = (): number | null => (p + 8 <= fieldEnd ? u64(b, (p += 8) - 8) : null);
      if (e.size === MAX_32) e.size = next() ?? e.size;
      if (e.compressedSize === MAX_32) e.compressedSize = next() ?? e.compressedSize;
      if (e.localOffset === MAX_32) e.localOffset = next() ?? e.localOffset;
      return;
    }
    at += 4 + len;
  }
}

/** The office file's zip, its directory read; parts are inflated on demand within a budget. */
export class OfficeZip {
  private inflated = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly entries: ReadonlyMap<string, Entry>,
    /** Bytes every part read from this zip may unpack to, together. */
    readonly maxInflatedBytes: number,
  ) {}

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /**
   * One part as UTF-8 text; `null` when the zip has no such part. `maxPartBytes`: a tighter limit
   * for this part alone, for a reader that needs more memory per byte than the budget allows for.
   */
  readText(path: string, maxPartBytes = Infinity): { ok: true; text: string | null } | ZipFailure {
    const e = this.entries.get(path);
    if (!e) return { ok: true, text: null };
    if (e.size > maxPartBytes) {
      return {
        ok: false,
        code: 'too_large',
        message: `the file's part ${path} would unpack to ${megabytes(e.size)}, over the limit of ${megabytes(maxPartBytes)} for it`,
      };
    }
    if (this.inflated + e.size > this.maxInflatedBytes) {
      return {
        ok: false,
        code: 'too_large',
        message: `the file's part ${path} would unpack to ${megabytes(e.size)}, over the limit of ${megabytes(this.maxInflatedBytes)} unpacked per file`,
      };
    }
    try {
      const data = this.rawData(e);
      let out: Buffer;
      if (e.method === 0) {
        if (data.length !== e.size)
          throw new Corrupt(`it is stored as ${data.length} bytes, its header declares ${e.size}`);
        out = data;
      } else if (e.method === 8) {
        out = inflatePart(data, e.size);
      } else throw new Corrupt(`it uses compression method ${e.method}, which office files do not`);
      // a damaged byte can still inflate to the declared size: the checksum tells
      if (crc32(out) !== e.crc) throw new Corrupt('its checksum does not match its contents');
      this.inflated += out.length;
      return { ok: true, text: out.toString('utf8') };
    } catch (err) {
      const why = err instanceof Corrupt ? err.message : String(err).split('\n')[0];
      return { ok: false, code: 'bad_input', message: `the zip is corrupt: part ${path} is damaged (${why})` };
    }
  }

  /** The compressed bytes of an entry, found through its local header. */
  private rawData(e: Entry): Buffer {
    const b = this.bytes;
    if (e.flags & 1) throw new Corrupt('it is encrypted with a zip password');
    if (u32(b, e.localOffset) !== SIG_LOCAL) throw new Corrupt('its local header is missing');
    const start = e.localOffset + 30 + u16(b, e.localOffset + 26) + u16(b, e.localOffset + 28);
    if (start + e.compressedSize > b.length) throw new Corrupt('it runs past the end of the file');
    return b.subarray(start, start + e.compressedSize);
  }
}

/** Inflates at most `size` bytes: one byte more means the header lied, and inflating stops there. */
function inflatePart(data: Buffer, size: number): Buffer {
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, size), chunkSize: 64 * 1024 });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new Corrupt(`it holds more than the ${size} bytes its header declares`);
    throw new Corrupt(`it cannot be inflated: ${(err as Error).message}`);
  }
  if (out.length !== size) throw new Corrupt(`it holds ${out.length} bytes, its header declares ${size}`);
  return out;
}

/**
 * Reads a zip's central directory. Fails with `bad_input` for a damaged zip and `too_large` for one
 * listing more entries than an office file has.
 */
export function openZip(
  bytes: Uint8Array,
  maxInflatedBytes: number,
  maxEntries = MAX_ZIP_ENTRIES,
): { ok: true; zip: OfficeZip } | ZipFailure {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const end = findEndRecord(b);
    let count = u16(b, end + 10);
    let dirSize = u32(b, end + 12);
    let dirOffset = u32(b, end + 16);
    let dirEnd = end;
    if (count === 0xffff || dirSize === MAX_32 || dirOffset === MAX_32) {
      const locator = end - 20;
      if (locator >= 0 && u32(b, locator) === SIG_ZIP64_LOCATOR) {
        const record = u64(b, locator + 8);
        if (u32(b, record) !== SIG_ZIP64_EOCD) throw new Corrupt('the zip64 directory record is missing');
        count = u64(b, record + 32);
        dirSize = u64(b, record + 40);
        dirOffset = u64(b, record + 48);
        dirEnd = record;
      }
    }
    if (count > maxEntries) {
      return {
        ok: false,
        code: 'too_large',
        message: `the zip lists ${count} entries, over the limit of ${maxEntries}`,
      };
    }
    // Bytes prepended to the zip (a self-extractor stub) shift every offset by the same amount.
    const shift = dirEnd - dirSize - dirOffset;
    if (shift < 0) throw new Corrupt('the central directory lies outside the file');
    const entries = new Map<string, Entry>();
    let at = dirOffset + shift;
    for (let i = 0; i < count; i++) {
      if (u32(b, at) !== SIG_CENTRAL) throw new Corrupt('a central directory entry is missing');
      const nameLength = u16(b, at + 28);
      const extraLength = u16(b, at + 30);
      const commentLength = u16(b, at + 32);
      if (at + 46 + nameLength > b.length) throw new Corrupt('truncated');
      const name = b.toString('utf8', at + 46, at + 46 + nameLength);
      const e: Entry = {
        flags: u16(b, at + 8),
        method: u16(b, at + 10),
        compressedSize: u32(b, at + 20),
        size: u32(b, at + 24),
        localOffset: u32(b, at + 42),
        crc: u32(b, at + 16),
      };
      const extraStart = at + 46 + nameLength;
      applyZip64Extra(b, extraStart, extraStart + extraLength, e);
      e.localOffset += shift;
      if (!name.endsWith('/')) entries.set(name, e);
      at = extraStart + extraLength + commentLength;
    }
    return { ok: true, zip: new OfficeZip(b, entries, maxInflatedBytes) };
  } catch (err) {
    const why = err instanceof Corrupt ? err.message : String(err).split('\n')[0];
    return { ok: false, code: 'bad_input', message: `the file looks like .xlsx/.docx but the zip is corrupt (${why})` };
  }
}
