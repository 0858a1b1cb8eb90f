// Writes the Office 97-2003 fixtures of test/fixtures/parse/office97/ (run by hand; the tests
// read the files). Two producers write the .xls files, as offices' files come from more than one:
// LibreOffice (`soffice`, Debian's libreoffice-calc-nogui) saves workbooks built here with exceljs
// as Excel 97-2003, and python3-xlwt (Debian's python3-xlwt) writes one of its own. The .doc files
// are .docx documents saved as Word 97-2003 by LibreOffice (libreoffice-writer-nogui): a fixture
// table, the seed as duban exports it (run `npm run build` first), and a table with a link (a field)
// and a cell of several paragraphs. None of these programs is a dependency of the project: only
// someone changing these fixtures needs them.
//   npx tsx scripts/make-office97-fixtures.ts
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  Document,
  ExternalHyperlink,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';
import ExcelJS from 'exceljs';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'test/fixtures/parse/office97');
const work = mkdtempSync(join(tmpdir(), 'xls-'));

/**
 * A 1-9月 workbook as an office keeps it: instructions first, a hidden column, row and sheet, dates,
 * rates, numbering formulas. (LibreOffice keeps exceljs's cached numbers, but not its cached strings:
 * a formula's string result is tested with a stream written record by record, test/parse/helpers/biff.ts.)
 */
async function officeWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('填报说明');
  notes.addRow(['填报说明']);
  notes.addRow(['1. 进展情况请写明截至月底的实际完成数值。']);
  notes.addRow(['2. 完成率按年度目标计算，保留整数。']);
  const ws = wb.addWorksheet('1-9月');
  ws.addRow(['2024年东湖区政府工作报告重点任务1-9月推进情况表']);
  ws.mergeCells('A1:I1');
  ws.addRow([
    '序号',
    '内部编号',
    '重点任务',
    '目标任务',
    '责任领导',
    '责任单位',
    '完成时限',
    '1-9月进展情况',
    '完成率',
  ]);
  ws.addRow(['一、推动经济高质量发展']);
  ws.mergeCells('A3:I3');
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const rows = [
    [
      { formula: 'ROW()-3', result: 1 },
      'DH-01',
      '扩大有效投资',
      '固定资产投资增长6%',
      '陈立群',
      '区发改局',
      day('2024-12-31'),
      '1-9月，全区固定资产投资同比增长4.2%。',
      0.7,
    ],
    [
      { formula: 'ROW()-3', result: 2 },
      'DH-02',
      '扩大有效投资',
      '出让工业用地500亩',
      null,
      '区自然资源分局',
      day('2024-10-31'),
      '已出让工业用地320亩，其余地块正在挂牌。',
      0.64,
    ],
  ];
  for (const r of rows) ws.addRow(r);
  ws.mergeCells('E4:E5');
  ws.addRow(['二、增进民生福祉']);
  ws.mergeCells('A6:I6');
  ws.addRow([
    3,
    'DH-03',
    '稳定扩大就业',
    '城镇新增就业8000人',
    '刘芳',
    '区人社局',
    day('2024-12-31'),
    '1-9月城镇新增就业6210人。',
    0.7763,
  ]);
  ws.addRow([
    4,
    'DH-04',
    '稳定扩大就业',
    '开展职业技能培训1.5万人次',
    '刘芳',
    '区人社局',
    day('2024-12-31'),
    '已培训9800人次。',
    0.65,
  ]);
  ws.getRow(8).hidden = true;
  ws.getColumn(2).hidden = true;
  ws.getColumn(7).numFmt = 'yyyy-mm-dd';
  for (const r of [4, 5, 8]) ws.getCell(`I${r}`).numFmt = '0%';
  ws.getCell('I7').numFmt = '0.00%';
  const old = wb.addWorksheet('旧表', { state: 'hidden' });
  old.addRow(['序号', '目标任务', '责任单位', '进展情况']);
  old.addRow([1, '旧任务', '区发改局', '已完成']);
  const path = join(work, 'donghu-2024-q3.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

/** The seed table as LibreOffice saves its text: 136 long tasks, a string table over many CONTINUE records. */
function seedAsCsv(): string {
  const path = join(work, 'qiantang-2023-q4.csv');
  copyFileSync(resolve(root, 'test/fixtures/qiantang-2023-q4.txt'), path);
  return path;
}

function saveAs(target: 'xls:MS Excel 97' | 'doc:MS Word 97', path: string, filter?: string): void {
  execFileSync('soffice', [
    '--headless',
    ...(filter ? [`--infilter=${filter}`] : []),
    '--convert-to',
    target,
    '--outdir',
    out,
    path,
  ]);
}

/** The seed as `duban export` writes it (.docx), from a database of its own. */
function seedExportDocx(): string {
  const db = join(work, 'seed.db');
  const docx = join(work, 'qiantang-2023-q4.docx');
  const duban = (args: string[]) => execFileSync('node', [join(root, 'bin/duban.js'), ...args, '--db', db]);
  duban(['import', join(root, 'test/fixtures/qiantang-2023-q4.txt')]);
  duban(['export', '--plan', '1', '--period', '2023Q4', '-o', docx]);
  return docx;
}

/** A table whose 序号 cells and section headings are numbered by Word's lists, not typed. */
async function numberedDocx(): Promise<string> {
  const seq = (level: number) => new Paragraph({ numbering: { reference: 'seq', level } });
  const text = (t: string) => new Paragraph(t);
  const row = (cells: Paragraph[][], span?: number) =>
    new TableRow({
      children: cells.map((children, k) => new TableCell({ children, columnSpan: k === 0 ? span : undefined })),
    });
  const heading = (name: string) =>
    row([[new Paragraph({ numbering: { reference: 'section', level: 0 }, children: [new TextRun(name)] })]], 4);
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'seq', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1', start: 1 }] },
        { reference: 'section', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', start: 1 }] },
      ],
    },
    sections: [
      {
        children: [
          text('北塘区2024年政府工作报告重点任务1-6月进展'),
          new Table({
            rows: [
              row([[text('序号')], [text('重点任务')], [text('责任单位')], [text('进展情况')]]),
              heading('扩大有效投资'),
              row([[seq(0)], [text('新开工重大项目20个')], [text('区发改局')], [text('已开工12个。')]]),
              row([[seq(0)], [text('完成工业投资80亿元')], [text('区经信局')], [text('完成工业投资41.2亿元。')]]),
              heading('办好民生实事'),
              row([[seq(0)], [text('新增公办幼儿园学位1200个')], [text('区教育局')], [text('两所幼儿园主体完工。')]]),
            ],
          }),
        ],
      },
    ],
  });
  const path = join(work, 'beitang-2024-h1.docx');
  writeFileSync(path, await Packer.toBuffer(doc));
  return path;
}

