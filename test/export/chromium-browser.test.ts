// One Chromium serves many PDF exports: each print is a tab in the browser already running, not a
// browser of its own; a browser that died is started again. Needs Debian's chromium (CI installs it).
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumBrowser } from '../../src/export/chromium-browser.js';
import { findChromium } from '../../src/export/chromium.js';
import type { ProgressTable } from '../../src/export/model.js';
import { renderProgressHtml } from '../../src/export/progress-html.js';
import { goldRows } from './seed.js';

const table: ProgressTable = {
  title: '2024年临安区政府工作报告重点工作任务上半年进展情况表',
  planTitle: 'p',
  periodLabel: '2024H1',
  withStatus: true,
  rows: goldRows('../fixtures/export/linan-2024-h1.gold.json'),
};

const binary = findChromium();

describe.skipIf(!binary)('a shared Chromium for PDF exports', () => {
  const browser = new ChromiumBrowser(binary ?? '', { idleMs: 60_000 });
  afterAll(() => browser.close());

  it('prints several PDFs, two at once, in one browser', { timeout: 120_000 }, async () => {
    const html = renderProgressHtml(table);
    const first = await browser.printToPdf(html);
    const both = await Promise.all([browser.printToPdf(html), browser.printToPdf(html)]);
    for (const pdf of [first, ...both]) expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(browser.launches).toBe(1);
  });

  it('starts a new browser when the old one was closed', { timeout: 120_000 }, async () => {
    await browser.close();
    const pdf = await browser.printToPdf(renderProgressHtml({ ...table, rows: table.rows.slice(0, 3) }));
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(browser.launches).toBe(2);
  });
});
