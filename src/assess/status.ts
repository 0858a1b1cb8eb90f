// The status of a task by the rules of assessment.md, with the evidence behind it.
// Tie-breaks, in order: no_report; any behind evidence; an unpublished figure (pending);
// done when every indicator and deliverable is shown accomplished; else on_track.
import type { Indicator, Status } from '../domain/index.js';
import type { ActualMatch } from './actuals.js';
import { spanShare, type Horizon } from './horizon.js';
import { checkGoal, coverage, soleDeliverableDone, ONGOING, type TargetClause } from './deliverables.js';
import { gramsOf } from './gram-index.js';
import type { ProgressText } from './progress-text.js';
import type { ReportColumns } from './report-columns.js';
import { clausesOf, firstAffirmed, WordMatcher } from './text.js';
import {
  APPLICATION_WORDS,
  AWAITING_DECISION_PATTERNS,
  DELAY_WORDS,
  FORECAST_MET,
  FORECAST_WORD,
  GRANTED_WORDS,
  PENDING_MARKS,
  PENDING_PATTERNS,
  SHORT_OF_TARGET_WORDS,
  FINISH_ASKED,
  FINISH_NEXT_YEAR,
  TARGET_PAST_YEAR,
} from './vocab/status-words.js';

export type Evidence =
  | { type: 'empty' }
  | { type: 'below'; indicator: Indicator; timeShare: number | null; span?: Horizon }
  | { type: 'delay'; word: string; sentence: string }
  | { type: 'missed_goal'; clause: string }
  | { type: 'unpublished'; sentence: string }
  | { type: 'awaiting'; sentence: string }
  | { type: 'forecast_only'; sentence: string }
  | { type: 'met'; indicator: Indicator; explicit: boolean }
  // (no time share: a target reaching past the year, its span's start unknown)
  | { type: 'short_of_floor'; indicator: Indicator; timeShare: number | null; span?: Horizon }
  | { type: 'unreported'; indicator: Indicator }
  | { type: 'ongoing'; word: string; sentence: string }
  | { type: 'uncovered'; clause: string }
  | { type: 'covered'; sentence: string }
  | { type: 'effort_only' }
  | { type: 'rate_below'; rate: number; timeShare: number; span?: Horizon }
  | { type: 'flag'; answer: string }
  | { type: 'part_year'; indicator: Indicator }
  | { type: 'started_only'; indicator: Indicator }
  | { type: 'goal_so_far'; clause: string }
  | { type: 'overdue'; deadline: string }
  | { type: 'rate_partial'; rate: number }
  | { type: 'whole_done'; statement: string };

export interface StatusInput {
  target: string;
  progress: ProgressText;
  indicators: Indicator[];
  matches: ActualMatch[];
  clauses: TargetClause[];
  /** Last month of the report period (12 for Q4 or a full year). */
  endMonth: number;
  /** A monthly report: an undated figure counts as of its month, not one month before. */
  monthly?: boolean;
  /** A report on the whole year (`2021年…指标完成情况`): an undated rate is the year's own. */
  wholeYear?: boolean;
  /** Figures, rates, flags and done statements of a report split over several columns. */
  columns?: ReportColumns;
  /** The month of the task's own deadline when it fell before the period's end (else null): a
   * level met at or after it is the task's result, not a figure that can still move. */
  dueMonth?: number | null;
  /** A target reaching past the report's year (horizon.ts), with the report's year. */
  horizon?: { span: Horizon; year: number } | null;
}

export interface StatusResult {
  status: Status;
  evidence: Evidence[];
  /** Indicators the report gives no figure for (and does not say are accomplished). */
  missing: Indicator[];
}

/** How much of an item's wording a sentence must share for its ongoing word to count. */
const ONGOING_TIE = 0.3;

