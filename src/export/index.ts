// Publishing: the progress table in four formats, the leader briefing, the reminder notice and
// the period comparison. The server and the CLI call these; writers take models, not databases.
import { DubanError } from '../domain/index.js';
import { MEDIA_TYPES } from '../domain/publish.js';
import type { ProgressFormat, ProgressTable } from './model.js';
import { writeProgressCsv } from './progress-csv.js';
import { writeProgressDocx } from './progress-docx.js';
import { writeProgressPdf } from './progress-pdf.js';
import { writeProgressXlsx } from './progress-xlsx.js';

export * from './model.js';
export { diffStatuses, STATUS_RANK, type PeriodDiff, type StatusMove, type TaskStatus } from './diff.js';
export { loadProgressTable, loadBriefing, loadNotice, loadDiff, type ProgressQuery, type LoadedDiff } from './load.js';
export { writeProgressXlsx, writeProgressDocx, writeProgressCsv, writeProgressPdf };
export { renderProgressHtml } from './progress-html.js';
export { writeBriefingDocx } from './briefing-docx.js';
export { writeNoticeDocx } from './notice-docx.js';
export { findChromium } from './chromium.js';

/** The Content-Type each format is sent with (src/domain/publish.ts; a CSV says its charset). */
export const MIME: Record<ProgressFormat, string> = { ...MEDIA_TYPES, csv: `${MEDIA_TYPES.csv}; charset=utf-8` };

export interface ExportedFile {
  bytes: Uint8Array;
  mime: string;
  /** Suggested download name, e.g. `2023年…四季度进展情况表.xlsx`. */
  fileName: string;
}

/** Writes the table in the format asked for. PDF throws DubanError('unsupported_format') without Chromium. */
export async function exportProgressTable(table: ProgressTable, format: ProgressFormat): Promise<ExportedFile> {
  const writers: Record<ProgressFormat, (t: ProgressTable) => Uint8Array | Promise<Uint8Array>> = {
    xlsx: writeProgressXlsx,
    docx: writeProgressDocx,
    csv: writeProgressCsv,
    pdf: writeProgressPdf,
  };
  const write = writers[format];
  if (!write) throw new DubanError('unsupported_format', `unknown export format “${format}” (xlsx, docx, csv or pdf)`);
  return { bytes: await write(table), mime: MIME[format], fileName: `${safeFileName(table.title)}.${format}` };
}

/** A title usable as a file name on Windows, macOS and Linux. */
export const safeFileName = (title: string): string =>
  title.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 120) || 'export';
