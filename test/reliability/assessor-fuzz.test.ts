// Fuzzing the assessor: any text, text in the vocabulary of progress reports, the seed table's
// own targets and progress texts mutated, and very long texts, under every kind of period. The
// assessor promises never to throw; it also must not reach its own catch-all (a reason starting
// 无法自动评估 means an internal exception was swallowed), must cite offsets inside the texts, keep
// numbers finite (JSON turns Infinity into null), answer each input within a time limit and keep
// no memory behind. The number-reading core is fuzzed on its own as well.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { assessTask, findQuantities, parseChineseNumeral } from '../../src/assess/index.js';
import { parsePeriod, type Period } from '../../src/domain/index.js';
import { parseText } from '../../src/parse/index.js';
import { anyText, applyTextMutation, reportText, textMutation } from './helpers/arbitraries.js';
import { FuzzTally, MB, heapAfterGc } from './helpers/bounded.js';
import { expectWellFormedAssessment } from './helpers/well-formed.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
/**
 * A report of a few hundred characters is assessed in about a millisecond, a 20 000-character one
 * against a long target in under a second: the limit is for hangs and blow-ups, not for timing.
 */
const PER_INPUT_MS = 5000;
const tally = new FuzzTally();
afterAll(() => console.log(tally.report('assessor fuzz')));

const PERIODS: (Period | null)[] = [
  null,
  ...['2023Q1', '2023Q2', '2023Q3', '2023Q4', '2024-01', '2024-06', '2024-12', '2023H1', '2023H2', '2023'].map((l) =>
    parsePeriod(l),
  ),
];
const period = fc.constantFrom(...PERIODS);

function assessOne(
  targetName: string,
  target: string,
  progress: string,
  p: Period | null,
  limitMs = PER_INPUT_MS,
): void {
  const t0 = performance.now();
  const a = assessTask({ target, progress }, { period: p });
  const ms = performance.now() - t0;
  tally.record(targetName, ms, a.status);
  expect(
    a.reason.startsWith('无法自动评估'),
    `assessor swallowed an exception: ${a.reason}\n target=${JSON.stringify(target)}\n progress=${JSON.stringify(progress)}`,
  ).toBe(false);
  // The assessor cuts texts at 20 000 characters; offsets must still fall inside what it was given.
  expectWellFormedAssessment(a, target, progress);
  expect(ms, `one input took ${ms.toFixed(0)} ms`).toBeLessThan(limitMs);
}

const seedTasks = parseText(readFileSync(new URL('../fixtures/qiantang-2023-q4.txt', import.meta.url), 'utf8')).tasks;

describe('assessor under fuzzing', () => {
  it('assesses any pair of strings', () => {
    fc.assert(
      fc.property(anyText, anyText, period, (t, p, per) => assessOne('assessTask: any text', t, p, per)),
      { numRuns: 1500 * RUNS },
    );
  });

  it('assesses report-vocabulary targets and progress texts', () => {
    fc.assert(
      fc.property(reportText, reportText, period, (t, p, per) => assessOne('assessTask: report vocabulary', t, p, per)),
      { numRuns: 1500 * RUNS },
    );
  });

  it('assesses every seed task with its progress text mutated, keeping memory bounded', () => {
    for (const task of seedTasks)
      assessOne('assessTask: seed tasks as they are', task.target, task.progress, PERIODS[4]);
    const before = heapAfterGc();
    fc.assert(
      fc.property(
        fc.nat({ max: seedTasks.length - 1 }),
        fc.array(textMutation, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        period,
        (i, ms, mutateTarget, per) => {
          const task = seedTasks[i];
          // A target is one sentence of the work report: mutated ones are kept under 300 characters
          // (the cost grows with the target's indicators × the progress length: ~50 ms per indicator
          // for a 20 000-character report, so a 300-character target with 12 indicators takes ~0.8 s).
          const target = mutateTarget ? ms.reduce(applyTextMutation, task.target).slice(0, 300) : task.target;
          const progress = ms.reduce(applyTextMutation, task.progress);
          assessOne('assessTask: mutated seed tasks', target, progress, per);
        },
      ),
      { numRuns: 500 * RUNS },
    );
    const grown = heapAfterGc() - before;
    expect(grown, `heap grew by ${(grown / MB).toFixed(1)} MB`).toBeLessThan(20 * MB);
  });

  it('assesses very long progress texts (a whole table pasted into one report) in bounded time', () => {
    const seedText = seedTasks.map((t) => t.progress).join('。');
    const long = seedText.repeat(Math.ceil(200_000 / seedText.length));
    assessOne('assessTask: long texts', seedTasks[0].target, long, PERIODS[4]);
    assessOne('assessTask: long texts', '增长'.repeat(100_000), '1'.repeat(100_000), PERIODS[4], 10_000);
    assessOne('assessTask: long texts', '达到' + '9'.repeat(400) + '%', '完成' + '9'.repeat(400) + '%', PERIODS[4]);
    // Target and progress both long: the cost is about target × progress (8 000 × 8 000 chars takes
    // ~1.3 s here, 20 000 × 20 000 ~10 s); the limit catches anything worse than that.
    const eight = long.slice(0, 8000);
    assessOne('assessTask: long target and progress', eight, eight, PERIODS[4], 15_000);
  });
});

describe('number reading under fuzzing', () => {
  it('finds quantities in any text with offsets inside it and finite values', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, reportText), (text) => {
        for (const q of findQuantities(text)) {
          expect(q.start >= 0 && q.start < q.end && q.end <= text.length).toBe(true);
          expect(
            Number.isFinite(q.value),
            `value ${q.value} read from ${JSON.stringify(text.slice(q.start, q.end))}`,
          ).toBe(true);
        }
        tally.record('findQuantities', 0, 'ok');
      }),
      { numRuns: 2000 * RUNS },
    );
  });

  it('keeps a number written with 400 digits finite (JSON would store Infinity as null)', () => {
    for (const text of ['达到' + '9'.repeat(400) + '%', '新增' + '9'.repeat(400) + '亿元']) {
      for (const q of findQuantities(text)) expect(Number.isFinite(q.value), `value ${q.value}`).toBe(true);
    }
  });

  it('reads any run of Chinese numerals as a finite number or NaN', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'零〇一二两三四五六七八九十百千万亿'), { maxLength: 30 }), (chars) => {
        const v = parseChineseNumeral(chars.join(''));
        expect(Number.isNaN(v) || (Number.isFinite(v) && v >= 0)).toBe(true);
        tally.record('parseChineseNumeral', 0, 'ok');
      }),
      { numRuns: 2000 * RUNS },
    );
  });
});
