// The escalation ladder of 督办单, pure: 提示 (blue) → 督办 (orange) → 重点督办 (red). A notice the
// unit has not answered by its deadline rises one level, reaches the task's leader, and gets a
// new deadline ESCALATION_GRACE_DAYS later; at the top level it is escalated once more (to reach
// the leader if it started there) and then stays, overdue. No clock here: `now` is passed in.
// The levels, their labels and colours are written once in src/domain/supervision.ts (the API
// contract and the web app share them).
import { SUPERVISION_LEVELS, type SupervisionLevel } from '../domain/supervision.js';

export { LEVEL_COLOR, LEVEL_LABEL, SUPERVISION_LEVELS } from '../domain/supervision.js';
export type Level = SupervisionLevel;

/** Days a unit gets after each escalation before the next. */
export const ESCALATION_GRACE_DAYS = 3;

/** States in which the notice waits for the unit (and can therefore be ignored). */
export const AWAITING_UNIT = ['issued', 'signed', 'returned'] as const;

export interface LadderNotice {
  level: Level;
  state: string;
  /** YYYY-MM-DD: the last day the unit has to answer. */
  deadline: string;
  escalations: number;
}

export interface Escalation {
  fromLevel: Level;
  toLevel: Level;
  newDeadline: string;
  /** Every escalation reaches the task's leader. */
  toLeader: true;
}

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The escalation due for the notice at `now` (ISO time), or null when none is. */
export function escalationOf(notice: LadderNotice, now: string): Escalation | null {
  if (!(AWAITING_UNIT as readonly string[]).includes(notice.state)) return null;
  const today = now.slice(0, 10);
  if (today <= notice.deadline) return null;
  const index = SUPERVISION_LEVELS.indexOf(notice.level);
  const top = index === SUPERVISION_LEVELS.length - 1;
  if (top && notice.escalations > 0) return null;
  return {
    fromLevel: notice.level,
    toLevel: SUPERVISION_LEVELS[Math.min(index + 1, SUPERVISION_LEVELS.length - 1)],
    newDeadline: addDays(notice.deadline, ESCALATION_GRACE_DAYS),
    toLeader: true,
  };
}

/** True when the notice is past its deadline and still waits for the unit. */
export function isOverdue(notice: LadderNotice, now: string): boolean {
  return (AWAITING_UNIT as readonly string[]).includes(notice.state) && now.slice(0, 10) > notice.deadline;
}

/** `督办〔2024〕第3号`. */
export const noticeNumber = (year: number, n: number): string => `督办〔${year}〕第${n}号`;
