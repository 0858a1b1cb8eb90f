// The server's door to the pure assessor (POST /api/assess, indicators of a task's target).
import { assessTask } from '../assess/index.js';
import { parsePeriod, type Assessment } from '../domain/index.js';

export function assess(target: string, progress: string, period?: string, deadline?: string): Assessment {
  return assessTask({ target, progress, deadline }, { period: period ? parsePeriod(period) : null });
}
