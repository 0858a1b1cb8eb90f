// Excel 97-2003 workbooks (.xls), as offices still keep and publish them. The fixtures in
// test/fixtures/parse/office97/ were saved by two producers (LibreOffice and xlwt;
// scripts/make-office97-fixtures.ts); the records no test can ask a producer for (a string split over
// CONTINUE records, a formula's string result, damage) are written record by record.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedTask } from '../../src/domain/index.js';
import { parseTable } from '../../src/parse/index.js';
import { openXls } from '../../src/parse/xls-rows.js';
import { cell, concat, f64, record, RECORD, sst, u16, u32, unicodeString, workbookStream } from './helpers/biff.js';
import { compoundFile } from './helpers/compound-file.js';

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${path}`, import.meta.url)));

async function tasksOf(bytes: Uint8Array, options?: Parameters<typeof parseTable>[1]) {
  const r = await parseTable(bytes, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** What a task says, whatever the format carried it. */
const fields = (t: ParsedTask) => ({ ...t, warnings: [] });

const HEADER = ['序号', '目标任务', '责任单位', '进展情况'];

/** A workbook stream of one sheet whose cells are the given strings (through the string table). */
function stringsSheet(rows: string[][], name = '进展'): Uint8Array {
  const strings = [...new Set(rows.flat())];
  const body = strings.flatMap((s) => unicodeString(s));
  const records = rows.flatMap((r, row) =>
    r.map((text, col) => record(RECORD.LABELSST, [...cell(row, col), ...u32(strings.indexOf(text))])),
  );
  return workbookStream({
    sheets: [{ name, records }],
    sst: [sst(strings.length, strings.length, body)],
  });
}

const xls = (stream: Uint8Array) => compoundFile({ Workbook: stream });

describe('an Excel 97-2003 workbook', () => {
  it('reads the seed table saved as .xls by LibreOffice as the text it came from (a string table over 7 CONTINUE records)', async () => {
    const fromXls = await tasksOf(fixture('parse/office97/qiantang-2023-q4.xls'));
    const fromText = await tasksOf(fixture('qiantang-2023-q4.txt'));
    expect(fromXls.format).toBe('xls');
    expect(fromXls.tasks).toHaveLength(136);
    expect(fromXls.tasks.map(fields)).toEqual(fromText.tasks.map(fields));
    expect(fromXls.period).toBe('2023Q4');
  });

  it('reads a workbook saved as .xls as its .xlsx twin: merged cells, two sheets', async () => {
    const xlsTable = await tasksOf(fixture('parse/office97/chengnan-2024-h1.xls'));
    const xlsxTable = await tasksOf(fixture('parse/chengnan-2024-h1.xlsx'));
    expect(xlsTable.tasks).toEqual(xlsxTable.tasks);
    expect(xlsTable.sheets).toEqual(xlsxTable.sheets);
    expect(xlsTable.warnings).toEqual(xlsxTable.warnings);
    const third = await tasksOf(fixture('parse/office97/chengnan-2024-h1.xls'), { sheet: '三季度' });
    expect(third.tasks).toEqual((await tasksOf(fixture('parse/chengnan-2024-h1.xlsx'), { sheet: '三季度' })).tasks);
  });

  it('shows cells as Excel does: days, rates in their format, numbering formulas, a leader merged down', async () => {
    const table = await tasksOf(fixture('parse/office97/donghu-2024-q3.xls'));
    expect(table.sheet).toBe('1-9月');
    expect(table.period).toBe('2024Q3');
    expect(table.tasks.map((t) => t.seq)).toEqual([1, 2, 3, 4]);
    expect(table.tasks.map((t) => t.deadline)).toEqual(['2024-12-31', '2024-10-31', '2024-12-31', '2024-12-31']);
    expect(table.tasks.map((t) => t.progress_parts?.find((p) => p.role === 'rate')?.text)).toEqual([
      '70%',
      '64%',
      '77.63%',
      '65%',
    ]);
    expect(table.tasks.map((t) => t.leaders)).toEqual([['陈立群'], ['陈立群'], ['刘芳'], ['刘芳']]);
    expect(table.tasks[1].units).toEqual(['区自然资源分局']);
    expect(table.tasks.map((t) => t.theme)).toEqual([
      '一、推动经济高质量发展',
      '一、推动经济高质量发展',
      '二、增进民生福祉',
      '二、增进民生福祉',
    ]);
    const codes = table.warnings.map((w) => w.code);
    // the instructions sheet is passed over, the hidden row and column are read and said to be,
    // the hidden sheet is not offered
    expect(codes).toEqual(expect.arrayContaining(['sheet_chosen', 'hidden_rows', 'hidden_columns']));
    expect(table.sheets?.map((s) => s.name)).toEqual(['1-9月']);
  });

  it('reads a file written by xlwt, a unit merged down and a hidden row', async () => {
    const table = await tasksOf(fixture('parse/office97/xihe-2023-h1-xlwt.xls'));
    expect(table.title).toBe('2023年西河县十件民生实事1-6月进展');
    expect(table.tasks.map((t) => [t.target, t.units[0], t.deadline])).toEqual([
      ['新建城市书房5个', '县文广旅局', '2023-12-31'],
      ['改造老旧小区12个', '县住建局', '2023-11-30'],
      ['新增公共停车泊位800个', '县住建局', '2023-12-31'],
      ['Wi-Fi覆盖公园10个', '县大数据中心', '2023-12-31'],
    ]);
    expect(table.tasks[2].progress_parts?.find((p) => p.role === 'rate')?.text).toBe('52.5%');
    expect(table.warnings.map((w) => w.code)).toContain('hidden_rows');
  });

  it('reads a string whose characters go on in a CONTINUE record, changing width there', async () => {
    // 「已完成」 split after its first character: the rest in a CONTINUE record that opens with the
    // width flag; then a Latin-1 string begun in the SST and ended in a second CONTINUE
    const progress = '已完成改造';
    const body = [
      ...unicodeString('序号'),
      ...unicodeString('目标任务'),
      ...unicodeString('责任单位'),
      ...unicodeString('进展情况'),
      ...unicodeString('改造老旧小区15个'),
      ...unicodeString('区住建局'),
      ...u16(progress.length),
      1,
      ...u16(progress.charCodeAt(0)),
    ];
    const rest = [...progress.slice(1)].flatMap((c) => u16(c.charCodeAt(0)));
    const latin = 'done-15';
    const strings = [
      sst(8, 8, body),
      record(RECORD.CONTINUE, [1, ...rest, ...u16(latin.length), 0, ...[...'done'].map((c) => c.charCodeAt(0))]),
    ];
    strings.push(record(RECORD.CONTINUE, [0, ...[...'-15'].map((c) => c.charCodeAt(0))]));
    const cells = [
      [0, 1, 2, 3],
      [-1, 4, 5, 6],
      [-2, 4, 5, 7],
    ].flatMap((r, row) =>
      r.map((index, col) =>
        index < 0
          ? record(RECORD.NUMBER, [...cell(row, col), ...f64(-index)])
          : record(RECORD.LABELSST, [...cell(row, col), ...u32(index)]),
      ),
    );
    const stream = workbookStream({ sheets: [{ name: '进展', records: cells }], sst: strings });
    const table = await tasksOf(xls(stream));
    expect(table.tasks.map((t) => t.progress)).toEqual(['已完成改造', 'done-15']);
  });

  it('reads numbers stored as RK and MULRK, and a formula’s string result from the STRING record after it', async () => {
    const rows = [
      HEADER,
      ['', '新增城镇就业8000人', '', '1-6月新增就业4300人'],
      ['', '改造老旧小区15个', '区住建局', '已开工9个'],
    ];
    const strings = [...new Set(rows.flat().filter(Boolean))];
    const labels = rows.flatMap((r, row) =>
      r.flatMap((text, col) =>
        text ? [record(RECORD.LABELSST, [...cell(row, col), ...u32(strings.indexOf(text))])] : [],
      ),
    );
    const rk = (n: number) => u32(((n << 2) | 2) >>> 0);
    const records = [
      ...labels,
      // 序号 1 as an RK integer, 2 as 200 hundredths in a MULRK
      record(RECORD.RK, [...cell(1, 0), ...rk(1)]),
      record(RECORD.MULRK, [...u16(2), ...u16(0), ...u16(0), ...u32(((200 << 2) | 3) >>> 0), ...u16(0)]),
      // 责任单位 of task 1: a formula (=区人社局 as text) whose result is a string
      record(RECORD.FORMULA, [...cell(1, 2), 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...u16(0), ...u32(0), ...u16(0)]),
      record(RECORD.STRING, unicodeString('区人社局')),
    ];
    const stream = workbookStream({
      sheets: [{ name: '进展', records }],
      sst: [
        sst(
          strings.length,
          strings.length,
          strings.flatMap((s) => unicodeString(s)),
        ),
      ],
    });
    const table = await tasksOf(xls(stream));
    expect(table.tasks.map((t) => [t.seq, t.units[0]])).toEqual([
      [1, '区人社局'],
      [2, '区住建局'],
    ]);
  });

  it('reads a LABEL string longer than a record, its characters going on in a CONTINUE record', async () => {
    const long = `已完成${'老旧小区改造'.repeat(700)}。`; // 4,204 characters: 8,408 bytes as UTF-16
    const label = record(RECORD.LABEL, [...cell(1, 3), ...unicodeString(long)].slice(0, 8223));
    const rest = [...unicodeString(long)].slice(8223 - 6); // split between two characters, as writers split
    const records = [
      ...[HEADER, ['1', '改造老旧小区15个', '区住建局']].flatMap((r, row) =>
        r.map((text, col) => record(RECORD.LABEL, [...cell(row, col), ...unicodeString(text)])),
      ),
      label,
      record(RECORD.CONTINUE, [1, ...rest]),
    ];
    const table = await tasksOf(xls(workbookStream({ sheets: [{ name: '进展', records }] })));
    expect(table.tasks[0].progress).toBe(long);
  });

  it('lists the worksheets only, in tab order, with the hidden ones marked', () => {
    const sheet = (name: string, hidden = false) => ({ name, hidden, records: [] as Uint8Array[] });
    const opened = openXls(xls(workbookStream({ sheets: [sheet('说明'), sheet('旧表', true), sheet('三季度')] })));
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.workbook.sheets).toEqual([
      { name: '说明', hidden: false },
      { name: '旧表', hidden: true },
      { name: '三季度', hidden: false },
    ]);
  });
});

describe('an .xls that cannot be read', () => {
  const refusal = async (bytes: Uint8Array) => {
    const r = await parseTable(bytes);
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.message).not.toContain('\n');
    return r.error;
  };

  it('a password-protected workbook (FILEPASS) is refused as encrypted', async () => {
    const stream = workbookStream({
      sheets: [{ name: '进展', records: [] }],
      extraGlobals: [record(RECORD.FILEPASS, [...u16(1), ...new Array(52).fill(0)])],
    });
    const error = await refusal(xls(stream));
    expect(error.code).toBe('encrypted');
    expect(error.message).toMatch(/password/);
  });

  it('an Excel 5.0/95 workbook is refused with what to do', async () => {
    const biff5 = concat([record(RECORD.BOF, [...u16(0x0500), ...u16(5), 0, 0, 0, 0]), record(RECORD.EOF, [])]);
    expect((await refusal(compoundFile({ Book: biff5 }))).message).toMatch(/Excel 5\.0\/95.*\.xlsx/);
    expect((await refusal(compoundFile({ Workbook: biff5 }))).code).toBe('unsupported_format');
  });

  it('a truncated file, a sector chain that loops, a record cut short: a clear error, never a throw', async () => {
    const good = xls(stringsSheet([HEADER, ['1', '改造老旧小区15个', '区住建局', '已开工9个']]));
    expect((await tasksOf(good)).tasks).toHaveLength(1);
    expect((await refusal(good.subarray(0, 700))).code).toBe('bad_input');
    const looping = good.slice();
    // the stream's first sector (2) points back at itself in the FAT
    new DataView(looping.buffer).setUint32(512 + 2 * 4, 2, true);
    expect((await refusal(looping)).message).toMatch(/chain/);
    const cut = stringsSheet([HEADER]);
    expect((await refusal(xls(cut.subarray(0, cut.length - 9)))).code).toMatch(/bad_input|no_header/);
    expect((await refusal(concat([compoundFile({}).subarray(0, 512)]))).code).toBe('bad_input');
  });

  it('a sheet offset that points outside the stream, or a bogus string count, stays an error value', () => {
    const stream = stringsSheet([HEADER]);
    const bad = stream.slice();
    // BOUNDSHEET's offset is its first four bytes; point it past the end
    const at = Buffer.from(bad).indexOf(Buffer.from([0x85, 0x00]));
    new DataView(bad.buffer).setUint32(at + 4, 0x7fffffff, true);
    const opened = openXls(xls(bad));
    if (!opened.ok) throw new Error(opened.message);
    const rows = opened.workbook.rows('进展');
    expect(rows.ok).toBe(false);
    const claims = workbookStream({ sheets: [], sst: [sst(1, 4_000_000_000, unicodeString('只有一个'))] });
    expect(openXls(xls(claims)).ok).toBe(true);
  });
});
