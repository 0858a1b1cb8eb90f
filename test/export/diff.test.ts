import { describe, expect, it } from 'vitest';
import { diffStatuses, type TaskStatus } from '../../src/export/diff.js';

const t = (taskId: number, status: TaskStatus['status']): TaskStatus => ({
  taskId,
  seq: taskId,
  target: `任务${taskId}`,
  status,
});

describe('period diff', () => {
  it('groups tasks by the direction of their status move', () => {
    const d = diffStatuses(
      [t(1, 'on_track'), t(2, 'behind'), t(3, 'done'), t(4, 'pending'), t(5, 'no_report')],
      [t(1, 'done'), t(2, 'pending'), t(3, 'on_track'), t(4, 'pending'), t(5, 'behind')],
    );
    expect(d.up.map((m) => [m.taskId, m.from, m.to])).toEqual([
      [1, 'on_track', 'done'],
      [2, 'behind', 'pending'],
      [5, 'no_report', 'behind'],
    ]);
    expect(d.down.map((m) => [m.taskId, m.from, m.to])).toEqual([[3, 'done', 'on_track']]);
    expect(d.same).toBe(1);
    expect(d.new).toEqual([]);
  });

  it('ranks pending above behind: a figure still to come is not a shortfall', () => {
    const d = diffStatuses([t(1, 'pending')], [t(1, 'behind')]);
    expect(d.down).toHaveLength(1);
  });

  it('lists tasks only in the later period as new and those only in the earlier as gone', () => {
    const d = diffStatuses([t(1, 'done'), t(2, 'done')], [t(1, 'done'), t(3, 'on_track')]);
    expect(d.new).toEqual([{ taskId: 3, seq: 3, target: '任务3', from: null, to: 'on_track' }]);
    expect(d.gone.map((g) => g.taskId)).toEqual([2]);
    expect(d.same).toBe(1);
  });

  it('orders every list by seq, whatever the input order', () => {
    const d = diffStatuses([t(9, 'behind'), t(2, 'behind')], [t(2, 'done'), t(9, 'done')].reverse());
    expect(d.up.map((m) => m.seq)).toEqual([2, 9]);
  });
});

describe('duban diff, human-readable', async () => {
  const { formatDiff } = await import('../../src/cli/commands/diff.js');
  it('prints the counts, then the tasks that moved down before those that moved up', () => {
    const d = diffStatuses(
      [t(1, 'on_track'), t(2, 'done'), t(3, 'pending')],
      [t(1, 'done'), t(2, 'behind'), t(3, 'pending')],
    );
    const text = formatDiff({
      ...d,
      plan: { id: 1, title: '2024年某县政府工作报告重点工作任务' },
      from: '2024Q1',
      to: '2024Q2',
    });
    expect(text).toContain('2024Q1 → 2024Q2');
    expect(text).toContain('好转 1，后退 1，不变 1，新增 0');
    expect(text.indexOf('↓ 后退 (1)')).toBeLessThan(text.indexOf('↑ 好转 (1)'));
    expect(text).toMatch(/ {2}2 {2}已完成 → 进度滞后 {2}任务2/);
  });
});