const DELAY = new WordMatcher(DELAY_WORDS);
const SHORT_OF_TARGET = new WordMatcher(SHORT_OF_TARGET_WORDS);
/** Target wording of a ceiling: below the target is then the aim, not a shortfall. */
const CEILING = /控制在|以内|以下|不超过|不高于|低于|小于/;
const APPLICATION = new WordMatcher(APPLICATION_WORDS);
const GRANTED = new WordMatcher(GRANTED_WORDS);
/** A list of patterns as one regex: one scan per sentence instead of one per pattern. */
const anyOf = (patterns: readonly RegExp[]): RegExp => new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'));
const UNPUBLISHED = anyOf(PENDING_PATTERNS);
/** A sentence without any of the pending marks cannot match a pending pattern: a cheap scan first. */
const PENDING_MARK = new RegExp(`[${PENDING_MARKS}]`);
const AWAITING = anyOf(AWAITING_DECISION_PATTERNS);
// `改革` in an office's name (省发展改革委, 区发展和改革局) is not a reorganisation
/** An evaluation not yet held (`2024年度评价尚未开展`): awaited, not late (PENDING_PATTERNS has it too). */
const EVALUATION_NOT_YET =
  /(评价|考核|评估|评选|测评|考评|普查|验收|申报)(工作)?[^。；，]{0,4}(尚未|暂未|未)(开展|启动|开始|进行)/;
/**
 * A next step urging the items not yet started on (`加快未开工项目尽快开工`): it names what remains of
 * the task, which the figures judge, and says nothing late of itself.
 */
const REMAINING_URGED = /(加快|督促|推动|抓紧|促进|力促|推进)[^，。；]{0,4}未开工的?(项目|工程)/;
/**
 * The rest of a count not started yet (`已开工24个，6个项目尚未开工`, `其余3个未开工`): what remains of
 * the task, which the figures judge, not a delay of itself.
 */
const REMAINDER_NOT_STARTED =
  /(\d+|[一二两三四五六七八九十]+)(个|项|家|处|所|栋|条)[^，。；\d]{0,6}(尚|还|仍)?未开工|(剩余|其余|其他|另外|余下)[^，。；]{0,8}未开工/;
const AUTHORITY_CAUSE =
  /(部委|国家|上级|省级?|机构调整|职能调整|机构改革)[^。；]{0,20}(调整|改革(?![委局办])|影响|原因)/;

/**
 * Share of the year elapsed at the figure's date. Undated: one month before the period ends,
 * since reports are written before it closes; in a monthly report, that month, and in a report on
 * the whole year, the year's end (its figures are the year's).
 */
export function timeShare(month: number | null, endMonth: number, ofItsOwnEnd = false): number {
  const m = month ?? (ofItsOwnEnd ? endMonth : Math.max(1, endMonth - 1));
  return Math.min(1, m / 12);
}

/**
 * A rate (growth, share) or a level to stay under can still move before the year ends; so can a
 * position dated to part of the year (`一季度增速居全市第二位`), while one undated or of December is a published
 * ranking's result.
 */
const canStillMove = (ind: Indicator, match: ActualMatch): boolean =>
  ind.kind === 'rank'
    ? match.month !== null && match.month < 12
    : ind.kind === 'growth' || ind.kind === 'share' || ind.direction === 'at_most';

/**
 * How far time has run at a figure's date: the share of the year, or of the span of a target
 * reaching past the year (null when the span's start is unknown).
 */
interface Clock {
  share(month: number | null): number | null;
  span: Horizon | null;
}

function clockOf(input: StatusInput): Clock {
  const ofItsOwnEnd = (input.monthly ?? false) || (input.wholeYear ?? false);
  const h = input.horizon;
  if (!h) return { share: (month) => timeShare(month, input.endMonth, ofItsOwnEnd), span: null };
  return {
    share: (month) =>
      spanShare(h.span, h.year, month ?? (ofItsOwnEnd ? input.endMonth : Math.max(1, input.endMonth - 1))),
    span: h.span,
  };
}

