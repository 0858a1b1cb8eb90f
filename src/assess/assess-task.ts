// Assesses one task: indicators of the target, their actuals in the progress text, the status
// by the rules, and the reason. Never throws: odd input yields an assessment, not an error.
import type { Assessment, Indicator, Period, ProgressPart } from '../domain/index.js';
import { matchActual, NO_ACTUAL, singleThingBuilt, type ActualMatch } from './actuals.js';
import { periodOfHeader, readColumnPeriods } from './column-periods.js';
import { classifyClauses, namesOnlyProject, ONGOING } from './deliverables.js';
import { deadlineInTarget, passedDueMonth } from './deadline.js';
import { extractIndicators } from './indicators.js';
import { fallsAsWritten } from './falls-as-written.js';
import { horizonOf } from './horizon.js';
import { round, toHalfWidth } from './numbers.js';
import { ProgressText } from './progress-text.js';
import { reasonOf } from './reason.js';
import { assignBareFigures, readReportColumns, unitOfHeader, type BareFigure } from './report-columns.js';
import { statusOf, type Evidence } from './status.js';
import { sameUnitFamily } from './vocab/measure-words.js';
import { withoutPinyin } from '../parse/ruby-pinyin.js';
import { simplified } from '../parse/traditional.js';

/**
 * Texts longer than these are cut: real targets run to a few hundred characters and progress
 * cells to a few thousand, and the matching work grows with both, so time must be bounded.
 */
const MAX_TARGET_CHARS = 2_000;
const MAX_PROGRESS_CHARS = 8_000;
/** No real target names more indicators than this. */
const MAX_INDICATORS = 40;

/**
 * A progress cell holding only `-`, `/`, `无` or `不涉及`, or saying only that nothing was sent
 * (`未报送`, `待报`, `（空）`), says nothing: the task is not reported.
 */
const EMPTY_REPORT =
  /^[\s\-—–/／\\、。.,，]*(无|暂无|不涉及|不适用|未报送|未上报|未报|待报|[（(]空[）)])?[\s\-—–/／\\、。.,，]*$/;

export interface AssessInput {
  target: string;
  progress: string;
  /** The report kept apart by column (actual, rate, flag, remarks), when the table split it. */
  progress_parts?: readonly ProgressPart[];
  /** The task's own deadline (完成时限), as written: unfinished after it, the task is behind. */
  deadline?: string | null;
}

/** The metrics of the other indicators that compete for the same figures (same kind, same unit
 * family); an indicator without any is the only one of its kind. */
function siblingsOf(indicators: readonly Indicator[], i: number): string[] {
  const ind = indicators[i];
  const out: string[] = [];
  for (let j = 0; j < indicators.length; j++) {
    const other = indicators[j];
    if (j !== i && other.kind === ind.kind && sameUnitFamily(other.unit, ind.unit)) out.push(other.metric);
  }
  return out;
}

/** The number as the target wrote it (`50` of `50亿元`), to read a bare report figure in that unit;
 * a Chinese numeral (`两个`) is taken at its value. */
function writtenNumber(target: string, ind: Indicator): number {
  let end = ind.source.target.start;
  while (end < ind.source.target.end && isDigitOrPoint(target.charCodeAt(end))) end++;
  const written = end > ind.source.target.start ? Number(toHalfWidth(target.slice(ind.source.target.start, end))) : NaN;
  return Number.isFinite(written) ? written : Number(ind.target);
}

/** 0-9, '.', and their full-width forms. */
const isDigitOrPoint = (c: number): boolean =>
  (c >= 48 && c <= 57) || c === 46 || (c >= 0xff10 && c <= 0xff19) || c === 0xff0e;

/** A bare figure as the actual of an indicator: plain numbers take the unit the target wrote. */
function actualOfBare(target: string, ind: Indicator, f: BareFigure): number {
  if (!f.plain || typeof ind.target !== 'number') return f.value;
  // under a fall to reach (`能耗下降 % 3`), a bare figure is the fall reached
  if (ind.kind === 'growth' && ind.target < 0 && f.value > 0) return -f.value;
  const written = writtenNumber(target, ind);
  // rounded like any read figure (19.6 × 10^8, not 1960000000.0000002)
  return written ? round(f.value * (ind.target / written)) : f.value;
}

/**
 * A planned figure written bare (`农林水利 11 2.17`, the unit only in a header) whose actual column
 * names its unit (`累计完成投资(亿元)`): plan and actual are read in that unit, so they compare as
 * written and pair with figures written out elsewhere (`2.17亿元`).
 */
