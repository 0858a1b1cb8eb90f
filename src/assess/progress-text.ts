// One progress text, analysed once and shared by every indicator and rule of a task: the
// half-width text, its sentences and clauses, its figures and what stands around each of them,
// the wording that dates figures, and a word-pair index for comparing wording. Parts that only
// some tasks need are computed on first use.
import type { Span } from '../domain/index.js';
import { listedThings } from './listed-things.js';
import { GramIndex } from './gram-index.js';
import { simplified } from '../parse/traditional.js';
import { quantitiesOfHalfWidth, toHalfWidth, type Quantity } from './numbers.js';
import { clausesOf, isHalfStop, sentencesOf, type Piece } from './text.js';
import { sameUnitFamily, unitKey } from './vocab/measure-words.js';
import { PERIOD_PATTERNS } from './vocab/period-words.js';
import { STAGES } from './vocab/stage-words.js';

/** What stands around one figure, whatever the indicator it may report. */
export interface FigureContext {
  q: Quantity;
  clause: Piece;
  sentence: Piece;
  /** Index of the sentence in `sentences`. */
  sentenceIndex: number;
  /** The list item or clause around the figure (between 、，。；：). */
  segment: Piece;
  /** Forecast, plan, restated target, label, money qualifier, 准亿元 item: never an actual. */
  excluded: boolean;
  /** The plan word that alone excludes it (`已谋划重点项目216个`: 谋划), or null: an indicator whose
   * metric is that act itself (谋划重点项目) is reported by it. */
  planWord: string | null;
  /** As a growth rate (negative for 下降/减少/回落), or null when not stated as a growth rate. */
  growth: number | null;
  /** Stated against a year it names (`对比2019年同期增幅20.13%`), not the period's own change. */
  againstNamedYear: boolean;
  /** Stated as a share or rate (not a change). */
  share: boolean;
  /** A change in 个百分点 (negative after 下降/减少/回落), or null for other figures. */
  points: number | null;
  /** A `：` follows it before any comma or stop (`任务8条：…`): its wording labels what follows. */
  labelsAfter: boolean;
  /** Offset of the first `：` after the figure with no comma or stop between (Infinity if none). */
  colonAfter: number;
  /** A `其中` in its clause points back to the figures before it (…39家，其中…). */
  pointsBack: boolean;
  /** `甲、乙分别为X、Y`: the name the figure stands for by its place in the list (and the words
   * before the list), or null. */
  namedBy: NamedBy | null;
  /** It counts things chosen for the work (`确定500户改造对象`): the scope, never an actual. */
  chosen: boolean;
  /** The preparatory step the figure is the scope of (`41所…更新添置招投标文件已发布`: 招投标), or null. */
  scopeOf: string | null;
  /** The stages of building work its own words name (`38处竣工`: finish), as a bit set of STAGES (0: none). */
  stages: number;
}

/** The name a figure of a 分别 list stands for, where it stands in the text. */
export interface NamedBy extends Piece {
  /** The words before the list's first figure (`分别增长`). */
  lead: string;
  /**
   * The name in full where the text shortens it (`城镇` of `城镇、农村居民收入` is 城镇居民收入; `城乡居民收入`
   * names 城镇居民收入 and 农村居民收入): what the figure is compared by, instead of the text at start..end.
   */
  words?: string;
}

export interface PeriodMark {
  label: string;
  month: number | null;
  /** The wording covers the whole year (全年, 1-12月, 2023年度). */
  fullYear: boolean;
  start: number;
  end: number;
}

/** A stretch of the text (one report column) whose header dates the figures it leaves undated. */
export interface DatedSpan {
  start: number;
  end: number;
  mark: PeriodMark;
}

/** Whether a run of spaces starts at `i` and Chinese words follow it. */
function cellBreakAt(text: string, i: number): boolean {
  if (text[i] !== ' ' && text[i] !== '\t') return false;
  let j = i + 1;
  while (text[j] === ' ' || text[j] === '\t') j++;
  return j < text.length && text.charCodeAt(j) >= 0x4e00 && text.charCodeAt(j) <= 0x9fff;
}

/** Bounds that keep time linear on pathological text: how many figures are weighed (real
 * cells hold a few dozen), how far back a figure's wording is looked for, the segment reach. */
export const MAX_FIGURES = 400;
export const MAX_LOOKBACK = 160;
const MAX_SEGMENT = 60;
/** The longest list after 分别 read item by item. */
const MAX_LIST = 12;