/** A Word table as a township keeps it: a leader merged down, a report of two paragraphs, a link. */
async function linkedDocx(): Promise<string> {
  const cell = (children: Paragraph[], merge?: 'restart' | 'continue') =>
    new TableCell({
      children,
      verticalMerge:
        merge === 'restart' ? VerticalMergeType.RESTART : merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
    });
  const text = (t: string) => new Paragraph(t);
  const row = (cells: TableCell[]) => new TableRow({ children: cells });
  const doc = new Document({
    sections: [
      {
        children: [
          text('南岭镇2024年民生实事项目三季度推进情况'),
          new Table({
            rows: [
              row(['序号', '项目名称', '分管领导', '责任单位', '推进情况'].map((h) => cell([text(h)]))),
              row([
                cell([text('1')]),
                cell([text('改造提升农贸市场2个')]),
                cell([text('黄建军')], 'restart'),
                cell([text('镇经发办')]),
                cell([
                  text('东街农贸市场已完成改造并开业。'),
                  new Paragraph({
                    children: [
                      new TextRun('西街农贸市场完成主体施工，详见'),
                      new ExternalHyperlink({
                        link: 'https://www.example.gov.cn/nanling/2024/09/market.html',
                        children: [new TextRun({ text: '镇政府网站公示', style: 'Hyperlink' })],
                      }),
                      new TextRun('。'),
                    ],
                  }),
                ]),
              ]),
              row([
                cell([text('2')]),
                cell([text('新建村级养老服务站3个')]),
                cell([], 'continue'),
                cell([text('镇社会事务办')]),
                cell([text('已建成2个，1个正在装修。')]),
              ]),
            ],
          }),
        ],
      },
    ],
  });
  const path = join(work, 'nanling-2024-q3.docx');
  writeFileSync(path, await Packer.toBuffer(doc));
  return path;
}

/** xlwt's own file: a unit merged down, a hidden row, dates, rates, a target mixing ASCII and Chinese. */
const XLWT = String.raw`
import sys, datetime, xlwt
wb = xlwt.Workbook(encoding='utf-8')
ws = wb.add_sheet('民生实事')
date = xlwt.easyxf(num_format_str='YYYY-MM-DD')
rate = xlwt.easyxf(num_format_str='0.0%')
ws.write_merge(0, 0, 0, 5, '2023年西河县十件民生实事1-6月进展')
for c, h in enumerate(['序号', '实事项目', '牵头单位', '完成时限', '进展情况', '完成率']):
    ws.write(1, c, h)
rows = [
    (1, '新建城市书房5个', '县文广旅局', datetime.date(2023, 12, 31), '已建成城市书房3个，2个正在装修。', 0.6),
    (2, '改造老旧小区12个', None, datetime.date(2023, 11, 30), '已开工改造老旧小区8个。', 0.45),
    (3, '新增公共停车泊位800个', None, datetime.date(2023, 12, 31), '新增公共停车泊位420个。', 0.525),
    (4, 'Wi-Fi覆盖公园10个', '县大数据中心', datetime.date(2023, 12, 31), '已覆盖6个公园。', 0.6),
]
for r, (seq, item, unit, due, progress, done) in enumerate(rows, start=2):
    ws.write(r, 0, seq)
    ws.write(r, 1, item)
    if unit:
        ws.write(r, 2, unit)
    ws.write(r, 3, due, date)
    ws.write(r, 4, progress)
    ws.write(r, 5, done, rate)
ws.write_merge(3, 4, 2, 2, '县住建局')
ws.row(5).hidden = True
wb.save(sys.argv[1])
`;

saveAs('xls:MS Excel 97', await officeWorkbook());
// a workbook of the parse fixtures, merged cells over two sheets, saved again as .xls
saveAs('xls:MS Excel 97', resolve(root, 'test/fixtures/parse/chengnan-2024-h1.xlsx'));
saveAs('xls:MS Excel 97', seedAsCsv(), 'CSV:9,34,76,1');
saveAs('doc:MS Word 97', resolve(root, 'test/fixtures/parse/shiqiao-2023.docx'));
saveAs('doc:MS Word 97', seedExportDocx());
saveAs('doc:MS Word 97', await linkedDocx());
saveAs('doc:MS Word 97', await numberedDocx());
writeFileSync(join(work, 'write_xls.py'), XLWT);
execFileSync('/usr/bin/python3', [join(work, 'write_xls.py'), join(out, 'xihe-2023-h1-xlwt.xls')]);
console.log(`wrote the Office 97-2003 fixtures to ${out}`);
