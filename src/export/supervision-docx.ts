// 督办单 as an official document in the 公文 layout (GB/T 9704-2012): A4 with the standard margins
// (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), the issuing office's red masthead, the
// number 督办〔YEAR〕第N号 above a red rule, a 小标宋-style title, 仿宋 三号 body, the tasks as a
// table, the deadline and the feedback required, the date under the office's name. The urgency
// level is printed in its colour in the top corner (提示 blue, 督办 orange, 重点督办 red).
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import { LEVEL_COLOR, LEVEL_LABEL, type Level } from '../store/supervision-ladder.js';
import {
  TABLE_BORDERS,
  TABLE_MARGINS,
  bodyParagraph,
  cell,
  documentStyles,
  fontPair,
  textParagraphs,
} from './docx-common.js';
import { chineseDate } from './notice-docx.js';
import { TITLE_FONT } from './style.js';

export interface SupervisionDoc {
  /** 发文机关, e.g. 钱塘区人民政府督查室. */
  office: string;
  number: string;
  level: Level;
  title: string;
  unit: string;
  body: string;
  feedbackRequired: string;
  deadline: string;
  tasks: { seq: number; target: string; leaders: string[] }[];
  /** YYYY-MM-DD the notice was issued. */
  date: string;
  escalations: number;
}

const MM = 56.7; // twips per millimetre
const MARGINS = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
};
const PAGE_WIDTH = 11906;
const TEXT_WIDTH = PAGE_WIDTH - MARGINS.left - MARGINS.right;
const RED = 'C00000';
const LEVEL_HEX: Record<'blue' | 'orange' | 'red', string> = { blue: '1F4E9A', orange: 'E36C09', red: RED };
const SIZE_BODY = 32; // 三号
const SIZE_TITLE = 44; // 二号

export async function writeSupervisionDocx(d: SupervisionDoc): Promise<Uint8Array> {
  const levelHex = LEVEL_HEX[LEVEL_COLOR[d.level]];
  const widths = [0.1, 0.66, 0.24].map((s) => Math.floor(s * TEXT_WIDTH));
  const header = new TableRow({
    tableHeader: true,
    children: ['序号', '具体目标任务', '牵头领导'].map((h, i) =>
      cell(textParagraphs(h, { bold: true, size: 28 }, AlignmentType.CENTER), { width: widths[i], fill: 'F2F2F2' }),
    ),
  });
  const rows = d.tasks.map(
    (t) =>
      new TableRow({
        children: [String(t.seq), t.target, t.leaders.join('、')].map((text, i) =>
          cell(textParagraphs(text, { size: 28 }, i === 1 ? undefined : AlignmentType.CENTER), { width: widths[i] }),
        ),
      }),
  );
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      alignment: AlignmentType.LEFT,
      children: [
        new TextRun({
          text: `${LEVEL_LABEL[d.level]}${d.escalations > 0 ? `（第${d.escalations}次提级）` : ''}`,
          bold: true,
          color: levelHex,
          font: fontPair('黑体'),
          size: SIZE_BODY,
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
      children: [new TextRun({ text: d.office, bold: true, color: RED, size: 60, font: fontPair(TITLE_FONT) })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 6 } },
      spacing: { after: 480 },
      children: [new TextRun({ text: d.number, size: SIZE_BODY })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [new TextRun({ text: d.title, bold: true, size: SIZE_TITLE, font: fontPair(TITLE_FONT) })],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: `${d.unit}：`, size: SIZE_BODY })] }),
    bodyParagraph(d.body, { size: SIZE_BODY }),
    new Table({
      borders: TABLE_BORDERS,
      margins: TABLE_MARGINS,
      rows: [header, ...rows],
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
    }),
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    bodyParagraph(`办理期限：请于${chineseDate(d.deadline)}前将办结情况书面反馈。`, { size: SIZE_BODY }),
    bodyParagraph(`反馈要求：${d.feedbackRequired}`, { size: SIZE_BODY }),
    bodyParagraph('逾期未反馈的，将提级督办并报分管领导。', { size: SIZE_BODY }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 720 },
      indent: { right: 1280 },
      children: [new TextRun({ text: d.office, size: SIZE_BODY })],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: 1280 },
      children: [new TextRun({ text: chineseDate(d.date), size: SIZE_BODY })],
    }),
  ];
  const doc = new Document({
    creator: 'duban',
    title: `${d.number} ${d.title}`,
    styles: documentStyles(SIZE_BODY),
    sections: [
      {
        properties: { page: { size: { width: PAGE_WIDTH, height: 16838 }, margin: MARGINS } },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
