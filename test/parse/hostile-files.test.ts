// Files built to hurt the parser: zip bombs (with honest and lying headers), sheets declaring
// cells at XFD1048576 or merges over all of it, tables wider or longer than any real one, and
// one cell of megabytes. Each must end in a table or a one-line domain error, quickly.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { DomainError, ParsedTable } from '../../src/domain/index.js';
import { parseTable, parseText, type ParseOptions } from '../../src/parse/index.js';
import { openZip } from '../../src/parse/office-zip.js';

const MB = 1024 * 1024;
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const HEADER = ['序号', '具体目标任务', '牵头单位', '进展情况'];
const ROWS = [
  ['1', '新增学位3000个', '区教育局', '已新增学位2650个'],
  ['2', '完成老旧小区改造20个', '区住建局', '已开工18个，完工12个'],
];

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const col = (i: number) => String.fromCharCode(65 + i);

/** The sheet XML of the small table above, rows from 1, with `extra` inside sheetData and `after` it. */
function tableSheet(extra = '', after = ''): string {
  const rows = [HEADER, ...ROWS].map(
    (r, i) => `<row r="${i + 1}">${r.map((t, c) => inline(`${col(c)}${i + 1}`, t)).join('')}</row>`,
  );
  return `<worksheet ${NS}><sheetData>${rows.join('')}${extra}</sheetData>${after}</worksheet>`;
}

