// A tiny zip writer for hostile inputs: real entries, entries whose declared sizes lie, and
// deflate streams that expand a thousand-fold (zip bombs). Built by hand because the honest
// zip libraries refuse to write a lie, which is exactly what an attacker's file contains.
import { crc32, deflateRawSync, constants } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** The bytes stored (already compressed when `method` is 8). */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  /** What the headers claim the entry expands to; a bomb may lie here. */
  uncompressedSize: number;
}

export function storedEntry(name: string, content: string | Uint8Array): ZipEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  const data = deflateRawSync(bytes);
  return { name, data, method: 8, crc: crc32(bytes), compressedSize: data.length, uncompressedSize: bytes.length };
}

/**
 * An entry that inflates to `prefix + filler × repeat + suffix` (e.g. a sheet XML whose one cell
 * holds a gigabyte). The filler block is deflated once with a full flush, so the same compressed
 * bytes can be repeated: building a 1 GB bomb takes milliseconds and about 1 MB.
 */
export function bombEntry(
  name: string,
  parts: { prefix: string; filler: Uint8Array; repeat: number; suffix: string },
): ZipEntry {
  const prefix = Buffer.from(parts.prefix, 'utf8');
  const suffix = Buffer.from(parts.suffix, 'utf8');
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  // Each piece is a complete, non-final deflate segment that does not refer back to earlier data.
  const head = deflateRawSync(prefix, flush);
  const block = deflateRawSync(parts.filler, flush);
  const tail = deflateRawSync(suffix); // ends with the final block
  const chunks: Buffer[] = [head];
  for (let i = 0; i < parts.repeat; i++) chunks.push(block);
  chunks.push(tail);
  const data = Buffer.concat(chunks);
  let crc = crc32(prefix);
  for (let i = 0; i < parts.repeat; i++) crc = crc32(parts.filler, crc);
  crc = crc32(suffix, crc);
  const total = prefix.length + parts.filler.length * parts.repeat + suffix.length;
  return { name, data, method: 8, crc, compressedSize: data.length, uncompressedSize: Math.min(total, 0xffffffff) };
}

/** Writes entries as a zip (no zip64; sizes above 4 GiB are clamped, as a lying header would be). */
export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(0, 10); // time/date
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.compressedSize >>> 0, 18);
    local.writeUInt32LE(Math.min(e.uncompressedSize, 0xffffffff) >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, Buffer.from(e.data));

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.compressedSize >>> 0, 20);
    central.writeUInt32LE(Math.min(e.uncompressedSize, 0xffffffff) >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Reads the entries of an honest zip (as written by exceljs/docx/jszip) so they can be rewritten. */
export function withEntryReplaced(entries: ZipEntry[], replacement: ZipEntry): ZipEntry[] {
  return entries.map((e) => (e.name === replacement.name ? replacement : e));
}
