// The demo's calendar, so the demo lives in today: the plan is this year's, the open period is the
// current quarter with its due date ahead (10 days after the quarter ends), the bundled table's
// reports sit in the quarter before, and texts derived from them in the one before that. The table
// is the 2023 fourth quarter's: its years are shifted by as many years as today is after 2023, so
// "2023年" in a title or a text reads as this year. Pure: `today` is passed in.
import { parsePeriod, periodDates } from '../domain/index.js';

export const TABLE_YEAR = 2023;
/** Days after a quarter's end by which its reports are due. */
export const DUE_AFTER_DAYS = 10;

export interface DemoCalendar {
  /** The plan's year. */
  year: number;
  /** Years added to every "YYYY年" of the bundled table. */
  shift: number;
  open: { label: string; due: string };
  /** The quarter holding the table's own reports (closed). */
  table: { label: string; due: string };
  /** The quarter before it, with shorter texts derived from the table's (closed). */
  earlier: { label: string; due: string };
}

const quarterBefore = (year: number, q: number): [number, number] => (q === 1 ? [year - 1, 4] : [year, q - 1]);

function quarter(year: number, q: number): { label: string; due: string } {
  const label = `${year}Q${q}`;
  const period = parsePeriod(label);
  const end = period ? periodDates(period).end : `${year}-12-31`;
  const due = new Date(Date.parse(`${end}T00:00:00Z`) + DUE_AFTER_DAYS * 86_400_000).toISOString().slice(0, 10);
  return { label, due };
}

export function demoCalendar(today: Date): DemoCalendar {
  const year = today.getUTCFullYear();
  const q = Math.floor(today.getUTCMonth() / 3) + 1;
  const [ty, tq] = quarterBefore(year, q);
  const [ey, eq] = quarterBefore(ty, tq);
  return {
    year,
    shift: year - TABLE_YEAR,
    open: quarter(year, q),
    table: quarter(ty, tq),
    earlier: quarter(ey, eq),
  };
}

/** "2023年…2024年" shifted by `years`: the table's years moved to the demo's. */
export function shiftYears(text: string, years: number): string {
  if (years === 0) return text;
  return text.replace(/(20\d\d)(\s*年)/g, (_, y: string, nian: string) => `${Number(y) + years}${nian}`);
}
