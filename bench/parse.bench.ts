// Parse throughput: the seed table replicated to over 10,000 tasks (text, and the same table as a
// saved web page), a generated .xlsx and .xls of 10,000 tasks, and the seed saved as a Word 97-2003
// .doc. Prints MB/s and tasks/s for text, MB/s for the page, seconds for the workbooks and the .doc.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tableAsPage } from '../scripts/table-as-markup.js';
import { parseTable, parseText } from '../src/parse/index.js';
import { cell, record, RECORD, unicodeString, workbookStream } from '../test/parse/helpers/biff.js';
import { compoundFile } from '../test/parse/helpers/compound-file.js';

export const title = 'parse: text, page, .xlsx, .xls and .doc throughput';

const seed = readFileSync(new URL('../test/fixtures/qiantang-2023-q4.txt', import.meta.url), 'utf8');

/** The seed repeated with its task numbers shifted, so every copy adds new tasks. */
function replicatedSeed(minTasks: number, uniqueText = false): { text: string; tasks: number } {
  const perCopy = parseText(seed).tasks.length;
  const copies = Math.ceil(minTasks / perCopy);
  const parts: string[] = [];
  for (let k = 0; k < copies; k++) {
    let copy = seed.replace(/^(\d+)\t/gm, (_, n: string) => `${Number(n) + k * perCopy}\t`);
    // Every long cell made distinct, as in a real table of that size: no cell-level cache can help.
    if (uniqueText) copy = copy.replace(/([^\t\n]{61,})(?=\t|\n|$)/g, `$1（第${k}份）`);
    parts.push(copy);
  }
  return { text: parts.join('\n'), tasks: copies * perCopy };
}

