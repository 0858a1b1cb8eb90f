// The fields two readings of one table must agree on, whatever the file's format: its number,
// headings, target, people, units and report.
import type { Task } from '../../src/domain/index.js';

export const taskFields = (tasks: readonly Task[]) =>
  tasks.map(({ seq, theme, category, target, leaders, units, progress }) => ({
    seq,
    theme,
    category,
    target,
    leaders,
    units,
    progress,
  }));
