// Which open periods 我的填报 shows, in which order: every open period with work for the unit
// (something not yet handed in, or sent back), the overdue ones first, then by due date; when no
// period has work left, the newest open one (so the unit still sees what it handed in).
import dayjs from 'dayjs';
import type { PeriodRow, TaskListItem } from '../../api/types';

export interface PeriodWorkload {
  period: PeriodRow;
  items: TaskListItem[];
}

export const isOverdue = (p: PeriodRow, today = dayjs()): boolean =>
  !!p.dueDate && today.isAfter(dayjs(p.dueDate), 'day');

/** Reports the unit still has to hand in: none yet, a draft, or one sent back. */
export const notSubmitted = (items: TaskListItem[]): TaskListItem[] =>
  items.filter((t) => !t.report || t.report.state === 'draft' || t.report.state === 'returned');

export function periodsWithWork(loads: PeriodWorkload[], today = dayjs()): PeriodWorkload[] {
  const withWork = loads.filter((l) => notSubmitted(l.items).length > 0);
  if (withWork.length === 0) {
    const newest = [...loads].sort((a, b) => b.period.endDate.localeCompare(a.period.endDate))[0];
    return newest ? [newest] : [];
  }
  const key = (l: PeriodWorkload) => [isOverdue(l.period, today) ? 0 : 1, l.period.dueDate ?? '9999', l.period.endDate];
  return withWork.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] !== y[0]
      ? Number(x[0]) - Number(y[0])
      : String(x[1]).localeCompare(String(y[1])) || String(x[2]).localeCompare(String(y[2]));
  });
}
