// PDF export through the queue: the printer (headless Chromium by default; tests inject a fake)
// and the export queue that keeps a burst of PDF requests from starting a browser tab each.
import type { FastifyReply } from 'fastify';
import { findChromium, hasChineseFont, printHtmlToPdf } from '../../../export/chromium.js';
import type { Caller } from '../../access.js';
import { DEFAULT_EXPORT_QUEUE, ExportQueue, type ExportQueueOptions } from '../../export-queue.js';

export interface PdfPrinter {
  /** Why this server cannot print now (in Chinese, for the user), or null. */
  unavailable(): Promise<string | null>;
  print(html: string): Promise<Uint8Array>;
}

export const chromiumPrinter: PdfPrinter = {
  async unavailable() {
    if (!findChromium())
      return '服务器未安装 Chromium，暂时无法生成 PDF（请管理员安装 Debian 的 chromium 软件包）。可以先导出 .xlsx 或 .docx 再打印。';
    if (!(await hasChineseFont()))
      return '服务器缺少中文字体，暂时无法生成 PDF（请管理员安装 fonts-noto-cjk）。可以先导出 .xlsx 或 .docx 再打印。';
    return null;
  },
  print: printHtmlToPdf,
};

export interface PdfExportOptions {
  printer?: PdfPrinter;
  queue?: Partial<ExportQueueOptions>;
}

export interface PdfExports {
  printer: PdfPrinter;
  queue: ExportQueue;
}

export function pdfExports(options: PdfExportOptions = {}): PdfExports {
  return {
    printer: options.printer ?? chromiumPrinter,
    queue: new ExportQueue({ ...DEFAULT_EXPORT_QUEUE, ...options.queue }),
  };
}

/** Whose turn it is: one user however many sessions, one API token. */
export const queueKey = (caller: Caller): string =>
  caller.kind === 'token' ? `token:${caller.tokenId}` : `user:${caller.userId}`;

/** Aborted when the client hangs up before its answer is sent (it then leaves the queue). */
export function hangUpSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort(new Error('client closed the connection'));
  });
  return controller.signal;
}
