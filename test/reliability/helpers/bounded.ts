// Measuring inside a property: how long one input took, and how much heap a run of inputs left
// behind. A hang shows as an input over its time limit (or, for a true infinite loop, the test's
// own timeout); a leak as heap that stays after a full garbage collection.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export const MB = 1024 * 1024;

/** Runs `work`, returns its result and the milliseconds it took. */
export async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await work();
  return { value, ms: performance.now() - t0 };
}

/** Counts inputs per target and keeps the slowest, printed at the end of a suite as the figures. */
export class FuzzTally {
  private readonly rows = new Map<string, { inputs: number; slowestMs: number; errors: Map<string, number> }>();

  record(target: string, ms: number, outcome: string): void {
    const row = this.rows.get(target) ?? { inputs: 0, slowestMs: 0, errors: new Map() };
    row.inputs++;
    row.slowestMs = Math.max(row.slowestMs, ms);
    row.errors.set(outcome, (row.errors.get(outcome) ?? 0) + 1);
    this.rows.set(target, row);
  }

  total(): number {
    let n = 0;
    for (const r of this.rows.values()) n += r.inputs;
    return n;
  }

  report(title: string): string {
    const lines = [`${title}: ${this.total()} inputs`];
    for (const [target, r] of this.rows) {
      const outcomes = [...r.errors].map(([k, v]) => `${k} ${v}`).join(', ');
      lines.push(`  ${target}: ${r.inputs} inputs, slowest ${r.slowestMs.toFixed(1)} ms (${outcomes})`);
    }
    return lines.join('\n');
  }
}
