// Finds the actual of an indicator in a progress text: the figure the text ties to the same
// metric (shared wording, same kind and unit family, nearness), with the period it is stated
// for. Forecasts, plans, applications and restated targets are not actuals; figures are never
// added up. An explicit "已全部完成" for the item counts as met with no figure.
import type { Indicator, Span } from '../domain/index.js';
import { distinctFrom, GramIndex, gramsOf, type MetricGrams, type PreparedGrams } from './gram-index.js';
import { parseChineseNumeral } from './numbers.js';
import {
  MAX_LOOKBACK,
  NOT_A_RESULT,
  pieceIndexAt,
  ProgressText,
  type NamedBy,
  type PeriodMark,
  stagesIn,
  type FigureContext,
} from './progress-text.js';
import type { Piece } from './text.js';
import { CROWDED_UNITS, POINTS_UNIT, sameUnitFamily } from './vocab/measure-words.js';
import { simplified } from '../parse/traditional.js';
import { FALL_METRIC } from './falls-as-written.js';
import { LEVELS } from './vocab/metric-words.js';
import { STAGES } from './vocab/stage-words.js';

export interface ActualMatch {
  actual: number | string | null;
  actual_period: string | null;
  span: Span | null;
  /** Month the actual is stated for; null when undated. */
  month: number | null;
  /** The actual is stated for the whole year (全年, 1-12月): only then can a rate close a task. */
  fullYear: boolean;
  /** The text says the item is wholly accomplished, without a figure. */
  explicitlyDone: boolean;
  /** A share of a thing reported built (its beds): fixed with it, not a rate that can still move. */
  settled?: boolean;
  /** A count of things begun (`已开工500套`) for a metric that builds them (`新建人才公寓500套`) and
   * names no stage: a step toward the count, which is not reached by it. */
  startedOnly?: boolean;
}

/** No actual found. */
export const NO_ACTUAL: Readonly<ActualMatch> = {
  actual: null,
  actual_period: null,
  span: null,
  month: null,
  fullYear: false,
  explicitlyDone: false,
};

const EXPLICIT_DONE =
  /已全部完成|全部完成|已完成[。；;]?$|已完成$|进度已达100%|完成率100%|均已[^，。；]{0,8}完成|已全部(开工|完工|建成|投用)/;
/** The whole of a share reached, in words: `全部达标`, `均已达标`, `实现行政村5G网络全覆盖` (not `尚未…`). */
const WHOLE_SHARE =
  /(?<![未不没])(全部|均已?|100%)(达标|合格|覆盖|接入|纳入|配备)|(?<!尚未|未能|没有)(实现|已)[^，。；未]{0,20}全覆盖/;
const ACCEPT = 0.5;
/** A figure clearly ahead of the others of its unit may share less wording. */
const ACCEPT_AHEAD = 0.3;
const AHEAD_MARGIN = 0.12;
/** The only figure of its unit in the text needs only a little shared wording. */
const ACCEPT_LONE = 0.2;
const ACCEPT_LONE_SPECIFIC = 0.1;

/** The bit of each stage of building work in a figure's `stages` (STAGES order: start, finish). */
const START_STAGE = 1 << STAGES.findIndex((s) => s.stage === 'start');
/** A metric that builds its things (新建, 建设, 改造 …): begun is not built. */
const BUILDS = /新建|建设|改造|修建|新增|打造|提升/;
const FINISH_STAGE = 1 << STAGES.findIndex((s) => s.stage === 'finish');

/** How much of a metric the name a 分别 list gives a figure repeats: in full where the text shortens it. */
function namedOverlap(named: NamedBy, metric: MetricGrams, prepared: PreparedGrams, grams: GramIndex): number {
  return named.words
    ? new GramIndex(named.words).overlap(metric, 0, named.words.length)
    : grams.overlap(prepared, named.start, named.end);
}

/** The report's own area, as it names it (`我区`, `本县`): the level's character. */
const OWN_AREA = /[我本]([区县市州省旗镇])/;
/** An area named before a figure in its clause (`全市`, `全省`, `全国`). */
const AREA_NAMED = /全([区县市州省国旗镇])/g;

/**
 * Whether the words of a figure's clause before it name an area of another level than the report's
 * own (`全市新增城镇就业5.2万人，我区新增…8200人`): the wider area's figure, given for comparison.
 */
function ofOtherArea(words: string, own: string): boolean {
  if (!words.includes('全')) return false;
  let level: string | null = null;
  for (const m of words.matchAll(AREA_NAMED)) level = m[1];
  return level !== null && level !== own;
}

/**
 * Kinds of one measure that offices report side by side (`城镇登记失业率`, `城镇调查失业率`;
 * `常住人口城镇化率`, `户籍人口城镇化率`; `城镇居民`, `农村居民`, `全体居民`): a figure whose clause
 * names another kind, and not the metric's, does not report it.
 */
const KINDS_OF_ONE_MEASURE: ReadonlyArray<readonly string[]> = [
  ['登记', '调查'],
  ['常住', '户籍'],
  ['城镇', '农村', '全体'],
];

interface KindNamed {
  own: string;
  others: readonly string[];
}

/** For each group the metric names exactly one kind of: that kind and the others. */
function kindsNamed(metric: string): KindNamed[] {
  return KINDS_OF_ONE_MEASURE.flatMap((group) => {
    const named = group.filter((w) => metric.includes(w));
    return named.length === 1 ? [{ own: named[0], others: group.filter((w) => w !== named[0]) }] : [];
  });
}

