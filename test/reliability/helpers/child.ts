// Running a TypeScript child process (node + tsx) with a heap cap and a deadline, for work that
// may crash, hang or be killed on purpose. Output lines are collected as they arrive.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function childScript(name: string): string {
  return fileURLToPath(new URL(`../children/${name}`, import.meta.url));
}

export interface ChildRun {
  proc: ChildProcess;
  lines: string[];
  stderr: () => string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once a line satisfying `test` has arrived (or rejects when the child exits first). */
  waitFor(test: (line: string) => boolean): Promise<string>;
}

export function runChild(
  script: string,
  args: string[],
  options: { heapMb?: number; env?: Record<string, string> } = {},
): ChildRun {
  const execArgs = ['--import', 'tsx'];
  if (options.heapMb) execArgs.push(`--max-old-space-size=${options.heapMb}`);
  const proc = spawn(process.execPath, [...execArgs, script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let err = '';
  let partial = '';
  const waiters: Array<{ test: (l: string) => boolean; resolve: (l: string) => void; reject: (e: Error) => void }> = [];
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    partial += chunk;
    const parts = partial.split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of [...waiters])
        if (w.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
    }
  });
  proc.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
  // 'close', not 'exit': at 'exit' the child's last output may still be in the pipe, and a
  // result line read as missing is a flaky test, not a broken parser
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('close', (code, signal) => {
      if (partial) lines.push(partial);
      for (const w of waiters.splice(0))
        w.reject(new Error(`child exited (${code ?? signal}) before the awaited line; stderr: ${err.slice(-2000)}`));
      resolve({ code, signal });
    }),
  );
  return {
    proc,
    lines,
    stderr: () => err,
    exited,
    waitFor: (test) => {
      const found = lines.find(test);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => waiters.push({ test, resolve, reject }));
    },
  };
}

/** Runs a child to its end or kills it at the deadline; returns its stdout lines and how it ended. */
export async function runToEnd(
  script: string,
  args: string[],
  options: { heapMb?: number; timeoutMs: number; env?: Record<string, string> },
) {
  const run = runChild(script, args, options);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    run.proc.kill('SIGKILL');
  }, options.timeoutMs);
  const end = await run.exited;
  clearTimeout(timer);
  return { ...end, timedOut, lines: run.lines, stderr: run.stderr() };
}
