// The progress table as PDF, for print and for people who never log in: the HTML rendering
// printed by headless Chromium on A4 landscape. Without Chromium (or a Chinese font) this
// fails with a DubanError('unsupported_format') that says what to install.
import type { ProgressTable } from './model.js';
import { printHtmlToPdf } from './chromium.js';
import { renderProgressHtml } from './progress-html.js';

export function writeProgressPdf(table: ProgressTable): Promise<Uint8Array> {
  return printHtmlToPdf(renderProgressHtml(table));
}
