// .xlsx → rows of cells, read straight from the workbook's XML parts (a full spreadsheet
// model would spend seconds on a 10,000-task sheet building styles and objects we never use).
// Merged cells are laid out as sheet-grid.ts says.
//
// Cell values read as Excel stores them: shared strings (rich text runs joined), inline
// strings, numbers, booleans, formulas by their cached result, errors as blanks, and numbers
// in a date format as ISO days (`2024-06-30`), the same text the exceljs-based reader gave.
import type { OfficeZip } from './office-zip.js';
import type { Row } from './rows.js';
import {
  layOutSheet,
  noSuchSheet,
  SheetCells,
  type SheetFailure,
  type SheetRows,
  type SheetTab,
} from './sheet-grid.js';
import { attribute, attributes, cellAddress, stringItemText, xmlText } from './xlsx-xml.js';
import { shownNumber, shownOf, type Shown } from './number-formats.js';
import { MAX_RANGE_CELLS, movedFormula, numberingValue, type RangeBudget } from './xlsx-formulas.js';

/** Thrown inside this module only; `xlsxToRows` answers it as a value. */
class UnreadableWorkbook extends Error {
  constructor(
    message: string,
    readonly code: 'bad_input' | 'too_large' = 'bad_input',
  ) {
    super(message);
  }
}

/** One part's text, inflated within the zip's budget; null for a missing optional part. */
function partText(zip: OfficeZip, path: string, required: boolean): string | null {
  const r = zip.readText(path);
  if (!r.ok) throw new UnreadableWorkbook(r.message, r.code);
  if (r.text === null && required) throw new UnreadableWorkbook(`missing part ${path}`);
  return r.text === null ? null : withoutElementPrefixes(r.text);
}

/** The first element's name, past the XML declaration and comments. */
const ROOT_ELEMENT = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*<([\w.-]+:)?[\w.-]+/;
const PREFIXED_TAG = /<(\/?)[A-Za-z_][\w.-]*:(?=[A-Za-z_])/g;

/**
 * The part with its element names unprefixed. Excel writes the spreadsheet namespace as the
 * default one (`<worksheet>`); other producers (the .NET Open XML SDK) bind it to a prefix
 * (`<x:worksheet>`, `<x:c>`). Only a part whose root element is prefixed is rewritten, so Excel's
 * own parts are read as they are. Attributes keep their prefixes (`r:id`).
 */
export function withoutElementPrefixes(xml: string): string {
  const root = ROOT_ELEMENT.exec(xml.slice(0, 4096));
  return root?.[1] ? xml.replace(PREFIXED_TAG, '<$1') : xml;
}

interface SheetEntry {
  name: string;
  path: string;
  /** Hidden from the tabs (`state="hidden"` or `veryHidden`): workbooks keep lookups and old copies so. */
  hidden: boolean;
}

/** The workbook's worksheets in tab order, with the part holding each, and its date system. */
function readWorkbook(zip: OfficeZip): { sheets: SheetEntry[]; date1904: boolean } {
  const workbook = partText(zip, 'xl/workbook.xml', true)!;
  const rels = partText(zip, 'xl/_rels/workbook.xml.rels', false) ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    if (a.Id && a.Target) targets.set(a.Id, a.Target);
  }
  const sheets: SheetEntry[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    const relId = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
    const target = relId === undefined ? undefined : targets.get(relId);
    // Chart sheets and other non-worksheet tabs hold no cells.
    if (target === undefined || !/worksheets\//.test(target)) continue;
    const path = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    // Sheet names come out decoded twice, as the exceljs reader gave them.
    sheets.push({
      name: xmlText(a.name ?? '').replace(/&(lt|gt|amp|apos|quot);/g, (e) => xmlText(e)),
      path,
      hidden: a.state === 'hidden' || a.state === 'veryHidden',
    });
  }
  const props = /<workbookPr\b([^>]*?)\/?>/.exec(workbook);
  return { sheets, date1904: props ? attribute(props[1], 'date1904') === '1' : false };
}

