// Comparing two periods of one plan: which tasks moved status, and which way. Pure.
//
// Direction follows how far a task is from needing the office's attention:
//   done > on_track > pending > behind > no_report
// `pending` ranks above `behind` because nothing reported so far shows a shortfall, only a
// figure still to come; `behind` has evidence of one. `no_report` ranks lowest: the office
// cannot judge a task at all without a report, so filing one (even a late one showing a
// shortfall) is a step up, and a task going silent is a step down.
import type { Status } from '../domain/index.js';

export const STATUS_RANK: Record<Status, number> = { done: 4, on_track: 3, pending: 2, behind: 1, no_report: 0 };

export interface TaskStatus {
  taskId: number;
  seq: number;
  target: string;
  status: Status;
}

export interface StatusMove {
  taskId: number;
  seq: number;
  target: string;
  /** null for a task that had no report in the earlier period. */
  from: Status | null;
  to: Status;
}

export interface PeriodDiff {
  /** Moved towards done. */
  up: StatusMove[];
  /** Moved away from done. */
  down: StatusMove[];
  /** How many tasks kept their status. */
  same: number;
  /** Tasks present only in the later period. */
  new: StatusMove[];
  /** Tasks present only in the earlier period (dropped or renumbered out of the plan). */
  gone: Array<Omit<StatusMove, 'from' | 'to'> & { from: Status; to: null }>;
}

/** Compares the statuses of two periods, matching tasks by id; each list is in seq order. */
export function diffStatuses(from: readonly TaskStatus[], to: readonly TaskStatus[]): PeriodDiff {
  const before = new Map(from.map((t) => [t.taskId, t]));
  const after = new Set(to.map((t) => t.taskId));
  const result: PeriodDiff = { up: [], down: [], same: 0, new: [], gone: [] };
  for (const t of to) {
    const was = before.get(t.taskId);
    // The later period's seq and target: that is how the task is known now.
    const move: StatusMove = {
      taskId: t.taskId,
      seq: t.seq,
      target: t.target,
      from: was?.status ?? null,
      to: t.status,
    };
    if (!was) result.new.push(move);
    else if (STATUS_RANK[t.status] > STATUS_RANK[was.status]) result.up.push(move);
    else if (STATUS_RANK[t.status] < STATUS_RANK[was.status]) result.down.push(move);
    else result.same++;
  }
  for (const t of from)
    if (!after.has(t.taskId))
      result.gone.push({ taskId: t.taskId, seq: t.seq, target: t.target, from: t.status, to: null });
  const bySeq = (a: { seq: number }, b: { seq: number }) => a.seq - b.seq;
  result.up.sort(bySeq);
  result.down.sort(bySeq);
  result.new.sort(bySeq);
  result.gone.sort(bySeq);
  return result;
}
