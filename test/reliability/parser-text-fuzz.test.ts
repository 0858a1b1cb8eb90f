// Fuzzing the parser's text entry: any string, table-shaped text, mutations of the seed table,
// huge cells, many rows. Every input must end in a well-formed table or a domain error, within a
// time limit, without keeping memory. Counts and the slowest input per target are printed (the
// figures in docs/notes/reliability.md). Files (.xlsx/.docx, zips) are in parser-file-fuzz.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { anyText, applyTextMutation, tableText, textMutation } from './helpers/arbitraries.js';
import { FuzzTally, MB, heapAfterGc } from './helpers/bounded.js';
import { outcomeOfCall } from './helpers/well-formed.js';

const SEED = readFileSync(new URL('../fixtures/qiantang-2023-q4.txt', import.meta.url), 'utf8');
const RUNS = Number(process.env.FUZZ_RUNS ?? 1); // multiplier: `FUZZ_RUNS=10` for a longer local run
/** No single input may take longer than this (ms): a table of a few KB parses in well under that. */
const PER_INPUT_MS = 2000;
const tally = new FuzzTally();

/**
 * Stress inputs (MB-sized cells, 20 000 rows) get a generous limit: it is there to catch a hang or a
 * quadratic blow-up (a 5 MB cell parses in ~3 s on this 2-core machine; quadratic would be minutes),
 * not to time the parser.
 */
const STRESS_MS = 25_000;

function parseString(target: string, text: string, limitMs = PER_INPUT_MS): void {
  const t0 = performance.now();
  const outcome = outcomeOfCall(() => parseText(text));
  const ms = performance.now() - t0;
  tally.record(target, ms, outcome);
  expect(ms, `${target}: one input of ${text.length} chars took ${ms.toFixed(0)} ms`).toBeLessThan(limitMs);
}

afterAll(() => {
  console.log(tally.report('parser fuzz (text)'));
});

describe('parser text entry under fuzzing', () => {
  it('answers any string with a table or a domain error', () => {
    fc.assert(
      fc.property(anyText, (text) => parseString('parseText: any string', text)),
      { numRuns: 400 * RUNS },
    );
  });

  it('answers table-shaped text with a table or a domain error', () => {
    fc.assert(
      fc.property(tableText, (text) => parseString('parseText: table-shaped text', text)),
      { numRuns: 400 * RUNS },
    );
  });

  it('survives every mutation of the seed table and keeps memory bounded', () => {
    parseString('parseText: seed mutations', SEED); // warm up before measuring the heap
    const before = heapAfterGc();
    fc.assert(
      fc.property(fc.array(textMutation, { minLength: 1, maxLength: 4 }), (ms) => {
        parseString('parseText: seed mutations', ms.reduce(applyTextMutation, SEED));
      }),
      { numRuns: 150 * RUNS },
    );
    const grown = heapAfterGc() - before;
    expect(grown, `heap grew by ${(grown / MB).toFixed(1)} MB over the run`).toBeLessThan(30 * MB);
  });

  it('parses a table whose one cell holds 5 MB of text without a quadratic blow-up', () => {
    const huge = '进展'.repeat((2.5 * MB) / 2);
    parseString(
      'parseText: huge cell',
      `序号\t具体目标任务\t牵头单位\t进展情况\n1\t新增学位3000个\t区教育局\t${huge}\n`,
      STRESS_MS,
    );
    parseString(
      'parseText: huge cell',
      `序号,具体目标任务,牵头单位,进展情况\n1,新增学位3000个,区教育局,"${huge.replace(/展/g, '"",')}"\n`,
      STRESS_MS,
    );
    parseString('parseText: huge cell', `"${'"'.repeat(MB)}`, STRESS_MS);
  });

  it('parses 20 000 rows and 2 000 columns without stalling', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i + 1}\t新增学位${i}个\t区教育局\t已完成`).join('\n');
    parseString('parseText: many rows', `序号\t具体目标任务\t牵头单位\t进展情况\n${rows}`, STRESS_MS);
    parseString(
      'parseText: many columns',
      `序号\t具体目标任务\t牵头单位\t进展情况${'\t列'.repeat(2000)}\n1\t新增\t区教育局\t完成${'\tx'.repeat(2000)}`,
      STRESS_MS,
    );
  });
});
