// Traffic lights (红黄绿灯) derived from an assessment or a bare status. Pure: the server, the store
// and the web app all call this one function so a light means the same thing everywhere.
import type { Assessment, Indicator } from './assessment.js';
import type { Status } from './status.js';

export const LIGHTS = ['green', 'yellow', 'red', 'grey'] as const;
export type Light = (typeof LIGHTS)[number];

export interface LightThresholds {
  /** A `behind` task is yellow while it trails the time-proportional share by at most this many points. */
  yellowWithinPoints: number;
}

export const DEFAULT_LIGHT_THRESHOLDS: LightThresholds = { yellowWithinPoints: 30 };

export interface LightOptions {
  /** True once the period's due date has passed: a missing report turns red instead of grey. */
  dueDatePassed: boolean;
  thresholds?: LightThresholds;
  /** Last month (1-12) of the reporting period; undated figures count as of one month earlier. */
  periodEndMonth?: number;
}

/**
 * green: done or on track; yellow: behind by ≤ `yellowWithinPoints` of the time-proportional share;
 * red: further behind, behind without a measurable gap (an explicit delay), or no report after the
 * due date; grey: pending data, or no report while the period is still open.
 */
export function lightOf(input: Assessment | Status, options: LightOptions): Light {
  const status = typeof input === 'string' ? input : input.status;
  const thresholds = options.thresholds ?? DEFAULT_LIGHT_THRESHOLDS;
  switch (status) {
    case 'done':
    case 'on_track':
      return 'green';
    case 'pending':
      return 'grey';
    case 'no_report':
      return options.dueDatePassed ? 'red' : 'grey';
    case 'behind': {
      if (typeof input === 'string') return 'red';
      const gap = behindByPoints(input.indicators, options.periodEndMonth);
      return gap !== null && gap <= thresholds.yellowWithinPoints ? 'yellow' : 'red';
    }
    default:
      return 'grey';
  }
}

/**
 * The largest shortfall, in percentage points, between an indicator's completion and what it should
 * have reached by now; null when no indicator shows a measurable shortfall (the task is behind for a
 * reason stated in words, which counts as an explicit delay).
 */
export function behindByPoints(indicators: Indicator[], periodEndMonth?: number): number | null {
  let worst: number | null = null;
  for (const ind of indicators) {
    if (typeof ind.actual !== 'number' || typeof ind.floor !== 'number' || ind.floor <= 0) continue;
    if (ind.kind === 'level') continue;
    const completion =
      ind.direction === 'at_most' ? (ind.actual <= 0 ? 1 : ind.floor / ind.actual) : ind.actual / ind.floor;
    // Only cumulative amounts are measured against the time share; a rate is judged on its own.
    const expected = ind.kind === 'amount' ? timeShare(ind.actual_period, periodEndMonth) : 1;
    const gap = (expected - completion) * 100;
    if (gap > 0 && (worst === null || gap > worst)) worst = gap;
  }
  return worst;
}

const CN_MONTHS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};

/** Share of the year (0-1) an actual period covers: `1-10月` → 10/12, `三季度` → 9/12, `上半年` → 6/12. */
export function timeShare(actualPeriod: string | null, periodEndMonth?: number): number {
  const undated = Math.max(1, (periodEndMonth ?? 12) - 1) / 12;
  if (!actualPeriod) return undated;
  const p = actualPeriod;
  if (/全年|年度/.test(p)) return 1;
  if (/上半年/.test(p)) return 0.5;
  let m = /(\d{1,2})\s*月/.exec(p.replace(/^.*?[-—~至到]\s*/, ''));
  if (m && +m[1] >= 1 && +m[1] <= 12) return +m[1] / 12;
  m = /([一二三四1-4])\s*季度/.exec(p);
  if (m) return (('一二三四'.includes(m[1]) ? '一二三四'.indexOf(m[1]) + 1 : +m[1]) * 3) / 12;
  m = /(十[一二]?|[一二三四五六七八九])\s*月/.exec(p);
  if (m) return CN_MONTHS[m[1]] / 12;
  return undated;
}
