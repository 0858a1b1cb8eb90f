// The assessor's output for one task in one period, in the schema of docs/assessment.md.
import type { Status } from './status.js';
import type { Task } from './task.js';

export type IndicatorKind = 'growth' | 'share' | 'amount' | 'rank' | 'level';
export type Direction = 'at_least' | 'at_most';

/** Half-open character offsets [start, end) into a string. */
export interface Span {
  start: number;
  end: number;
}

export interface Indicator {
  /** What is measured, as written: `地区生产总值增长`, `新增学位`. */
  metric: string;
  kind: IndicatorKind;
  direction: Direction;
  /** Normalised number to reach (base unit), or a grade string for `level`. */
  target: number | string;
  /** The floor (确保); equals `target` when the text has no 确保. */
  floor: number | string;
  /** Base unit: `%`, `元`, `美元`, `亩`, `个`, `家` … or null (ranks, levels). */
  unit: string | null;
  /** The reported value for the same metric, normalised, or null. */
  actual: number | string | null;
  /** The period the actual is stated for, as written (`三季度`, `1-11月`, `截至目前`). */
  actual_period: string | null;
  /** Where the phrases stand: `target` in the task's target text, `actual` in its progress text. */
  source: { target: Span; actual: Span | null };
}

export interface Assessment {
  indicators: Indicator[];
  status: Status;
  /** One sentence citing the numbers or words behind the status. */
  reason: string;
  /**
   * Metrics of the target's indicators that a non-empty report gives no figure for (and does
   * not say are accomplished), e.g. `["地区生产总值增长"]`; absent when none is missing.
   */
  missing_figures?: string[];
}

export type AssessedTask = Task & Assessment;
