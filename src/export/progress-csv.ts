// The progress table as CSV: one row per task, no merges, UTF-8 with a byte-order mark so that
// Excel on a Chinese Windows opens it as UTF-8 rather than GBK, fields quoted as RFC 4180 says.
// Every cell passes the formula guard first: a report text is typed by a unit, never trusted.
import { STATUS_LABEL_ZH } from '../domain/index.js';
import { guardFormula } from './formula-guard.js';
import type { ProgressTable } from './model.js';
import { HEADER_LEADERS, HEADER_PROGRESS, HEADER_SEQ, HEADER_STATUS, HEADER_TARGET, HEADER_UNITS } from './style.js';

/** Columns of the flat table: the two levels of 重点工作任务 get a column each. */
export const CSV_HEADERS = [
  HEADER_SEQ,
  '重点工作任务',
  '重点工作任务（二级）',
  HEADER_TARGET,
  HEADER_LEADERS,
  HEADER_UNITS,
  HEADER_PROGRESS,
] as const;
export const CSV_STATUS_HEADERS = [HEADER_STATUS, '评估说明'] as const;

const BOM = '\uFEFF';

/** Quotes a field when it holds a comma, quote, CR or LF; inner quotes are doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One cell of a text export: guarded against formula evaluation, then quoted as needed. */
const csvCell = (value: string): string => csvField(guardFormula(value));

/** Writes the table as CSV bytes (CRLF line ends, as RFC 4180 and Excel expect). */
export function writeProgressCsv(table: ProgressTable): Uint8Array {
  const header: string[] = [...CSV_HEADERS, ...(table.withStatus ? CSV_STATUS_HEADERS : [])];
  const lines = [header.map(csvCell).join(',')];
  for (const row of table.rows) {
    const fields = [
      String(row.seq),
      row.theme ?? '',
      row.category ?? '',
      row.target,
      row.leaders.join('、'),
      row.units.join('、'),
      row.progress,
    ];
    if (table.withStatus) fields.push(row.status ? STATUS_LABEL_ZH[row.status] : '', row.reason ?? '');
    lines.push(fields.map(csvCell).join(','));
  }
  return new TextEncoder().encode(BOM + lines.join('\r\n') + '\r\n');
}