/** The shared string table: every `<si>` item's text, in order. */
function readSharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) out.push(m[1] ? stringItemText(m[1], true) : '');
  return out;
}

/** Per cell style index (`s`): how its number format shows a number (a completion rate stored as
 * 0.8125 under `0.00%` shows 81.25%, which is what the person typed and sees). */
function readCellStyles(xml: string | null): Shown[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const out: Shown[] = [];
  for (const m of cellXfs.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = Number(attribute(m[1], 'numFmtId') ?? 0);
    out.push(shownOf(id, custom.get(id)));
  }
  return out;
}

interface Context {
  shared: string[];
  styles: Shown[];
  date1904: boolean;
}

/** The text a cell shows, from its start tag's inside and its content. */
function cellText(tag: string, inner: string, ctx: Context): string {
  const type = attribute(tag, 't');
  const style = Number(attribute(tag, 's') ?? 0);
  const shown = style > 0 ? (ctx.styles[style] ?? null) : null;
  const v = /<v(?:\s[^>]*)?>([^<]*)<\/v>/.exec(inner);
  const value = v ? xmlText(v[1]) : undefined;
  const formula = /<f\b([^>]*?)(?:\/>|>([^<]*)<\/f>)/.exec(inner);
  if (formula && (formula[2] || attribute(formula[1], 't') !== undefined)) {
    // A formula shows its cached result; an error or a missing result shows nothing.
    if (!value || type === 'e') return '';
    if (type === 'str') return decodeNamed(value);
    if (type === 'b') return String(parseInt(value, 10) !== 0);
    return shownNumber(parseFloat(value), shown, ctx.date1904);
  }
  if (type === 'inlineStr') {
    const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
    return is ? stringItemText(is[1], false) : '';
  }
  if (value === undefined) return '';
  switch (type) {
    case 's':
      return ctx.shared[parseInt(value, 10)] ?? '';
    case 'str':
      return decodeNamed(value);
    case 'b':
      return String(parseInt(value, 10) !== 0);
    case 'e':
      return '';
    default:
      return shownNumber(parseFloat(value), shown, ctx.date1904);
  }
}

/** Formula strings were decoded once more by the exceljs reader; keep their text the same. */
function decodeNamed(text: string): string {
  return text.replace(/&(lt|gt|amp|apos|quot);/g, (e) => xmlText(e));
}

/** What a sheet's numbering formulas carry from cell to cell. */
interface SheetFormulas {
  /** A shared formula's first cell, by its `si`, for the cells that refer to it. */
  shared: Map<string, { formula: string; at: { row: number; col: number } }>;
  budget: RangeBudget;
}

/**
 * A numbering formula's result where the workbook keeps none (see xlsx-formulas.ts), as text; ''
 * for any other formula. A shared formula's first cell is remembered for the cells that refer to it.
 */
function computedNumber(
  inner: string,
  at: { row: number; col: number },
  grid: string[][],
  state: SheetFormulas,
): string {
  const f = /<f\b([^>]*?)(?:\/>|>([^<]*)<\/f>)/.exec(inner);
  if (!f || /<v(?:\s[^>]*)?>[^<]/.test(inner)) return '';
  const si = attribute(f[1], 'si');
  let formula = f[2] ? xmlText(f[2]) : '';
  if (si !== undefined && formula) state.shared.set(si, { formula, at });
  else if (si !== undefined && !formula) {
    const first = state.shared.get(si);
    if (first) formula = movedFormula(first.formula, first.at, at);
  }
  if (!formula) return '';
  const value = numberingValue(formula, at, (r, c) => grid[r]?.[c], state.budget);
  return value === null ? '' : String(value);
}

/** Whether an element's attributes say it is hidden (`hidden="1"`, `hidden="true"`). */
const isHidden = (attrs: string): boolean => {
  const v = attribute(attrs, 'hidden');
  return v === '1' || v === 'true';
};

