// Hostile office files, built from small valid ones: zip bombs (a gigabyte inside a megabyte),
// headers that lie about sizes, a sheet that claims a million rows by 16 384 columns, XML nested
// two hundred thousand levels deep, and the "billion laughs" entity expansion.
import ExcelJS from 'exceljs';
import { cell, record, RECORD, sst, u16, u32, unicodeString, workbookStream } from '../../parse/helpers/biff.js';
import { compoundFile } from '../../parse/helpers/compound-file.js';
import { HEADER, SAMPLE_ROWS, makeDocx, makeXlsx, zipEntries, zipText } from './office.js';
import { bombEntry, storedEntry, withEntryReplaced, writeZip } from './zip.js';

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const S_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const MB = 1024 * 1024;

/** An .xlsx whose first sheet inflates to `gb` gigabytes: one cell holding the whole of it. */
export async function xlsxZipBomb(gb = 1.1): Promise<Buffer> {
  const entries = await zipEntries(await makeXlsx());
  const bomb = bombEntry('xl/worksheets/sheet1.xml', {
    prefix: `<?xml version="1.0" encoding="UTF-8"?><worksheet ${S_NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`,
    filler: Buffer.alloc(MB, 0x41),
    repeat: Math.round(gb * 1024),
    suffix: '</t></is></c></row></sheetData></worksheet>',
  });
  return writeZip(withEntryReplaced(entries, bomb));
}

/** A .docx whose document part inflates to `gb` gigabytes of one paragraph. */
export async function docxZipBomb(gb = 1.1): Promise<Buffer> {
  const entries = await zipEntries(await makeDocx());
  const bomb = bombEntry('word/document.xml', {
    prefix: `<?xml version="1.0" encoding="UTF-8"?><w:document ${W_NS}><w:body><w:p><w:r><w:t>`,
    filler: Buffer.alloc(MB, 0x41),
    repeat: Math.round(gb * 1024),
    suffix: '</w:t></w:r></w:p></w:body></w:document>',
  });
  return writeZip(withEntryReplaced(entries, bomb));
}

/** The .docx bomb again, but its headers claim the document is 4 KB (a lie only inflating reveals). */
export async function docxLyingZipBomb(gb = 1.1): Promise<Buffer> {
  const entries = await zipEntries(await makeDocx());
  const bomb = bombEntry('word/document.xml', {
    prefix: `<?xml version="1.0" encoding="UTF-8"?><w:document ${W_NS}><w:body><w:p><w:r><w:t>`,
    filler: Buffer.alloc(MB, 0x41),
    repeat: Math.round(gb * 1024),
    suffix: '</w:t></w:r></w:p></w:body></w:document>',
  });
  return writeZip(withEntryReplaced(entries, { ...bomb, uncompressedSize: 4096 }));
}

/** A valid .xlsx whose every entry claims to expand to 4 GiB (the bytes are honest, the headers lie). */
export async function xlsxLyingSizes(): Promise<Buffer> {
  const entries = await zipEntries(await makeXlsx());
  return writeZip(entries.map((e) => ({ ...e, uncompressedSize: 0xffffffff })));
}

