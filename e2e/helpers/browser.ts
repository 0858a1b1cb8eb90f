// Launches Debian's Chromium through playwright-core (no browser download), records every
// request a page makes (to prove nothing leaves 127.0.0.1) and saves screenshots under
// test-results/e2e/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from './server.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'e2e');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  shot: (name: string) => Promise<string>;
  close: () => Promise<void>;
}

export async function openSession(
  browser: Browser,
  baseUrl: string,
  testName: string,
  viewport = { width: 1366, height: 768 },
): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  let n = 0;
  const shot = async (name: string) => {
    n += 1;
    const file = join(SCREENSHOT_DIR, `${testName}-${String(n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
  return { context, page, requests, errors, shot, close: () => context.close() };
}

/** Hosts other than the test server's that a list of URLs reached. data: and blob: stay local. */
export function foreignRequests(urls: string[], baseUrl: string): string[] {
  const allowed = new URL(baseUrl).host;
  return urls.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:') || u.startsWith('about:')) return false;
    try {
      const url = new URL(u);
      return url.host !== allowed && url.hostname !== '127.0.0.1';
    } catch {
      return true;
    }
  });
}