async function generatedXlsx(tasks: number): Promise<Uint8Array> {
  const source = parseText(seed).tasks;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('进展情况');
  ws.addRow(['2023年某区政府工作报告重点工作任务四季度进展情况表']);
  ws.addRow(['序号', '重点工作任务', '', '具体目标任务', '牵头区领导', '牵头单位', '进展情况']);
  ws.mergeCells('B2:C2');
  for (let i = 0; i < tasks; i++) {
    const t = source[i % source.length];
    ws.addRow([i + 1, t.theme ?? '', t.category ?? '', t.target, t.leaders.join(' '), t.units.join('、'), t.progress]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The same table as an Excel 97-2003 workbook: each cell a LABEL record (a string of its own). */
function generatedXls(tasks: number): Uint8Array {
  const source = parseText(seed).tasks;
  const rows = [
    ['2023年某区政府工作报告重点工作任务四季度进展情况表'],
    ['序号', '重点工作任务', '二级任务', '具体目标任务', '牵头区领导', '牵头单位', '进展情况'],
    ...Array.from({ length: tasks }, (_, i) => {
      const t = source[i % source.length];
      return [
        String(i + 1),
        t.theme ?? '',
        t.category ?? '',
        t.target,
        t.leaders.join(' '),
        t.units.join('、'),
        t.progress,
      ];
    }),
  ];
  const records = rows.flatMap((r, row) =>
    r.flatMap((text, col) => (text ? [record(RECORD.LABEL, [...cell(row, col), ...unicodeString(text)])] : [])),
  );
  return compoundFile({ Workbook: workbookStream({ sheets: [{ name: '进展情况', records }] }) });
}

/** Wall-clock seconds, and CPU seconds of this process (less distorted on a busy shared machine). */
let lastCpu = 0;
const time = async (f: () => unknown) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await f();
  const c = process.cpuUsage(c0);
  lastCpu = (c.user + c.system) / 1e6;
  return (performance.now() - t0) / 1000;
};

/** Parses the text `runs` times after a warm-up; the best wall-clock and CPU seconds. */
async function timeText(text: string, runs: number): Promise<{ wall: number; cpu: number; parsed: number }> {
  // Warm up: the JIT and the heap settle over a few parses (one is not enough for a 6 MB table).
  for (let i = 0; i < 3; i++) parseText(text);
  let wall = Infinity;
  let cpu = Infinity;
  let parsed = 0;
  for (let i = 0; i < runs; i++) {
    wall = Math.min(wall, await time(() => (parsed = parseText(text).tasks.length)));
    cpu = Math.min(cpu, lastCpu);
  }
  return { wall, cpu, parsed };
}

export async function run(): Promise<void> {
  const runs = 5;
  for (const uniqueText of [false, true]) {
    const { text, tasks } = replicatedSeed(10_000, uniqueText);
    const mb = Buffer.byteLength(text, 'utf8') / 1e6;
    const { wall, cpu, parsed } = await timeText(text, runs);
    const label = uniqueText ? 'text, every long cell distinct' : 'text';
    console.log(
      `${label}: ${tasks} tasks, ${mb.toFixed(1)} MB → ${parsed} parsed in ${wall.toFixed(3)} s: ${(mb / wall).toFixed(1)} MB/s, ${Math.round(parsed / wall)} tasks/s (best of ${runs}, wall clock)`,
    );
    console.log(
      `       CPU time ${cpu.toFixed(3)} s: ${(mb / cpu).toFixed(1)} MB/s, ${Math.round(parsed / cpu)} tasks/s (best of ${runs})`,
    );
  }

  // the same table as the web page it was published on (a saved .html)
  const { text: seedText, tasks: seedTasks } = replicatedSeed(10_000);
  const page = new TextEncoder().encode(tableAsPage(seedText));
  let pageWall = Infinity;
  let pageCpu = Infinity;
  let pageParsed = 0;
  for (let i = 0; i < runs + 2; i++) {
    const wall = await time(async () => {
      const r = await parseTable(page);
      pageParsed = r.ok ? r.value.tasks.length : -1;
    });
    // (the first two runs warm up)
    if (i >= 2) [pageWall, pageCpu] = [Math.min(pageWall, wall), Math.min(pageCpu, lastCpu)];
  }
  const pageMb = page.length / 1e6;
  console.log(
    `html:  ${seedTasks} tasks, ${pageMb.toFixed(1)} MB page → ${pageParsed} parsed in ${pageWall.toFixed(3)} s: ${(pageMb / pageWall).toFixed(1)} MB/s wall, ${(pageMb / pageCpu).toFixed(1)} MB/s CPU (best of ${runs})`,
  );

  const bytes = await generatedXlsx(10_000);
  const xlsxRuns: Array<{ wall: number; cpu: number; tasks: number }> = [];
  for (let i = 0; i < 3; i++) {
    let tasks = 0;
    const wall = await time(async () => {
      const r = await parseTable(bytes);
      tasks = r.ok ? r.value.tasks.length : -1;
    });
    xlsxRuns.push({ wall, cpu: lastCpu, tasks });
  }
  const [first] = xlsxRuns;
  const best = xlsxRuns.reduce((a, b) => (b.cpu < a.cpu ? b : a));
  console.log(
    `xlsx:  10000 tasks, ${(bytes.length / 1e6).toFixed(1)} MB file → ${first.tasks} parsed in ${first.wall.toFixed(2)} s (CPU ${first.cpu.toFixed(2)} s) on the first run; best of 3: ${best.wall.toFixed(2)} s (CPU ${best.cpu.toFixed(2)} s)`,
  );

  for (const [name, file] of [
    ['xls:   10000 tasks', generatedXls(10_000)],
    [
      'doc:   the seed',
      new Uint8Array(readFileSync(new URL('../test/fixtures/parse/office97/qiantang-2023-q4.doc', import.meta.url))),
    ],
  ] as const) {
    const runs: Array<{ wall: number; cpu: number; tasks: number }> = [];
    for (let i = 0; i < 3; i++) {
      let tasks = 0;
      const wall = await time(async () => {
        const r = await parseTable(file);
        tasks = r.ok ? r.value.tasks.length : -1;
      });
      runs.push({ wall, cpu: lastCpu, tasks });
    }
    const fastest = runs.reduce((a, b) => (b.cpu < a.cpu ? b : a));
    console.log(
      `${name}, ${(file.length / 1e6).toFixed(2)} MB file → ${runs[0].tasks} parsed in ${runs[0].wall.toFixed(3)} s (CPU ${runs[0].cpu.toFixed(3)} s) on the first run; best of 3: ${fastest.wall.toFixed(3)} s (CPU ${fastest.cpu.toFixed(3)} s)`,
    );
  }
}
