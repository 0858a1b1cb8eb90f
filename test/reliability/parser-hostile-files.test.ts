// Hostile files against the parser: zip bombs (1.1 GB inside ~1 MB, with honest and with lying
// headers), a sheet spanning A1:XFD1048576, XML nested 200 000 deep, billion-laughs entities, and
// saved web pages of unclosed comments, nested tables and cells claiming huge spans.
// Each parse runs in a child process capped at 768 MB of heap and 25 s, so a parser that blows up
// fails this test instead of taking the test runner down. The answer must be a table or a domain
// error (too_large/bad_input/…), in time, with the child's RSS under 900 MB.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childScript, runToEnd } from './helpers/child.js';
import { HOSTILE_FILES } from './helpers/hostile.js';
import { ERROR_CODES } from './helpers/well-formed.js';

const dir = mkdtempSync(join(tmpdir(), 'duban-hostile-'));
const figures: string[] = [];
afterAll(() => {
  console.log(`parser hostile files:\n${figures.join('\n')}`);
  rmSync(dir, { recursive: true, force: true });
});

const HEAP_MB = 768;
const DEADLINE_MS = 25_000;
const BOMBS = new Set([
  'xlsx zip bomb (1.1 GB inflated)',
  'docx zip bomb (1.1 GB inflated)',
  'docx zip bomb declaring 4 KB',
]);

describe.concurrent('parser on hostile files (one child process each, heap capped)', () => {
  for (const [name, hostile] of Object.entries(HOSTILE_FILES)) {
    it(
      `answers "${name}" with a table or a domain error, in time and in bounded memory`,
      async () => {
        const file = join(dir, hostile.fileName);
        const bytes = await hostile.make();
        writeFileSync(file, bytes);
        const run = await runToEnd(childScript('parse-file.ts'), [file, hostile.fileName], {
          heapMb: HEAP_MB,
          timeoutMs: DEADLINE_MS,
        });
        const lastLine = run.lines.at(-1);
        const crash =
          run.stderr.split('\n').find((l) => /FATAL|heap out of memory|RangeError/.test(l)) ?? run.stderr.slice(-300);
        figures.push(
          `  ${name} (${(bytes.length / 1024).toFixed(0)} KB): ${run.timedOut ? 'TIMED OUT' : run.signal ? `CRASHED (${run.signal}: ${crash.trim()})` : lastLine}`,
        );
        expect(run.timedOut, `${name}: no answer within ${DEADLINE_MS} ms`).toBe(false);
        expect(run.signal, `${name}: the parsing process died: ${crash}`).toBeNull();
        expect(run.code, `${name}: the parsing process failed: ${crash}`).toBe(0);
        const result = JSON.parse(lastLine ?? '{}') as {
          outcome: string;
          message: string;
          ms: number;
          peakRssMb: number;
        };
        expect(result.outcome, `${name}: parseTable threw instead of returning an error: ${result.message}`).not.toBe(
          'threw',
        );
        expect(result.outcome.startsWith('ok:') || ERROR_CODES.has(result.outcome)).toBe(true);
        if (BOMBS.has(name)) expect(['too_large', 'bad_input']).toContain(result.outcome);
        expect(result.peakRssMb).toBeLessThan(900);
      },
      DEADLINE_MS + 15_000,
    );
  }
});