/** Wording before a figure that makes it a forecast, plan, application or target, not a result. */
// `预期` is a forecast, but `未达预期`, `超预期`, `符合预期` judge a result against one
export const NOT_A_RESULT =
  /(预计|预测|预估|有望|(?<!未达到?|低于|超出?|好于|符合|达到?)预期|拟|计划|谋划|力争|争创|推荐|申报|意向|在谈|储备)/;
/** Right before a figure, these make it the target restated (`年度目标10.5%`, `开工任务8条`). */
const RESTATED_TARGET = /(目标|任务|要求|下达)[^，。；]{0,4}$/;
/**
 * Things chosen for the work (`确定改造对象500户`, `将4个服务中心确定为示范点`): the figure counts
 * what is to be done, unless its clause goes on to say it has been (`确定221名…已经开始服务`).
 */
const HAPPENED_AFTER = /已|开始|完成/;
/** A preparatory step after the figure in its clause: the figure is what the step is for. */
const STEP_AFTER = /招投标|招标|采购|方案|公告|设计/;
/** 分别 opening a list of figures (`分别为`, `分别同比增长`). */
const RESPECTIVELY_BEFORE = /分别(为|是|达到?|完成|实现)?(同比)?(增长|下降|增加|减少)?$/;
const QUASI_ITEM = /准[\d一二三四五六七八九十百千万亿]*[亿万]/;
/** A count its clause goes on to say is not done (`30个小区改造均未完成`, `3个项目尚未开工`): no result. */
const DENIED_AFTER = /^[^，。；,;]{0,10}?(均|都|仍|尚|还)?(未|没有)(完成|建成|完工|竣工|开工|实施|启动|投用|达到|达标)/;
/** A year named (`2023年`, the year of `2023年1-9月`). */
const YEAR_NAMED = /((?:19|20)\d\d)年/;
const YEARS_NAMED = new RegExp(YEAR_NAMED.source, 'g');
/** Words before a period that make it the one compared against (`比2023年`, `较上半年`). */
const COMPARED_PERIOD = /(比|较|与|同|对比|相比|相较)\s*(上|去|前)?\s*$/;
/** A change measured from a year the text names (`比2019年同期`, `与2019年相比`). */
const AGAINST_NAMED_YEAR = /(比|较|对比|相比|与)\s*(19|20)\d\d年/;
const GROWTH_BEFORE = /(增长|增速|增幅|增加|上升|下降|降低|减少|回落|降幅|跌幅)[^，。；]{0,3}$/;
// `降幅收窄至3.2%` is a fall of 3.2 %
const FALL_BEFORE = /(下降|降低|减少|回落|降幅|跌幅)[^，。；]{0,3}$/;
const CHANGE_BEFORE = /(增长|增速|增幅|提高|提升|下降|降幅|跌幅)[^，。；]{0,3}$/;
/** A clause ending in a forecast word before the figure's clause (`据统计部门预测，`, `经预测：`). */
const FORECAST_LEAD = /(预测|预计|预估)[，,：:]/;
/** The period's own work, in the clause before an amount (`本月新建30个`, `10月新建30个`, `本季度新增就业1500人`). */
const OWN_PERIOD_BEFORE =
  /(本月|当月|本周|本季度?|当季|本期|(?<![\d\-—~至到])\d{1,2}月份?(?![底末初中上下旬]))[^，。；,;\d]{0,10}$/;
/** The work so far, before an amount (`累计建成`, `今年以来累计新增`, `1-10月累计`). */
const SO_FAR_BEFORE = /(累计|今年以来|年初以来|截[至止])[^，。；,;]{0,10}$/;
/** The group of figures in 个百分点 (`提高0.3个百分点`). */
const POINTS_KEY = 'pts';
/** A change to a level, right before the figure (`提升至`, `回落到`): the figure is the level reached. */
const TO_LEVEL = /(增长|增加|提高|提升|上升|下降|降低|减少|回落|回升)(至|到)$/;
/** A clause opening with only a copula before its rate (`为6.3%`, `达7.1%`). */
const RATE_IS = /^(为|达|达到|是)$/;
/** Words of a growth rate: its level is a growth (`增速回落至5.2%`). */
const GROWTH_RATE_WORDS = /增速|增幅|增长率/;
/**
 * A rate as a growth, or null when its words state no change. A change to a level (`优良率提升至
 * 91.2%`) states the level, no change; of a growth rate (`增速回落至5.2%`), the rate.
 */
