// The entry: bytes of any supported file (text/TSV/CSV, a saved web page or .mht, .xlsx, .xls, an
// Excel 2003 XML spreadsheet, .docx, .doc) → a ParsedTable, or a domain error saying in one line
// why the file cannot be read. One converter per format, one normaliser for all.
import { fail, ok, type ParsedTable, type Result } from '../domain/index.js';
import { readColumnsSpec } from './columns-option.js';
import { detect } from './detect.js';
import { docxToRows } from './docx-rows.js';
import { htmlToRows, looksLikeHtml } from './html-rows.js';
import { looksLikeMimePage, pageOfMime } from './mime-html.js';
import { DEFAULT_MAX_INFLATED_BYTES } from './limits.js';
import { normaliseRows } from './normalise.js';
import { openZip } from './office-zip.js';
import { textToRows } from './text-rows.js';
import { periodFromFileName } from './title-period.js';
import { listedWorkbook, readWorkbookTable, xlsxWorkbook, type SheetResult } from './sheet-choice.js';
import { looksLikeSpreadsheetXml, XmlWorkbook } from './spreadsheet-xml.js';
import { xlsOf } from './xls-rows.js';
import { openCompoundFile } from './cfb.js';
import { docToRows } from './doc-rows.js';

export interface ParseOptions {
  /** Used only in messages; the format is recognised by content. */
  fileName?: string;
  /** Worksheet of an .xlsx or .xls to read (default: the first visible one with tasks, see sheet-choice.ts). */
  sheet?: string;
  /** Largest file accepted, in bytes (default 50 MB). */
  maxBytes?: number;
  /**
   * Most bytes the parts read from an .xlsx/.docx may unpack to, together (default 200 MB): a
   * zip of a megabyte can unpack to gigabytes.
   */
  maxInflatedBytes?: number;
  /**
   * The person's reading of the columns, overriding the guessed roles: by position
   * (`序号,目标,单位,进展`) or by header name (`项目名称=目标,落实情况=进展`). See columns-option.ts.
   */
  columns?: string;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;

/**
 * Reads a progress table from text/TSV/CSV, a web page, .xlsx, .xls, .docx or .doc bytes.
 * @example const r = await parseTable(bytes); if (r.ok) console.log(r.value.tasks.length);
 */
export async function parseTable(bytes: Uint8Array, options: ParseOptions = {}): Promise<Result<ParsedTable>> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    return fail('too_large', `the file is ${mb(bytes.length)}, over the limit of ${mb(maxBytes)}`);
  }
  const spec = options.columns?.trim() ? readColumnsSpec(options.columns) : null;
  if (spec && !spec.ok) return fail('bad_input', spec.message);
  const what = detect(bytes);
  if (what.kind === 'error') return fail(what.code, what.message);

  const columns = spec?.ok ? spec.spec : undefined;
  let result: SheetResult;
  // a saved web page, or one saved as a single file (.mht: the page inside a MIME message)
  const page =
    what.kind !== 'text'
      ? null
      : looksLikeMimePage(what.text)
        ? pageOfMime(what.text)
        : looksLikeHtml(what.text)
          ? what.text
          : null;
  if (what.kind === 'text' && looksLikeSpreadsheetXml(what.text)) {
    // an Excel 2003 XML spreadsheet, as reporting systems export one (often named .xls)
    result = readWorkbookTable(listedWorkbook('xml', new XmlWorkbook(what.text)), options.sheet, columns);
  } else if (page !== null) {
    const r = htmlToRows(page);
    if (!r.ok) return fail(r.code, r.message);
    result = normaliseRows({ format: 'html', rows: r.rows }, { columns });
  } else if (what.kind === 'compound') {
    // Office 97-2003: an .xls workbook or a .doc document
    const opened = openCompoundFile(bytes);
    if (!opened.ok) return fail('bad_input', `the Office 97-2003 file cannot be read (${opened.message})`);
    const { file } = opened;
    if (file.names.includes('WordDocument') && !file.names.includes('Workbook')) {
      const r = docToRows(file);
      if (!r.ok) return fail(r.code, r.message);
      result = normaliseRows({ format: 'doc', rows: r.rows }, { columns });
    } else {
      const xls = xlsOf(file);
      if (!xls.ok) return fail(xls.code, xls.message);
      result = readWorkbookTable(listedWorkbook('xls', xls.workbook), options.sheet, columns);
    }
  } else if (what.kind === 'text') {
    const r = textToRows(what.text);
    if (!r.ok) return fail(r.code, r.message);
    result = normaliseRows({ format: 'text', rows: r.rows, cellLines: r.cellLines }, { columns });
  } else {
    const opened = openZip(bytes, options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES);
    if (!opened.ok) return fail(opened.code, opened.message);
    const zip = opened.zip;
    if (zip.has('xl/workbook.xml')) {
      // the sheet named, or the first with tasks (sheet-choice.ts)
      result = readWorkbookTable(xlsxWorkbook(zip), options.sheet, columns);
    } else if (zip.has('word/document.xml')) {
      const r = docxToRows(zip);
      if (!r.ok) return fail(r.code, r.message);
      result = normaliseRows({ format: 'docx', rows: r.rows }, { columns });
    } else {
      return fail('unsupported_format', 'the zip file is neither an .xlsx workbook nor a .docx document');
    }
  }
  if (!result.ok) return fail(result.code, result.message);
  if (result.table.tasks.length === 0)
    return fail('no_header', 'the table has a header but no numbered tasks under it');
  return ok(options.fileName ? withPeriodOfFileName(result.table, options.fileName) : result.table);
}

/**
 * A table whose title and headers name no period, or only the year, takes the one its file's name
 * gives, with a warning saying so (the import still lets the person choose).
 */
function withPeriodOfFileName(table: ParsedTable, fileName: string): ParsedTable {
  if (table.period && !/^\d{4}$/.test(table.period)) return table;
  const period = periodFromFileName(fileName, table.title, table.period);
  if (!period) return table;
  const warnings = table.warnings.filter((w) => w.code !== 'no_period');
  warnings.push({ code: 'period_from_file_name', message: `标题中未写明报告期，按文件名取为 ${period}` });
  return { ...table, period, warnings };
}
