// The store's one door to the assessor: every report text is assessed against its task's target
// for the report's period, here, whoever writes it (save, import, opening a period).
import { assessTask } from '../assess/index.js';
import { parsePeriod, type Assessment } from '../domain/index.js';

export function assessProgress(target: string, progress: string, periodLabel: string): Assessment {
  return assessTask({ target, progress }, { period: parsePeriod(periodLabel) });
}
