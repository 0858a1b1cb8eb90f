// Whether this machine can make PDF and PNG exports, said once when the server starts: they need
// headless Chromium and a Chinese font, which `npm ci` does not install. Word, Excel and CSV exports
// need neither.
import { findChromium, hasChineseFont } from '../../export/chromium.js';

/** One line saying what is missing for PDF/PNG exports, or null when they will work. */
export async function pdfExportProblem(): Promise<string | null> {
  if (!findChromium())
    return process.env.DUBAN_CHROMIUM
      ? `PDF/PNG export unavailable: DUBAN_CHROMIUM=${process.env.DUBAN_CHROMIUM} does not exist (Word, Excel and CSV exports work)`
      : 'PDF/PNG export unavailable: Chromium is not installed (apt-get install chromium, or set DUBAN_CHROMIUM); Word, Excel and CSV exports work';
  if (!(await hasChineseFont()))
    return 'PDF/PNG export unavailable: no Chinese font installed (apt-get install fonts-noto-cjk); Word, Excel and CSV exports work';
  return null;
}
