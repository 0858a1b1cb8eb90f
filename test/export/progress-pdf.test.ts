import { afterEach, describe, expect, it } from 'vitest';
import { DubanError } from '../../src/domain/index.js';
import { findChromium, hasChineseFont } from '../../src/export/chromium.js';
import type { ProgressTable } from '../../src/export/model.js';
import { renderProgressHtml } from '../../src/export/progress-html.js';
import { writeProgressPdf } from '../../src/export/progress-pdf.js';
import { goldRows } from './seed.js';

const table: ProgressTable = {
  title: '2024年临安区政府工作报告重点工作任务上半年进展情况表',
  planTitle: 'p',
  periodLabel: '2024H1',
  withStatus: true,
  rows: goldRows('../fixtures/export/linan-2024-h1.gold.json'),
};

describe('progress table as printable HTML', () => {
  const html = renderProgressHtml(table);

  it('lays the page out for A4 landscape and repeats the header row on every page', () => {
    expect(html).toContain('@page { size: A4 landscape;');
    expect(html).toMatch(/<thead><tr><th>序号<\/th><th colspan="2">重点工作任务<\/th><th>具体目标任务<\/th>/);
    expect(html).toContain('thead { display: table-header-group; }');
  });

  it('merges the same runs as the workbook with rowspan and colspan', () => {
    expect(html).toContain('<td rowspan="3" colspan="2">主要预期目标</td>');
    expect(html).toContain('<td rowspan="5">深化“千万工程”，建设宜居宜业和美乡村</td>');
    expect(html).toContain('<td rowspan="3">推进乡村产业振兴</td>');
    expect(html.match(/<tr>/g)).toHaveLength(table.rows.length + 1);
  });

  it('escapes markup in the text and colours the status cell', () => {
    const out = renderProgressHtml({ ...table, rows: [{ ...table.rows[0], progress: '增长<5%> & "稳"' }] });
    expect(out).toContain('增长&lt;5%&gt; &amp; &quot;稳&quot;');
    expect(out).toMatch(/<td class="c status" style="background:#FFC7CE;color:#9C0006">进度滞后<\/td>/);
  });
});

describe('progress table as PDF', () => {
  const saved = process.env.DUBAN_CHROMIUM;
  afterEach(() => {
    if (saved === undefined) delete process.env.DUBAN_CHROMIUM;
    else process.env.DUBAN_CHROMIUM = saved;
  });

  it('says to install Chromium when it is missing', async () => {
    process.env.DUBAN_CHROMIUM = '/nonexistent/chromium';
    const err = await writeProgressPdf(table).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DubanError);
    expect((err as DubanError).code).toBe('unsupported_format');
    expect((err as DubanError).message).toMatch(/install Debian chromium/);
  });

  it.skipIf(!findChromium())(
    'prints A4 landscape pages with Chromium',
    async () => {
      if (!(await hasChineseFont())) {
        await expect(writeProgressPdf(table)).rejects.toThrow(/Chinese font/);
        return;
      }
      const pdf = Buffer.from(await writeProgressPdf(table)).toString('latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [
        Math.round(+m[1]),
        Math.round(+m[2]),
      ]);
      expect(boxes.length).toBeGreaterThan(0);
      for (const [w, h] of boxes) expect([w, h]).toEqual([842, 595]); // A4 landscape in points
      expect(pdf).toMatch(/\/FontName \/[A-Z]{6}\+/); // a (Chinese) font subset is embedded
    },
    120_000,
  );
});