async function xlsx(sheetXml: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    'xl/workbook.xml',
    `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="进展" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  zip.file('xl/worksheets/sheet1.xml', sheetXml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function docx(bodyXml: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('word/document.xml', `<w:document ${W_NS}><w:body>${bodyXml}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const docxTable = (rows: string[][]) =>
  `<w:tbl>${rows.map((r) => `<w:tr>${r.map((t) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

async function outcome(
  bytes: Uint8Array,
  options?: ParseOptions,
): Promise<{ table?: ParsedTable; error?: DomainError }> {
  const r = await parseTable(bytes, options);
  return r.ok ? { table: r.value } : { error: r.error };
}

/**
 * Rewrites what a zip's headers (local and central) declare one entry unpacks to: the lie a
 * hand-made bomb tells, which no zip library will write.
 */
function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const b = Buffer.from(bytes);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = b.readUInt32LE(end + 16);
  for (let i = 0; i < b.readUInt16LE(end + 10); i++) {
    const nameLength = b.readUInt16LE(at + 28);
    if (b.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      b.writeUInt32LE(size, at + 24);
      b.writeUInt32LE(size, b.readUInt32LE(at + 42) + 22);
    }
    at += 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return b;
}

/** CPU seconds `work` takes (less distorted than wall time on a shared machine). */
function cpuSeconds(work: () => void): number {
  const c0 = process.cpuUsage();
  work();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

describe('zip bombs', () => {
  // 8 MB of one character deflates to about 8 KB: a thousand-fold, as in a real bomb.
  const run = 'A'.repeat(8 * MB);

  it('refuses an .xlsx whose sheet would unpack past the budget, before inflating it', async () => {
    const bytes = await xlsx(
      `<worksheet ${NS}><sheetData><row r="1">${inline('A1', run)}</row></sheetData></worksheet>`,
    );
    expect(bytes.length).toBeLessThan(100_000);
    const { error } = await outcome(bytes, { maxInflatedBytes: 4 * MB });
    expect(error?.code).toBe('too_large');
    expect(error?.message).toMatch(/xl\/worksheets\/sheet1\.xml would unpack to 8\.0 MB, over the limit of 4\.0 MB/);
  });

  it('counts every part read against one budget, not each part alone', async () => {
    // The sheet fits, shared strings fit, both together do not.
    const zip = await JSZip.loadAsync(await xlsx(tableSheet()));
    zip.file('xl/sharedStrings.xml', `<sst ${NS}><si><t>${'B'.repeat(3 * MB)}</t></si></sst>`);
    zip.file('xl/styles.xml', `<styleSheet ${NS}><!--${'C'.repeat(3 * MB)}--></styleSheet>`);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const { error } = await outcome(bytes, { maxInflatedBytes: 4 * MB });
    expect(error?.code).toBe('too_large');
    expect(error?.message).toMatch(/xl\/styles\.xml/);
  });

  it('stops inflating a part that holds more than its header declares (a lying bomb)', async () => {
    const honest = await docx(`<w:p><w:r><w:t>${run}</w:t></w:r></w:p>`);
    const lying = declareSize(honest, 'word/document.xml', 4096);
    const { error } = await outcome(lying);
    expect(error?.code).toBe('bad_input');
    expect(error?.message).toMatch(/word\/document\.xml .*more than the 4096 bytes its header declares/);
  });

  it('holds a .docx document to a tighter limit than a sheet (its XML reader needs more memory)', async () => {
    const { error } = await outcome(await docx(`<w:p><w:r><w:t>${'A'.repeat(13 * MB)}</w:t></w:r></w:p>`));
    expect(error?.code).toBe('too_large');
    expect(error?.message).toMatch(/word\/document\.xml would unpack to 13 MB, over the limit of 12 MB/);
  });

  it('refuses a .docx with millions of characters between two tags', async () => {
    const { error } = await outcome(
      await docx(`${docxTable([HEADER, ...ROWS])}<w:p><w:r><w:t>${'进'.repeat(2_100_000)}</w:t></w:r></w:p>`),
    );
    expect(error?.code).toBe('too_large');
    expect(error?.message).toMatch(/21000\d\d characters without markup/);
  });

  it('refuses a zip listing more entries than an office file has, before reading them', async () => {
    const bytes = Buffer.from(await xlsx(tableSheet()));
    const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bytes.writeUInt16LE(60_000, end + 8);
    bytes.writeUInt16LE(60_000, end + 10);
    const opened = openZip(bytes, 100 * MB);
    expect(opened.ok ? null : opened.code).toBe('too_large');
    expect(opened.ok ? '' : opened.message).toMatch(/60000 entries, over the limit of 10000/);
  });

  it('still reads an honest workbook and document within the budget', async () => {
    const sheet = await outcome(await xlsx(tableSheet()), { maxInflatedBytes: 64 * 1024 });
    expect(sheet.table?.tasks.map((t) => t.units)).toEqual([['区教育局'], ['区住建局']]);
    const doc = await outcome(await docx(docxTable([HEADER, ...ROWS])));
    expect(doc.table?.tasks.map((t) => t.target)).toEqual(['新增学位3000个', '完成老旧小区改造20个']);
  });
});

describe('sheets declaring more than they hold', () => {
  it('refuses a sheet with text at A1 and XFD1048576, naming the extent', async () => {
    const { error } = await outcome(await xlsx(tableSheet(`<row r="1048576">${inline('XFD1048576', '尾')}</row>`)));
    expect(error?.code).toBe('too_large');
    expect(error?.message).toMatch(/A1:XFD1048576 \(1048576 rows × 16384 columns\)/);
    expect(error?.message).not.toMatch(/\n/);
  });

  it('lays out only the text when a merged range covers the whole sheet beside the table', async () => {
    const merge = '<mergeCells count="1"><mergeCell ref="F2:XFD1048576"/></mergeCells>';
    const t0 = performance.now();
    const { table } = await outcome(await xlsx(tableSheet('', merge)));
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(table?.tasks.map((t) => t.progress)).toEqual(['已新增学位2650个', '已开工18个，完工12个']);
  });

  it('lays out a blank cell element at XFD1048576 as nothing', async () => {
    const { table } = await outcome(await xlsx(tableSheet('<row r="1048576"><c r="XFD1048576" s="1"/></row>')));
    expect(table?.tasks).toHaveLength(2);
  });

  it('refuses a row of text wider than 1000 columns', async () => {
    const { error } = await outcome(await xlsx(tableSheet(`<row r="4">${inline('ALM4', '远')}</row>`)));
    expect(error?.code).toBe('too_large');
    expect(error?.message).toMatch(/1001 columns/);
  });

  it('refuses a .docx table cell spanning a hundred million columns', async () => {
    const wide = '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="100000000"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>';
    const { error } = await outcome(await docx(docxTable([HEADER, ...ROWS]) + wide));
    expect(error?.code).toBe('too_large');
    expect(error?.message).toMatch(/over the limit of 1000/);
  });
});

describe('text longer or wider than a table', () => {
  it('refuses more than 100 000 rows, and reads a million empty lines as nothing', () => {
    const rows = Array.from({ length: 100_001 }, (_, i) => `${i + 1}\t新增学位\t区教育局\t已完成`).join('\n');
    expect(() => parseText(`${HEADER.join('\t')}\n${rows}`)).toThrow(/more than 100000 rows/);
    const blank = parseText(`${HEADER.join('\t')}\n${'\n'.repeat(1_000_000)}1\t新增学位\t区教育局\t已完成\n`);
    expect(blank.tasks).toHaveLength(1);
  });

  it('refuses a row of more than 1000 cells', () => {
    expect(() => parseText(`${HEADER.join('\t')}\n1${'\tx'.repeat(1000)}`)).toThrow(/more than 1000 cells/);
  });
});

describe('giant cells', () => {
  it('reads a CSV cell of 5 M characters, half of them doubled quotes, in linear time', () => {
    const cell = '进展"",'.repeat(1.25 * MB);
    let progress = '';
    const cpu = cpuSeconds(() => {
      progress = parseText(`${HEADER.join(',')}\n1,新增学位3000个,区教育局,"${cell}"\n`).tasks[0].progress;
    });
    expect(progress).toBe('进展",'.repeat(1.25 * MB));
    // ~0.3 s here; a quadratic reader takes minutes. Generous for a busy shared machine.
    expect(cpu).toBeLessThan(5);
  });

  it('keeps a leaders cell of over 1000 characters whole, with a warning, instead of 500 "names"', () => {
    const leaders = '李明 '.repeat(500).trim();
    const header = ['序号', '具体目标任务', '牵头区领导', '牵头单位', '进展情况'];
    const task = parseText(`${header.join('\t')}\n1\t新增学位3000个\t${leaders}\t区教育局\t已完成\n`).tasks[0];
    expect(task.leaders).toEqual([leaders]);
    expect(task.units).toEqual(['区教育局']);
    expect(task.warnings.map((w) => w.code)).toContain('list_too_long');
  });

  it('still splits a list of thirty units', () => {
    const kinds = ['教育', '财政', '民政', '商务', '卫健', '公安', '司法', '审计', '统计', '应急'];
    const units = Array.from({ length: 30 }, (_, i) => `区${kinds[i % 10]}局`);
    const task = parseText(`${HEADER.join('\t')}\n1\t新增学位3000个\t${units.join('、')}\t已完成\n`).tasks[0];
    expect(task.units).toEqual(units);
    expect(task.warnings.map((w) => w.code)).not.toContain('list_too_long');
  });
});
