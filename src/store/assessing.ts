// The store's one door to the assessor: every report text is assessed against its task's target
// for the report's period, here, whoever writes it (save, import, opening a period).
import { assessTask } from '../assess/index.js';
import { parsePeriod, type Assessment, type ProgressPart } from '../domain/index.js';

/**
 * `task`: the target and the task's own deadline (完成时限; unfinished after it, the task is behind).
 * `parts`: the report as an imported table split it over columns (actual, rate, flag…), which the
 * assessor reads by role; a report a unit writes in duban is one text and has none.
 */
export function assessProgress(
  task: { target: string; deadline?: string | null },
  progress: string,
  periodLabel: string,
  parts?: readonly ProgressPart[],
): Assessment {
  return assessTask(
    { target: task.target, deadline: task.deadline, progress, progress_parts: parts },
    { period: parsePeriod(periodLabel) },
  );
}