function growthOf(words: string, value: number): number | null {
  if (TO_LEVEL.test(words)) return GROWTH_RATE_WORDS.test(words) ? value : null;
  if (!GROWTH_BEFORE.test(words)) return null;
  return FALL_BEFORE.test(words) ? -value : value;
}
/** A period opening a list's names (`1-9月`, `前三季度`, `2024年上半年`). */
const PERIOD_OPENING =
  /^(?:\d{4}年)?(?:\d{1,2}[-—~至到]\d{1,2}月份?|前?[一二三四]季度|[上下]半年|全年|今年以来|截[至止][^，,]{0,8}?[月日底末])[，,]?/;
/** What joins the items of a list (`4.2%、6.8%`, `4.2%和6.8%`, `财政总收入、一般公共预算收入`). */
const LIST_JOIN = /[、和及与]/;
const isListJoin = (c: string | undefined): boolean => c !== undefined && c.length === 1 && LIST_JOIN.test(c);
/** Where a list item or clause around a figure stops (、，。；： and line breaks), and, after it, （. */
const isSegmentStop = (c: number): boolean =>
  c === 0xff0c ||
  c === 0x3002 ||
  c === 0xff1b ||
  c === 0xff1a ||
  c === 0x3001 ||
  c === 0x2c ||
  c === 0x3b ||
  c === 0x3a ||
  c === 0x0a;
const isSegmentEnd = (c: number): boolean => isSegmentStop(c) || c === 0xff08 || c === 0x28;
const GLOBAL_PERIODS = PERIOD_PATTERNS.map((p) => ({
  re: new RegExp(p.pattern.source, 'g'),
  month: p.month,
  fullYear: p.fullYear ?? (() => false),
}));
/** One pattern per stage of building work (`建成区` is a place, not a stage). */
const STAGE_PATTERNS = STAGES.map((row) => new RegExp(`(${row.words.join('|')})(?!区)`));

/** The stages of building work a stretch of text names, as a bit set of STAGES. */
export function stagesIn(text: string): number {
  let bits = 0;
  STAGE_PATTERNS.forEach((re, k) => {
    if (re.test(text)) bits |= 1 << k;
  });
  return bits;
}

/** Where a paragraph's run of sentences starts: a period at its head (一季度，…；…) dates them all. */
const isParagraphStop = (c: string): boolean =>
  c === '。' || c === '\n' || c === '!' || c === '?' || c === '！' || c === '？';

/** A money figure followed by 以上/以下 and a noun qualifies it (1亿元以上项目13个). */
function isQualifier(text: string, q: Quantity): boolean {
  return (q.unit === '元' || q.unit === '美元') && /^(以上|以下)[\u4e00-\u9fff]/.test(text.slice(q.end, q.end + 3));
}

