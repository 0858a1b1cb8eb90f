// What a round trip compares: the task fields a published table carries.
import type { Task } from '../../src/domain/index.js';
import type { ProgressRow } from '../../src/export/model.js';

export const taskFields = (
  t: Pick<Task, 'seq' | 'theme' | 'category' | 'target' | 'leaders' | 'units' | 'progress'>,
) => ({
  seq: t.seq,
  theme: t.theme,
  category: t.category,
  target: t.target,
  leaders: t.leaders,
  units: t.units,
  progress: t.progress,
});

export const expectedTasks = (rows: ProgressRow[]) => rows.map(taskFields);