function judge(
  ind: Indicator,
  match: ActualMatch,
  clock: Clock,
  wholeYear: boolean,
  dueMonth: number | null,
): Evidence {
  if (match.explicitlyDone) return { type: 'met', indicator: ind, explicit: true };
  const { actual, floor } = ind;
  if (actual === null) return { type: 'unreported', indicator: ind };
  if (typeof actual === 'string' || typeof floor === 'string') {
    return actual === floor ? { type: 'met', indicator: ind, explicit: false } : { type: 'unreported', indicator: ind };
  }
  const meets = ind.direction === 'at_most' ? actual <= floor : actual >= floor;
  // a rate met for part of the year keeps the task on track; only a whole-year figure closes it,
  // or one at or after the task's own deadline (`压缩至1个工作日以内`, due in June, met in September)
  const pastDue = dueMonth !== null && (match.month === null || match.month >= dueMonth);
  if (meets && match.startedOnly) return { type: 'started_only', indicator: ind };
  if (meets)
    return canStillMove(ind, match) &&
      !match.fullYear &&
      !(wholeYear && match.month === null) &&
      !match.settled &&
      !pastDue
      ? { type: 'part_year', indicator: ind }
      : { type: 'met', indicator: ind, explicit: false };
  const span = clock.span ?? undefined;
  // a level to reach by a later year is not missed yet
  if (ind.kind !== 'amount' || ind.direction === 'at_most')
    return span
      ? { type: 'short_of_floor', indicator: ind, timeShare: null, span }
      : { type: 'below', indicator: ind, timeShare: null };
  const share = clock.share(match.month);
  if (share === null) return { type: 'short_of_floor', indicator: ind, timeShare: null, span };
  return actual < floor * share
    ? { type: 'below', indicator: ind, timeShare: share, span }
    : { type: 'short_of_floor', indicator: ind, timeShare: share, span };
}

/** What each sentence says, read once per progress text. */
interface SentenceFacts {
  delay: string | null;
  awaiting: boolean;
  granted: boolean;
  forecast: boolean;
  hasDigit: boolean;
  ongoing: string | null;
}

function factsOf(pt: ProgressText): SentenceFacts[] {
  return pt.once('sentenceFacts', () =>
    pt.sentences.map(({ text, start, end }) => {
      const delay = firstAffirmed(DELAY, text);
      // a cause from above excuses the delay it explains: looked for around the word, not in
      // the whole (often long) sentence
      const at = delay ? text.indexOf(delay) : -1;
      const around = at < 0 ? '' : text.slice(Math.max(0, at - 40), at + delay!.length + 20);
      return {
        delay:
          delay &&
          !AUTHORITY_CAUSE.test(around) &&
          !EVALUATION_NOT_YET.test(around) &&
          !(delay === '未开工' && (REMAINING_URGED.test(around) || REMAINDER_NOT_STARTED.test(around))) &&
          !/(未|不)(出现|存在)/.test(text)
            ? delay
            : null,
        awaiting: AWAITING.test(text),
        granted: GRANTED.first(text) !== null,
        // a forecast figure (预计全年增长6%), not a date it is expected by (预计9月投用)
        forecast:
          (FORECAST_WORD.test(text) &&
            pt.quantities.some((q) => q.start >= start && q.start < end && q.kind !== 'bare')) ||
          pt.forecastIn(start, end),
        hasDigit: /\d/.test(text),
        ongoing: ONGOING.first(text),
      };
    }),
  );
}

function applicationAwaited(target: string, pt: ProgressText, facts: SentenceFacts[]): string | null {
  const awaiting = pt.sentences.filter((_, i) => facts[i].awaiting && !facts[i].granted);
  if (awaiting.length === 0) return null;
  const targetClauses = clausesOf(target);
  for (const c of targetClauses) {
    const word = APPLICATION.first(c.text);
    const object = word ? c.text.slice(c.text.indexOf(word) + word.length) : c.text;
    // a clause that applies for something needs less shared wording than one that does not
    // (a target that only applies for it needs none)
    const needed = word ? (targetClauses.length === 1 ? 0 : 0.1) : 0.3;
    const grams = gramsOf(object);
    for (const s of awaiting) {
      if (pt.grams.overlap(grams, s.start, s.end) >= needed) return s.text;
    }
  }
  return null;
}

