// A task's own deadline (完成时限: `9月底`, `2024年6月`, `三季度`, `年底前`), read as the month it
// falls in. A task still unfinished in a report after that month is behind whatever its text says:
// an office does not call work on track past the date it was due (assessment.md is silent; this
// is what 督办 means by 逾期).
import type { Period } from '../domain/index.js';
import { CN_QUARTER } from './vocab/period-words.js';

/** Deadlines that recur or have no date (`长期坚持`, `常态化`, `每季度`): never passed. */
const NO_DATE = /长期|持续|常态|每年|每季|每月|每周|逐步|适时|按要求|按上级/;
/** One date in a deadline, in the order they are tried at each position. */
const DATE =
  /(?:(20\d{2})\s*[年.\-/]?\s*)?(?:(\d{1,2})\s*月|([一二三四1-4])季度|(上半年)|(下半年|年底|年末|年内|全年|年度))|(20\d{2})[.\-/]?(0?[1-9]|1[0-2])(?![\d年])/g;

/**
 * The month a deadline falls in, counted from January of `year` (a month of an earlier year is 0 or
 * less), or null when it names no date or a later year. The last date named is the deadline
 * (`6月底前完成方案，12月底前完成建设`: 12).
 */
export function deadlineMonth(text: string, year: number): number | null {
  if (!text || NO_DATE.test(text)) return null;
  let found: { year: number; month: number } | null = null;
  let lastYear = year;
  DATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE.exec(text))) {
    if (m[6]) {
      lastYear = Number(m[6]);
      found = { year: lastYear, month: Number(m[7]) };
      continue;
    }
    if (m[1]) lastYear = Number(m[1]);
    // one of the month, quarter or half-year words always matched here
    const month = m[2] ? Number(m[2]) : m[3] ? CN_QUARTER[m[3]] : m[4] ? 6 : 12;
    if (month >= 1 && month <= 12) found = { year: lastYear, month };
  }
  if (!found || found.year > year) return null;
  return found.month - 12 * (year - found.year);
}

/**
 * A date the target itself sets (`6月底前完成规划编制`, `上半年完成报批`, `…，9月底前开工`): a date
 * leading the target, or one before 前; with several, the last is the deadline (`一季度末完成招标，
 * 年底前建成`). The deadline of a table with no 完成时限 column.
 */
export function deadlineInTarget(target: string): string | null {
  // the year's end (年底, 年内) alone is never passed within the year: only a month, a quarter or
  // the first half can be
  if (!target.includes('月') && !target.includes('季度') && !target.includes('上半年')) return null;
  const found = target.match(DATE_IN_TARGET);
  return found ? found.map((d) => d.replace(/^[，,；;。\s]+/, '')).join('，') : null;
}
/** A date as a target writes it (`2024年6月底`, `9月15日`, `上半年`, `一季度末`, `年底`). */
export const TARGET_DATE =
  '(?:20\\d{2}年)?(?:\\d{1,2}月(?:底|末|份|中旬|上旬|下旬|\\d{1,2}日)?|上半年|下半年|年底|年末|年内|[一二三四]季度末?)';
const DATE_IN_TARGET = new RegExp(
  `^(?:力争|确保|争取|计划)?${TARGET_DATE}(?:前|以前|之前)?|(?<=[，,；;。\\s于在])${TARGET_DATE}(?:前|以前|之前)`,
  'g',
);

/** The month of the deadline when it fell before the period's last one, else null. */
export function passedDueMonth(deadline: string | null | undefined, period: Period | null | undefined): number | null {
  if (!deadline || !period) return null;
  const month = deadlineMonth(deadline, period.year);
  return month !== null && month < period.endMonth ? month : null;
}
