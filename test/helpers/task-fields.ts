// The fields two readings of one table must agree on, whatever the file's format: its number,
// headings, target, people, units and report.
import type { Task } from '../../src/domain/index.js';

type Fields = Pick<Task, 'seq' | 'theme' | 'category' | 'target' | 'leaders' | 'units' | 'progress'>;

export const taskFields = (tasks: readonly Fields[]): Fields[] =>
  tasks.map(({ seq, theme, category, target, leaders, units, progress }) => ({
    seq,
    theme,
    category,
    target,
    leaders,
    units,
    progress,
  }));
