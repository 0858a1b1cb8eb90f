// Writes Office 97-2003 compound files for tests: streams in 512-byte sectors, as many FAT
// sectors as they need (past 109 of them, listed in DIFAT sectors, as in every .xls over 7 MB),
// one directory sector. Every stream is kept out of the mini stream (padded to 4096 bytes at
// least, as the reader ignores what follows a stream's records), so the files are simple to
// write and still read the way Excel's are. Damage is made by editing the result.

const SECTOR = 512;
const PER_SECTOR = SECTOR / 4;
const HEADER_DIFAT = 109;
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const FAT_SECTOR = 0xfffffffd;
const DIFAT_SECTOR = 0xfffffffc;

export function compoundFile(streams: Record<string, Uint8Array>): Uint8Array {
  const entries = Object.entries(streams).map(([name, bytes]) => ({
    name,
    bytes,
    sectors: Math.max(8, Math.ceil(bytes.length / SECTOR)),
  }));
  if (entries.length > 3) throw new Error('test compound files hold at most three streams (one directory sector)');
  const dataSectors = 1 + entries.reduce((n, e) => n + e.sectors, 0);
  // as many FAT sectors as the file needs, counting themselves and the DIFAT sectors listing them
  let fatSectors = 1;
  let difatSectors = 0;
  for (;;) {
    difatSectors = Math.max(0, Math.ceil((fatSectors - HEADER_DIFAT) / (PER_SECTOR - 1)));
    if (fatSectors * PER_SECTOR >= fatSectors + difatSectors + dataSectors) break;
    fatSectors++;
  }
  const total = fatSectors + difatSectors + dataSectors;
  const out = new Uint8Array(SECTOR * (1 + total));
  const view = new DataView(out.buffer);
  const sectorAt = (n: number) => (n + 1) * SECTOR;
  const fat = new Uint32Array(fatSectors * PER_SECTOR).fill(FREE);
  for (let k = 0; k < fatSectors; k++) fat[k] = FAT_SECTOR;
  for (let k = 0; k < difatSectors; k++) fat[fatSectors + k] = DIFAT_SECTOR;
  const directorySector = fatSectors + difatSectors;
  fat[directorySector] = END_OF_CHAIN;
  let next = directorySector + 1;
  const starts = entries.map((e) => {
    const start = next;
    for (let k = 0; k < e.sectors; k++) fat[start + k] = k === e.sectors - 1 ? END_OF_CHAIN : start + k + 1;
    next += e.sectors;
    return start;
  });

  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x18, 0x3e, true);
  view.setUint16(0x1a, 3, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, fatSectors, true);
  view.setUint32(0x30, directorySector, true);
  view.setUint32(0x38, 4096, true);
  view.setUint32(0x3c, END_OF_CHAIN, true); // no mini FAT
  view.setUint32(0x44, difatSectors ? fatSectors : END_OF_CHAIN, true);
  view.setUint32(0x48, difatSectors, true);
  for (let i = 0; i < HEADER_DIFAT; i++) view.setUint32(0x4c + i * 4, i < fatSectors ? i : FREE, true);
  for (let d = 0; d < difatSectors; d++) {
    const at = sectorAt(fatSectors + d);
    for (let i = 0; i < PER_SECTOR - 1; i++) {
      const listed = HEADER_DIFAT + d * (PER_SECTOR - 1) + i;
      view.setUint32(at + i * 4, listed < fatSectors ? listed : FREE, true);
    }
    view.setUint32(at + (PER_SECTOR - 1) * 4, d + 1 < difatSectors ? fatSectors + d + 1 : END_OF_CHAIN, true);
  }
  fat.forEach((v, i) => view.setUint32(sectorAt(Math.floor(i / PER_SECTOR)) + (i % PER_SECTOR) * 4, v, true));

  const directory = sectorAt(directorySector);
  const writeEntry = (index: number, name: string, type: number, start: number, size: number, child: number) => {
    const at = directory + index * 128;
    for (let k = 0; k < name.length; k++) view.setUint16(at + k * 2, name.charCodeAt(k), true);
    view.setUint16(at + 0x40, (name.length + 1) * 2, true);
    out[at + 0x42] = type;
    out[at + 0x43] = 1; // black
    view.setUint32(at + 0x44, FREE, true);
    // streams hang off the root as a chain of right siblings
    view.setUint32(at + 0x48, type === 2 && index < entries.length ? index + 1 : FREE, true);
    view.setUint32(at + 0x4c, child, true);
    view.setUint32(at + 0x74, start, true);
    view.setUint32(at + 0x78, size, true);
  };
  writeEntry(0, 'Root Entry', 5, END_OF_CHAIN, 0, entries.length ? 1 : FREE);
  entries.forEach((e, i) => writeEntry(i + 1, e.name, 2, starts[i], e.sectors * SECTOR, FREE));
  entries.forEach((e, i) => out.set(e.bytes, sectorAt(starts[i])));
  return out;
}
