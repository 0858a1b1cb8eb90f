// The .xlsx reader reads the workbook's XML itself: each case is a small workbook written the
// way Excel, WPS or a generator writes it, and the cell texts a reader sees in it.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/parse/index.js';
import { openZip, type OfficeZip } from '../../src/parse/office-zip.js';
import { xlsxToRows } from '../../src/parse/xlsx-rows.js';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Book {
  sheets: Array<{ name: string; xml: string }>;
  shared?: string[];
  /** numFmtId per cell style index (`s`), and custom format codes by id. */
  styles?: { xfs: number[]; formats?: Record<number, string> };
  date1904?: boolean;
}

async function workbookZip(book: Book): Promise<JSZip> {
  const zip = new JSZip();
  const sheetTags = book.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  zip.file(
    'xl/workbook.xml',
    `<workbook ${NS} xmlns:r="${REL}"><workbookPr${book.date1904 ? ' date1904="1"' : ''}/><sheets>${sheetTags.join('')}</sheets></workbook>`,
  );
  const rels = book.sheets.map(
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  zip.file('xl/_rels/workbook.xml.rels', `<Relationships>${rels.join('')}</Relationships>`);
  book.sheets.forEach((s, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, `<worksheet ${NS}>${s.xml}</worksheet>`));
  if (book.shared) zip.file('xl/sharedStrings.xml', `<sst ${NS}>${book.shared.join('')}</sst>`);
  if (book.styles) {
    const formats = Object.entries(book.styles.formats ?? {}).map(
      ([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`,
    );
    const xfs = book.styles.xfs.map((id) => `<xf numFmtId="${id}" fontId="0"/>`).join('');
    zip.file(
      'xl/styles.xml',
      `<styleSheet ${NS}><numFmts>${formats.join('')}</numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs>${xfs}</cellXfs></styleSheet>`,
    );
  }
  return JSZip.loadAsync(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

async function workbook(book: Book): Promise<OfficeZip> {
  const bytes = await (await workbookZip(book)).generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  const opened = openZip(bytes, 200 * 1024 * 1024);
  if (!opened.ok) throw new Error(opened.message);
  return opened.zip;
}

async function cells(book: Book, sheet?: string): Promise<string[][]> {
  const r = await xlsxToRows(await workbook(book), sheet);
  if (!r.ok) throw new Error(r.message);
  return r.rows.map((row) => row.cells);
}

const sheetData = (rows: string) => `<sheetData>${rows}</sheetData>`;

describe('cell values', () => {
  it('reads shared strings, rich text runs joined, phonetic guides left out, line breaks kept', async () => {
    const shared = [
      '<si><t>区财政局</t></si>',
      '<si><r><rPr><b/></rPr><t xml:space="preserve">已完成 </t></r><r><t>全年目标</t></r></si>',
      '<si><t>区发改局</t><rPh sb="0" eb="1"><t>く</t></rPh></si>',
      '<si><t>第一行&#10;第二行\r\n第三行 &amp; &lt;附&gt;</t></si>',
      '<si><t>回车_x000D_保留</t></si>',
      '<si/>',
    ];
    const row = shared.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('');
    expect(await cells({ sheets: [{ name: 'S', xml: sheetData(`<row r="1">${row}</row>`) }], shared })).toEqual([
      ['区财政局', '已完成 全年目标', '区发改局', '第一行\n第二行\n第三行 & <附>', '回车\r保留', ''],
    ]);
  });
  it('reads inline strings, numbers, booleans, formula results; errors and empty cells are blank', async () => {
    const row =
      '<c r="A1" t="inlineStr"><is><t>新增学位3000个</t></is></c>' +
      '<c r="B1" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></is></c>' +
      '<c r="C1"><v>12</v></c><c r="D1"><v>0.125</v></c><c r="E1" t="b"><v>1</v></c>' +
      '<c r="F1" t="str"><f>A1</f><v>公式结果</v></c><c r="G1"><f>1+1</f><v>2</v></c>' +
      '<c r="H1" t="e"><v>#N/A</v></c><c r="I1" s="0"/><c r="J1"><f>A1</f></c>';
    expect(await cells({ sheets: [{ name: 'S', xml: sheetData(`<row r="1">${row}</row>`) }] })).toEqual([
      ['新增学位3000个', '富文本', '12', '0.125', 'true', '公式结果', '2', '', '', ''],
    ]);
  });
  it('shows numbers in a date format as ISO days, in the 1900 and the 1904 date systems', async () => {
    const styles = {
      xfs: [0, 14, 164, 165, 31],
      formats: { 164: 'yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;', 165: '0.0_ ' },
    };
    const row = [1, 2, 3, 4].map((s, i) => `<c r="${'ABCD'[i]}1" s="${s}"><v>45473</v></c>`).join('');
    const xml = sheetData(`<row r="1">${row}</row>`);
    // 45473 is 2024-06-30; style 3 is a number format, style 4 the date a Chinese Excel names by
    // number only (31: yyyy"年"m"月"d"日", no code in the file).
    expect(await cells({ sheets: [{ name: 'S', xml }], styles })).toEqual([
      ['2024-06-30', '2024-06-30', '45473', '2024-06-30'],
    ]);
    expect((await cells({ sheets: [{ name: 'S', xml }], styles, date1904: true }))[0][0]).toBe('2028-07-01');
  });
  it('shows a number to the 15 digits Excel keeps (a cached sum of 12.300000000000001 is 12.3)', async () => {
    const xml = sheetData(
      `<row r="1"><c r="A1"><f>B1+C1</f><v>12.300000000000001</v></c><c r="B1"><v>31261</v></c></row>`,
    );
    expect(await cells({ sheets: [{ name: 'S', xml }] })).toEqual([['12.3', '31261']]);
  });
  it('shows numbers in a percentage format as the percentage the sheet shows (a completion rate)', async () => {
    // style 1: built-in 0%; 2: built-in 0.00%; 3: a custom 0.0%; 4: a % in quotes is no percentage
    const styles = { xfs: [0, 9, 10, 166, 167], formats: { 166: '0.0%', 167: '0&quot;%&quot;' } };
    const row = [1, 2, 3, 4].map((s, i) => `<c r="${'ABCD'[i]}1" s="${s}"><v>0.8125</v></c>`).join('');
    const formula = `<c r="E1" s="2"><f>D2/C2</f><v>0.6</v></c>`;
    const xml = sheetData(`<row r="1">${row}${formula}</row>`);
    expect(await cells({ sheets: [{ name: 'S', xml }], styles })).toEqual([
      ['81%', '81.25%', '81.3%', '0.8125', '60%'],
    ]);
  });
});

describe('layout', () => {
  it('places cells by their references, leaving gaps blank, and reads cells without references in order', async () => {
    const xml = sheetData(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="C1" t="inlineStr"><is><t>c</t></is></c></row>' +
        '<row r="3"><c t="inlineStr"><is><t>x</t></is></c><c t="inlineStr"><is><t>y</t></is></c></row>',
    );
    expect(await cells({ sheets: [{ name: 'S', xml }] })).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
      ['x', 'y', ''],
    ]);
  });
  it('copies a vertical merge down and marks it, keeps a horizontal span in its first column', async () => {
    const xml =
      sheetData(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>' +
          '<row r="2"><c r="A2" t="inlineStr"><is><t>做强实体经济</t></is></c><c r="B2" t="inlineStr"><is><t>陶峰</t></is></c></row>' +
          '<row r="3"><c r="A3" t="inlineStr"><is><t>被合并的旧文字</t></is></c></row>',
      ) + '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A2:A3"/></mergeCells>';
    const r = await xlsxToRows(await workbook({ sheets: [{ name: 'S', xml }] }));
    if (!r.ok) throw new Error(r.message);
    expect(r.rows.map((row) => row.cells)).toEqual([
      ['标题', '', ''],
      ['做强实体经济', '陶峰', ''],
      ['做强实体经济', '', ''],
    ]);
    expect(r.rows.map((row) => row.mergedFromAbove)).toEqual([
      [false, false, false],
      [false, false, false],
      [true, false, false],
    ]);
  });
});

describe('sheets', () => {
  const one = (text: string) => sheetData(`<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row>`);
  const book: Book = {
    sheets: [
      { name: '上半年', xml: one('第一张') },
      { name: '三季度 &amp; 四季度', xml: one('第二张') },
    ],
  };
  it('reads the first sheet in tab order, or the one named', async () => {
    expect(await cells(book)).toEqual([['第一张']]);
    expect(await cells(book, '三季度 & 四季度')).toEqual([['第二张']]);
  });
  it('names the sheets it has when the one asked for is missing', async () => {
    const r = await xlsxToRows(await workbook(book), '全年');
    expect(r).toEqual({
      ok: false,
      code: 'bad_input',
      message: 'no sheet named "全年" (sheets: 上半年, 三季度 & 四季度)',
    });
  });
  it('refuses a workbook whose sheet part is missing, as bad input', async () => {
    const zip = await workbookZip(book);
    zip.remove('xl/worksheets/sheet1.xml');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const r = await parseTable(bytes);
    expect(r.ok ? null : r.error.code).toBe('bad_input');
    expect(r.ok ? '' : r.error.message).toMatch(/cannot be read/);
  });
});

describe('a workbook written with a namespace prefix (.NET Open XML SDK: <x:worksheet>, <x:c>)', () => {
  const bytes = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/parse/${name}`, import.meta.url)));
  it('reads the same tasks as the same workbook written by Excel', async () => {
    const sdk = await parseTable(bytes('prefixed-sdk.xlsx'));
    const excel = await parseTable(bytes('chengnan-2024-h1.xlsx'));
    if (!sdk.ok || !excel.ok) throw new Error(sdk.ok ? 'excel' : sdk.error.message);
    expect(sdk.value.tasks).toHaveLength(7);
    expect(sdk.value.tasks).toEqual(excel.value.tasks);
    expect(sdk.value.title).toBe('城南区2024年政府工作报告重点工作任务上半年进展情况表');
  });
  it('finds the other sheet by name through the prefixed workbook part', async () => {
    const r = await parseTable(bytes('prefixed-sdk.xlsx'), { sheet: '三季度' });
    expect(r.ok && r.value.tasks.map((t) => t.units)).toEqual([['区住建局']]);
  });
});