/** A tiny .xlsx with a value in A1 and one in XFD1048576: a sheet of 1 048 576 × 16 384 cells by extent. */
export async function xlsxSparseGiant(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('进展情况');
  ws.addRow(HEADER);
  for (const r of SAMPLE_ROWS) ws.addRow(r);
  ws.getCell('XFD1048576').value = '尾';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A small valid .xlsx whose sheet declares one merged range A3:XFD1048576 (17 billion cells by extent). */
export async function xlsxGiantMerge(): Promise<Buffer> {
  const bytes = await makeXlsx();
  const entries = await zipEntries(bytes);
  const sheet = await zipText(bytes, 'xl/worksheets/sheet1.xml');
  const xml = sheet
    .replace(/<mergeCells[\s\S]*?<\/mergeCells>/, '')
    .replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>');
  return writeZip(withEntryReplaced(entries, storedEntry('xl/worksheets/sheet1.xml', xml)));
}

/** A .docx whose table cell nests `depth` levels of content controls (w:sdt) and runs. */
export async function docxDeeplyNested(depth = 200_000): Promise<Buffer> {
  const entries = await zipEntries(await makeDocx());
  const original = await zipText(await makeDocx(), 'word/document.xml');
  const open = '<w:sdt><w:sdtContent>'.repeat(depth);
  const close = '</w:sdtContent></w:sdt>'.repeat(depth);
  const xml = original.replace('<w:body>', `<w:body>${open}<w:p><w:r><w:t>深</w:t></w:r></w:p>${close}`);
  return writeZip(withEntryReplaced(entries, storedEntry('word/document.xml', xml)));
}

/** Same depth, in runs inside one paragraph (the text walker's recursion rather than the body's). */
export async function docxDeepRuns(depth = 200_000): Promise<Buffer> {
  const entries = await zipEntries(await makeDocx());
  const original = await zipText(await makeDocx(), 'word/document.xml');
  const xml = original.replace(
    '<w:body>',
    `<w:body><w:p>${'<w:r>'.repeat(depth)}<w:t>深</w:t>${'</w:r>'.repeat(depth)}</w:p>`,
  );
  return writeZip(withEntryReplaced(entries, storedEntry('word/document.xml', xml)));
}

/** An .xlsx sheet nested `depth` levels deep inside one cell's rich text. */
export async function xlsxDeeplyNested(depth = 200_000): Promise<Buffer> {
  const entries = await zipEntries(await makeXlsx());
  const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${S_NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is>${'<r>'.repeat(depth)}<t>深</t>${'</r>'.repeat(depth)}</is></c></row></sheetData></worksheet>`;
  return writeZip(withEntryReplaced(entries, storedEntry('xl/worksheets/sheet1.xml', xml)));
}

/**
 * An .xlsx of 100 000 rows numbered by `MAX($A$1:A…)+1` with no results kept (each row's formula
 * looks at every row above it: 5 billion cells in all), and one cell's MAX over the whole sheet.
 */
export async function xlsxMaxNumbering(rows = 100_000): Promise<Buffer> {
  const entries = await zipEntries(await makeXlsx());
  const body = [
    `<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>目标任务</t></is></c>` +
      `<c r="C1"><f>MAX(A1:XFD1048576)+1</f></c></row>`,
    `<row r="2"><c r="A2"><f t="shared" ref="A2:A${rows + 1}" si="0">MAX($A$1:A1)+1</f></c>` +
      `<c r="B2" t="inlineStr"><is><t>新建5G基站800个</t></is></c></row>`,
  ];
  for (let r = 3; r <= rows + 1; r++) body.push(`<row r="${r}"><c r="A${r}"><f t="shared" si="0"/></c></row>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${S_NS}><sheetData>${body.join('')}</sheetData></worksheet>`;
  return writeZip(withEntryReplaced(entries, storedEntry('xl/worksheets/sheet1.xml', xml)));
}

const LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
  ']>';

/** A .docx whose document declares the "billion laughs" entities and uses the biggest one in a cell. */
export async function docxBillionLaughs(): Promise<Buffer> {
  const entries = await zipEntries(await makeDocx());
  const original = await zipText(await makeDocx(), 'word/document.xml');
  const xml = original
    .replace(/^(<\?xml[^>]*\?>)/, `$1${LAUGHS}`)
    .replace('<w:body>', '<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>');
  return writeZip(withEntryReplaced(entries, storedEntry('word/document.xml', xml)));
}

/** The same entities in the shared-strings part of an .xlsx. */
export async function xlsxBillionLaughs(): Promise<Buffer> {
  const bytes = await makeXlsx();
  const entries = await zipEntries(bytes);
  const original = await zipText(bytes, 'xl/sharedStrings.xml');
  const xml = original.replace(/^(<\?xml[^>]*\?>)/, `$1${LAUGHS}`).replace(/<t>[^<]*<\/t>/, '<t>&lol9;</t>');
  return writeZip(withEntryReplaced(entries, storedEntry('xl/sharedStrings.xml', xml)));
}

/** A saved page of `<!--` opened a million times, never closed (each would scan to the end). */
export async function htmlUnclosedComments(): Promise<Buffer> {
  return Buffer.from('<!DOCTYPE html><html><body><table><tr><td>序号</td></tr>' + '<!--'.repeat(1_000_000));
}

/** A saved page of tables nested 200 000 deep inside their cells. */
export async function htmlDeeplyNested(depth = 200_000): Promise<Buffer> {
  return Buffer.from(
    `<html><body>${'<table><tr><td>'.repeat(depth)}序号${'</td></tr></table>'.repeat(depth)}</body></html>`,
  );
}

/** A saved page whose cells claim huge spans: every row adds a column merged down to the end. */
export async function htmlGiantSpans(): Promise<Buffer> {
  const row = '<tr><td rowspan="100000" colspan="1000">x</td></tr>';
  return Buffer.from(`<html><body><table>${row.repeat(50_000)}</table></body></html>`);
}

/** The sample table as the records of one .xls sheet (strings through the string table), with `more` records after it. */
function xlsOfSample(more: Uint8Array[]): Buffer {
  const rows = [HEADER, ...SAMPLE_ROWS];
  const strings = [...new Set(rows.flat())];
  const cells = rows.flatMap((r, row) =>
    r.map((text, col) => record(RECORD.LABELSST, [...cell(row, col), ...u32(strings.indexOf(text))])),
  );
  const stream = workbookStream({
    sheets: [{ name: '进展情况', records: [...cells, ...more] }],
    sst: [
      sst(
        strings.length,
        strings.length,
        strings.flatMap((t) => unicodeString(t)),
      ),
    ],
  });
  return Buffer.from(compoundFile({ Workbook: stream }));
}

/** An .xls whose sheet declares one merged range A3:IV65536 (the whole of a BIFF8 sheet). */
export async function xlsGiantMerge(): Promise<Buffer> {
  return xlsOfSample([record(RECORD.MERGEDCELLS, [...u16(1), ...u16(2), ...u16(65535), ...u16(0), ...u16(255)])]);
}

/** An .xls of 30 000 rows × 255 numbers (MULRK records, 7.6 million cells in 46 MB) below the table. */
export async function xlsMillionsOfNumbers(rows = 30_000): Promise<Buffer> {
  const rk = u32(((7 << 2) | 2) >>> 0);
  const perRow = 255;
  const body = [...u16(0), ...Array.from({ length: perRow }, () => [...u16(0), ...rk]).flat(), ...u16(perRow - 1)];
  const more = Array.from({ length: rows }, (_, k) => {
    const r = record(RECORD.MULRK, body);
    r.set(u16(k + 10), 4);
    return r;
  });
  return xlsOfSample(more);
}

/** An Excel 2003 XML spreadsheet with a cell at column 16 384 of row 1 048 576 and a merge a billion rows down. */
export async function spreadsheetXmlGiant(): Promise<Buffer> {
  const row = (cells: string[]) =>
    `<Row>${cells.map((c) => `<Cell><Data ss:Type="String">${c}</Data></Cell>`).join('')}</Row>`;
  const xml =
    '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" ' +
    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="进展情况"><Table>' +
    [HEADER, ...SAMPLE_ROWS].map(row).join('') +
    '<Row ss:Index="1048576"><Cell ss:Index="16384" ss:MergeDown="1000000000" ss:MergeAcross="1000000000">' +
    '<Data ss:Type="String">尾</Data></Cell></Row></Table></Worksheet></Workbook>';
  return Buffer.from(xml);
}

export const HOSTILE_FILES = {
  'html with a million unclosed comments': { make: htmlUnclosedComments, fileName: 'comments.html' },
  'html tables nested 200 000 deep': { make: () => htmlDeeplyNested(), fileName: 'deep.html' },
  'html cells spanning 100 000 rows × 1 000 columns': { make: htmlGiantSpans, fileName: 'spans.html' },
  'xlsx zip bomb (1.1 GB inflated)': { make: () => xlsxZipBomb(), fileName: 'bomb.xlsx' },
  'docx zip bomb (1.1 GB inflated)': { make: () => docxZipBomb(), fileName: 'bomb.docx' },
  'docx zip bomb declaring 4 KB': { make: () => docxLyingZipBomb(), fileName: 'lying-bomb.docx' },
  'xlsx with sizes declared as 4 GiB': { make: xlsxLyingSizes, fileName: 'lying.xlsx' },
  'xlsx with cells at A1 and XFD1048576': { make: xlsxSparseGiant, fileName: 'sparse.xlsx' },
  'xlsx with one merged range A3:XFD1048576': { make: xlsxGiantMerge, fileName: 'merge.xlsx' },
  'docx nested 200 000 content controls deep': { make: () => docxDeeplyNested(), fileName: 'deep-sdt.docx' },
  'docx with runs nested 200 000 deep': { make: () => docxDeepRuns(), fileName: 'deep-runs.docx' },
  'xlsx rich text nested 200 000 deep': { make: () => xlsxDeeplyNested(), fileName: 'deep.xlsx' },
  'docx billion laughs': { make: docxBillionLaughs, fileName: 'laughs.docx' },
  'xlsx billion laughs': { make: xlsxBillionLaughs, fileName: 'laughs.xlsx' },
  'xlsx numbered by MAX over 100 000 rows, no results kept': { make: () => xlsxMaxNumbering(), fileName: 'max.xlsx' },
  'xls with one merged range A3:IV65536': { make: xlsGiantMerge, fileName: 'merge.xls' },
  'xls of 7.6 million numbers in 46 MB': { make: () => xlsMillionsOfNumbers(), fileName: 'numbers.xls' },
  'Excel 2003 XML with a cell at XFD1048576 merged a billion rows down': {
    make: spreadsheetXmlGiant,
    fileName: 'giant.xml',
  },
} as const;
