// Files that are not readable tables: each fails with a stable code and one readable line.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseTable, parseText } from '../../src/parse/index.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/parse/${name}`, import.meta.url)));

async function failure(bytes: Uint8Array, options?: Parameters<typeof parseTable>[1]) {
  const r = await parseTable(bytes, options);
  if (r.ok) throw new Error('expected a failure');
  expect(r.error.message).not.toContain('\n');
  expect(r.error.message.length).toBeGreaterThan(10);
  return r.error;
}

describe('parseTable refuses what it cannot read', () => {
  it('an empty file', async () => {
    expect((await failure(new Uint8Array())).code).toBe('bad_input');
    expect((await failure(new TextEncoder().encode(' \n\t\n'))).message).toMatch(/empty/);
  });
  it('a workbook whose part was damaged in a way that still unpacks to its size (the checksum tells)', async () => {
    const book = await JSZip.loadAsync(
      readFileSync(new URL('../fixtures/parse/chengnan-2024-h1.xlsx', import.meta.url)),
    );
    // stored, not deflated: a changed byte in the shared strings changes the text, not its length
    const stored = Buffer.from(await book.generateAsync({ type: 'uint8array', compression: 'STORE' }));
    expect((await parseTable(new Uint8Array(stored))).ok).toBe(true);
    const at = stored.indexOf(Buffer.from('<si>')) + 8;
    stored[at] = stored[at] === 0x41 ? 0x42 : 0x41;
    const err = await failure(new Uint8Array(stored));
    expect(err.code).toBe('bad_input');
    expect(err.message).toMatch(/checksum/);
  });
  it('binary garbage', async () => {
    // A deterministic byte soup (no magic number, mostly control bytes).
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
    const err = await failure(bytes);
    expect(err.code).toBe('bad_input');
    expect(err.message).toMatch(/binary/);
  });
  it('text with no recognisable header', async () => {
    const text = '会议纪要\n一、关于重点工作推进\n各单位要高度重视，抓好落实。\n二、下一步安排\n';
    expect((await failure(new TextEncoder().encode(text))).code).toBe('no_header');
    expect(() => parseText(text)).toThrow(/no table header/);
  });
  it('a corrupt zip (a truncated .xlsx)', async () => {
    const xlsx = fixture('chengnan-2024-h1.xlsx');
    const err = await failure(xlsx.subarray(0, 600));
    expect(err.code).toBe('bad_input');
    expect(err.message).toMatch(/corrupt/);
  });
  it('a password-protected office file', async () => {
    const err = await failure(fixture('encrypted.docx'));
    expect(err.code).toBe('encrypted');
    expect(err.message).toMatch(/password/);
  });
  it('an Office 97-2003 file whose tables are damaged (more in xls.test.ts and doc.test.ts)', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const err = await failure(ole);
    expect(err.code).toBe('bad_input');
    expect(err.message).toMatch(/Office 97-2003 file cannot be read/);
  });
  it('a file over the size limit', async () => {
    const seed = new Uint8Array(readFileSync(new URL('../fixtures/qiantang-2023-q4.txt', import.meta.url)));
    const err = await failure(seed, { maxBytes: 10_000 });
    expect(err.code).toBe('too_large');
    expect(err.message).toMatch(/over the limit/);
  });
  it('an .xlsx sheet name that does not exist', async () => {
    const err = await failure(fixture('chengnan-2024-h1.xlsx'), { sheet: '四季度' });
    expect(err.message).toMatch(/no sheet named "四季度".*上半年/);
  });
  it('a zip that is neither a workbook nor a document', async () => {
    const { default: JSZip } = await import('jszip');
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect((await failure(bytes)).code).toBe('unsupported_format');
  });
});

describe('encodings are recognised by content', () => {
  const utf8 = readFileSync(new URL('../fixtures/parse/county-2024-h1.txt', import.meta.url), 'utf8');
  const expected = parseText(utf8).tasks;
  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8, 'utf8')])],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf8, 'utf16le').swap16()])],
  ])('%s', async (_name, bytes) => {
    const r = await parseTable(new Uint8Array(bytes));
    expect(r.ok && r.value.tasks).toEqual(expected);
  });
});
