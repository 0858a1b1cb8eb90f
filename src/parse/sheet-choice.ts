// Which worksheet of a workbook holds the table. Offices' workbooks often open on a sheet of
// instructions (填报说明) or a cover, keep one sheet per quarter, or hide old copies and lookup
// lists. Unless the person names a sheet, the first visible sheet that reads as a table with tasks
// is taken; every other sheet with tasks is named in a warning, so that nothing is silently
// passed over and the person can choose another (the import page offers them, `--sheet` too).
import { repeatedSeqs, repeatedSeqsMessage, type ParsedTable } from '../domain/index.js';
import type { ColumnsSpec } from './columns-option.js';
import { normaliseRows } from './normalise.js';
import type { OfficeZip } from './office-zip.js';
import { noSuchSheet, type SheetFailure, type SheetRows, type SheetTab } from './sheet-grid.js';
import { xlsxSheets, xlsxToRows } from './xlsx-rows.js';

/** More sheets than this are not all read: a workbook of tables has a few (one per quarter or month). */
export const MAX_SHEETS_READ = 24;

/**
 * The sheet name that asks for every sheet with tasks read as one table: a workbook that keeps one
 * part of the plan per sheet (`经济发展`, `民生实事`). Excel allows no `*` in a sheet's name.
 */
export const ALL_SHEETS = '*';

export type SheetResult =
  { ok: true; table: ParsedTable } | { ok: false; code: 'no_header' | 'bad_input' | 'too_large'; message: string };

/** A workbook of any format (.xlsx, .xls, Excel 2003 XML): its tabs, and one sheet's rows. */
export interface Workbook {
  format: 'xlsx' | 'xls' | 'xml';
  sheets(): { ok: true; sheets: readonly SheetTab[] } | SheetFailure;
  rows(name: string): SheetRows;
}

/** An .xlsx, whose list of sheets is itself read from its parts (and may fail). */
export const xlsxWorkbook = (zip: OfficeZip): Workbook => ({
  format: 'xlsx',
  sheets: () => xlsxSheets(zip),
  rows: (name) => xlsxToRows(zip, name),
});

/** A workbook whose reader has listed its sheets already (.xls, Excel 2003 XML). */
export const listedWorkbook = (
  format: 'xls' | 'xml',
  book: { readonly sheets: readonly SheetTab[]; rows(name: string): SheetRows },
): Workbook => ({
  format,
  sheets: () => ({ ok: true, sheets: book.sheets }),
  rows: (name) => book.rows(name),
});

/** Reads the sheet named `sheet`, or chooses one as above; the table lists the sheets with tasks. */
export function readWorkbookTable(workbook: Workbook, sheet: string | undefined, columns?: ColumnsSpec): SheetResult {
  const listed = workbook.sheets();
  if (!listed.ok) return listed;
  const read = (name: string): SheetResult => {
    const r = workbook.rows(name);
    return r.ok
      ? normaliseRows({ format: workbook.format, rows: r.rows, hiddenColumns: r.hiddenColumns }, { columns })
      : r;
  };
  if (listed.sheets.length <= 1 && sheet === undefined) {
    const only = listed.sheets[0];
    if (!only) return { ok: false, code: 'bad_input', message: 'the workbook has no worksheet' };
    return read(only.name);
  }
  if (sheet !== undefined && sheet !== ALL_SHEETS && !listed.sheets.some((s) => s.name === sheet))
    return noSuchSheet(sheet, listed.sheets);
  // every sheet that can be read is read, so that the others with tasks can be named
  const results = new Map<string, SheetResult>();
  for (const s of listed.sheets.slice(0, MAX_SHEETS_READ)) {
    if (s.hidden && s.name !== sheet) continue;
    const r = read(s.name);
    if (!r.ok && r.code === 'too_large') return r;
    results.set(s.name, r);
  }
  const withTasks = [...results].flatMap(([name, r]) =>
    r.ok && r.table.tasks.length > 0 ? [{ name, table: r.table }] : [],
  );
  if (sheet === ALL_SHEETS) return allSheets(withTasks);
  const chosenName = sheet ?? withTasks[0]?.name ?? listed.sheets.find((s) => !s.hidden)?.name ?? listed.sheets[0].name;
  const chosen = results.get(chosenName) ?? read(chosenName);
  if (!chosen.ok) return chosen;
  const table: ParsedTable = {
    ...chosen.table,
    sheet: chosenName,
    sheets: withTasks.map(({ name, table: t }) => ({ name, tasks: t.tasks.length })),
  };
  const warnings = [...table.warnings];
  const first = listed.sheets.find((s) => !s.hidden);
  if (sheet === undefined && first && first.name !== chosenName)
    warnings.push({
      code: 'sheet_chosen',
      message: `第一个工作表“${first.name}”中没有任务表格，读取的是工作表“${chosenName}”`,
    });
  const others = withTasks.filter((s) => s.name !== chosenName);
  if (others.length > 0)
    warnings.push({
      code: 'other_sheets',
      message: `工作簿中还有 ${others.length} 个工作表含任务：${others.map((s) => `“${s.name}”（${s.table.tasks.length} 项）`).join('、')}；本次读取的是“${chosenName}”，如需其他工作表请选择；各工作表是同一计划的不同部分时，可选“全部工作表”合并读取`,
    });
  return { ok: true, table: { ...table, warnings } };
}

/**
 * Every sheet with tasks as one table, in the workbook's order: a task keeps its sheet's name as
 * its theme unless the sheet gives it one (its numbers, restarting in each sheet, are stored in
 * order: task-seqs.ts). The title, period and columns are the first sheet's.
 */
function allSheets(withTasks: { name: string; table: ParsedTable }[]): SheetResult {
  const [first] = withTasks;
  if (!first) return { ok: false, code: 'no_header', message: 'no worksheet of the workbook holds a table with tasks' };
  const tasks = withTasks.flatMap(({ name, table }) => table.tasks.map((t) => (t.theme ? t : { ...t, theme: name })));
  const warnings = withTasks.flatMap(({ name, table }) =>
    table.warnings
      .filter((w) => w.code !== 'seq_repeated')
      .map((w) => ({ ...w, message: `工作表“${name}”：${w.message}` })),
  );
  warnings.unshift({
    code: 'all_sheets',
    message: `合并读取了 ${withTasks.length} 个工作表：${withTasks.map((s) => `“${s.name}”（${s.table.tasks.length} 项）`).join('、')}；各表的任务以工作表名为一级任务（表中已有的除外）`,
  });
  const repeated = repeatedSeqs(tasks);
  if (repeated.length > 0)
    warnings.push({ code: 'seq_repeated', message: repeatedSeqsMessage(repeated, tasks.length) });
  const columns = [...new Set(withTasks.flatMap(({ table }) => table.columns))];
  return {
    ok: true,
    table: {
      ...first.table,
      columns,
      tasks,
      warnings,
      sheet: ALL_SHEETS,
      sheets: withTasks.map(({ name, table }) => ({ name, tasks: table.tasks.length })),
    },
  };
}
