// Assessment throughput on the seed replicated to ≥ 10,000 tasks (one core), and heap use at
// two sizes to show memory stays flat as the input grows.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assessTask } from '../src/assess/index.js';
import { parsePeriod } from '../src/domain/index.js';

export const title = 'assess: tasks per second on the seed replicated';

interface SeedTask { target: string; progress: string }

function seed(): SeedTask[] {
  const file = fileURLToPath(new URL('../test/fixtures/qiantang-2023-q4.gold.json', import.meta.url));
  return (JSON.parse(readFileSync(file, 'utf8')) as SeedTask[]).map((t) => ({ target: t.target, progress: t.progress }));
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

function runOver(tasks: SeedTask[], count: number): { ms: number; heapDelta: number } {
  const period = parsePeriod('2023Q4');
  const before = heapMb();
  const started = performance.now();
  let sink = 0;
  for (let i = 0; i < count; i++) sink += assessTask(tasks[i % tasks.length], { period }).indicators.length;
  const ms = performance.now() - started;
  if (sink < 0) console.log(sink);
  return { ms, heapDelta: heapMb() - before };
}

export async function run(): Promise<void> {
  const tasks = seed();
  runOver(tasks, 1000); // warm up the JIT
  for (const count of [10_000, 40_000]) {
    const { ms, heapDelta } = runOver(tasks, count);
    console.log(`${count} tasks: ${ms.toFixed(0)} ms, ${Math.round((count / ms) * 1000)} tasks/s, heap Δ ${heapDelta.toFixed(1)} MB`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