/** Decides the status of one task. */
export function statusOf(input: StatusInput): StatusResult {
  const { progress: pt, indicators, matches, clauses, endMonth, columns } = input;
  if (!pt.text.trim()) return { status: 'no_report', evidence: [{ type: 'empty' }], missing: indicators };
  const wholeYear = input.wholeYear ?? false;
  const clock = clockOf(input);
  const judged = indicators.map((ind, i) => judge(ind, matches[i], clock, wholeYear, input.dueMonth ?? null));
  const { sentences } = pt;
  const facts = factsOf(pt);
  const rates = columns?.rates ?? [];
  // the whole task said to be done: a cell saying only 已完成, or every completion rate at 100%
  const wholeDone: Evidence | null = columns?.doneStatement
    ? { type: 'whole_done', statement: columns.doneStatement }
    : rates.length && rates.every((r) => r.value >= 100)
      ? { type: 'whole_done', statement: `完成率${rates[0].value}%` }
      : null;
  // the task's figures are answered by a whole-done statement, or, for a task of one indicator, by
  // its completion rate (`完成年度目标的85%`): no figure is then missing from the report
  const answered = wholeDone !== null || (rates.length > 0 && indicators.length === 1);

  // behind
  const behind: Evidence[] = judged.filter((e) => e.type === 'below');
  // the rate of a task of one amount says again what its figure said (`完成3200亩…；完成率64%`):
  // the reason gives it once
  const soleAmount = indicators.length === 1 && indicators[0].kind === 'amount' ? judged[0].type : null;
  for (const r of rates) {
    if (soleAmount === 'below') break;
    const p = pt.periodBefore(
      pt.sentences[Math.max(0, sentenceAt(pt, r.start))] ?? { text: '', start: 0, end: 0 },
      r.start,
    );
    const share = clock.share(p?.month ?? null);
    if (share !== null && r.value < share * 100 - 1e-9)
      behind.push({ type: 'rate_below', rate: r.value, timeShare: share, span: clock.span ?? undefined });
  }
  if (columns?.behindFlag) behind.push({ type: 'flag', answer: columns.behindFlag });
  sentences.forEach((s, i) => {
    const word = facts[i].delay;
    if (word) behind.push({ type: 'delay', word, sentence: s.text });
  });
  const short = shortOfTarget(input.target, indicators, pt) ?? negativeGrowth(judged, pt);
  if (short) behind.push(short);
  const late = FINISH_NEXT_YEAR.exec(pt.text);
  if (late && FINISH_ASKED.test(input.target) && !TARGET_PAST_YEAR.test(input.target))
    behind.push({ type: 'delay', word: late[0], sentence: pt.sentences[sentenceAt(pt, late.index)]?.text ?? late[0] });
  for (const c of clauses)
    if (c.kind === 'checkable' && checkGoal(c, pt) === 'missed') behind.push({ type: 'missed_goal', clause: c.text });
  if (behind.length) return { status: 'behind', evidence: behind, missing: answered ? [] : unreportedOf(judged) };

  // pending
  // looked for only when nothing is behind (the pending patterns are the costliest of the sentence facts)
  const unpublished = PENDING_MARK.test(pt.text)
    ? sentences.find((sentence) => PENDING_MARK.test(sentence.text) && UNPUBLISHED.test(sentence.text))
    : undefined;
  if (unpublished)
    return {
      status: 'pending',
      evidence: [{ type: 'unpublished', sentence: unpublished.text }],
      missing: answered ? [] : unreportedOf(judged),
    };
  const awaited = applicationAwaited(input.target, pt, facts);
  if (awaited)
    return {
      status: 'pending',
      evidence: [{ type: 'awaiting', sentence: awaited }],
      missing: answered ? [] : unreportedOf(judged),
    };
  // a figure forecast, or (for a task with indicators) the target forecast met without a figure
  const forecast =
    sentences.find((_, i) => facts[i].forecast) ??
    (indicators.length && FORECAST_WORD.test(pt.text) ? sentences.find((s) => FORECAST_MET.test(s.text)) : undefined);
  const anyActual = judged.some(
    (e) => e.type === 'met' || e.type === 'short_of_floor' || e.type === 'part_year' || e.type === 'started_only',
  );
  if (forecast && !anyActual && facts.every((f) => f.forecast || !f.hasDigit)) {
    return {
      status: 'pending',
      evidence: [{ type: 'forecast_only', sentence: forecast.text }],
      missing: answered ? [] : unreportedOf(judged),
    };
  }

  // done or on_track
  const open: Evidence[] = judged.filter(
    (e) =>
      (e.type === 'unreported' && !answered) ||
      e.type === 'short_of_floor' ||
      e.type === 'part_year' ||
      e.type === 'started_only',
  );
  if (soleAmount !== 'short_of_floor')
    for (const r of rates) if (r.value < 100) open.push({ type: 'rate_partial', rate: r.value });
  const met: Evidence[] = judged.filter((e) => e.type === 'met');
  if (wholeDone) met.unshift(wholeDone);
  // work said to go on for an indicator or a deliverable means part of the task is unfinished;
  // ongoing effort clauses (营造…, 深化…) neither make nor unmake done
  const concreteNames = (): string[] => [
    ...indicators.map((i) => i.metric),
    ...clauses.filter((c) => c.kind === 'deliverable').flatMap((c) => c.items),
  ];
  const ongoingAt = facts.some((f) => f.ongoing !== null) ? firstOngoingSentence(pt, facts, concreteNames()) : -1;
  if (ongoingAt >= 0)
    open.push({ type: 'ongoing', word: facts[ongoingAt].ongoing ?? '', sentence: sentences[ongoingAt].text });
  const covered: Evidence[] = [];
  const concrete = indicators.length + clauses.filter((c) => c.kind !== 'effort').length;
  if (concrete === 0) {
    // a task of effort clauses only is done when the report says the whole of it is
    if (wholeDone && open.length === 0) return { status: 'done', evidence: [wholeDone], missing: [] };
    return {
      status: 'on_track',
      evidence: [...open, { type: 'effort_only' }],
      missing: answered ? [] : unreportedOf(judged),
    };
  }
  const soleDeliverable = clauses.filter((c) => c.kind !== 'effort').length === 1;
  for (const c of clauses) {
    // once the task is surely on_track and the reason has its three pieces, the rest cannot matter
    if (open.length >= REASON_PIECES) break;
    if (c.kind === 'effort') continue;
    // the report says the whole task is done: each deliverable with it
    if (wholeDone) continue;
    if (c.kind === 'checkable') {
      const goal = checkGoal(c, pt, endMonth === 12);
      if (goal === 'met' || (goal === 'met_so_far' && wholeYear)) covered.push({ type: 'covered', sentence: c.text });
      else if (goal === 'met_so_far') open.push({ type: 'goal_so_far', clause: c.text });
      else open.push({ type: 'uncovered', clause: c.text });
      continue;
    }
    const cov = coverage(c, pt);
    if (cov.ongoing) open.push({ type: 'ongoing', word: cov.ongoing, sentence: cov.evidence ?? '' });
    else if (!cov.done) {
      // the only deliverable of a task without figures, reported done without being named again
      const sole = soleDeliverable && indicators.length === 0 ? soleDeliverableDone(c, pt) : null;
      if (sole) covered.push({ type: 'covered', sentence: sole });
      else open.push({ type: 'uncovered', clause: c.text });
    } else if (cov.evidence) covered.push({ type: 'covered', sentence: cov.evidence });
  }
  if (open.length === 0) return { status: 'done', evidence: [...met, ...covered], missing: [] };
  return {
    status: 'on_track',
    evidence: [...open, ...met, ...covered],
    missing: answered ? [] : unreportedOf(judged),
  };
}

