// A longer fuzz run than `npm test` makes: the reliability fuzz suites (parser text and files,
// assessor) with FUZZ_RUNS times as many inputs (default 10), printing the inputs tried per target.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const title = 'fuzz: parser and assessor, FUZZ_RUNS× the inputs of npm test';

export async function run(): Promise<void> {
  const runs = process.env.FUZZ_RUNS ?? '10';
  const root = fileURLToPath(new URL('..', import.meta.url));
  const files = [
    'test/reliability/parser-text-fuzz.test.ts',
    'test/reliability/parser-file-fuzz.test.ts',
    'test/reliability/assessor-fuzz.test.ts',
  ];
  const started = performance.now();
  const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...files, '--testTimeout=1800000'], {
    cwd: root,
    env: { ...process.env, FUZZ_RUNS: runs },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = `${r.stdout}\n${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  // The suites print their tallies: "parser fuzz (text): N inputs" and one line per target.
  const lines = out.split('\n').filter((l) => /fuzz.*: \d+ inputs|^\s{2}\S.*: \d+ inputs, slowest/.test(l));
  console.log(`FUZZ_RUNS=${runs}, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  for (const l of lines) console.log(l);
  const failed = out
    .split('\n')
    .filter((l) => /✗|×|FAIL|Counterexample/.test(l))
    .slice(0, 20);
  console.log(failed.length ? `failures:\n${failed.join('\n')}` : 'failures: none');
}
