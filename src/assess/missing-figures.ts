// What the report form tells a unit while it types: the target's indicators that the progress
// text gives no figure for, and one sentence asking for them (在进展中写明「…」的实际数值).
import type { Period } from '../domain/index.js';
import { assessTask } from './assess-task.js';
import { missingFiguresHint } from './missing-hint.js';

export { missingFiguresHint };

export interface MissingFigures {
  /** Metrics of the target's indicators without a figure in the progress, as written. */
  metrics: string[];
  /** The request to show the reporter, or null when nothing is missing. */
  hint: string | null;
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
