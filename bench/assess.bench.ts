// Assessment throughput on the seed replicated to ≥ 10,000 tasks (one core, the compiled code), heap use at two
// sizes to show memory stays flat as the input grows, and the worst realistic input (40
// indicators against an 8,000-character progress text). Time is CPU time of this process
// (process.cpuUsage): the machine is shared, and wall time would measure the neighbours.
// Each replica's progress text is made distinct, so nothing can be served from a cache.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { importBuilt } from './lib/built.js';

// The assessor as the server runs it: the compiled dist/ (bench/lib/built.ts says why).
const { assessTask } = await importBuilt<typeof import('../src/assess/index.js')>('assess/index.js');
const { parsePeriod } = await importBuilt<typeof import('../src/domain/index.js')>('domain/index.js');

export const title = 'assess: tasks per CPU-second on the seed replicated';

interface SeedTask {
  target: string;
  progress: string;
}

function seed(): SeedTask[] {
  const file = fileURLToPath(new URL('../test/fixtures/qiantang-2023-q4.gold.json', import.meta.url));
  return (JSON.parse(readFileSync(file, 'utf8')) as SeedTask[]).map((t) => ({
    target: t.target,
    progress: t.progress,
  }));
}

/** The seed repeated to `count` tasks, each copy's progress marked so no two texts are equal
 * (and, with `run`, none equal to another run's). */
function replicate(tasks: SeedTask[], count: number, run = 0): SeedTask[] {
  return Array.from({ length: count }, (_, i) => {
    const t = tasks[i % tasks.length];
    return { target: t.target, progress: i < tasks.length ? t.progress : `${t.progress}（${run}-${i}）` };
  });
}

// A full collection before each heap reading, so that the figure is live memory, not garbage.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

function heapMb(): number {
  collect(); // twice: the first pass may only promote what the second frees
  collect();
  return process.memoryUsage().heapUsed / 1e6;
}

function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const period = parsePeriod('2023Q4');
const RUNS = 5;

function assessAll(tasks: SeedTask[]): number {
  let sink = 0;
  for (const t of tasks) sink += assessTask(t, { period }).indicators.length;
  return sink;
}

/** CPU time of assessing the tasks (no forced collection in the timed stretch: a full GC just
 * before it costs the next run more than the assessment itself). */
function throughput(tasks: SeedTask[]): number {
  let sink = 0;
  const ms = cpuMs(() => {
    sink = assessAll(tasks);
  });
  if (sink < 0) console.log(sink);
  return (tasks.length / ms) * 1000;
}

/** Live heap after a full collection, before and after assessing `count` tasks made and dropped
 * in between: what the assessor keeps (the inputs themselves grow when the engine flattens them). */
function heapGrowth(tasks: SeedTask[], count: number): number {
  const before = heapMb();
  for (let i = 0; i < count; i++) {
    const t = tasks[i % tasks.length];
    assessTask({ target: t.target, progress: `${t.progress}（${i}）` }, { period });
  }
  return heapMb() - before;
}

function worstRealistic(): { median: number; max: number } {
  const things = ['学校', '公园', '道路', '医院', '停车场', '充电桩', '养老床位', '农村公路'];
  const units = ['所', '个', '公里', '亩', '张', '万元', '宗', '人'];
  const target = (k: number) =>
    Array.from(
      { length: 40 },
      (_, i) => `新建${things[(i + k) % 8]}${i}号${((i * 37 + k) % 900) + 1}${units[(i * 3 + k) % 8]}`,
    ).join('，');
  const progress = (k: number) => {
    let text = '';
    for (let i = 0; text.length < 8000; i++) {
      text += `${['1-11月', '截至10月底', '三季度', '目前'][i % 4]}，全区新建${things[(i + k) % 8]}${(i * 53 + k) % 9000}${units[(i * 5 + k) % 8]}，同比增长${i % 17}.${i % 10}%${i % 3 ? '，项目有序推进中' : ''}。`;
    }
    return text.slice(0, 8000);
  };
  for (let k = 0; k < 30; k++) assessTask({ target: target(k), progress: progress(k) }, { period }); // warm up
  const times: number[] = [];
  for (let k = 30; k < 60; k++) {
    const t = target(k);
    const p = progress(k);
    times.push(cpuMs(() => assessTask({ target: t, progress: p }, { period })));
  }
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], max: times[times.length - 1] };
}

export async function run(): Promise<void> {
  const tasks = seed();
  assessAll(replicate(tasks, 20_000)); // warm up the JIT: a server assesses warm
  // Five runs per size, median reported with the range: one run's figure swings by a quarter with
  // when the engine's background collector happens to run, which is noise, not the assessor.
  for (const count of [10_000, 40_000]) {
    const runs = Array.from({ length: RUNS }, (_, run) => throughput(replicate(tasks, count, run + 1))).sort(
      (a, b) => a - b,
    );
    const median = Math.round(runs[RUNS >> 1]);
    console.log(
      `${count} tasks: ${median} tasks/s (CPU time, one core; median of ${RUNS}, range ${Math.round(runs[0])}–${Math.round(runs[RUNS - 1])})`,
    );
  }
  for (const count of [10_000, 40_000]) {
    console.log(`live heap after ${count} tasks: ${heapGrowth(tasks, count).toFixed(1)} MB more than before`);
  }
  const worst = worstRealistic();
  console.log(
    `40 indicators × 8,000 characters: median ${worst.median.toFixed(1)} ms CPU, max ${worst.max.toFixed(1)} ms (30 inputs)`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