/** Whether the words name another kind of the measure and not the metric's own. */
const ofOtherKind = (words: string, kinds: readonly KindNamed[]): boolean =>
  kinds.some(({ own, others }) => !words.includes(own) && others.some((w) => words.includes(w)));

/** What a count's metric counts: its last two characters, where they are a noun's (`学位`, `基站`). */
function headOf(metric: string): string | null {
  const head = metric.slice(-2);
  return /^[\u4e00-\u9fff]{2}$/.test(head) && !HEAD_NOT_NOUN.test(head) ? head : null;
}
/** Endings of a metric that are no thing counted: verbs and measures (`改造`, `增长`, `面积`, `人数`). */
const HEAD_NOT_NOUN = /[造设建成增长加少降升高工办理完达到入用施营积量模度程数额值率]$/;

/**
 * Whether the words before a count end in a thing the metric names other than the one it counts
 * (`新开办幼儿园` before `3所`, for 新增公办幼儿园学位): the figure counts that thing, not the metric's.
 */
function countsOtherThing(before: string, metric: string, head: string): boolean {
  const counted = before.replace(COUNT_LEAD, '').slice(-2);
  if (!/^[\u4e00-\u9fff]{2}$/.test(counted) || counted === head || HEAD_NOT_NOUN.test(counted)) return false;
  // (named before the head, which is the metric's last two characters)
  const at = metric.lastIndexOf(counted);
  if (at >= 0) return at + 2 <= metric.length - head.length;
  // a thing the metric does not name at all, sharing no character with what it counts (`新建停车场
  // 12处` for 新增停车泊位): not a way of naming it (`厕所` for 公厕 is)
  return !NOT_A_THING.test(counted) && ![...counted].some((c) => head.includes(c));
}
/** Words before a count that name no thing counted: times, places of the report, quantities. */
const NOT_A_THING = /[底末前后日月年今间内外区县市镇乡村中计共次批期其余时]$|^[其全本我各该]/;
/** What the count is of, written after it (`151名就业困难人员`): not the words before it. */
const NOUN_AFTER = /^(?![已均全并和、])[\u4e00-\u9fff]/;
/** Words between a counted thing and its figure (`幼儿园共3所`, `学位达1260个`). */
const COUNT_LEAD = /(共计|共|累计|合计|总计|达到|达|为|了|约|近|超|逾)+$/;

/** A metric counting the new things of the year (`新增充电桩`, `新建5G基站`, `新认定高新技术企业`). */
const NEW_THINGS = /新增|新建|新认定|新培育|新引进|新开工|新获批|新创建/;

/**
 * Words before an amount in its clause saying it counts all there are (`总数达到320家`, `全区累计建成
 * 1200个`, `现有…`), unless the clause names the new ones or the year's (`今年以来累计新增820个`).
 */
const STOCK_WORDS = /总数|总量|总计|数量|保有量|存量|共有|现有|拥有|全[区县市省镇]累计/;
const NEW_OR_DATED = new RegExp(`${NEW_THINGS.source}|今年|本年|年内|当年|以来|\\d月|季度|半年`);
const isStock = (words: string): boolean => STOCK_WORDS.test(words) && !NEW_OR_DATED.test(words);
/** A count so far that names no year (`累计建成5G基站`): all there are, beside a count the text dates to the year. */
const isUndatedSoFar = (words: string): boolean =>
  (words.includes('累计') || STOCK_WORDS.test(words)) && !NEW_OR_DATED.test(words);
/** A size a count's words set (`50亿元以上项目`, `亿元以上`): the things counted are those above it. */
const SIZE_NAMED = /(\d+(?:\.\d+)?)?[万亿]元(?:及)?以上/;
/** Whether the words before a count set a size the metric does not (`其中50亿元以上` for `10亿元以上…`). */
function namesOtherSize(words: string, metric: string): boolean {
  const m = SIZE_NAMED.exec(words);
  return m !== null && !metric.replace(/及以上/g, '以上').includes(m[0].replace('及', ''));
}

/** A metric that is itself a level reached or a stock (`…总数达到`, `累计…`, `保有量`). */
const LEVEL_METRIC = /累计|达到|保有|总数|总量|存量/;

/** Whether a growth rate stated without a base year stands among the figures (worked out once per text). */
function hasRateWithoutNamedYear(pt: ProgressText): boolean {
  return pt.once('rateWithoutNamedYear', () =>
    pt.quantities.some((q, i) => {
      if (q.kind !== 'percent') return false;
      const f = pt.figure(i);
      return f.growth !== null && !f.excluded && !f.againstNamedYear;
    }),
  );
}

function subjectOf(ind: Indicator): string {
  const metric = ind.metric.replace(/^(加快|推动|推进|积极|大力|全力|努力|力争|实施|开展|组织)+/, '');
  return ind.kind === 'growth' ? metric.replace(/增长|增速|增幅|下降/g, '') : metric;
}

/**
 * Where the wording that may describe an amount starts: after the previous figure with a unit in
 * the sentence (its words are its own), unless a `其中` in between points back to it. Rates look
 * back to the sentence start, since `X实现Y亿元，同比增长Z%` names X before the amount.
 */
