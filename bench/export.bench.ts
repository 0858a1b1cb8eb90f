// Export time of the progress table: one province-scale plan (200 tasks) in each format, and
// 100 such plans written at once (as a server would when every district exports together).
// The rows are the seed table's tasks, repeated and renumbered to 200.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Status } from '../src/domain/index.js';
import { findChromium, sharedBrowser } from '../src/export/chromium.js';
import { embedPageFont } from '../src/export/font-subset.js';
import { progressTitle, type ProgressRow, type ProgressTable } from '../src/export/model.js';
import { writeProgressCsv } from '../src/export/progress-csv.js';
import { writeProgressDocx } from '../src/export/progress-docx.js';
import { renderProgressHtml } from '../src/export/progress-html.js';
import { writeProgressPdf } from '../src/export/progress-pdf.js';
import { writeProgressXlsx } from '../src/export/progress-xlsx.js';

export const title = 'export: progress table, 200 tasks; 100 plans at once';

function plan(n: number, tasks = 200): ProgressTable {
  const seed = JSON.parse(
    readFileSync(new URL('../test/fixtures/qiantang-2023-q4.gold.json', import.meta.url), 'utf8'),
  ) as Array<ProgressRow & { status: Status }>;
  const rows: ProgressRow[] = [];
  for (let i = 0; rows.length < tasks; i++) {
    const s = seed[i % seed.length];
    const round = Math.floor(i / seed.length);
    // A second pass gets its own themes, so merges stay as many as in a real table.
    rows.push({ ...s, seq: rows.length + 1, theme: round ? `${s.theme}（${round + 1}）` : s.theme });
  }
  const planTitle = `2024年第${n}市政府工作报告重点工作任务`;
  return { title: progressTitle(planTitle, '2024Q4'), planTitle, periodLabel: '2024Q4', withStatus: true, rows };
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

const writers = {
  xlsx: (t: ProgressTable) => writeProgressXlsx(t),
  docx: (t: ProgressTable) => writeProgressDocx(t),
  csv: async (t: ProgressTable) => writeProgressCsv(t),
};

/**
 * PDF of one 200-task plan: the first print (Chromium starts), then warm prints in the running
 * browser, the file size, and what the font subset costs for a table not subset before.
 */
export async function pdfFigures(one: ProgressTable): Promise<void> {
  const binary = findChromium();
  if (!binary) return console.log('pdf  skipped: Chromium not installed');
  try {
    const [first, bytes] = await time(() => writeProgressPdf(one));
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push((await time(() => writeProgressPdf(one)))[0]);
    warm.sort((a, b) => a - b);
    // Half the table: other characters, so its subset is made afresh (the font file is loaded).
    const half = { ...one, rows: one.rows.slice(0, 100) };
    const [subsetMs, page] = await time(() => embedPageFont(renderProgressHtml(half)));
    const font = page.ok
      ? `font subset of a new table ${subsetMs.toFixed(0)} ms (${page.value.characters} characters, ${page.value.fonts.map((f) => `${(f.bytes / 1024).toFixed(0)} KiB`).join(' + ')})`
      : `no font subset (${page.error.message}): the whole font is embedded`;
    console.log(
      `pdf  200 tasks: first ${first.toFixed(0)} ms (Chromium start included), then median ${warm[2].toFixed(0)} ms (min ${warm[0].toFixed(0)}, max ${warm[4].toFixed(0)}), ${(bytes.length / 1024).toFixed(0)} KiB; ${font}`,
    );
    await sharedBrowser(binary).close();
  } catch (err) {
    console.log(`pdf  skipped: ${(err as Error).message}`);
  }
}

export async function run(): Promise<void> {
  const one = plan(1);
  for (const [format, write] of Object.entries(writers)) {
    await write(one); // warm-up: module load and JIT
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < 5; i++) {
      const [ms, bytes] = await time(() => write(one));
      times.push(ms);
      size = bytes.length;
    }
    times.sort((a, b) => a - b);
    console.log(
      `${format.padEnd(4)} 200 tasks: median ${times[2].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)}), ${(size / 1024).toFixed(0)} KiB`,
    );
  }
  await pdfFigures(one);

  const plans = Array.from({ length: 100 }, (_, i) => plan(i + 1));
  for (const [format, write] of Object.entries(writers)) {
    const [ms] = await time(() => Promise.all(plans.map((p) => write(p))));
    console.log(
      `${format.padEnd(4)} 100 plans at once: ${(ms / 1000).toFixed(1)} s total, ${(ms / 100).toFixed(0)} ms per plan`,
    );
  }
  console.log(`heap after: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MiB`);
}