function takeHeaderUnit(ind: Indicator, figure: BareFigure): void {
  const hu = figure.headerUnit;
  if (!hu || !figure.plain || ind.unit !== null || ind.kind !== 'amount' || typeof ind.target !== 'number') return;
  ind.unit = hu.unit;
  ind.target = round(ind.target * hu.factor);
  if (typeof ind.floor === 'number') ind.floor = round(ind.floor * hu.factor);
}

/** Words that the work is unfinished besides the ongoing ones (`尚未完成`, `正在整改中`). */
const NOT_FINISHED = /未完成|整改中/;

/** Whether an on-track task's report says its work goes on, not merely that nothing shows it done. */
function stillOpen(evidence: readonly Evidence[], progress: string): boolean {
  return (
    evidence.some((e) => e.type === 'ongoing' || e.type === 'short_of_floor' || e.type === 'rate_partial') ||
    ONGOING.first(progress) !== null ||
    NOT_FINISHED.test(progress)
  );
}

/**
 * The unit an actual column's header names over a plain number (`1-6月完成投资（万元）` | `11200`), if
 * any, and what the column measures (`完成投资`: the header without its period and unit).
 */
function plainActualColumn(parts: readonly ProgressPart[] | undefined): { unit: string; metric: string } | null {
  for (const part of parts ?? []) {
    if (part.role !== 'actual' || !/^\s*\d+(?:\.\d+)?\s*$/.test(part.text)) continue;
    const unit = unitOfHeader(part.header)?.unit;
    if (!unit) continue;
    const header = toHalfWidth(part.header).replace(/[（(][^（）()]*[）)]/g, '');
    const period = periodOfHeader(header)?.label ?? '';
    const metric = (period ? header.replace(period, '') : header).replace(/^(截至|截止|至|累计|本年|当年)+|\s+/g, '');
    return { unit, metric: /^[\u4e00-\u9fff]{2,12}$/.test(metric) ? metric : '' };
  }
  return null;
}

/** Metrics and units in the characters the target wrote them in (`地區生產總值增長`, `20條`), where
 * they are its words. */
function asWritten(indicators: Indicator[], read: string, written: string): void {
  for (const ind of indicators) {
    const at = read.indexOf(ind.metric);
    if (at >= 0) ind.metric = written.slice(at, at + ind.metric.length);
    const { end } = ind.source.target;
    if (ind.unit && read.slice(end - ind.unit.length, end) === ind.unit)
      ind.unit = written.slice(end - ind.unit.length, end);
  }
}

/**
 * A share the target asks of the one thing it builds (`…1所中心敬老院,护理床位达到50%以上`), reported
 * in the sentence saying that thing is built: a fact of the thing built, done once reported (as
 * things built are), not a rate over part of the year that can still fall.
 */
function settleSharesOfBuilt(indicators: readonly Indicator[], matches: ActualMatch[], text: ProgressText): void {
  if (!indicators.some((ind) => ind.kind === 'share')) return;
  const built = indicators
    .map((ind, i) => (matches[i].explicitlyDone ? singleThingBuilt(ind, text) : null))
    .filter((s) => s !== null);
  if (built.length === 0) return;
  indicators.forEach((ind, i) => {
    const span = matches[i].span;
    if (ind.kind === 'share' && span && built.some((s) => span.start >= s.start && span.end <= s.end))
      matches[i] = { ...matches[i], settled: true };
  });
}