function windowStart(pt: ProgressText, at: number, ind: Indicator): number {
  const f = pt.figure(at);
  const { sentence, q } = f;
  if (ind.kind !== 'amount' || f.pointsBack) return sentence.start;
  for (let i = at - 1; i >= 0; i--) {
    const p = pt.quantities[i];
    if (p.start < sentence.start || p.end < q.start - MAX_LOOKBACK) break;
    if (!sameUnitFamily(p.unit, ind.unit)) continue;
    if (pt.figure(i).colonAfter < q.start) continue; // a restated target as label
    return p.end;
  }
  return sentence.start;
}

/** A word the window around a figure must repeat: where it occurs in the text, and its shortest length. */
interface Qualifier {
  at: number[];
  len: number;
}

/** Figures in the metric (10亿元以上, 35岁) and administrative levels narrow it: the window must repeat them.
 * A figure joined to a Latin letter is part of a name (5G基站, PM2.5, 4A级景区), not a threshold. */
function qualifiersOf(metric: string, text: string): Qualifier[] {
  // (an age naming who is served, `65岁以上老年人`, is a description reports drop: `已体检4.1万人次`)
  const out: Qualifier[] = [...metric.matchAll(/(?<![A-Za-z\d.])\d+(?:\.\d+)?(?![A-Za-z\d.]|周?岁)/g)].map(([w]) => ({
    at: occurrences(text, w),
    len: w.length,
  }));
  const k = LEVELS.findIndex((l) => metric.includes(l.level));
  if (k >= 0) {
    // `省级以上`: a higher level meets it too
    const levels = metric.includes(`${LEVELS[k].level}以上`) ? LEVELS.slice(k) : [LEVELS[k]];
    const at: number[] = [];
    for (const l of levels) for (const m of text.matchAll(l.written)) at.push(m.index);
    out.push({ at: at.sort((a, b) => a - b), len: 1 });
  }
  return out;
}

/** Whether a stretch of text names an administrative level (市级, 省重点 …). */
function namesLevel(text: string): boolean {
  return LEVELS.some((l) => text.search(l.written) >= 0);
}

/** Every offset where the figure occurs in the text as a whole number (`5` is not in `156`). */
function occurrences(text: string, figure: string): number[] {
  const out: number[] = [];
  const digit = (c: string | undefined): boolean => c !== undefined && /[\d.]/.test(c);
  for (let i = text.indexOf(figure); i >= 0; i = text.indexOf(figure, i + 1)) {
    if (!digit(text[i - 1]) && !digit(text[i + figure.length])) out.push(i);
  }
  return out;
}

/** Whether one of the sorted offsets starts a word of length `len` inside [from, to). */
function occursWithin(at: number[], len: number, from: number, to: number): boolean {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < at.length && at[lo] + len <= to;
}

/** Which of the text's figures can report the indicator. */
const figureKindOf = (ind: Indicator): 'amount' | 'points' | 'percent' =>
  ind.kind === 'amount' ? 'amount' : ind.unit === POINTS_UNIT ? 'points' : 'percent';

/** The figure's value as the indicator's kind reads it, or null when it cannot report it. */
function compatible(ind: Indicator, f: FigureContext): number | null {
  // a change in points: a fall to reach (`下降0.5个百分点`) is met by a fall reported
  if (ind.unit === POINTS_UNIT) return f.points === null ? null : FALL_METRIC.test(ind.metric) ? -f.points : f.points;
  if (ind.kind === 'growth') return f.growth;
  if (ind.kind === 'share') return f.share ? f.q.value : null;
  return f.q.value;
}

const RANK = /(?:第|前)([0-9]+|[一二三四五六七八九十]+)(?:名|位)?/g;
interface RankMention {
  value: number;
  start: number;
  end: number;
  sentence: Piece;
}

/** Positions stated in the text (第3名, 前十), without forecasts and ordinals of batches. */
function rankMentions(pt: ProgressText): RankMention[] {
  return pt.once('ranks', () => {
    const { text } = pt;
    const out: RankMention[] = [];
    RANK.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = RANK.exec(text)) && out.length < MAX_RANKS) {
      const end = m.index + m[0].length;
      if (/^[批期届次轮个]/.test(text.slice(end, end + 1))) continue;
      const sentence = pt.sentences[pieceIndexAt(pt.sentences, m.index)];
      if (!sentence) continue;
      const tail = text.slice(Math.max(sentence.start, m.index - 12), m.index);
      if (NOT_A_RESULT.test(tail) || /将|预计/.test(tail)) continue;
      const value = /\d/.test(m[1]) ? Number(m[1]) : parseChineseNumeral(m[1]);
      if (Number.isFinite(value)) out.push({ value, start: m.index, end, sentence });
    }
    return out;
  });
}
const MAX_RANKS = 400;