/**
 * The report says a figure falls short of the target (`增长6.1%,低于目标0.9个百分点`): behind, as a
 * shortfall list writes it without printing the target. Not under a ceiling (`失业率控制在4.5%以内`,
 * a level to stay under), where a figure below the target is the aim.
 */
function shortOfTarget(target: string, indicators: readonly Indicator[], pt: ProgressText): Evidence | null {
  // every such wording names the target (目标) or the expectation (预期): most texts have neither
  if (!pt.text.includes('目标') && !pt.text.includes('预期')) return null;
  const word = SHORT_OF_TARGET.first(pt.text);
  if (!word) return null;
  const underCeiling = indicators.some(
    (i) => i.direction === 'at_most' && !(typeof i.target === 'number' && i.target < 0),
  );
  if (underCeiling || (indicators.length === 0 && CEILING.test(target))) return null;
  const at = pt.text.indexOf(word);
  return { type: 'delay', word, sentence: pt.sentences[sentenceAt(pt, at)]?.text ?? word };
}

/**
 * A growth to reach reported as negative or flat without its figure (`1-9月外贸进出口负增长`,
 * `税收收入同比基本持平`): behind, unless the negative growth is what was overcome (`扭转负增长局面`,
 * `由负增长转为正增长`).
 */
function negativeGrowth(judged: readonly Evidence[], pt: ProgressText): Evidence | null {
  if (!pt.text.includes('负增长') && !pt.text.includes('持平')) return null;
  const negative = NEGATIVE_GROWTH.exec(pt.text);
  const m = negative ?? FLAT.exec(pt.text);
  if (!m) return null;
  const sentence = pt.sentences[sentenceAt(pt, m.index)];
  const asked = judged.some(
    (e) =>
      e.type === 'unreported' &&
      e.indicator.kind === 'growth' &&
      e.indicator.direction !== 'at_most' &&
      typeof e.indicator.target === 'number' &&
      e.indicator.target > 0 &&
      // flat is said of one figure among many: of this one only where its sentence names it
      (negative !== null ||
        (sentence !== undefined &&
          pt.grams.overlap(pt.grams.prepare(gramsOf(e.indicator.metric)), sentence.start, sentence.end) >= FLAT_NAMED)),
  );
  if (!asked) return null;
  return { type: 'delay', word: m[0], sentence: sentence?.text ?? m[0] };
}
/** How much of a growth's wording the sentence saying it is flat must share. */
const FLAT_NAMED = 0.5;
const NEGATIVE_GROWTH = /(?<!扭转|摆脱|走出|止住|结束|遏制|由|从)负增长(?![^，。；]{0,4}(转正|收窄|为正))/;
/** No change on the year before (`同比持平`, `与上年基本持平`), not a balance (`收支持平`, `盈亏持平`). */
const FLAT =
  /(?<!收支|盈亏|保本)(?:同比|与上年同期|与去年同期|与上年|与去年)?基本持平|(?<!收支|盈亏|保本)(?:同比|与上年同期|与去年同期|与上年|与去年)持平/;

