// 领导专报: one Word document per leader for a period. Their tasks grouped by status, behind
// first with the reasons; what changed since the previous period (status moves, new figures);
// a chart of their status mix (ECharts SVG with a PNG fallback).
import { AlignmentType, Document, ImageRun, Packer, Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import { STATUS_LABEL_ZH, type Status } from '../domain/index.js';
import { CHART_STATUSES, renderStatusChart, type StatusCounts } from './chart.js';
import { diffStatuses } from './diff.js';
import {
  a4Page,
  a4TextWidth,
  bodyParagraph,
  cell,
  documentStyles,
  fontPair,
  heading,
  textParagraphs,
  title,
  TABLE_BORDERS,
  TABLE_MARGINS,
} from './docx-common.js';
import { formatFigure } from './figures.js';
import { periodPhrase, type Briefing, type BriefingTask } from './model.js';
import { LIGHT_COLOURS, TITLE_FONT, rowLight } from './style.js';

const ORDINALS = '一二三四五六七八九十';

export function statusCounts(tasks: readonly { status: Status }[]): StatusCounts {
  const counts: StatusCounts = { done: 0, on_track: 0, pending: 0, behind: 0, no_report: 0 };
  for (const t of tasks) counts[t.status]++;
  return counts;
}

/** One sentence: how many tasks the leader has, and how many in each status. */
export function summarySentence(b: Briefing): string {
  const counts = statusCounts(b.tasks);
  const parts = CHART_STATUSES.filter((s) => counts[s] > 0).map((s) => `${STATUS_LABEL_ZH[s]}${counts[s]}项`);
  return `${b.leader}同志牵头的重点工作任务共${b.tasks.length}项，${periodPhrase(b.periodLabel)}评估：${parts.join('，')}。`;
}

export async function writeBriefingDocx(b: Briefing): Promise<Uint8Array> {
  const counts = statusCounts(b.tasks);
  const chart = await renderStatusChart(counts);
  const chartRun = chart.svg
    ? new ImageRun({
        type: 'svg',
        data: new TextEncoder().encode(chart.svg),
        fallback: { type: 'png', data: chart.png },
        transformation: { width: chart.width, height: chart.height },
        altText: { name: 'status-mix', title: '任务状态分布', description: summarySentence(b) },
      })
    : new ImageRun({
        type: 'png',
        data: chart.png,
        transformation: { width: chart.width, height: chart.height },
        altText: { name: 'status-mix', title: '任务状态分布', description: summarySentence(b) },
      });

  const children: Array<Paragraph | Table> = [
    title('领导专报'),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [
        new TextRun({
          text: `${b.planTitle}${periodPhrase(b.periodLabel)}进展情况（${b.leader}同志）`,
          size: 26,
          font: fontPair(TITLE_FONT),
        }),
      ],
    }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(b.date)] }),
    heading('一、总体情况'),
    bodyParagraph(summarySentence(b)),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [chartRun] }),
    heading(`二、较上期变化${b.previousPeriodLabel ? `（与${periodPhrase(b.previousPeriodLabel)}相比）` : ''}`),
    ...changes(b),
    heading('三、分类事项'),
    ...groups(b),
  ];
  const doc = new Document({
    creator: 'duban',
    title: `领导专报 ${b.leader} ${b.periodLabel}`,
    styles: documentStyles(24),
    sections: [{ properties: a4Page(false, 1134), children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function changes(b: Briefing): Paragraph[] {
  if (!b.previousPeriodLabel) return [bodyParagraph('本期为首期，无上期可比。')];
  const known = b.tasks.filter((t) => t.previousStatus !== null);
  const moves = diffStatuses(
    known.map((t) => ({ taskId: t.taskId ?? t.seq, seq: t.seq, target: t.target, status: t.previousStatus as Status })),
    known.map((t) => ({ taskId: t.taskId ?? t.seq, seq: t.seq, target: t.target, status: t.status })),
  );
  const out: Paragraph[] = [];
  const moveLine = (m: { seq: number; target: string; from: Status | null; to: Status }) =>
    bodyParagraph(
      `第${m.seq}项 ${short(m.target)}：${m.from ? STATUS_LABEL_ZH[m.from] : '—'} → ${STATUS_LABEL_ZH[m.to]}`,
    );
  out.push(
    bodyParagraph(`状态好转${moves.up.length}项，状态后退${moves.down.length}项，保持不变${moves.same}项。`, {
      bold: true,
    }),
  );
  if (moves.down.length) out.push(bodyParagraph('状态后退：', { bold: true }), ...moves.down.map(moveLine));
  if (moves.up.length) out.push(bodyParagraph('状态好转：', { bold: true }), ...moves.up.map(moveLine));
  const fresh = b.tasks.filter((t) => t.newFigures.length > 0);
  if (fresh.length) {
    out.push(bodyParagraph('本期新报数据：', { bold: true }));
    for (const t of fresh)
      out.push(bodyParagraph(`第${t.seq}项 ${t.newFigures.map((f) => `${f.metric} ${formatFigure(f)}`).join('；')}`));
  } else out.push(bodyParagraph('本期无新报数据。'));
  return out;
}

function groups(b: Briefing): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  let n = 0;
  for (const status of CHART_STATUSES) {
    const tasks = b.tasks.filter((t) => t.status === status).sort((x, y) => x.seq - y.seq);
    if (tasks.length === 0) continue;
    out.push(
      bodyParagraph(`（${ORDINALS[n++]}）${STATUS_LABEL_ZH[status]}（${tasks.length}项）`, {
        bold: true,
        font: fontPair('楷体_GB2312'),
      }),
    );
    out.push(groupTable(tasks, status === 'behind' || status === 'no_report'));
  }
  return out;
}

/** A compact table; the behind group also shows the progress text the reason refers to. */
function groupTable(tasks: BriefingTask[], withProgress: boolean): Table {
  const page = a4TextWidth(false, 1134);
  const shares = withProgress ? [0.07, 0.3, 0.15, 0.26, 0.22] : [0.07, 0.4, 0.18, 0.35];
  const widths = shares.map((s) => Math.floor(s * page));
  const headers = withProgress
    ? ['序号', '具体目标任务', '牵头单位', '进展情况', '评估说明']
    : ['序号', '具体目标任务', '牵头单位', '评估说明'];
  const small = { size: 20 };
  const header = new TableRow({
    tableHeader: true,
    children: headers.map((h, i) =>
      cell(textParagraphs(h, { ...small, bold: true }, AlignmentType.CENTER), { width: widths[i], fill: 'F2F2F2' }),
    ),
  });
  const rows = tasks.map((t) => {
    const light = rowLight(t);
    const texts = withProgress
      ? [String(t.seq), t.target, t.units.join('、'), t.progress || '（未报送）', t.reason]
      : [String(t.seq), t.target, t.units.join('、'), t.reason];
    return new TableRow({
      children: texts.map((text, i) =>
        cell(textParagraphs(text, small, i === 0 ? AlignmentType.CENTER : undefined), {
          width: widths[i],
          fill: i === 0 && light ? LIGHT_COLOURS[light].fill : undefined,
        }),
      ),
    });
  });
  return new Table({
    borders: TABLE_BORDERS,
    margins: TABLE_MARGINS,
    rows: [header, ...rows],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
  });
}

const short = (s: string, n = 30): string => (s.length > n ? `${s.slice(0, n)}…` : s);
