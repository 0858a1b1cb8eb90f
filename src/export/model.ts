// The documents duban publishes, as plain values: the progress table (进展情况表), the leader
// briefing (领导专报) and the reminder notice (催办通知). Writers turn these into bytes; the
// loader (load.ts) builds them from the store. Nothing here touches a database or a file.
import { parsePeriod, type Status, type Task } from '../domain/index.js';
import { lightOf, type Light } from '../domain/light.js';

export type { Light };

/** One task row of the progress table; status columns are filled only when the table shows them. */
export interface ProgressRow extends Pick<
  Task,
  'seq' | 'theme' | 'category' | 'target' | 'leaders' | 'units' | 'progress'
> {
  taskId?: number;
  status?: Status;
  reason?: string;
  /** From the store (domain `lightOf` with the office's thresholds); derived from the status when absent. */
  light?: Light;
}

export interface ProgressTable {
  /** The title row, e.g. `2023年钱塘区政府工作报告重点工作任务四季度进展情况表`. */
  title: string;
  planTitle: string;
  periodLabel: string;
  /** Adds a 评估状态 column with coloured fills. */
  withStatus: boolean;
  rows: ProgressRow[];
}

export { PROGRESS_FORMATS, type ProgressFormat } from '../domain/publish.js';

/**
 * The light of a bare status, as the app shows it once the period's due date has passed (a
 * published table is about a period that is over): a missing report is red.
 */
export function lightOfStatus(status: Status): Light {
  return lightOf(status, { dueDatePassed: true });
}

/** How a period is named in a title: `四季度`, `上半年`, `3月`, `全年`. */
export function periodPhrase(label: string): string {
  const p = parsePeriod(label);
  if (!p) return label;
  switch (p.kind) {
    case 'quarter':
      return `${'一二三四'[p.endMonth / 3 - 1]}季度`;
    case 'half':
      return p.startMonth === 1 ? '上半年' : '下半年';
    case 'month':
      return `${p.startMonth}月`;
    default:
      return '全年';
  }
}

/**
 * The title row of a published table: the plan title, the period, `进展情况表`.
 * @example progressTitle('2023年钱塘区政府工作报告重点工作任务', '2023Q4') // '2023年钱塘区政府工作报告重点工作任务四季度进展情况表'
 */
export function progressTitle(planTitle: string, periodLabel: string): string {
  const base = planTitle.replace(/(进展情况表|进展情况|情况表)$/, '');
  const p = parsePeriod(periodLabel);
  // A plan titled without its year gets the period's year in front, as published tables do.
  const withYear = p && !base.includes(String(p.year)) ? `${p.year}年${base}` : base;
  return `${withYear}${periodPhrase(periodLabel)}进展情况表`;
}

/** A figure the assessor read from a progress text, for the briefing's "new figures". */
export interface Figure {
  metric: string;
  actual: number | string;
  unit: string | null;
  period: string | null;
}

/** One task in a leader briefing: this period's status and what it was before. */
export interface BriefingTask extends ProgressRow {
  status: Status;
  reason: string;
  /** Status in the previous period, or null when the task had no report then (or there is none). */
  previousStatus: Status | null;
  /** Figures reported this period that the previous period did not report (or reported differently). */
  newFigures: Figure[];
}

export interface Briefing {
  leader: string;
  planTitle: string;
  periodLabel: string;
  /** The period compared against, or null for the first period of a plan. */
  previousPeriodLabel: string | null;
  tasks: BriefingTask[];
  /** Date printed on the briefing, `YYYY-MM-DD` (injected: writers read no clock). */
  date: string;
}

export interface NoticeTask {
  seq: number;
  target: string;
  leaders: string[];
  /** 报送截止日期 `YYYY-MM-DD`. */
  dueDate: string;
  /** Reminders already sent for this task and period. */
  reminders: number;
  /** Report state: `draft`, `returned`, or null when nothing was written. */
  state: string | null;
}

export interface Notice {
  unit: string;
  planTitle: string;
  periodLabel: string;
  tasks: NoticeTask[];
  /** 联系人及电话, printed at the foot; blanks to fill by hand when empty. */
  contact: string | null;
  date: string;
}