function rankActual(ind: Indicator, pt: ProgressText): ActualMatch {
  const grams = gramsOf(ind.metric.replace(/排名/g, ''));
  let best: RankMention | null = null;
  let bestScore = 0;
  const mentions = rankMentions(pt);
  // the only position the text states needs only a little shared wording (`位列全省第8位` for
  // 综合考评进入全省前十: the scope)
  const needed = mentions.length === 1 ? ACCEPT_LONE : ACCEPT;
  for (const r of mentions) {
    const score = pt.grams.overlap(grams, r.sentence.start, r.start);
    if (score >= needed && score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (!best) return NO_ACTUAL;
  const p = pt.periodBefore(best.sentence, best.start);
  return {
    actual: best.value,
    actual_period: p?.label ?? null,
    month: p?.month ?? null,
    fullYear: p?.fullYear ?? false,
    span: { start: best.start, end: best.end },
    explicitlyDone: false,
  };
}

/** Sentences saying that something is wholly accomplished, without a figure. */
const explicitlyDoneSentences = (pt: ProgressText): Piece[] =>
  pt.once('explicitDone', () => pt.sentences.filter((s) => EXPLICIT_DONE.test(s.text)));

interface Candidate {
  f: FigureContext;
  value: number;
  score: number;
  own: number;
  /** The same scores by the metric's whole wording (equal to the above without siblings). */
  wholeScore: number;
  wholeOwn: number;
}

/**
 * Words a report puts around a figure without naming what it measures: periods, the area, verbs
 * of completing and changing (`1-6月，全区完成512.3亿元，同比增长6.8%`), and a verdict cell
 * joined before it (`未达预期 一季度增长6.4%`).
 */
const UNNAMING =
  /今年以来|年初以来|完成数|完成值|完成量|实际数|实际|(?:^|\s)[是否](?=\s|$)|经督办后?|(?:比|较)(?:上年|去年|\d{0,4}年)?(?:同期)?|未达到?预期|进度偏慢|序时推进|正常推进|截[至止]目前|截[至止]|目前|全年|累计|共计|合计|共|已经|已|完成|实现|达到|达|新增|新认定|新培育|新引进|新获批|创建|建成|新建|改造|开工|竣工|完工|投用|投入使用|安装到位|到位|开通|发放|同比|增长|增速|增幅|提高|提升|下降|回落|约|超过|超|逾|将近|近|余|多|左右|以上|为|了|全区|全县|全市|全州|全镇|全省|我区|我县|我市|[前第]?[一二三四]季度|[上下]半年|本季度?|本月|今年|当年|前\d{1,2}个?月|\d{4}年|\d{1,2}月份?|\d{1,2}日|[底末至于和及到月份年日]/g;

/**
 * Whether text[from, to) says nothing but figures and UNNAMING words: the figure names no metric.
 * Words the metric itself holds say nothing new either (`已送230场` for 送戏进万村: the report repeats
 * the metric's verb).
 */
function namesNothing(pt: ProgressText, from: number, to: number, metric = ''): boolean {
  let words = '';
  let at = from;
  for (const q of pt.quantities) {
    if (q.end <= from || q.start < at) continue;
    if (q.start >= to) break;
    words += pt.text.slice(at, q.start);
    at = q.end;
  }
  words += pt.text.slice(at, Math.max(at, to));
  const rest = words.replace(UNNAMING, '').replace(/[^\u4e00-\u9fffA-Za-z]/g, '');
  // the report is read simplified: so is the metric it is compared with
  return rest === '' || (metric !== '' && simplified(metric).includes(rest));
}

/**
 * `确定500户改造对象,…,其中252户已完成改造`: after the things chosen for the work, the part `其中` says
 * is done is what the work has reached.
 */
function donePartOfScope(pt: ProgressText, f: FigureContext): boolean {
  if (!f.pointsBack || !DONE_AFTER.test(pt.text.slice(f.q.end, f.segment.end))) return false;
  for (let i = pt.quantities.indexOf(f.q) - 1; i >= 0; i--) {
    const p = pt.quantities[i];
    if (p.start < f.sentence.start) break;
    if (p.kind === 'amount' && sameUnitFamily(p.unit, f.q.unit)) return pt.figure(i).chosen;
  }
  // no count of its own before it (`进场施工,其中7家已竣工`): the 其中 points back to the task's
  return true;
}
const DONE_AFTER = /^[^，。；]{0,3}(已完成|已建成|已完工|已竣工|完成|建成|竣工)/;

/** A period of one month (`10月`, `2024年10月份`). */
const SINGLE_MONTH = /^(?:\d{4}年)?\d{1,2}月份?$/;
/** A period counted from the year's start (`1-9月`, `上半年`, `前三季度`, `截至9月底`, `全年`): an amount for it is cumulative. */
const FROM_YEAR_START =
  /^(1[-—~至到]|一至|前|上半年|截[至止]|全年|今年以来|年初以来|\d{4}年(1[-—~至到]|前|上半年|全年))/;

/**
 * A figure after the chosen one, for a later period, in a clause naming no metric: the latest
 * report of the same thing (`一季度增长5.1%，上半年增长5.6%`, or a cell adding a line each quarter:
 * `一季度：完成32亿元；上半年：完成70亿元；前三季度：完成118亿元`). A rate may be of any later period;
 * an amount of a period counted from the year's start, or one larger than the last (a quarter's own
 * amount is a part: one smaller than the last is no sum so far).
 */
function laterFigure(
  ind: Indicator,
  pt: ProgressText,
  chosen: Candidate,
  chosenPeriod: PeriodMark & { month: number },
): { c: Candidate; p: PeriodMark } | null {
  let out: { c: Candidate; p: PeriodMark } | null = null;
  let worded = 0;
  const amount = ind.kind === 'amount';
  const { month } = chosenPeriod;
  // `10月当月增长8.2%，1-10月累计增长6.1%`: the month's own rate, then the year's so far to the same month
  const oneMonth = SINGLE_MONTH.test(chosenPeriod.label);
  for (const i of pt.figuresFor(figureKindOf(ind), ind.unit)) {
    // (the figure's context is worked out only for figures after the chosen one)
    if (pt.quantities[i].start <= chosen.f.q.start) continue;
    const f = pt.figure(i);
    if (f.excluded) continue;
    const value = compatible(ind, f);
    if (value === null) continue;
    // (or one in the words of the chosen figure but for its period: `截至6月底新增就业4800人；截至9月底
    // 新增就业8600人`, `7月：新增就业6200人。8月：新增就业7100人`; a year has no more periods than
    // MAX_WORDED_LATER, so no more such figures are looked at)
    const nothing = namesNothing(pt, f.segment.start, f.segment.end);
    if (!nothing && ++worded > MAX_WORDED_LATER) continue;
    const p = pt.periodBefore(f.sentence, f.q.start);
    if (!p || p.month == null) continue;
    const soFarToSameMonth = oneMonth && out === null && p.month === month && FROM_YEAR_START.test(p.label);
    if (p.month <= (out?.p.month ?? month) && !soFarToSameMonth) continue;
    if (!nothing && !sameWording(pt, chosen.f, chosenPeriod.label, f, p.label)) continue;
    // `二季度：完成70亿元` after `一季度：完成32亿元`: a quarter's own amount or the sum so far;
    // growing as a sum so far grows (by at least half the months added), it is read as one, which
    // a table adding a line each quarter reports; quarters' own amounts of like size
    // (`一季度新增2100人，二季度新增2300人`) are not summed
    if (amount && !FROM_YEAR_START.test(p.label)) {
      const last = out ?? { c: chosen, p: chosenPeriod };
      const lastMonth = last.p.month ?? month;
      if (!(value >= last.c.value * (1 + (0.5 * (p.month - lastMonth)) / lastMonth))) continue;
    }
    out = { c: { f, value, own: 0, score: 0, wholeOwn: 0, wholeScore: 0 }, p };
  }
  return out;
}

/** Later figures naming a metric looked at for the chosen one's wording: a year's months, twice. */
const MAX_WORDED_LATER = 24;

/** Whether two figures' segments say the same but for their periods and figures. */
function sameWording(pt: ProgressText, a: FigureContext, aPeriod: string, b: FigureContext, bPeriod: string): boolean {
  const words = (f: FigureContext, period: string): string =>
    (pt.text.slice(f.segment.start, f.q.start) + pt.text.slice(f.q.end, f.segment.end))
      .replace(period, '')
      .replace(NOT_WORDING, '');
  const w = words(a, aPeriod);
  return w.length >= 2 && w === words(b, bPeriod);
}
/** What two reports of one thing for two periods may differ in besides their periods: figures, marks. */
const NOT_WORDING = /[\d.,，。；;：:、\s（）()]+/g;

export interface MatchOptions {
  /** The indicator is the only one of its kind and unit family in the target: a figure that
   * names no metric at all (`完成9个`) can only be its actual. */
  sole?: boolean;
  /** From a number as the target writes it to the base unit (`50亿元`: 1e8), for a report figure
   * written without the unit (`完成投资12.5`). */
  plainFactor?: number;
  /** The metrics of the target's other indicators of the same kind and unit family: wording they
   * share with this one does not tie a figure to it. */
  siblings?: readonly string[];
  /** The target counts over a span of years (`（2013—2017年）`, `到2025年，累计…`): a figure counted
   * over it (`累计解决2585个`), where the report gives one, is the actual, not the year's own. */
  cumulative?: boolean;
}

/** Words before a figure saying it counts from the span's start, not the year's. */
const COUNTED_OVER_SPAN = /累计|累积|总计|共计/;

/** What follows a count and names its part in brackets: `5对跨地区教共体(小学)` → 小学. */
const BRACKETED_PART = /^[^，。；、,;\d（(]{1,12}[（(]([^（）()\d]{1,10})[）)]/;

/**
 * Figures of one measure each naming its part in brackets (`组建5对跨地区教共体(小学)…完成9对跨地区
 * 教共体(学前、普高)`), by index with the part: each counts a part of the whole, so none is the
 * whole's actual unless the metric names that part. A single such figure is the whole, its part a note.
 */
function bracketedParts(pt: ProgressText, figures: readonly number[]): Map<number, string> | null {
  if (figures.length < 2 || !/[（(]/.test(pt.text)) return null;
  let parts: Map<number, string> | null = null;
  for (const i of figures) {
    const q = pt.quantities[i];
    const m = BRACKETED_PART.exec(pt.text.slice(q.end, q.end + 24));
    if (m) (parts ??= new Map()).set(i, m[1]);
  }
  return parts && parts.size >= 2 && new Set(parts.values()).size === parts.size ? parts : null;
}

/**
 * `公共图书馆、文化馆、博物馆、美术馆错时延时开放`: a report sums a list of like things (one final
 * character: 馆) up in one word (`新增41家场馆…实施错时延时开放`); the words after the list still say
 * what is done to them. The metric's words after such a list, or null.
 */
function listTail(metric: string): string | null {
  const m = LIKE_LIST.exec(metric);
  if (!m) return null;
  const rest = metric.slice(m.index + m[0].length);
  return rest.length >= 3 ? rest : null;
}
const TAIL_NEEDED = 0.8;
const LIKE_LIST = /[\u4e00-\u9fff]{1,6}?([\u4e00-\u9fff])(?:、[\u4e00-\u9fff]{0,5}?\1){2,}/;

/** Whether the k-th of the figures (indices in text order) is the only one of them in its sentence. */
function aloneInSentence(pt: ProgressText, figures: readonly number[], k: number): boolean {
  const { sentence } = pt.figure(figures[k]);
  const inSentence = (j: number): boolean =>
    j >= 0 &&
    j < figures.length &&
    pt.quantities[figures[j]].start >= sentence.start &&
    pt.quantities[figures[j]].start < sentence.end;
  return !inSentence(k - 1) && !inSentence(k + 1);
}

/** The actual of one indicator in a progress text (analysed once per text: pass a ProgressText). */
export function matchActual(ind: Indicator, progress: string | ProgressText, options: MatchOptions = {}): ActualMatch {
  if (!progress || ind.kind === 'level') return NO_ACTUAL;
  const pt = typeof progress === 'string' ? new ProgressText(progress) : progress;
  if (!pt.text) return NO_ACTUAL;
  if (ind.kind === 'rank') return rankActual(ind, pt);
  // with siblings, figures are ranked by the wording this metric does not share with them, and
  // accepted by either reading (the shared words still say what the figure is about)
  const ownGrams = gramsOf(subjectOf(ind));
  const whole = pt.grams.prepare(ownGrams);
  const subjectGrams = options.siblings?.length
    ? distinctFrom(
        ownGrams,
        options.siblings.map((m) => gramsOf(m)),
      )
    : ownGrams;
  const subject = subjectGrams === ownGrams ? whole : pt.grams.prepare(subjectGrams);
  const distinct = subject !== whole;
  // a list of like things in the metric may be summed up in one word: then what is done to them names the figure
  const tailWords = listTail(ind.metric);
  const tail = tailWords
    ? pt.grams.prepare(
        distinctFrom(
          gramsOf(tailWords),
          (options.siblings ?? []).map((m) => gramsOf(m)),
        ),
      )
    : null;
  const qualifiers = qualifiersOf(ind.metric, pt.text);
  const weight = ind.kind === 'amount' ? 0.8 : 1;
  const { grams } = pt;
  // the best candidate (highest score, then earliest) and the score of the runner-up, in one pass
  let best: Candidate | null = null;
  let second = 0;
  // the two highest whole-wording scores, for accepting the best by the whole wording
  let top: Candidate | null = null;
  let topScore = 0;
  let nextScore = 0;
  let count = 0;
  let inOwnUnit = 0;
  // Figures that share little or no wording with the metric: one of them may still be the sole
  // indicator's actual if its words name nothing at all (`新增2450人` for 新增技能人才). Checked only when no named figure is accepted (rare).
  const unscored: { c: Candidate; from: number; to: number }[] = [];
  // only figures whose kind and unit allow them to report the indicator are weighed
  const figures = pt.figuresFor(figureKindOf(ind), ind.unit);
  const parts = ind.kind === 'amount' ? bracketedParts(pt, figures) : null;
  // a metric asking for one stage of building work (开工) is not reported by a count of another (竣工)
  const stage = ind.kind === 'amount' ? stagesIn(ind.metric) : 0;
  const oneStage = stage !== 0 && (stage & (stage - 1)) === 0;
  // a metric naming no stage (`完成老旧小区改造`) counts the things done: beside a count finished
  // (`完工8个`), a count begun (`已开工32个`) is a step on the way
  const flow = ind.kind === 'amount' && NEW_THINGS.test(ind.metric);
  const kinds = kindsNamed(ind.metric);
  const head = ind.kind === 'amount' ? headOf(ind.metric) : null;
  const ownUnit = ind.unit === null ? null : simplified(ind.unit);
  const ownArea = pt.once('ownArea', () => OWN_AREA.exec(pt.text)?.[1] ?? null);
  const before = (i: number): string => {
    const f = pt.figure(i);
    return pt.text.slice(f.clause.start, f.q.start);
  };
  const overSpan = options.cumulative && figures.some((i) => COUNTED_OVER_SPAN.test(before(i)));
  // a year's target read against a count the text dates to the year (`今年新建680个`) beside one
  // so far that names none (`累计建成5G基站1.2万个`): the year's (a metric of new things: always)
  const yearsOwn =
    ind.kind === 'amount' &&
    !options.cumulative &&
    !flow &&
    !LEVEL_METRIC.test(ind.metric) &&
    figures.length > 1 &&
    figures.some((i) => NEW_OR_DATED.test(before(i)));
  const finishCounted =
    stage === 0 && ind.kind === 'amount' && figures.some((i) => pt.figure(i).stages === FINISH_STAGE);
  for (let k = 0; k < figures.length; k++) {
    const i = figures[k];
    const f = pt.figure(i);
    if (f.excluded && !(f.planWord && ind.metric.includes(f.planWord))) continue;
    if (f.scopeOf && !ind.metric.includes(f.scopeOf)) continue;
    if (oneStage && f.stages !== 0 && (f.stages & stage) === 0) continue;
    if (finishCounted && f.stages === START_STAGE) continue;
    // what the figure's clause says before it, read by the checks below
    const words = before(i);
    // the report names its own area (`我区`) and this figure another one's (`全市新增…5.2万人`)
    if (ownArea && ofOtherArea(words, ownArea)) continue;
    if (overSpan && !COUNTED_OVER_SPAN.test(words)) continue;
    if (yearsOwn && isUndatedSoFar(words)) continue;
    // `其中50亿元以上项目1个` for 10亿元以上项目: a count above a size the metric does not name
    if (f.q.kind === 'amount' && namesOtherSize(words, ind.metric)) continue;
    // `新开办幼儿园3所` for 新增公办幼儿园学位(个): a count, in another measure word, of another thing
    // the metric names
    if (
      head &&
      f.q.unit !== ownUnit &&
      !NOUN_AFTER.test(pt.text.slice(f.q.end, f.q.end + 2)) &&
      countsOtherThing(words, ind.metric, head)
    )
      continue;
    // `城镇调查失业率5.1%` for 城镇登记失业率
    if (kinds.length && ofOtherKind(words, kinds)) continue;
    // a metric counting new things (新增, 新建) is not reported by the count of all there are
    if (flow && f.q.kind === 'amount' && isStock(words)) continue;
    // a change from a named year (`对比2019年同期增幅20.13%`) beside the period's own rate is a
    // second comparison: the rate stated without a year is the actual
    if (f.againstNamedYear && hasRateWithoutNamedYear(pt)) continue;
    if (parts?.has(i) && !ind.metric.includes(parts.get(i)!)) continue;
    const value = compatible(ind, f);
    if (value === null) continue;
    const { segment } = f;
    const from = Math.max(windowStart(pt, i, ind), segment.start - MAX_LOOKBACK);
    if (!qualifiers.every(({ at, len }) => occursWithin(at, len, from, segment.end))) {
      // the subject opening the paragraph names the qualifier for all its sentences, unless the
      // figure's own wording names another level (`省级项目…；市级项目…完成投资5亿元`)
      const opening = namesLevel(pt.text.slice(from, segment.end)) ? null : pt.paragraphSubject(f.sentence);
      const named = ({ at, len }: Qualifier): boolean =>
        occursWithin(at, len, from, segment.end) ||
        (opening !== null && occursWithin(at, len, opening.start, opening.end));
      if (!qualifiers.every(named)) continue;
    }
    // a figure of a list after 分别 is named by its place in the list, not by the words around it
    const named = f.namedBy;
    const own = named
      ? namedOverlap(named, subjectGrams, subject, grams)
      : grams.overlap(subject, segment.start, segment.end);
    // the only figure of its measure in its sentence: what the sentence goes on to say is about it
    // (`新增301所学校均已…改造,并向社会开放学校体育场地`)
    const to = aloneInSentence(pt, figures, k) ? Math.max(segment.end, f.sentence.end) : segment.end;
    let score = named ? own : Math.max(own, weight * grams.overlap(subject, from, to));
    // only when nearly all of what is done to them is repeated (the list's names weigh nothing then)
    if (tail && !named && grams.overlap(tail, from, to) >= TAIL_NEEDED) score = Math.max(score, ACCEPT);
    const c: Candidate = { f, value, own, score, wholeOwn: own, wholeScore: score };
    if (distinct) {
      c.wholeOwn = named
        ? namedOverlap(named, ownGrams, whole, grams)
        : grams.overlap(whole, segment.start, segment.end);
      c.wholeScore = named ? c.wholeOwn : Math.max(c.wholeOwn, weight * grams.overlap(whole, from, to));
      if (!top || c.wholeScore > topScore) {
        nextScore = topScore;
        top = c;
        topScore = c.wholeScore;
      } else if (c.wholeScore > nextScore) nextScore = c.wholeScore;
    }
    count++;
    if (f.q.unit === ownUnit) inOwnUnit++;
    if (options.sole && score < ACCEPT) unscored.push({ c, from: segment.start, to: segment.end });
    if (!best || score > best.score) {
      if (best) second = best.score;
      best = c;
    } else if (score > second) second = score;
  }
  if (best) {
    const lone = count === 1;
    // the report is read simplified (progress-text.ts): `條` in a target is the report's `条`
    const unit = ind.unit === null ? null : simplified(ind.unit);
    const specific = unit !== null && !CROWDED_UNITS.has(unit) && best.f.q.unit === unit;
    // the only figure in the target's own measure word, when that word is not a common one
    // (`公厕建设42座` beside counts in 个 for another item): as good as alone
    const loneInUnit = specific && inOwnUnit === 1 && best.own > 0;
    const acceptable = (score: number, runnerUp: number, own: number): boolean =>
      score >= ACCEPT ||
      (score >= ACCEPT_AHEAD && score - runnerUp >= AHEAD_MARGIN && own > 0) ||
      ((lone || loneInUnit) && score >= (specific ? ACCEPT_LONE_SPECIFIC : ACCEPT_LONE));
    const accepted =
      acceptable(best.score, second, best.own) ||
      (distinct && acceptable(best.wholeScore, top === best ? nextScore : topScore, best.wholeOwn));
    // of figures naming nothing, a count done before a count begun (`已开工20个，完成12个`) when the
    // metric names no stage
    if (stage === 0 && unscored.length > 1)
      unscored.sort((a, b) => Number(a.c.f.stages === START_STAGE) - Number(b.c.f.stages === START_STAGE));
    let chosen = accepted
      ? best
      : (unscored.find((u) => namesNothing(pt, u.from, u.to, ind.metric) || donePartOfScope(pt, u.c.f))?.c ?? null);
    if (chosen) {
      let p = pt.periodBefore(chosen.f.sentence, chosen.f.q.start);
      if (p?.month != null) {
        // `一季度GDP增长5.8%，上半年增长5.1%`: the same rate for a later period, naming nothing
        // else, is the latest reported rate (an amount so, when counted from the year's start)
        const later = laterFigure(ind, pt, chosen, { ...p, month: p.month });
        if (later) {
          chosen = later.c;
          p = later.p;
        }
      }
      const match: ActualMatch = {
        actual: chosen.value,
        actual_period: p?.label ?? null,
        month: p?.month ?? null,
        fullYear: p?.fullYear ?? false,
        span: { start: chosen.f.q.start, end: chosen.f.q.end },
        explicitlyDone: false,
      };
      if (stage === 0 && chosen.f.stages === START_STAGE && BUILDS.test(ind.metric)) match.startedOnly = true;
      return match;
    }
  }
  if (ind.kind === 'amount' && ind.unit !== null) {
    const plain = plainAmount(ind, pt, whole, options.plainFactor ?? 1);
    if (plain) return plain;
  }
  if (singleThingBuilt(ind, pt)) return { ...NO_ACTUAL, explicitlyDone: true };
  // a whole share asked (`达标率100%`, `覆盖率达到100%`) reported in words (`全部达标`, `实现…全覆盖`)
  if (ind.kind === 'share' && ind.target === 100 && WHOLE_SHARE.test(pt.text)) {
    const said = pt.sentences.filter((s) => WHOLE_SHARE.test(s.text));
    if (grams.overlapByPiece(whole, said).some((v) => v >= 0.25)) return { ...NO_ACTUAL, explicitlyDone: true };
  }
  // only sentences that say something is wholly done are worth scoring
  let doneSentences = explicitlyDoneSentences(pt);
  // `已全部开工` does not say that what was to be built is built
  if (oneStage && doneSentences.length)
    doneSentences = doneSentences.filter((s) => {
      const named = stagesIn(s.text);
      return named === 0 || (named & stage) !== 0;
    });
  if (doneSentences.length && grams.overlapByPiece(whole, doneSentences).some((v) => v >= 0.25)) {
    return { ...NO_ACTUAL, explicitlyDone: true };
  }
  return NO_ACTUAL;
}

/**
 * A figure written without its unit, whose wording names the metric outright (`1-6月完成固定资产
 * 投资12.5`, `完成投资12.5亿`): read in the unit the target wrote. Only a clear naming counts.
 */
function plainAmount(ind: Indicator, pt: ProgressText, subject: PreparedGrams, factor: number): ActualMatch | null {
  for (const i of pt.figuresFor('bare', null)) {
    const f = pt.figure(i);
    if (f.excluded) continue;
    const own = pt.grams.overlap(subject, f.sentence.start, f.q.end);
    if (own < ACCEPT || pt.grams.overlap(subject, f.segment.start, f.segment.end) === 0) continue;
    const multiplied = /[万亿萬億千]$/.test(pt.text.slice(f.q.start, f.q.end));
    const p = pt.periodBefore(f.sentence, f.q.start);
    return {
      actual: multiplied ? f.q.value : f.q.value * factor,
      actual_period: p?.label ?? null,
      month: p?.month ?? null,
      fullYear: p?.fullYear ?? false,
      span: { start: f.q.start, end: f.q.end },
      explicitlyDone: false,
    };
  }
  return null;
}

/** Verbs saying a thing now exists (`建成西平县中心敬老院`, `成功创建国家AAAA级旅游景区`). */
const BUILT_VERB = /(建成|落成|竣工|完工|投用|投入使用|开通|成立|挂牌|成功创建|已创建|创成|获评|获批)/g;
/** After the thing's name, words saying it now exists: done, or done in a month (`已于8月正式开馆`). */
const BUILT_AFTER_NAME =
  /^(?:项目|工程)?(?:已经?|均已|已于(?:\d{4}年)?\d{1,2}月[^，。；,;、]{0,3}?)(?:正式|顺利|全面)?(?:建成|落成|竣工|完工|投用|投入使用|投运|开通|成立|挂牌|开馆|开园|开业|上线)/;
/** How far the thing's name may stand after the verb (a place name between: `建成西平县中心敬老院`). */
const NAME_REACH = 12;

/**
 * The sentence saying the one thing a target asks for is built (`改扩建…1所…中心敬老院` and `…改建,建成
 * 西平县中心敬老院`): a count of one is met by naming the thing after a verb saying it exists, without
 * a figure. The thing is the metric's last three characters (its head noun); nothing planned
 * (计划, 将, 拟 …) before the verb in its clause. Returns the sentence, or null.
 */
export function singleThingBuilt(ind: Indicator, pt: ProgressText): Piece | null {
  if (ind.kind !== 'amount' || ind.floor !== 1 || ind.unit === null || !sameUnitFamily(ind.unit, '个')) return null;
  const head = ind.metric.replace(/[“”"》]+$/, '').slice(-3);
  if (!/^[\u4e00-\u9fff]{3}$/.test(head) || !pt.text.includes(head)) return null;
  // the thing named first, then said to exist (`区级养老服务中心已于8月建成并投入使用`)
  for (let at = pt.text.indexOf(head); at >= 0; at = pt.text.indexOf(head, at + 1)) {
    if (BUILT_AFTER_NAME.test(pt.text.slice(at + head.length, at + head.length + 20)))
      return pt.sentences[pieceIndexAt(pt.sentences, at)] ?? null;
  }
  for (const m of pt.text.matchAll(BUILT_VERB)) {
    const after = pt.text.slice(m.index + m[0].length, m.index + m[0].length + NAME_REACH + head.length);
    const at = after.indexOf(head);
    if (at < 0 || /[，。；,;、\d]/.test(after.slice(0, at))) continue;
    const clause = pt.clauses[pieceIndexAt(pt.clauses, m.index)];
    if (
      clause &&
      (NOT_A_RESULT.test(pt.text.slice(clause.start, m.index)) ||
        /将|正在|未/.test(pt.text.slice(clause.start, m.index)))
    )
      continue;
    return pt.sentences[pieceIndexAt(pt.sentences, m.index)] ?? null;
  }
  return null;
}
