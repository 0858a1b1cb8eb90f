// Parse throughput: the seed table replicated to over 10,000 tasks (text), and a generated
// .xlsx of 10,000 tasks. Prints MB/s and tasks/s for text, seconds for the .xlsx.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { parseTable, parseText } from '../src/parse/index.js';

export const title = 'parse: text and .xlsx throughput';

const seed = readFileSync(new URL('../test/fixtures/qiantang-2023-q4.txt', import.meta.url), 'utf8');

/** The seed repeated with its task numbers shifted, so every copy adds new tasks. */
function replicatedSeed(minTasks: number): { text: string; tasks: number } {
  const perCopy = parseText(seed).tasks.length;
  const copies = Math.ceil(minTasks / perCopy);
  const parts: string[] = [];
  for (let k = 0; k < copies; k++)
    parts.push(seed.replace(/^(\d+)\t/gm, (_, n: string) => `${Number(n) + k * perCopy}\t`));
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

export async function run(): Promise<void> {
  const { text, tasks } = replicatedSeed(10_000);
  const mb = Buffer.byteLength(text, 'utf8') / 1e6;
  parseText(text); // warm up the JIT
  const runs = 3;
  let best = Infinity;
  let bestCpu = Infinity;
  let parsed = 0;
  for (let i = 0; i < runs; i++) {
    best = Math.min(best, await time(() => (parsed = parseText(text).tasks.length)));
    bestCpu = Math.min(bestCpu, lastCpu);
  }
  console.log(
    `text:  ${tasks} tasks, ${mb.toFixed(1)} MB → ${parsed} parsed in ${best.toFixed(3)} s: ${(mb / best).toFixed(1)} MB/s, ${Math.round(parsed / best)} tasks/s (best of ${runs}, wall clock)`,
  );
  console.log(
    `       CPU time ${bestCpu.toFixed(3)} s: ${(mb / bestCpu).toFixed(1)} MB/s, ${Math.round(parsed / bestCpu)} tasks/s`,
  );

  const bytes = await generatedXlsx(10_000);
  let xlsxTasks = 0;
  const secs = await time(async () => {
    const r = await parseTable(bytes);
    xlsxTasks = r.ok ? r.value.tasks.length : -1;
  });
  console.log(
    `xlsx:  10000 tasks, ${(bytes.length / 1e6).toFixed(1)} MB file → ${xlsxTasks} parsed in ${secs.toFixed(2)} s (CPU ${lastCpu.toFixed(2)} s)`,
  );
}
