// Assesses one task: indicators of the target, their actuals in the progress text, the status
// by the rules, and the reason. Never throws: odd input yields an assessment, not an error.
import type { Assessment, Period } from '../domain/index.js';
import { matchActual, type ActualMatch } from './actuals.js';
import { classifyClauses } from './deliverables.js';
import { extractIndicators } from './indicators.js';
import { ProgressText } from './progress-text.js';
import { reasonOf } from './reason.js';
import { statusOf } from './status.js';

/**
 * Texts longer than these are cut: real targets run to a few hundred characters and progress
 * cells to a few thousand, and the matching work grows with both, so time must be bounded.
 */
const MAX_TARGET_CHARS = 2_000;
const MAX_PROGRESS_CHARS = 8_000;
/** No real target names more indicators than this. */
const MAX_INDICATORS = 40;

export function assessTask(
  input: { target: string; progress: string },
  context?: { period?: Period | null },
): Assessment {
  try {
    const target = String(input?.target ?? '').slice(0, MAX_TARGET_CHARS);
    const progress = String(input?.progress ?? '').slice(0, MAX_PROGRESS_CHARS);
    const endMonth = context?.period?.endMonth ?? 12;
    const indicators = extractIndicators(target).slice(0, MAX_INDICATORS);
    // the progress text is analysed once and shared by every indicator and rule
    const text = new ProgressText(progress);
    const matches: ActualMatch[] = indicators.map((ind) => matchActual(ind, text));
    indicators.forEach((ind, i) => {
      ind.actual = matches[i].actual;
      ind.actual_period = matches[i].actual_period;
      ind.source.actual = matches[i].span;
    });
    const clauses = classifyClauses(
      target,
      indicators.map((i) => i.source.target.start),
    );
    const result = statusOf({ target, progress: text, indicators, matches, clauses, endMonth });
    return { indicators, status: result.status, reason: reasonOf(result) };
  } catch (err) {
    // a bug must not take down a whole table: report it on the task instead
    const message = err instanceof Error ? err.message : String(err);
    return {
      indicators: [],
      status: input?.progress?.trim() ? 'on_track' : 'no_report',
      reason: `无法自动评估：${message}`,
    };
  }
}