/** The indicators judged unreported. */
function unreportedOf(judged: readonly Evidence[]): Indicator[] {
  const out: Indicator[] = [];
  for (const e of judged) if (e.type === 'unreported') out.push(e.indicator);
  return out;
}

/** Index of the sentence holding offset `at`, or -1. */
function sentenceAt(pt: ProgressText, at: number): number {
  return pt.sentences.findIndex((s) => at >= s.start && at < s.end);
}

/** The longest cell that can say only that the work goes on (`持续推进中`, `项目建设中`). */
const BARE_ONGOING = 6;

/** How many pieces of evidence a reason cites (reason.ts). */
const REASON_PIECES = 3;

/** The first sentence with an ongoing word that names an indicator or deliverable, or -1. */
function firstOngoingSentence(pt: ProgressText, facts: SentenceFacts[], names: string[]): number {
  const withWord = pt.sentences.filter((_, i) => facts[i].ongoing !== null);
  if (withWord.length === 0) return -1;
  // a cell that says only that the work goes on (`持续推进中`) is about the whole task
  const bare = withWord.findIndex((s) =>
    s.text.split(/\s+/).some((cell) => cell.length <= BARE_ONGOING && ONGOING.first(cell) !== null),
  );
  if (bare >= 0) return pt.sentences.indexOf(withWord[bare]);
  let first = -1;
  for (const name of names) {
    const scores = pt.grams.overlapByPiece(gramsOf(name), withWord);
    const k = scores.findIndex((v) => v >= ONGOING_TIE);
    if (k >= 0 && (first < 0 || withWord[k].start < pt.sentences[first].start))
      first = pt.sentences.indexOf(withWord[k]);
  }
  return first;
}
