// Small valid .xlsx and .docx progress tables, made in the test with the same libraries a district
// office's software would use, so that the fuzzers start from real files and then break them.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { crc32 } from 'node:zlib';
import { storedEntry, type ZipEntry } from './zip.js';

export const HEADER = ['序号', '重点工作任务', '具体目标任务', '牵头区领导', '牵头单位', '进展情况'];

/** A handful of realistic rows: (seq, theme, target, leader, unit, progress). */
export const SAMPLE_ROWS: string[][] = [
  ['1', '主要经济指标', '地区生产总值增长力争6%（确保5.5%）', '陶峰', '区发展改革局', '三季度地区生产总值增长4%。'],
  ['2', '', '固定资产投资增长10%（确保7%）', '', '', '1-11月，全区固定资产投资增长33.2%。'],
  ['3', '社会民生', '新增学位3000个', '李明', '区教育局', '已新增学位2650个，两所学校年底前交付。'],
  ['4', '', '完成老旧小区改造20个', '王芳', '区住建局、各街道', '已开工18个，完工12个。'],
];

export const TITLE = '2024年某某区政府工作报告重点工作任务一季度进展情况表';

export async function makeXlsx(rows: string[][] = SAMPLE_ROWS, title = TITLE): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('进展情况');
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, HEADER.length);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function makeDocx(rows: string[][] = SAMPLE_ROWS, title = TITLE): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const table = new Table({ rows: [HEADER, ...rows].map((r) => new TableRow({ children: r.map(cell) })) });
  const doc = new Document({ sections: [{ children: [new Paragraph(title), table] }] });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** The entries of an honest zip, re-deflated so they can be rewritten by `writeZip` with one replaced. */
export async function zipEntries(bytes: Uint8Array): Promise<ZipEntry[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: ZipEntry[] = [];
  for (const name of Object.keys(zip.files)) {
    const f = zip.files[name];
    if (f.dir) continue;
    out.push(storedEntry(name, await f.async('uint8array')));
  }
  return out;
}

export async function zipText(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(name);
  if (!f) throw new Error(`no ${name} in zip`);
  return f.async('string');
}

export { crc32 };
