// The progress table as a Word document: the same layout as the workbook, with vertical merges
// (vMerge) for runs of theme, category, leader and unit, the header row repeated on every page
// (tblHeader), A4 landscape, 仿宋_GB2312 body text.
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  VerticalMergeType,
} from 'docx';
import {
  a4Page,
  a4TextWidth,
  cell,
  documentStyles,
  fontPair,
  textParagraphs,
  title,
  TABLE_BORDERS,
  TABLE_MARGINS,
} from './docx-common.js';
import { cellText, layoutRows, type MergedColumn, type RowLayout } from './layout.js';
import type { ProgressRow, ProgressTable } from './model.js';
import {
  COLUMN_WIDTHS,
  HEADER_LEADERS,
  HEADER_PROGRESS,
  HEADER_SEQ,
  HEADER_STATUS,
  HEADER_TARGET,
  HEADER_TASK,
  HEADER_UNITS,
  LIGHT_COLOURS,
  TITLE_FONT,
  rowLight,
  statusText,
} from './style.js';

type Column = keyof typeof COLUMN_WIDTHS;
const CENTRED: ReadonlySet<Column> = new Set(['seq', 'leaders', 'units', 'status']);

/** Writes the table as .docx bytes. */
export async function writeProgressDocx(table: ProgressTable): Promise<Uint8Array> {
  const columns: Column[] = ['seq', 'theme', 'category', 'target', 'leaders', 'units', 'progress'];
  if (table.withStatus) columns.push('status');
  const widths = columnWidths(columns);
  const layout = layoutRows(table.rows);

  const headerText: Record<Column, string> = {
    seq: HEADER_SEQ,
    theme: HEADER_TASK,
    category: HEADER_TASK,
    target: HEADER_TARGET,
    leaders: HEADER_LEADERS,
    units: HEADER_UNITS,
    progress: HEADER_PROGRESS,
    status: HEADER_STATUS,
  };
  const headerCells = columns
    .filter((c) => c !== 'category')
    .map((c) =>
      cell(textParagraphs(headerText[c], { bold: true, font: fontPair(TITLE_FONT) }, AlignmentType.CENTER), {
        width: c === 'theme' ? widths.theme + widths.category : widths[c],
        columnSpan: c === 'theme' ? 2 : undefined,
        fill: 'F2F2F2',
      }),
    );
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: headerCells }),
    ...table.rows.map((row, i) => dataRow(row, layout[i], columns, widths, table.withStatus)),
  ];

  const doc = new Document({
    creator: 'duban',
    title: table.title,
    styles: documentStyles(21),
    sections: [
      {
        properties: a4Page(true),
        children: [
          title(table.title),
          new Table({
            borders: TABLE_BORDERS,
            margins: TABLE_MARGINS,
            rows,
            layout: TableLayoutType.FIXED,
            width: { size: sum(columns.map((c) => widths[c])), type: WidthType.DXA },
            columnWidths: columns.map((c) => widths[c]),
          }),
          new Paragraph({ children: [new TextRun('')] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function dataRow(
  row: ProgressRow,
  l: RowLayout,
  columns: Column[],
  widths: Record<Column, number>,
  withStatus: boolean,
): TableRow {
  const cells = [];
  for (const c of columns) {
    if (c === 'category' && l.themeAcross) continue; // covered by the theme spread across both columns
    const merged = mergedColumn(c);
    const verticalMerge = merged ? mergeOf(l.span[merged]) : undefined;
    const covered = verticalMerge === VerticalMergeType.CONTINUE;
    const text = covered ? '' : textOf(row, c, l);
    const light = c === 'status' && withStatus ? rowLight(row) : null;
    cells.push(
      cell(
        textParagraphs(
          text,
          light ? { bold: true, color: LIGHT_COLOURS[light].text } : {},
          CENTRED.has(c) ? AlignmentType.CENTER : undefined,
        ),
        {
          width: c === 'theme' && l.themeAcross ? widths.theme + widths.category : widths[c],
          columnSpan: c === 'theme' && l.themeAcross ? 2 : undefined,
          verticalMerge,
          fill: light ? LIGHT_COLOURS[light].fill : undefined,
        },
      ),
    );
  }
  return new TableRow({ children: cells });
}

function mergedColumn(c: Column): MergedColumn | null {
  return c === 'theme' || c === 'category' || c === 'leaders' || c === 'units' ? c : null;
}

/** A run of one row needs no merge; the top of a longer run restarts one, the rest continue it. */
function mergeOf(span: number): (typeof VerticalMergeType)[keyof typeof VerticalMergeType] | undefined {
  if (span === 0) return VerticalMergeType.CONTINUE;
  return span > 1 ? VerticalMergeType.RESTART : undefined;
}

function textOf(row: ProgressRow, c: Column, l: RowLayout): string {
  switch (c) {
    case 'seq':
      return String(row.seq);
    case 'theme':
      return row.theme ?? '';
    case 'category':
      return l.themeAcross ? '' : (row.category ?? '');
    case 'leaders':
    case 'units':
      return cellText(row, c);
    case 'status':
      return statusText(row.status);
    default:
      return row[c];
  }
}

/** Twips per column, in the proportions of the workbook's widths, filling the landscape page. */
function columnWidths(columns: Column[]): Record<Column, number> {
  const total = sum(columns.map((c) => COLUMN_WIDTHS[c]));
  const page = a4TextWidth(true);
  const out = {} as Record<Column, number>;
  for (const c of Object.keys(COLUMN_WIDTHS) as Column[]) out[c] = Math.floor((COLUMN_WIDTHS[c] / total) * page);
  return out;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
