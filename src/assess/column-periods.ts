// Report columns whose headers name a period (`1-10月推进情况 | 1-11月推进情况`): a table that
// keeps last month's column beside this month's reports cumulative work twice, and the later
// column supersedes the earlier one (its figures are the same things, counted further). The
// header also dates the figures of its column that the cell itself leaves undated, so that
// 序时进度 is taken at the header's month, when it names a month before the report period's end
// (a header that only repeats the report period says no more than the title: such a report is
// written before the period closes). Superseded cells are blanked with spaces, so that every
// offset into the progress text stays valid. A column headed as a forecast (`2020年预计值`, `全年预计`)
// holds forecasts, not results, whatever its cells say.
import type { ProgressPart, Span } from '../domain/index.js';
import { toHalfWidth } from './numbers.js';
import { ProgressText, type DatedSpan, type PeriodMark } from './progress-text.js';

export interface ColumnPeriods {
  /** The progress text with superseded columns blanked. */
  progress: string;
  /** The parts still read (superseded ones dropped). */
  parts: readonly ProgressPart[] | undefined;
  /** Columns whose header dates their figures. */
  dated: DatedSpan[];
  /** Columns whose header says their figures are forecasts. */
  forecasts: Span[];
  /**
   * Columns of the period's own work (`本月进展`) beside one of the work so far (`累计进展`): their
   * amounts are a part of the year's, not its total.
   */
  ownPeriod: Span[];
}

/** A header over the period's own work (`本月进展`, `当月完成`, `本季度工作`). */
const OWN_PERIOD_HEADER = /本月|当月|本周|本季度?|当季|本期/;
/** A header over the work so far (`累计进展`, `截至目前完成`, `1-10月累计`). */
const SO_FAR_HEADER = /累计|截[至止]|今年以来|年初以来/;

/** A header over forecasts (`2020 年预计值`, `全年预计完成`, `预测数`). */
const FORECAST_HEADER = /预计|预测|预估/;

/** Roles of columns that report the work itself (a rate or flag column is read apart). */
const REPORT_ROLES = new Set(['progress', 'actual', 'remarks']);
/** Header words that may date a column: a figure (a month, a year), a quarter, the half or whole year. */
const DATES_HEADER = /\d|季度|半年|全年|年度/;

/** The period a header names (`1-11月推进情况` → 1-11月, `1-6月完成投资` → 1-6月), or null. */
export function periodOfHeader(header: string): PeriodMark | null {
  if (!DATES_HEADER.test(header)) return null;
  const h = new ProgressText(header);
  const sentence = h.sentences[0];
  return sentence ? h.periodBefore(sentence, h.text.length) : null;
}

export function readColumnPeriods(
  progress: string,
  parts: readonly ProgressPart[] | undefined,
  endMonth: number,
): ColumnPeriods {
  if (!parts || parts.length < 2) return { progress, parts, dated: [], forecasts: [], ownPeriod: [] };
  const forecasts: Span[] = [];
  const ownPeriod: Span[] = [];
  const soFarBeside = parts.some((p) => REPORT_ROLES.has(p.role) && SO_FAR_HEADER.test(p.header));
  const cells: { part: ProgressPart; start: number; end: number; mark: PeriodMark; rest: string }[] = [];
  let cursor = 0;
  for (const part of parts) {
    const cell = part.text.trim();
    if (!cell) continue;
    const start = progress.indexOf(cell, cursor);
    if (start < 0) continue;
    cursor = start + cell.length;
    if (!REPORT_ROLES.has(part.role)) continue;
    if (FORECAST_HEADER.test(part.header)) forecasts.push({ start, end: cursor });
    if (soFarBeside && OWN_PERIOD_HEADER.test(part.header) && !SO_FAR_HEADER.test(part.header))
      ownPeriod.push({ start, end: cursor });
    const mark = periodOfHeader(toHalfWidth(part.header));
    if (mark && mark.month !== null) {
      // what the header says apart from its period: columns alike but for it report the same thing
      const rest = toHalfWidth(part.header).replace(mark.label, '').replace(/\s+/g, '');
      cells.push({ part, start, end: cursor, mark, rest });
    }
  }
  if (cells.length === 0) return { progress, parts, dated: [], forecasts, ownPeriod };
  let text = progress;
  const dated: DatedSpan[] = [];
  const superseded = new Set<ProgressPart>();
  for (const c of cells) {
    const later = cells.some(
      (o) => o !== c && o.part.role === c.part.role && o.rest === c.rest && (o.mark.month ?? 0) > (c.mark.month ?? 0),
    );
    if (later) {
      superseded.add(c.part);
      text = text.slice(0, c.start) + ' '.repeat(c.end - c.start) + text.slice(c.end);
    } else if ((c.mark.month ?? endMonth) < endMonth)
      dated.push({ start: c.start, end: c.end, mark: { ...c.mark, start: c.start, end: c.start } });
  }
  return {
    progress: text,
    parts: superseded.size ? parts.filter((p) => !superseded.has(p)) : parts,
    dated,
    forecasts,
    ownPeriod,
  };
}