/** The 0-based columns a sheet hides (`<col min="5" max="5" hidden="1"/>`), up to `width`. */
function hiddenColumnsOf(xml: string, width: number): number[] {
  const out: number[] = [];
  for (const m of xml.matchAll(/<col\b([^>]*?)\/?>/g)) {
    if (!isHidden(m[1])) continue;
    const min = Number(attribute(m[1], 'min'));
    const max = Math.min(Number(attribute(m[1], 'max')), width);
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1) continue;
    for (let c = min; c <= max; c++) out.push(c - 1);
  }
  return out;
}

function sheetRows(xml: string, ctx: Context, sheetName: string): { rows: Row[]; hiddenColumns: number[] } {
  const sheet = new SheetCells();
  let row = 0;
  let col = 0;
  const ITEM = /<row\b([^>]*?)(\/?)>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)|<mergeCell\b([^>]*?)\/?>/g;
  const formulas: SheetFormulas = { shared: new Map(), budget: { cells: MAX_RANGE_CELLS } };
  for (const m of xml.matchAll(ITEM)) {
    if (m[1] !== undefined) {
      const r = Number(attribute(m[1], 'r'));
      row = Number.isInteger(r) && r > 0 ? r : row + 1;
      col = 0;
      if (isHidden(m[1])) sheet.hiddenRows.add(row);
      sheet.declare(row, 0);
    } else if (m[3] !== undefined) {
      const ref = attribute(m[3], 'r');
      const at = ref === undefined ? null : cellAddress(ref);
      if (at) {
        row = at.row;
        col = at.col;
      } else col++;
      let text = m[4] ? cellText(m[3], m[4], ctx) : '';
      if (!text && m[4]?.includes('<f')) text = computedNumber(m[4], { row, col }, sheet.grid, formulas);
      sheet.set(row, col, text);
    } else {
      const [from, to] = (attribute(m[5], 'ref') ?? '').split(':');
      const a = cellAddress(from ?? '');
      const b = cellAddress(to ?? from ?? '');
      if (!a || !b) continue;
      sheet.merge({
        top: Math.min(a.row, b.row),
        left: Math.min(a.col, b.col),
        bottom: Math.max(a.row, b.row),
        right: Math.max(a.col, b.col),
      });
    }
  }
  const laid = layOutSheet(sheet, sheetName);
  if (!laid.ok) throw new UnreadableWorkbook(laid.message, laid.code);
  return { rows: laid.rows, hiddenColumns: hiddenColumnsOf(xml, laid.width) };
}

/** The workbook's worksheets in tab order (chart sheets left out). */
export function xlsxSheets(zip: OfficeZip): { ok: true; sheets: SheetTab[] } | SheetFailure {
  try {
    return { ok: true, sheets: readWorkbook(zip).sheets.map(({ name, hidden }) => ({ name, hidden })) };
  } catch (err) {
    return unreadable(err);
  }
}

function unreadable(err: unknown): SheetFailure {
  if (err instanceof UnreadableWorkbook && err.code === 'too_large')
    return { ok: false, code: 'too_large', message: err.message };
  const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return { ok: false, code: 'bad_input', message: `the .xlsx file cannot be read (${why})` };
}

/**
 * Reads one worksheet (the first unless `sheet` names another) of an opened .xlsx zip. Fails
 * with a readable message for a workbook whose parts cannot be read or a sheet name that
 * does not exist.
 */
export function xlsxToRows(zip: OfficeZip, sheet?: string): SheetRows {
  try {
    const { sheets, date1904 } = readWorkbook(zip);
    const ws = sheet === undefined ? sheets[0] : sheets.find((s) => s.name === sheet);
    if (!ws) {
      if (sheet !== undefined) return noSuchSheet(sheet, sheets);
      return { ok: false, code: 'bad_input', message: 'the workbook has no worksheet' };
    }
    const sheetXml = partText(zip, ws.path, true)!;
    const sharedXml = partText(zip, 'xl/sharedStrings.xml', false);
    const stylesXml = partText(zip, 'xl/styles.xml', false);
    const ctx: Context = { shared: readSharedStrings(sharedXml), styles: readCellStyles(stylesXml), date1904 };
    return { ok: true, ...sheetRows(sheetXml, ctx, ws.name) };
  } catch (err) {
    return unreadable(err);
  }
}
