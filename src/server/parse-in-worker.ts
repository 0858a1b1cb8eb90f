// Parses an uploaded table in a worker thread (parse-worker.ts), one worker per upload, so a big
// .xlsx (seconds of CPU) never stalls the event loop that answers everybody else. The worker also
// has a heap limit and a deadline of its own: a hostile file costs that worker, not the server.
// The built server (dist/) runs parse-worker.js; run from the TypeScript sources (tests, tsx) the
// worker gets tsx's loader so that it runs the same parse-worker.ts the tests check.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fail, type ParsedTable, type Result } from '../domain/index.js';
import type { ParseOptions } from '../parse/index.js';

export interface WorkerLimits {
  /** The worker's heap, MB. */
  heapMb: number;
  /** Longest parse, ms. */
  timeoutMs: number;
}

export const DEFAULT_WORKER_LIMITS: WorkerLimits = { heapMb: 1536, timeoutMs: 120_000 };

/**
 * What the worker runs: the built parse-worker.js, or, from the TypeScript sources, a two-line
 * bootstrap that registers tsx's loader in the worker and then imports parse-worker.ts (Node 20
 * does not apply an `--import` loader to a worker's own entry file).
 */
function workerEntry(): { script: URL | string; eval: boolean } {
  const built = new URL('./parse-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return { script: built, eval: false };
  const source = new URL('./parse-worker.ts', import.meta.url).href;
  const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx')), 'esm/api/index.mjs')).href;
  return {
    script: `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`,
    eval: true,
  };
}

export function parseInWorker(
  bytes: Uint8Array,
  options: ParseOptions,
  limits: WorkerLimits = DEFAULT_WORKER_LIMITS,
): Promise<Result<ParsedTable>> {
  const entry = workerEntry();
  // A copy the worker owns outright (transferred, not cloned once more); the caller keeps its bytes.
  const copy = new Uint8Array(bytes);
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry.script, {
      eval: entry.eval,
      workerData: { bytes: copy, options },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      outcome();
      void worker.terminate();
    };
    const deadline = setTimeout(
      () =>
        finish(() =>
          resolve(
            fail('too_large', 'the table took too long to read (over the time limit); split it into smaller files'),
          ),
        ),
      limits.timeoutMs,
    );
    worker.once('message', (result: Result<ParsedTable>) => finish(() => resolve(result)));
    worker.once('error', (err: Error & { code?: string }) =>
      finish(() =>
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? resolve(fail('too_large', 'the table needs more memory to read than allowed; split it into smaller files'))
          : reject(err),
      ),
    );
    worker.once('exit', (code) =>
      finish(() => reject(new Error(`the table reader stopped (exit code ${code}) without an answer`))),
    );
  });
}
