// Word 97-2003 documents (.doc), as offices still keep their task tables and sites attach them.
// The fixtures in test/fixtures/parse/office97/ are .docx documents saved as .doc by LibreOffice
// (scripts/make-office97-fixtures.ts); what no producer can be asked for (an encrypted or a
// Word 95 document, damage) is written by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedTask } from '../../src/domain/index.js';
import { openCompoundFile } from '../../src/parse/cfb.js';
import { docToRows } from '../../src/parse/doc-rows.js';
import { parseTable } from '../../src/parse/index.js';
import { compoundFile } from './helpers/compound-file.js';
import { u16 } from './helpers/biff.js';

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${path}`, import.meta.url)));

async function tableOf(bytes: Uint8Array) {
  const r = await parseTable(bytes);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** What a table says of a task, whatever the format carried it. */
const said = (t: ParsedTask) => [t.seq, t.theme, t.category, t.target, t.leaders, t.units, t.progress];

describe('a Word 97-2003 document', () => {
  it('reads the seed as duban exports it, saved as .doc, as the text it came from: 136 tasks, long cells of several paragraphs', async () => {
    const fromDoc = await tableOf(fixture('parse/office97/qiantang-2023-q4.doc'));
    const fromText = await tableOf(fixture('qiantang-2023-q4.txt'));
    expect(fromDoc.format).toBe('doc');
    expect([fromDoc.title, fromDoc.period]).toEqual([fromText.title, fromText.period]);
    expect(fromDoc.tasks.map(said)).toEqual(fromText.tasks.map(said));
  });

  it('reads a fixture document saved as .doc as its .docx: merged leaders, a theme row across the table', async () => {
    const doc = await tableOf(fixture('parse/office97/shiqiao-2023.doc'));
    const docx = await tableOf(fixture('parse/shiqiao-2023.docx'));
    expect(doc.tasks).toEqual(docx.tasks);
    expect(doc.warnings).toEqual(docx.warnings);
    expect(doc.title).toBe(docx.title);
  });

  it('shows a link as its text, not its field code; keeps a cell’s paragraphs as lines; copies a merged leader down', async () => {
    const table = await tableOf(fixture('parse/office97/nanling-2024-q3.doc'));
    expect(table.period).toBe('2024Q3');
    expect(table.tasks.map((t) => [t.target, t.leaders, t.units, t.progress])).toEqual([
      [
        '改造提升农贸市场2个',
        ['黄建军'],
        ['镇经发办'],
        '东街农贸市场已完成改造并开业。\n西街农贸市场完成主体施工，详见镇政府网站公示。',
      ],
      ['新建村级养老服务站3个', ['黄建军'], ['镇社会事务办'], '已建成2个，1个正在装修。'],
    ]);
  });

  it('writes out the numbers of Word’s lists in 序号 cells and headings, counted per list as Word counts them', async () => {
    const file = openCompoundFile(fixture('parse/office97/beitang-2024-h1.doc'));
    if (!file.ok) throw new Error(file.message);
    const rows = docToRows(file.file);
    if (!rows.ok) throw new Error(rows.message);
    // LibreOffice saved each numbered paragraph of the table with a list instance of its own, and
    // instances 2 and 5 name lists of their own: the items count 1, 1, 2 (a list each), the
    // headings 一、 each. The cells hold no number of their own: without the lists they were empty.
    expect(rows.rows.slice(2).map((r) => r.cells[0])).toEqual(['一、扩大有效投资', '1', '1', '一、办好民生实事', '2']);
    const table = await tableOf(fixture('parse/office97/beitang-2024-h1.doc'));
    expect(table.tasks.map((t) => [t.theme, t.target])).toEqual([
      ['一、扩大有效投资', '新开工重大项目20个'],
      ['一、扩大有效投资', '完成工业投资80亿元'],
      ['一、办好民生实事', '新增公办幼儿园学位1200个'],
    ]);
  });
});

/** A WordDocument stream holding only the start of a FIB: its identifier, version and flags. */
const fibOnly = (nFib: number, flags: number) => {
  const fib = new Uint8Array(1024);
  fib.set([0xec, 0xa5, ...u16(nFib)]);
  fib.set(u16(flags), 0x0a);
  return fib;
};

describe('a .doc that cannot be read', () => {
  const refusal = async (bytes: Uint8Array) => {
    const r = await parseTable(bytes);
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.message).not.toContain('\n');
    expect(r.error.message.length).toBeGreaterThan(10);
    return r.error;
  };

  it('a password-protected document is refused as encrypted, a Word 95 one with what to do', async () => {
    const encrypted = await refusal(compoundFile({ WordDocument: fibOnly(193, 0x0100), '1Table': new Uint8Array(8) }));
    expect(encrypted.code).toBe('encrypted');
    const word95 = await refusal(compoundFile({ WordDocument: fibOnly(100, 0) }));
    expect(word95.message).toMatch(/Word 6\.0\/95.*\.docx/);
  });

  it('a document without its table stream, or cut short, is a clear error', async () => {
    expect((await refusal(compoundFile({ WordDocument: fibOnly(193, 0x0200) }))).message).toMatch(/1Table/);
    const doc = fixture('parse/office97/shiqiao-2023.doc');
    expect((await refusal(doc.subarray(0, 4096))).code).toBe('bad_input');
  });

  it('never throws, whatever bytes of an .xls or a .doc are damaged (400 random damages)', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (const name of ['shiqiao-2023.doc', 'donghu-2024-q3.xls']) {
      const original = fixture(`parse/office97/${name}`);
      for (let k = 0; k < 200; k++) {
        const damaged = original.slice();
        // a few bytes anywhere past the compound file's header, each set to a random value
        for (let n = 0; n < 1 + Math.floor(random() * 8); n++)
          damaged[512 + Math.floor(random() * (damaged.length - 512))] = Math.floor(random() * 256);
        const r = await parseTable(damaged);
        if (!r.ok) expect(r.error.message).not.toContain('\n');
      }
    }
  });
});
