// Traffic lights from assessments: green, yellow within the threshold of the time share, red
// beyond it or for a delay stated in words or a missing report after the due date, grey pending.
import { describe, expect, it } from 'vitest';
import type { Assessment, Indicator } from '../../src/domain/index.js';
import { behindByPoints, lightOf, timeShare } from '../../src/domain/light.js';

const amount = (actual: number, floor: number, period: string | null): Indicator => ({
  metric: '新增学位',
  kind: 'amount',
  direction: 'at_least',
  target: floor,
  floor,
  unit: '个',
  actual,
  actual_period: period,
  source: { target: { start: 0, end: 4 }, actual: null },
});
const behind = (indicators: Indicator[]): Assessment => ({ indicators, status: 'behind', reason: '' });
const open = { dueDatePassed: false };

describe('lightOf', () => {
  it('is green for done and on track, grey for pending', () => {
    expect(lightOf('done', open)).toBe('green');
    expect(lightOf('on_track', open)).toBe('green');
    expect(lightOf('pending', open)).toBe('grey');
  });

  it('turns a missing report red only after the due date', () => {
    expect(lightOf('no_report', { dueDatePassed: false })).toBe('grey');
    expect(lightOf('no_report', { dueDatePassed: true })).toBe('red');
  });

  it('is yellow while a cumulative amount trails its time share by at most the threshold', () => {
    // 1-9月: 75% of the year expected; 3000 of 5000 is 60% → 15 points behind.
    expect(lightOf(behind([amount(3000, 5000, '1-9月')]), open)).toBe('yellow');
    // 1000 of 5000 is 20% → 55 points behind.
    expect(lightOf(behind([amount(1000, 5000, '1-9月')]), open)).toBe('red');
    expect(lightOf(behind([amount(3000, 5000, '1-9月')]), { ...open, thresholds: { yellowWithinPoints: 10 } })).toBe(
      'red',
    );
  });

  it('judges a growth rate against the whole floor', () => {
    const growth: Indicator = { ...amount(4, 5.5, '三季度'), metric: '地区生产总值增长', kind: 'growth', unit: '%' };
    expect(behindByPoints([growth])).toBeCloseTo((1 - 4 / 5.5) * 100, 5);
    expect(lightOf(behind([growth]), open)).toBe('yellow');
  });

  it('is red for a delay stated in words (no measurable gap) and for a bare behind status', () => {
    expect(lightOf(behind([]), open)).toBe('red');
    expect(lightOf('behind', open)).toBe('red');
  });
});

describe('timeShare', () => {
  it('reads month ranges, quarters, halves and the whole year', () => {
    expect(timeShare('1-10月')).toBeCloseTo(10 / 12);
    expect(timeShare('三季度')).toBeCloseTo(9 / 12);
    expect(timeShare('上半年')).toBe(0.5);
    expect(timeShare('全年')).toBe(1);
    expect(timeShare('截至十一月')).toBeCloseTo(11 / 12);
  });

  it('counts an undated figure as of one month before the period ends', () => {
    expect(timeShare(null, 12)).toBeCloseTo(11 / 12);
    expect(timeShare('截至目前', 6)).toBeCloseTo(5 / 12);
  });
});
