import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod, type Indicator } from '../../src/domain/index.js';
import { scoreAssess, type GoldTask } from '../../scripts/score/assess.js';

const ind = (target: number, unit: string | null, actual: number | null): Indicator => ({
  metric: 'm',
  kind: 'amount',
  direction: 'at_least',
  target,
  floor: target,
  unit,
  actual,
  actual_period: null,
  source: { target: { start: 0, end: 1 }, actual: null },
});
const gold = (
  seq: number,
  status: GoldTask['status'],
  inds: Array<[number, string | null, number | null]>,
): GoldTask => ({
  seq,
  target: '',
  progress: '',
  status,
  reason: '',
  uncertain: [],
  indicators: inds.map(([t, u, a]) => ({
    metric: 'm',
    kind: 'amount',
    direction: 'at_least',
    target: t,
    floor: t,
    unit: u,
    actual: a,
    actual_period: null,
  })),
});

describe('scoreAssess', () => {
  it('pairs indicators by target and unit and scores actuals within 1%', () => {
    const s = scoreAssess(
      [
        gold(1, 'done', [
          [10, '个', 12],
          [5, '家', null],
        ]),
        gold(2, 'behind', []),
      ],
      [
        { seq: 1, status: 'done', reason: '', indicators: [ind(10, '个', 12.05), ind(7, '家', null)] },
        { seq: 2, status: 'on_track', reason: '', indicators: [] },
      ],
    );
    expect(s.statusAgreement).toBe(0.5);
    expect(s.indicatorPrecision).toBe(0.5);
    expect(s.indicatorRecall).toBe(0.5);
    expect(s.actualAccuracy).toBe(1);
  });

  it('skips a status the gold marks uncertain', () => {
    const g = { ...gold(1, 'done', []), uncertain: ['status'] };
    expect(scoreAssess([g], [{ seq: 1, status: 'behind', reason: '', indicators: [] }]).statusAgreement).toBe(1);
  });
});

describe('the seed reaches the figures of issue 3', () => {
  it('status ≥ 0.95, indicator F1 ≥ 0.95, actual accuracy ≥ 0.90', () => {
    const seed = JSON.parse(
      readFileSync(new URL('../fixtures/qiantang-2023-q4.gold.json', import.meta.url), 'utf8'),
    ) as GoldTask[];
    const period = parsePeriod('2023Q4');
    const s = scoreAssess(
      seed,
      seed.map((t) => ({ seq: t.seq, ...assessTask(t, { period }) })),
    );
    expect(s.statusAgreement).toBeGreaterThanOrEqual(0.95);
    expect(s.indicatorF1).toBeGreaterThanOrEqual(0.95);
    expect(s.actualAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});
