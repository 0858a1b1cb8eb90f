// What the report form tells a unit while it types: the target's indicators that the progress
// text gives no figure for, and one sentence asking for them (在进展中写明「…」的实际数值).
import type { Period } from '../domain/index.js';
import { assessTask } from './assess-task.js';

export interface MissingFigures {
  /** Metrics of the target's indicators without a figure in the progress, as written. */
  metrics: string[];
  /** The request to show the reporter, or null when nothing is missing. */
  hint: string | null;
}

/** The request for the missing figures: `在进展中写明「地区生产总值增长」的实际数值`. */
export function missingFiguresHint(metrics: readonly string[]): string | null {
  if (metrics.length === 0) return null;
  return `在进展中写明${metrics.map((m) => `「${m}」`).join('')}的实际数值`;
}

/**
 * The indicators a report gives no figure for. An empty report misses every indicator of the
 * target (the form shows the request before the unit starts typing).
 */
export function missingFigures(target: string, progress: string, period?: Period | null): MissingFigures {
  const a = assessTask({ target, progress }, { period });
  const metrics = progress.trim()
    ? (a.missing_figures ?? [])
    : a.indicators.filter((i) => i.kind !== 'level').map((i) => i.metric);
  return { metrics, hint: missingFiguresHint(metrics) };
}
