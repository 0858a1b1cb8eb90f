// 催办通知: a reminder to one unit listing its overdue tasks for a period (no report submitted
// by the due date), with the due date and the office's contact line.
import { AlignmentType, Document, Packer, Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import {
  a4Page,
  a4TextWidth,
  bodyParagraph,
  cell,
  documentStyles,
  textParagraphs,
  title,
  TABLE_BORDERS,
  TABLE_MARGINS,
} from './docx-common.js';
import { periodPhrase, type Notice } from './model.js';

const STATE_ZH: Record<string, string> = { draft: '草稿未提交', returned: '已退回待修改' };

/** 2024-01-05 → 2024年1月5日. */
export const chineseDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export async function writeNoticeDocx(n: Notice): Promise<Uint8Array> {
  const page = a4TextWidth(false, 1134);
  const shares = [0.08, 0.46, 0.14, 0.16, 0.16];
  const widths = shares.map((s) => Math.floor(s * page));
  const headers = ['序号', '具体目标任务', '牵头区领导', '报送截止', '当前状态'];
  const header = new TableRow({
    tableHeader: true,
    children: headers.map((h, i) =>
      cell(textParagraphs(h, { bold: true }, AlignmentType.CENTER), { width: widths[i], fill: 'F2F2F2' }),
    ),
  });
  const rows = n.tasks.map(
    (t) =>
      new TableRow({
        children: [
          String(t.seq),
          t.target,
          t.leaders.join('、'),
          chineseDate(t.dueDate),
          `${t.state ? (STATE_ZH[t.state] ?? t.state) : '未填报'}${t.reminders > 0 ? `，已催办${t.reminders}次` : ''}`,
        ].map((text, i) =>
          cell(textParagraphs(text, {}, i === 1 ? undefined : AlignmentType.CENTER), { width: widths[i] }),
        ),
      }),
  );
  const due = [...new Set(n.tasks.map((t) => t.dueDate))].sort();
  const children: Array<Paragraph | Table> = [
    title('催办通知'),
    new Paragraph({
      spacing: { before: 200, after: 120 },
      children: [new TextRun({ text: `${n.unit}：`, bold: true })],
    }),
    bodyParagraph(
      `根据${n.planTitle}${periodPhrase(n.periodLabel)}进展情况报送安排，贵单位牵头的以下${n.tasks.length}项任务截至报送期限（${due.map(chineseDate).join('、')}）尚未提交进展情况，请于收到本通知后尽快通过督办系统报送。确有困难需延期的，请说明理由并提出延期申请。`,
    ),
    new Table({
      borders: TABLE_BORDERS,
      margins: TABLE_MARGINS,
      rows: [header, ...rows],
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
    }),
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    bodyParagraph(n.contact ? `联系人及电话：${n.contact}` : '联系人：__________　　联系电话：__________'),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 480 },
      children: [new TextRun(chineseDate(n.date))],
    }),
  ];
  const doc = new Document({
    creator: 'duban',
    title: `催办通知 ${n.unit} ${n.periodLabel}`,
    styles: documentStyles(28),
    sections: [{ properties: a4Page(false, 1134), children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
