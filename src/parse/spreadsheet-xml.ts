// Excel 2003 XML spreadsheets (SpreadsheetML, `<Workbook xmlns="urn:schemas-microsoft-com:office:
// spreadsheet">`). Reporting systems and older office software export their tables so, often
// under an `.xls` name; the file is text, and was read as text without a header. Its worksheets,
// rows and cells are read here into the same shape as a workbook's (sheet-grid.ts lays them out):
// `ss:Index` skips cells and rows, `ss:MergeAcross`/`ss:MergeDown` merge, hidden rows, columns and
// sheets are marked, a number shows as its style's format shows it (a rate under `Percent` as
// 81.25%), a DateTime as its day. Rich text in a cell (`<ss:Data><B>…</B></ss:Data>`) reads as its text.
import { shownNumber, shownOf, type Shown } from './number-formats.js';
import { layOutSheet, noSuchSheet, SheetCells, type SheetRows, type SheetTab } from './sheet-grid.js';
import { attribute, xmlText } from './xlsx-xml.js';

const NAMESPACE = 'urn:schemas-microsoft-com:office:spreadsheet';

/** Whether a text is an Excel 2003 XML spreadsheet (its root names the spreadsheet namespace). */
export function looksLikeSpreadsheetXml(text: string): boolean {
  const head = text.slice(0, 8192);
  return head.includes(NAMESPACE) && /<(?:\w+:)?Workbook[\s>]/.test(head);
}

/** The named number formats of SpreadsheetML, as format codes. */
const NAMED_FORMATS: Record<string, string> = {
  Percent: '0.00%',
  'Short Date': 'yyyy-mm-dd',
  'Medium Date': 'dd-mmm-yy',
  'Long Date': 'yyyy-mm-dd',
  'General Date': 'yyyy-mm-dd h:mm',
};

/** How each style (by ss:ID) shows a number. */
function readStyles(xml: string): Map<string, Shown> {
  const out = new Map<string, Shown>();
  for (const m of xml.matchAll(/<(?:\w+:)?Style\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?Style>/g)) {
    const id = attribute(m[1], 'ss:ID');
    const format = /<(?:\w+:)?NumberFormat\b([^>]*?)\/?>/.exec(m[2]);
    const code = format ? attribute(format[1], 'ss:Format') : undefined;
    if (id !== undefined && code) out.set(id, shownOf(999, NAMED_FORMATS[code] ?? code));
  }
  return out;
}

const WORKSHEET = /<(?:\w+:)?Worksheet\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?Worksheet>/g;
const ITEM =
  /<(?:\w+:)?Row\b([^>]*?)(\/?)>|<(?:\w+:)?Cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?Cell>)|<(?:\w+:)?Column\b([^>]*?)\/?>|<(?:\w+:)?WorksheetOptions\b/g;
const DATA = /<(?:\w+:)?Data\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?Data>/;
const TAG = /<[^>]*>/g;

const count = (value: string | undefined): number => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 0;
};

/** A cell's text as Excel shows it. */
function cellText(tag: string, inner: string, styles: Map<string, Shown>): string {
  const data = DATA.exec(inner);
  if (!data) return '';
  const type = attribute(data[1], 'ss:Type');
  const text = xmlText(data[2].replace(TAG, ''));
  if (type === 'Number') {
    const n = Number(text);
    return Number.isFinite(n) ? shownNumber(n, styles.get(attribute(tag, 'ss:StyleID') ?? '') ?? null, false) : text;
  }
  if (type === 'DateTime') return /^\d{4}-\d\d-\d\d/.test(text) ? text.slice(0, 10) : text;
  if (type === 'Boolean') return String(text.trim() === '1');
  if (type === 'Error') return '';
  return text;
}

interface ParsedSheet {
  name: string;
  hidden: boolean;
  body: string;
}

/** An Excel 2003 XML spreadsheet: its worksheets, and one sheet's rows. */
export class XmlWorkbook {
  private readonly parsed: ParsedSheet[];
  private readonly styles: Map<string, Shown>;

  constructor(xml: string) {
    this.styles = readStyles(xml);
    this.parsed = [...xml.matchAll(WORKSHEET)].map((m) => ({
      name: attribute(m[1], 'ss:Name') ?? '',
      // the sheet's options follow its table: `<Visible>SheetHidden</Visible>` hides its tab
      hidden: /<(?:\w+:)?Visible>\s*Sheet(Very)?Hidden\s*</.test(m[2]),
      body: m[2],
    }));
  }

  get sheets(): SheetTab[] {
    return this.parsed.map(({ name, hidden }) => ({ name, hidden }));
  }

  rows(name: string): SheetRows {
    const sheet = this.parsed.find((s) => s.name === name);
    if (!sheet) return noSuchSheet(name, this.parsed);
    const cells = new SheetCells();
    const hiddenColumns: number[] = [];
    let row = 0;
    let col = 0;
    let column = 0;
    for (const m of sheet.body.matchAll(ITEM)) {
      if (m[1] !== undefined) {
        row = count(attribute(m[1], 'ss:Index')) || row + 1;
        col = 0;
        if (attribute(m[1], 'ss:Hidden') === '1') cells.hiddenRows.add(row);
        cells.declare(row, 0);
      } else if (m[3] !== undefined) {
        col = count(attribute(m[3], 'ss:Index')) || col + 1;
        cells.set(row, col, m[4] ? cellText(m[3], m[4], this.styles) : '');
        const across = count(attribute(m[3], 'ss:MergeAcross'));
        const down = count(attribute(m[3], 'ss:MergeDown'));
        if (across || down) cells.merge({ top: row, left: col, bottom: row + down, right: col + across });
        // a merged cell takes the columns it covers: the next cell stands after them
        col += across;
      } else if (m[5] !== undefined) {
        column = count(attribute(m[5], 'ss:Index')) || column + 1;
        const span = count(attribute(m[5], 'ss:Span'));
        if (attribute(m[5], 'ss:Hidden') === '1')
          for (let c = column; c <= Math.min(column + span, column + 1000); c++) hiddenColumns.push(c - 1);
        column += span;
      } else break; // WorksheetOptions: the table is over
      if (cells.overflow) break;
    }
    const laid = layOutSheet(cells, name);
    if (!laid.ok) return laid;
    return { ok: true, rows: laid.rows, hiddenColumns: hiddenColumns.filter((c) => c < laid.width) };
  }
}