/** The piece holding offset `at` (binary search: pieces are in order), or -1. */
export function pieceIndexAt(pieces: readonly Piece[], at: number): number {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid];
    if (at < p.start) hi = mid - 1;
    else if (at >= p.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const pieceAt = (pieces: readonly Piece[], at: number): Piece =>
  pieces[pieceIndexAt(pieces, at)] ?? { text: '', start: at, end: at };

export class ProgressText {
  readonly text: string;
  readonly sentences: Piece[];
  readonly clauses: Piece[];
  readonly quantities: Quantity[];
  private gramCache: GramIndex | null = null;
  private readonly figureCache: FigureContext[] = [];
  private readonly memo = new Map<string, unknown>();

  /** `dated`: report columns whose headers date their figures (`1-11月推进情况`, column-periods.ts). */
  constructor(
    progress: string,
    private readonly dated: readonly DatedSpan[] = [],
    /** Report columns headed as forecasts (`2020年预计值`): their figures are no results. */
    private readonly forecasts: readonly Span[] = [],
    /** Report columns of the period's own work beside one of the work so far: their amounts are parts. */
    private readonly ownPeriod: readonly Span[] = [],
    /** The year the report is for, when known: a figure dated to an earlier one is no result of it. */
    private readonly reportYear: number | null = null,
  ) {
    // traditional characters read as simplified (one for one: offsets stay valid), so the status
    // words and wording of a table run through a converter (`累計完成`, `年度任務`) are found
    this.text = toHalfWidth(simplified(progress));
    this.sentences = sentencesOf(this.text);
    this.clauses = clausesOf(this.text);
    this.quantities = quantitiesOfHalfWidth(this.text);
  }

  /** Whether a position lies in a column of forecasts. */
  inForecast(at: number): boolean {
    return this.forecasts.some((f) => at >= f.start && at < f.end);
  }

  /** Whether a stretch of the text holds a figure of a column of forecasts. */
  forecastIn(start: number, end: number): boolean {
    return (
      this.forecasts.length > 0 &&
      this.quantities.some((q) => q.start >= start && q.start < end && this.inForecast(q.start))
    );
  }

  /** The word-pair index, built on first use (tasks without indicators or deliverables skip it). */
  get grams(): GramIndex {
    this.gramCache ??= new GramIndex(this.text);
    return this.gramCache;
  }

  /** A value derived from the text alone, computed once (per-sentence facts, goal checks). */
  once<T>(key: string, make: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const v = make();
    this.memo.set(key, v);
    return v;
  }

  /**
   * Indices of the figures (of the first MAX_FIGURES) that can report an indicator: rates for
   * growth and share, amounts of the same unit family for amounts. Grouped once per text.
   */
  figuresFor(kind: 'percent' | 'points' | 'amount' | 'bare', unit: string | null): readonly number[] {
    const groups = this.once('figureGroups', () => {
      const map = new Map<string, number[]>();
      const n = Math.min(this.quantities.length, MAX_FIGURES);
      for (let i = 0; i < n; i++) {
        const q = this.quantities[i];
        if (q.kind === 'bare') continue;
        const key = q.kind === 'percent' ? '%' : q.kind === 'points' ? POINTS_KEY : unitKey(q.unit);
        const list = map.get(key);
        if (list) list.push(i);
        else map.set(key, [i]);
      }
      return map;
    });
    if (kind === 'bare') return this.bareAmounts();
    return groups.get(kind === 'percent' ? '%' : kind === 'points' ? POINTS_KEY : unitKey(unit)) ?? [];
  }

  /** Indices of the numbers without a unit that may be amounts (asked only when a unit-less figure is looked for). */
  private bareAmounts(): readonly number[] {
    return this.once('bareAmounts', () => {
      const out: number[] = [];
      const n = Math.min(this.quantities.length, MAX_FIGURES);
      for (let i = 0; i < n; i++)
        if (this.quantities[i].kind === 'bare' && this.isBareAmount(this.quantities[i])) out.push(i);
      return out;
    });
  }

  /** A number without a unit that may be an amount in the target's unit (`完成投资12.5`), not a
   * year, an ordinal, a list number or a date. */
  private isBareAmount(q: Quantity): boolean {
    const after = this.text[q.end] ?? '';
    return (
      !/[.、)）年月日号届期批版次:：-]/.test(after) &&
      this.text[q.start - 1] !== '第' &&
      !/[-~]/.test(this.text[q.start - 1] ?? '')
    );
  }

  /**
   * Whether an amount is the period's own, a part of the work so far reported beside it: in a
   * `本月进展` column beside a `累计进展` one, or after `本月`, `10月` when the text gives an amount of
   * its unit so far (`本月新建30个，累计建成150个`).
   */
  private ownPeriodAmount(q: Quantity, before: string): boolean {
    return (
      this.ownPeriod.some((p) => q.start >= p.start && q.start < p.end) ||
      (OWN_PERIOD_BEFORE.test(before) && this.soFarAmountOf(q))
    );
  }

  /** Whether an amount of q's unit family is reported as the work so far (`累计建成150个`). */
  private soFarAmountOf(q: Quantity): boolean {
    const units = this.once('soFarUnits', () => {
      const out = new Set<string>();
      for (const o of this.quantities)
        if (o.kind === 'amount' && SO_FAR_BEFORE.test(this.text.slice(Math.max(0, o.start - 12), o.start)))
          out.add(unitKey(o.unit));
      return out;
    });
    return units.has(unitKey(q.unit));
  }

  /**
   * A figure dated to a year before the report's (`2023年完成45亿元；今年1-9月完成30亿元` in a 2024
   * report): last year's result, not this year's. A year compared against (`比2023年同期增长`) dates
   * no figure (lastPeriodIn).
   */
  private ofPastYear(q: Quantity, sentence: Piece): boolean {
    const reportYear = this.reportYear;
    if (reportYear === null) return false;
    // most texts name no earlier year: then no figure need be dated
    const namesEarlier = this.once('namesEarlierYear', () => {
      YEARS_NAMED.lastIndex = 0;
      for (let m = YEARS_NAMED.exec(this.text); m; m = YEARS_NAMED.exec(this.text)) if (+m[1] < reportYear) return true;
      return false;
    });
    if (!namesEarlier) return false;
    const mark = this.periodBefore(sentence, q.start);
    const year = mark ? YEAR_NAMED.exec(mark.label) : null;
    return year !== null && +year[1] < reportYear;
  }

  /** Figure i with what stands around it (worked out on first use: most figures are never asked for). */
  figure(i: number): FigureContext {
    let f = this.figureCache[i];
    if (!f) {
      f = this.contextOf(this.quantities[i], i);
      this.figureCache[i] = f;
    }
    return f;
  }

  /**
   * A rate in a clause of its own saying what the growth rate before it is (`增速较上半年回落1.2个百分点，
   * 为6.3%`): that growth rate.
   */
  private growthRateStatedBefore(clause: Piece, sentence: Piece, q: Quantity): number | null {
    if (!RATE_IS.test(this.text.slice(clause.start, q.start))) return null;
    return GROWTH_RATE_WORDS.test(this.text.slice(sentence.start, clause.start)) ? q.value : null;
  }

  private contextOf(q: Quantity, i: number): FigureContext {
    const { text } = this;
    const clause = pieceAt(this.clauses, q.start);
    const sentenceIndex = pieceIndexAt(this.sentences, q.start);
    const sentence = this.sentences[sentenceIndex] ?? { text: '', start: q.start, end: q.start };
    const before = text.slice(Math.max(clause.start, q.start - MAX_LOOKBACK), q.start);
    const near = text.slice(Math.max(clause.start, q.start - 12), q.start);
    // a colon inside a note in brackets (（数据来源：区统计局）) does not make the figure a label
    const labelsAfter =
      (text[clause.end] === '：' || text[clause.end] === ':') && !/[（(]/.test(text.slice(q.end, clause.end));
    const plan = NOT_A_RESULT.exec(before);
    const otherwiseExcluded =
      labelsAfter ||
      // `1家已基本完成建设`: nearly done is not done
      /^[^，。；、]{0,6}基本(完成|建成|完工)/.test(text.slice(q.end, q.end + 10)) ||
      this.inForecast(q.start) ||
      // `据统计部门预测，前三季度GDP增长5.8%左右`: a clause of its own saying what follows is forecast
      (sentence.text.includes('预') && FORECAST_LEAD.test(text.slice(sentence.start, q.start))) ||
      (q.kind === 'amount' && this.ownPeriodAmount(q, before)) ||
      this.ofPastYear(q, sentence) ||
      RESTATED_TARGET.test(before) ||
      // the whole after so much of it (`40/50公里`)
      /\d\/$/.test(before) ||
      isQualifier(text, q) ||
      QUASI_ITEM.test(before) ||
      (q.kind === 'amount' && DENIED_AFTER.test(text.slice(q.end, clause.end)));
    const excluded = otherwiseExcluded || plan !== null;
    // only counts can be a scope: rates are read as they stand
    const counts = q.kind === 'amount';
    const rest = counts ? text.slice(q.end, clause.end) : '';
    const chosen = counts && this.choosesIn(clause) && !HAPPENED_AFTER.test(rest);
    // `10个全民健身示范工程已开工8个`: the total the clause goes on to count part of is its subject
    const totalOfLater = counts && this.countsPartLater(q, i, clause);
    const step = chosen || !counts ? null : STEP_AFTER.exec(rest);
    const percent = q.kind === 'percent';
    const namedBy = isListJoin(text[q.start - 1]) || isListJoin(text[q.end]) ? this.respectiveName(i, sentence) : null;
    // in a list after 分别, the rate's wording stands before the list's first figure
    const rateWords = namedBy ? namedBy.lead : near;
    const toLevel = percent && TO_LEVEL.test(rateWords);
    const growth = percent ? (growthOf(rateWords, q.value) ?? this.growthRateStatedBefore(clause, sentence, q)) : null;
    const back = text.slice(Math.max(sentence.start, q.start - MAX_LOOKBACK), q.start);
    const segment = this.segmentAround(q);
    const pointsBack = back.slice(Math.max(back.lastIndexOf('，'), back.lastIndexOf(',')) + 1).includes('其中');
    return {
      q,
      clause,
      sentence,
      sentenceIndex,
      segment,
      excluded: excluded || chosen || totalOfLater,
      planWord: plan && !otherwiseExcluded && !chosen && !totalOfLater ? plan[0] : null,
      chosen,
      growth,
      againstNamedYear: growth !== null && before.includes('年') && AGAINST_NAMED_YEAR.test(before),
      share: percent && (toLevel ? growth === null : !CHANGE_BEFORE.test(rateWords)),
      points: q.kind === 'points' ? (FALL_BEFORE.test(near) ? -q.value : q.value) : null,
      labelsAfter,
      colonAfter: this.colonAfter(q.end),
      pointsBack,
      scopeOf: step ? step[0] : null,
      namedBy,
      // the figure's own list item and what its clause says after it (`其中38处竣工交付使用`)
      stages: counts ? stagesIn(text.slice(segment.start, Math.max(segment.end, clause.end))) : 0,
    };
  }

  /**
   * Whether a later count of the same measure in the clause says what part of this one is done
   * (`10个…工程已开工8个`): nothing but words with 已 between them, no list joining two items.
   */
  private countsPartLater(q: Quantity, i: number, clause: Piece): boolean {
    const next = this.quantities[i + 1];
    if (!next || next.start >= clause.end || next.kind !== 'amount' || !sameUnitFamily(next.unit, q.unit)) return false;
    const between = this.text.slice(q.end, next.start);
    return between.includes('已') && !/[、和及与，,]/.test(between);
  }

  /** Whether a clause says things were chosen (`确定`): the offsets are found once per text. */
  private choosesIn(clause: Piece): boolean {
    const at = this.once('chosenAt', () => {
      const out: number[] = [];
      for (let k = this.text.indexOf('定', 1); k >= 0; k = this.text.indexOf('定', k + 1))
        if (this.text[k - 1] === '确' || this.text[k - 1] === '確') out.push(k);
      return out;
    });
    return at.some((k) => k > clause.start && k < clause.end);
  }

  /**
   * `专利申请总量、发明专利申请量分别为1257件、186件，分别同比增长-3.75%、-36.52%`: the k-th figure of
   * a list after 分别 stands for the k-th name listed before the sentence's first 分别.
   */
  private respectiveName(i: number, sentence: Piece): NamedBy | null {
    const { text, quantities } = this;
    const joined = (a: number): boolean => {
      const between = text.slice(quantities[a].end, quantities[a + 1].start);
      return between.length === 1 && isListJoin(between);
    };
    // real lists name a few things: a longer run is no list of names (and stays linear to read)
    let first = i;
    while (first > 0 && i - first < MAX_LIST && joined(first - 1)) first--;
    let last = i;
    while (last + 1 < quantities.length && last - first < MAX_LIST && joined(last)) last++;
    if (last - first >= MAX_LIST) return null;
    const lead = text.slice(Math.max(sentence.start, quantities[first].start - 12), quantities[first].start);
    if (last === first || !RESPECTIVELY_BEFORE.test(lead)) return null;
    const at = text.indexOf('分别', sentence.start);
    const head = text.slice(sentence.start, at);
    let from = sentence.start + Math.max(head.lastIndexOf('，'), head.lastIndexOf(','), head.lastIndexOf('：')) + 1;
    // (the list's period opens it: `1-9月城镇、农村居民…`)
    from += PERIOD_OPENING.exec(text.slice(from, at))?.[0].length ?? 0;
    const subject = text.slice(from, at);
    const count = last - first + 1;
    const things = listedThings(subject, count);
    if (things.length !== count) return null;
    const k = i - first;
    let names = subject.split('、');
    if (names.length === 1) names = subject.split(LIST_JOIN);
    // a name the list shortens, or one name for several things (城乡), is compared in full
    if (names.length !== count) return { text: things[k], start: from, end: at, lead, words: things[k] };
    let start = from;
    for (let n = 0; n < k; n++) start += names[n].length + 1;
    const end = start + names[k].length;
    return things[k] === names[k]
      ? { text: names[k], start, end, lead }
      : { text: names[k], start, end, lead, words: things[k] };
  }

  /** The first `：` from `at` on before any comma or stop, looked for as far as a figure's wording reaches. */
  private colonAfter(at: number): number {
    const { text } = this;
    const limit = Math.min(text.length, at + MAX_LOOKBACK + MAX_SEGMENT);
    for (let i = at; i < limit; i++) {
      const c = text[i];
      if (c === '：' || c === ':') return i;
      if (c === '，' || c === '。' || c === '；') return Infinity;
    }
    return Infinity;
  }

  /** The smallest stretch around a figure: between list commas, commas and stops. */
  private segmentAround(q: Quantity): Piece {
    const { text } = this;
    let start = q.start;
    const floor = Math.max(0, q.start - MAX_SEGMENT);
    while (start > floor && !isSegmentStop(text.charCodeAt(start - 1)) && !isHalfStop(text, start - 1)) start--;
    let end = q.end;
    const ceiling = Math.min(text.length, q.end + MAX_SEGMENT);
    // a space before Chinese words ends it too: the report's cells are joined by spaces, and the
    // next cell (`完工5个 绿灯`) says nothing of this figure
    while (end < ceiling && !isSegmentEnd(text.charCodeAt(end)) && !isHalfStop(text, end) && !cellBreakAt(text, end))
      end++;
    return { text: text.slice(start, end), start, end };
  }

  /** The wording that ends closest before `at` in the same sentence (ties: the longer, then the
   * earlier pattern), e.g. 1-11月, 截至11月底, 三季度; failing that, the wording at the head of
   * the paragraph the sentence belongs to (`一季度，…；…；开通特色公交线路1条`); failing that, the
   * header of the report column holding it. Asked once per actual found. */
  periodBefore(sentence: Piece, at: number): PeriodMark | null {
    const own = this.lastPeriodIn(sentence.start, at);
    if (own) return own;
    const head = this.paragraphHead(sentence);
    if (head || this.dated.length === 0) return head;
    const covering = this.dated.find((d) => at >= d.start && at < d.end);
    if (covering) return covering.mark;
    // a cell right of a dated one in its row (`1-6月完成 | 完成年度目标的`: `25.76亿元 56.00%`) is of
    // the same period
    let before: DatedSpan | undefined;
    for (const d of this.dated) if (d.end <= at && d.start >= sentence.start) before = d;
    return before?.mark ?? null;
  }

  /** Where the paragraph (the run of `；`-separated sentences up to a full stop) holding a sentence starts. */
  private paragraphStart(sentence: Piece): number {
    let from = sentence.start;
    while (
      from > 0 &&
      sentence.start - from < MAX_LOOKBACK * 4 &&
      !isParagraphStop(this.text[from - 1]) &&
      !isHalfStop(this.text, from - 1)
    )
      from--;
    return from;
  }

  /**
   * The clause opening the paragraph a later sentence belongs to (`197个市级重点项目,开复工184个;
   * 完成投资349.2亿元`): the subject the paragraph's sentences report on, or null for a sentence
   * that opens its paragraph.
   */
  paragraphSubject(sentence: Piece): Piece | null {
    const from = this.paragraphStart(sentence);
    if (from === sentence.start) return null;
    const clause = this.clauses[pieceIndexAt(this.clauses, from)];
    return clause && clause.end <= sentence.start ? clause : null;
  }

  /** The period that opens the paragraph a sentence belongs to, if any. */
  private paragraphHead(sentence: Piece): PeriodMark | null {
    const from = this.paragraphStart(sentence);
    if (from === sentence.start) return null;
    // only a period that opens the paragraph dates what follows it
    const head = this.lastPeriodIn(from, Math.min(sentence.start, from + 16));
    return head && head.start - from <= 2 ? head : null;
  }

  private lastPeriodIn(start: number, at: number): PeriodMark | null {
    const window = this.text.slice(start, at);
    let best: PeriodMark | null = null;
    for (const { re, month, fullYear } of GLOBAL_PERIODS) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(window))) {
        const end = m.index + m[0].length;
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        // the period compared against (`比2023年同期`, `较上半年`) dates no figure
        if (COMPARED_PERIOD.test(window.slice(Math.max(0, m.index - 3), m.index))) continue;
        if (!best || end > best.end - start || (end === best.end - start && m[0].length > best.label.length)) {
          best = {
            label: m[0],
            month: month(m),
            fullYear: fullYear(m),
            start: start + m.index,
            end: start + end,
          };
        }
      }
    }
    return best;
  }
}
