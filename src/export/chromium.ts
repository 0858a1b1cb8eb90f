// Headless Chromium as a printer: an HTML page in, a PDF out (or a PNG screenshot). Debian's
// `chromium` package is what duban expects; DUBAN_CHROMIUM names another binary. Chinese text
// needs a CJK font installed, or Chromium prints empty boxes, so that is checked too.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { DubanError } from '../domain/index.js';

const run = promisify(execFile);
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
  '--mute-audio',
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

/** Runs Chromium on an HTML page written to a private temporary folder; returns the output file's bytes. */
async function withPage(html: string, output: string, flags: (out: string) => string[]): Promise<Uint8Array> {
  const binary = await requireChromium();
  const dir = await mkdtemp(join(tmpdir(), 'duban-chromium-'));
  try {
    const page = join(dir, 'page.html');
    const out = join(dir, output);
    await writeFile(page, html, 'utf8');
    // A profile of its own: concurrent exports must not fight over one profile lock.
    const args = [...FLAGS, `--user-data-dir=${join(dir, 'profile')}`, ...flags(out), pathToFileURL(page).href];
    try {
      await run(binary, args, { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
    } catch (err) {
      if (!existsSync(out))
        throw new DubanError('internal', `Chromium failed: ${(err as Error).message.split('\n')[0]}`);
    }
    if (!existsSync(out)) throw new DubanError('internal', 'Chromium wrote no output');
    return new Uint8Array(await readFile(out));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Prints an HTML page (with its own `@page` size) to PDF. */
export function printHtmlToPdf(html: string): Promise<Uint8Array> {
  return withPage(html, 'out.pdf', (out) => [
    '--no-pdf-header-footer',
    '--print-to-pdf-no-header',
    `--print-to-pdf=${out}`,
  ]);
}
