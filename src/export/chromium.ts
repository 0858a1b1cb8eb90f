// Headless Chromium as a printer: an HTML page in, a PDF out. Debian's `chromium` package is what
// duban expects; DUBAN_CHROMIUM names another binary. Chinese text needs a CJK font installed, or
// Chromium prints empty boxes, so that is checked too. One browser is shared by every print of the
// process (chromium-browser.ts), each print a tab of its own.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { DubanError } from '../domain/index.js';
import { ChromiumBrowser } from './chromium-browser.js';
import { embedPageFont } from './font-subset.js';

const run = promisify(execFile);
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The Chromium binary to use, or null when none is installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env.DUBAN_CHROMIUM;
  if (named) return existsSync(named) ? named : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

let cjkFont: Promise<boolean> | undefined;
/** True when fontconfig knows a font covering Chinese (or fontconfig cannot be asked: assume yes). */
export function hasChineseFont(): Promise<boolean> {
  cjkFont ??= run('fc-list', [':lang=zh', 'family'], { timeout: 10_000 }).then(
    ({ stdout }) => stdout.trim().length > 0,
    () => true,
  );
  return cjkFont;
}

async function requireChromium(): Promise<string> {
  const binary = findChromium();
  if (!binary) {
    throw new DubanError(
      'unsupported_format',
      'PDF needs headless Chromium, which is not installed: install Debian chromium (apt-get install chromium) or set DUBAN_CHROMIUM',
    );
  }
  if (!(await hasChineseFont())) {
    throw new DubanError(
      'unsupported_format',
      'PDF needs a Chinese font, and none is installed (Chromium would print empty boxes): install Debian fonts-noto-cjk or fonts-wqy-zenhei (apt-get install fonts-noto-cjk)',
    );
  }
  return binary;
}

let shared: { binary: string; browser: ChromiumBrowser } | null = null;

/** The browser every print in this process shares (one per Chromium binary). */
export function sharedBrowser(binary: string): ChromiumBrowser {
  if (shared?.binary !== binary) {
    void shared?.browser.close();
    shared = { binary, browser: new ChromiumBrowser(binary) };
  }
  return shared.browser;
}

/**
 * Prints an HTML page (with its own `@page` size) to PDF, in a tab of the shared browser. A page
 * whose font-family names EMBEDDED_FONT_FAMILY gets the subset of its Chinese font (font-subset.ts),
 * so the PDF holds the glyphs it uses rather than the whole font; should subsetting fail, the page
 * is printed with the installed fonts as they are (right, only larger).
 */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const binary = await requireChromium();
  const page = await embedPageFont(html);
  return sharedBrowser(binary).printToPdf(page.ok ? page.value.html : html);
}
