// Reporting periods: a quarter (`2023Q4`), a month (`2024-03`), a half (`2023H1`) or a year (`2023`).
// The assessor needs the period's last month for the time-proportional rule (序时进度).

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month';

export interface Period {
  /** Canonical label: `2023`, `2023H1`, `2023Q4`, `2024-03`. */
  label: string;
  kind: PeriodKind;
  year: number;
  /** First and last month of the period, 1-12. */
  startMonth: number;
  endMonth: number;
}

/**
 * Reads a period label. Accepts the canonical forms and a few common spellings
 * (`2023q4`, `2023-Q4`, `2024-3`, `2024年3月`, `2023年四季度`).
 * @example parsePeriod('2023Q4') // { label: '2023Q4', kind: 'quarter', year: 2023, startMonth: 10, endMonth: 12 }
 */
export function parsePeriod(input: string): Period | null {
  const s = input.trim().replace(/\s+/g, '');
  let m = /^(\d{4})$/.exec(s);
  if (m) return { label: m[1], kind: 'year', year: +m[1], startMonth: 1, endMonth: 12 };
  m = /^(\d{4})-?[Hh]([12])$/.exec(s);
  if (m) {
    const h = +m[2];
    return { label: `${m[1]}H${h}`, kind: 'half', year: +m[1], startMonth: h * 6 - 5, endMonth: h * 6 };
  }
  m = /^(\d{4})-?[Qq]([1-4])$/.exec(s) ?? /^(\d{4})年?第?([一二三四1-4])季度$/.exec(s);
  if (m) {
    const q = '一二三四'.includes(m[2]) ? '一二三四'.indexOf(m[2]) + 1 : +m[2];
    return { label: `${m[1]}Q${q}`, kind: 'quarter', year: +m[1], startMonth: q * 3 - 2, endMonth: q * 3 };
  }
  m = /^(\d{4})(?:-|年)(\d{1,2})月?$/.exec(s);
  if (m && +m[2] >= 1 && +m[2] <= 12) {
    const mo = +m[2];
    return {
      label: `${m[1]}-${String(mo).padStart(2, '0')}`,
      kind: 'month',
      year: +m[1],
      startMonth: mo,
      endMonth: mo,
    };
  }
  return null;
}

/** First and last calendar day of a period, as ISO dates (`2023-10-01`, `2023-12-31`). */
export function periodDates(p: Period): { start: string; end: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = new Date(Date.UTC(p.year, p.endMonth, 0)).getUTCDate();
  return { start: `${p.year}-${pad(p.startMonth)}-01`, end: `${p.year}-${pad(p.endMonth)}-${pad(lastDay)}` };
}