export function assessTask(input: AssessInput, context?: { period?: Period | null }): Assessment {
  try {
    // read without pinyin annotations (`建設(shè)`); spans are mapped back to the text as written
    const targetRead = withoutPinyin(String(input?.target ?? '').slice(0, MAX_TARGET_CHARS));
    // traditional characters read as simplified, as the report is (one for one: offsets stay valid)
    const target = simplified(targetRead.text);
    const progressWritten = String(input?.progress ?? '').slice(0, MAX_PROGRESS_CHARS);
    const progressRead = withoutPinyin(progressWritten);
    const progress = EMPTY_REPORT.test(progressRead.text) ? '' : progressRead.text;
    const endMonth = context?.period?.endMonth ?? 12;
    // the parts are found again in the progress text: read them as it is read
    const parts =
      progressRead.text === progressWritten
        ? input?.progress_parts
        : input?.progress_parts?.map((part) => ({ ...part, text: withoutPinyin(part.text).text }));
    // a column of an earlier period beside the latest one is superseded; headers date their cells
    const periods = readColumnPeriods(progress, parts, endMonth);
    const monthly = context?.period?.kind === 'month';
    const plainColumn = plainActualColumn(parts);
    const indicators = extractIndicators(target, {
      plainUnit: plainColumn?.unit,
      plainMetric: plainColumn?.metric,
    }).slice(0, MAX_INDICATORS);
    // the progress text is analysed once and shared by every indicator and rule
    const text = new ProgressText(
      periods.progress,
      periods.dated,
      periods.forecasts,
      periods.ownPeriod,
      context?.period?.year ?? null,
    );
    const written = indicators.map((ind) => writtenNumber(target, ind));
    // a target reaching past the report's year is measured against its span, not the year; one
    // begun in an earlier year, or counting 累计, by the figure counted over the span
    const span = horizonOf(target, context?.period?.year);
    const cumulative =
      span !== null && ((span.from !== null && span.from < (context?.period?.year ?? 0)) || target.includes('累计'));
    const matches: ActualMatch[] = indicators.map((ind, i) => {
      const siblings = siblingsOf(indicators, i);
      return matchActual(ind, text, {
        sole: siblings.length === 0,
        siblings,
        plainFactor: typeof ind.target === 'number' && written[i] ? ind.target / written[i] : 1,
        cumulative,
      });
    });
    const clauses = classifyClauses(
      target,
      indicators.map((i) => i.source.target.start),
    );
    const columns = readReportColumns(
      text,
      periods.parts,
      written,
      // a rate after the figure of the task's only indicator is the task's; after one of several, that item's
      indicators.length === 1 && indicators[0].kind === 'amount'
        ? { unit: indicators[0].unit, actualStart: matches[0].span?.start ?? null }
        : indicators.length === 1
          ? { unit: null, actualStart: matches[0].span?.start ?? null }
          : null,
      indicators.length > 0 && indicators.every((ind) => ind.kind === 'growth' || ind.kind === 'share'),
      // a target naming only a project: the report's figures measure the project itself
      indicators.length === 0,
      indicators.length === 0 && namesOnlyProject(target, clauses),
    );
    // a completion rate of the whole task (`完成率 70%`) is no share's actual, whatever its unit
    matches.forEach((m, i) => {
      const span = m.span;
      if (span && columns.rates.some((r) => r.start < span.end && span.start < r.end)) matches[i] = NO_ACTUAL;
    });
    // figures standing alone in an actual column report the indicators still without one
    const open = columns.bareFigures.length
      ? indicators.map((ind, i) => ({
          kind: ind.kind,
          unit: ind.unit,
          metric: ind.metric,
          open: matches[i].actual === null && !matches[i].explicitlyDone,
        }))
      : [];
    for (const { indicator: i, figure } of assignBareFigures(columns.bareFigures, open, columns.actualCells)) {
      takeHeaderUnit(indicators[i], figure);
      matches[i] = {
        actual: actualOfBare(target, indicators[i], figure),
        actual_period: figure.period?.label ?? null,
        span: { start: figure.start, end: figure.end },
        month: figure.period?.month ?? null,
        fullYear: figure.period?.fullYear ?? false,
        explicitlyDone: false,
      };
    }
    settleSharesOfBuilt(indicators, matches, text);
    indicators.forEach((ind, i) => {
      ind.actual = matches[i].actual;
      ind.actual_period = matches[i].actual_period;
      const span = matches[i].span;
      ind.source.actual = span && progressRead.originalSpan(span);
    });
    const wholeYear = context?.period?.kind === 'year';
    // most tasks have no deadline of their own: read once, for the levels met and for overdue work
    // a table with no 完成时限 column may date the task in its target (`6月底前完成…`)
    const deadline = input?.deadline?.trim() || (context?.period ? deadlineInTarget(target) : null);
    const dueMonth = passedDueMonth(deadline, context?.period);
    const result = statusOf({
      target,
      progress: text,
      indicators,
      matches,
      clauses,
      endMonth,
      monthly,
      wholeYear,
      columns,
      dueMonth,
      horizon: span && context?.period ? { span, year: context.period.year } : null,
    });
    // still going on by its text, but past its own deadline: overdue (the deadline first: most
    // tasks have none, and the text need not be read again)
    const due = result.status === 'on_track' && dueMonth !== null ? deadline : null;
    if (due && stillOpen(result.evidence, text.text)) {
      result.status = 'behind';
      result.evidence.unshift({ type: 'overdue', deadline: due });
    }
    const reason = reasonOf(result);
    fallsAsWritten(indicators);
    if (target !== targetRead.text) asWritten(indicators, target, targetRead.text);
    for (const ind of indicators) ind.source.target = targetRead.originalSpan(ind.source.target);
    const assessment: Assessment = { indicators, status: result.status, reason };
    if (result.status !== 'no_report' && result.missing.length)
      assessment.missing_figures = result.missing.map((ind) => ind.metric);
    return assessment;
  } catch (err) {
    // a bug must not take down a whole table: report it on the task instead
    const message = err instanceof Error ? err.message : String(err);
    return {
      indicators: [],
      status: input?.progress?.trim() ? 'on_track' : 'no_report',
      reason: `无法自动评估：${message}`,
    };
  }
}
