// How progress texts date a figure (1-11月, 截至11月底, 三季度, 全年 …) and which month each means.
// `month: null` marks undated wording (截至目前, 今年以来): assessment.md counts it as one month
// before the report period ends. `fullYear` marks wording that covers the whole year (全年,
// 1-12月, 2023年度, 截至12月31日): only a rate stated for the whole year can close a task.

export interface PeriodPattern {
  pattern: RegExp;
  /** Month the figure is stated for, from the match (may be fractional: 截至5月15日 is 4.5); null when undated. */
  month: (m: RegExpExecArray) => number | null;
  /** The wording covers the whole year. */
  fullYear?: (m: RegExpExecArray) => boolean;
}

/** The last month of a quarter named in words or digits (`三季度`, `3季度`). */
export const CN_QUARTER: Readonly<Record<string, number>> = {
  一: 3,
  二: 6,
  三: 9,
  四: 12,
  '1': 3,
  '2': 6,
  '3': 9,
  '4': 12,
};

/** 截至M月D日: the month is as far as the days reach (截至5月15日 is 4.5 months). */
const throughDay = (month: number, day: number): number | null =>
  clampMonth(month) === null ? null : Math.min(month, month - 1 + Math.min(day, 30) / 30);

export const PERIOD_PATTERNS: readonly PeriodPattern[] = [
  {
    pattern: /(?:\d{4}年)?(\d{1,2})月?[-—~至到](\d{1,2})月(?:份)?/,
    month: (m) => clampMonth(+m[2]),
    fullYear: (m) => +m[1] === 1 && +m[2] === 12,
  },
  {
    pattern: /截[至止](?:到)?(?:\d{4}年)?(\d{1,2})月(\d{1,2})日/,
    month: (m) => throughDay(+m[1], +m[2]),
    fullYear: (m) => +m[1] === 12 && +m[2] >= 31,
  },
  {
    pattern: /截[至止](?:到)?(?:\d{4}年)?(\d{1,2})月(?:底|末|份)?/,
    month: (m) => clampMonth(+m[1]),
    fullYear: (m) => +m[1] === 12 && /[底末]$/.test(m[0]),
  },
  { pattern: /(?:\d{4}年)?(?:前|第)?([一二三四1-4])季度/, month: (m) => CN_QUARTER[m[1]] ?? null },
  { pattern: /(?:\d{4}年)?上半年/, month: () => 6 },
  // `全年` before what was planned (`为全年预算数的62.1%`, `全年目标`) names the plan, not the date
  { pattern: /(?:\d{4}年)?全年(?!的?(?:预算|目标|任务|计划))/, month: () => 12, fullYear: () => true },
  { pattern: /(?:\d{4}年)?(\d{1,2})月(?:份|底|末)?(?![\d日])/, month: (m) => clampMonth(+m[1]) },
  // `年末城镇登记失业率为3.1%`: as at the year's end; not a date ahead (`年底前`, `年底将`)
  { pattern: /(?:\d{4})?年[末底](?![前将要])/, month: () => 12, fullYear: () => true },
  { pattern: /截[至止]目前|截[至止]当前|今年以来|年初以来|目前|至今/, month: () => null },
  { pattern: /\d{4}年度/, month: () => 12, fullYear: () => true },
  { pattern: /\d{4}年/, month: () => null },
];

function clampMonth(n: number): number | null {
  return n >= 1 && n <= 12 ? n : null;
}
