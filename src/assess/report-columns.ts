// What a report split over several columns says beside its prose (assessment.md, "Tables that
// split a report over several columns"): figures standing alone in an actual column, completion
// rates of the whole task, a schedule flag, and a cell that says only that the work is done.
// The parser hands the columns over as `progress_parts`; without them the joined text is read
// the same way, a cell being what stands between spaces (`2712 110.69% 6 100%`).
import type { ProgressPart } from '../domain/index.js';
import { periodOfHeader } from './column-periods.js';
import { ONGOING } from './deliverables.js';
import { quantitiesOfHalfWidth, toHalfWidth } from './numbers.js';
import type { Quantity } from './numbers.js';
import { ProgressText, type PeriodMark } from './progress-text.js';
import { WordMatcher } from './text.js';
import { unitKey } from './vocab/measure-words.js';
import {
  DONE_AS_OF_DATE,
  DONE_AS_OF_WORDS,
  PREPARATORY_WORDS,
  DELAY_WORDS,
  TASK_RATE_PATTERNS,
  WHOLE_DONE_ADVERBS,
  WHOLE_DONE_OBJECTS,
  WHOLE_DONE_SUBJECTS,
  WHOLE_DONE_WORDS,
} from './vocab/status-words.js';

/** A figure with nothing around it that names a metric: the actual of the target's indicator. */
export interface BareFigure {
  value: number;
  /** Base unit, or null for a bare number (its unit is the target's). */
  unit: string | null;
  /** The number carried no 万/亿 multiplier: it is read in the unit the target wrote (50亿元 → 12.5 is 12.5亿元). */
  plain: boolean;
  /** What the actual column's header says it measures (`投资` of `完成投资`), or '' when it says
   * only that it is the actual (`累计完成`). */
  measures?: string;
  /** The period the actual column's header names (`1-6月完成投资`), if any. */
  period?: PeriodMark | null;
  /** Which actual cell of the row holds it (0, 1 …), when the parser gave the cells apart. */
  cell?: number;
  /** The unit the actual column's header names in brackets (`完成投资(亿元)`), for a target with none. */
  headerUnit?: HeaderUnit | null;
  start: number;
  end: number;
}

/** A unit named by a header: its base unit and how many of that base one of it is (亿元: 元, 10^8). */
export interface HeaderUnit {
  unit: string;
  factor: number;
}

/** A unit in brackets closing a header (`累计完成投资(亿元)`, `完成量（万吨）`); percentages are not
 * amounts and stay with the rates. */
const HEADER_UNIT = /[（(]([^（）()\d%]{1,4})[）)]\s*$/;

export function unitOfHeader(header: string): HeaderUnit | null {
  const m = HEADER_UNIT.exec(toHalfWidth(header));
  if (!m) return null;
  const qs = quantitiesOfHalfWidth('1' + m[1]);
  const q = qs.length === 1 ? qs[0] : null;
  return q && q.unit && q.unit !== '%' && q.end === m[1].length + 1 ? { unit: q.unit, factor: q.value } : null;
}

/** A completion rate of the whole task, in %. */
export interface TaskRate {
  value: number;
  start: number;
  end: number;
}

export interface ReportColumns {
  bareFigures: BareFigure[];
  rates: TaskRate[];
  /** Rates of one part of the task (`已完工8条，完成率114%` where 8条 is not the task's figure). */
  partRates: TaskRate[];
  /** The schedule flag answered so that the task is behind, as written (`否`). */
  behindFlag: string | null;
  /** A cell or sentence saying only that the work is done (`已完成`), unless the text shows it is a step. */
  doneStatement: string | null;
  /** How many actual cells the row has (one per sub-line of a task of several lines), 0 when joined. */
  actualCells?: number;
}

const longestFirst = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');
/** What `该`, `本`, `此` point back at: the task's project or the one thing it builds (`该中心`, `本馆`). */
const POINTED_BACK = '(?:项目|工程|[\\u4e00-\\u9fff]{1,2}?)';
/**
 * The task's own work finished on a date (`该项目已于10月中旬完工`, `已于5月建成投用`): `该`, `本` point
 * back at the task as a whole, and a cell saying only this names nothing smaller. A bare `项目已于5月竣工`
 * may be one of the target's deliverables, so it is not read so.
 */
const WHOLE_DONE_ON = `(?:(?:该|本|此)${POINTED_BACK})?(?:已经?|均已)于(?:\\d{4}年)?\\d{1,2}月(?:\\d{1,2}日|上旬|中旬|下旬|初|底|末|份)?(?:前|左右)?`;
/** One done phrase: `已完成`, `提前完成年度任务`, `项目已完成年度目标任务`. */
const DONE_PHRASE = `(?:${WHOLE_DONE_ON}|(?:${longestFirst(WHOLE_DONE_SUBJECTS)}|(?:该|本|此)${POINTED_BACK})?(?:${longestFirst(WHOLE_DONE_ADVERBS)}){0,2})(?:${longestFirst(WHOLE_DONE_WORDS)})(?:了?(?:${longestFirst(WHOLE_DONE_OBJECTS)}))?`;
/** A cell made only of done phrases (`已完成`, `完工,投入使用`), notes in brackets allowed, after a date clause. */
const DONE_AS_OF = `(?:(?:${longestFirst(DONE_AS_OF_WORDS)}|${DONE_AS_OF_DATE})[，,]?)?`;
const DONE_ONLY = new RegExp(`^${DONE_AS_OF}${DONE_PHRASE}(?:(?:[，,、]|并)${DONE_PHRASE})*(?:[（(][^（）()]*[）)])*$`);
/** The characters a done cell can end with: a quick test before the pattern. */
const DONE_LAST = new Set([...WHOLE_DONE_WORDS, ...WHOLE_DONE_OBJECTS, ')', '）'].map((w) => w[w.length - 1]));
const mayBeDone = (text: string): boolean => DONE_LAST.has(text[text.length - 1]);
/** A clause saying the task itself is done (`已完成该项任务`, `项目已完成年度目标任务`). */
const TASK_DONE = new RegExp(`^${DONE_PHRASE}$`);
const PREPARATORY = new WordMatcher(PREPARATORY_WORDS);
const DELAY = new WordMatcher(DELAY_WORDS);
/** Words every clause stating a task's rate holds (`完成率`, `当前进度`, `占…`, `达…`, `完工率`). */
const RATE_CLAUSE_WORDS = /进度|完成|占|达|完工|竣工|建成|过半/;
/** A rate's label before a colon (`进度：`, `完成率:`), read with the figure after it. */
const RATE_LABEL = /(进度|完成率|完成进度|形象进度|工程进度|项目进度|总体进度)\s*[:：]\s*$/;
/** A clause naming the year's target itself (`全年目标任务`, `年度计划`). */
const YEARS_TARGET = /(?:年度|全年|本年度)(?:目标)?(?:任务|计划|目标)/;
/** A done statement naming the task itself, not a step of it. */
const NAMES_THE_TASK = /(目标任务|年度任务|全年任务|年度目标|全年目标)$/;
/** Work said to be still to come (`预计明年上半年全面完成`): a part of the task is open. */
const STILL_TO_COME = /预计|将于|明年|下一步/;
/** The longest cell that can say only `done`: the words, two or three of them, and a note. */
const MAX_DONE_CELL = 40;
const SPACED_CELL = /\S+/g;

/** The first sentence or space-separated cell that says only that the work is done. */
function donePiece(pt: ProgressText): string | null {
  const spacedText = /\s/.test(pt.text);
  for (const s of pt.sentences) {
    if (s.text.length > MAX_DONE_CELL && !spacedText) continue;
    const spaced = spacedText && /\s/.test(s.text);
    if (!spaced && s.text.length > MAX_DONE_CELL) continue;
    const text = spaced ? s.text.trim() : s.text;
    if (text.length <= MAX_DONE_CELL && mayBeDone(text) && DONE_ONLY.test(text)) return text;
    if (!spaced) continue;
    SPACED_CELL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SPACED_CELL.exec(text)))
      if (m[0].length <= MAX_DONE_CELL && mayBeDone(m[0]) && DONE_ONLY.test(m[0])) return m[0];
  }
  // a clause that says the task (…任务, …目标) is done, not after a label (`开工项目：已完成`)
  if (!pt.text.includes('任务') && !pt.text.includes('目标')) return null;
  for (const c of pt.clauses) {
    if (c.text.length > MAX_DONE_CELL) continue;
    const text = c.text.trim();
    if (!(text.endsWith('任务') || text.endsWith('目标'))) continue;
    const before = pt.text[c.start - 1];
    if (before !== '：' && before !== ':' && (TASK_DONE.test(text) || YEARS_WORK_DONE.test(text))) return text;
  }
  return null;
}

/**
 * The year's work named as a whole and said to be done in full (`教育体育局圆满完成2020年民生实事工程建设任务`):
 * the tasks of the year, this one among them. Only with a word of fullness and the year named.
 */
const YEARS_WORK_DONE =
  /^[\u4e00-\u9fff]{0,12}?(?:已经?|均已)?(?:圆满|全面|全部|超额|顺利)完成了?(?:\d{4}年度?|年度|全年|今年)[\u4e00-\u9fff]{0,16}任务$/;

/** A clause or cell without the stop that ends it (`已全部完成。` → `已全部完成`). */
const withoutEndStop = (text: string): string => text.trim().replace(/[。；;！!]+$/, '');

/** Whether anything in the report still goes on (`正在施工`, `在建5个`, `其余…`): no clause closes the task. */
function stillGoingOn(pt: ProgressText): boolean {
  return ONGOING.first(pt.text) !== null || /在建|未完成|剩余|其余/.test(pt.text);
}

/** Verbs saying the work is finished, after 全部/均 in the statements below. */
const FINISHED = '竣工|完工|建成|完成|投用|投入使用';

/**
 * The report's last clause saying only that the work is done (`全市计划实施…食堂共计227所,已全部完成`),
 * or its first (`已竣工验收,共建设…`):
 * for a target naming only a project it concludes on the whole project, unless anything in the
 * report still goes on (`在建5个`, `正在施工`).
 */
function concludingDone(pt: ProgressText): string | null {
  const last = pt.clauses.at(-1);
  if (!last || stillGoingOn(pt)) return null;
  const text = withoutEndStop(last.text);
  if (text.length <= MAX_DONE_CELL && DONE_ONLY.test(text)) return text;
  // or its first clause, the rest describing what was built (`已竣工验收,共建设1357个电子围栏`)
  const first = withoutEndStop(pt.clauses[0].text);
  return pt.clauses.length > 1 && first.length <= MAX_DONE_CELL && DONE_ONLY.test(first) ? first : null;
}

/**
 * The report's last clause counting what is done and saying all of it is (`…4个项目已全部竣工`). When
 * the count is the figure of the target's only indicator, the whole task is done, whatever measure
 * word counts the things (4所学校 reported as 4个项目), unless anything in the report goes on.
 */
const ALL_COUNTED_DONE = new RegExp(
  `(\\d+)(?:个|项|所|座|处|家|条|栋)(?:项目|工程)?(?:已|均|全部){1,3}(?:${FINISHED})$`,
);
function countedAllDone(pt: ProgressText, targets: readonly number[]): string | null {
  if (targets.length !== 1 || !pt.text.includes('全部')) return null;
  const last = pt.clauses.at(-1);
  if (!last || stillGoingOn(pt)) return null;
  const m = ALL_COUNTED_DONE.exec(withoutEndStop(last.text));
  return m && m[0].includes('全部') && Number(m[1]) === targets[0] ? m[0] : null;
}

/**
 * A report of one sentence ending in all being done (`经督办后于11月底全部完工。`): what the task asks
 * is done, unless it is only planned or something still goes on. A figure in it is left to the
 * indicator rules.
 */
const ALL_DONE_END = new RegExp(`(?:全部|均)已?(?:${FINISHED}|办结)$`);
const PLANNED = /预计|计划|将|拟|力争|争取/;
function soleSentenceAllDone(pt: ProgressText): string | null {
  if (pt.sentences.length !== 1 || stillGoingOn(pt)) return null;
  if (pt.quantities.some((q) => q.kind === 'amount' || q.kind === 'percent')) return null;
  const text = withoutEndStop(pt.sentences[0].text);
  return ALL_DONE_END.test(text) && !PLANNED.test(text) ? text : null;
}

/** A cell of a joined report (what stands between spaces) that is a figure, a rate or a flag. */
const FIGURE_CELL = /(?:^|\s)(\d+(?:\.\d+)?%?|[是否])(?=(?:以上|左右|余)?(?:[（(][^（）()\s]{1,12}[）)])?(?:\s|$))/g;
/** Whether any cell can be one: a digit or a flag at the start or after a space. */
const CELL_START = /(?:^|\s)[\d是否]/;
const PERCENT = /^(\d+(?:\.\d+)?)%$/;
const FLAG = /^[是否]$/;
/** Words an actual cell may hold around its figure without naming a metric. */
const FIGURE_CELL_FILLER = /(累计|共计|共|已|完成|实现|达到?|约|合计|新增|以上|余)/g;
/** Words of a change over last year an actual cell may hold around its figure (`同比增长6.2%`, `下降1.5%`). */
const CELL_GROWTH = /(同比|比上年同期|比上年|较上年)?(增长|增幅|增速|下降|回落)/g;
/** A fall: the change is below zero. */
const CELL_FALL = /下降|回落/;
/** A note in brackets after an actual cell's figure (`10.9(可比7.0)`): it qualifies the figure. */
const BRACKETED_NOTE = /[（(][^（）()]*[）)]/g;
/** Header words that only say a column holds the actual: what remains names what it measures. */
const HEADER_FILLER =
  /[\s\d()（）\-—~%/:：.]|累计|实际|已|完成|情况|进度|数值|数|值|本期|本月|当月|截至|截止|目前|年度|全年|上半年|下半年|年|月份|月|日|底|末|以来|合计|总计|共计|单位|万元|亿元|元|个/g;
/** A header about the money for the work (`资金拨付比例`, `资金预算下达比例`), not the work. */
const FUNDS_HEADER = /资金|拨付|经费|预算/;
/** A column of the change over last year (`同比增长`, `增速`): its percentage is a rate reached, not a share of the task done. */
const GROWTH_HEADER = /同比|比上年|增长|增速|增幅/;
/** A flag cell's answer: yes (是, √), no (否, ×). */
const FLAG_YES = /^[是√✓✔☑]/;
const FLAG_NO = /^[否×✗✘☒]/;
/** A red or yellow traffic light (`红灯`, `亮黄灯`): the office flags the task as late, whatever the header asks. */
const LIGHT_LATE = /^亮?[红黄](灯|色)?$/;
/** A flag whose question asks about delay: 是 means behind (是否滞后); otherwise 否 does (是否达序). */
const DELAY_QUESTION = /滞后|落后|延期|缓慢|未达/;
/** A flag asking whether the task is finished (是否完成, 是否销号), or a column of ticks for the
 * finished ones (`完成情况 | 已完成`: √), not whether it keeps to schedule. */
const COMPLETION_QUESTION =
  /是否(?:已)?(?:全部)?(?:完成|完工|建成|销号|办结|达标)(?!序)|(?<!未)已?(?:完成|完工|建成|销号|办结)$/;
const isIdeograph = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;

/** Whether an amount with its unit ends just before `at`, across spaces only. */
function afterAmount(pt: ProgressText, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(pt.text[i])) i--;
  return i < at - 1 && pt.quantities.some((q) => q.end === i + 1 && q.kind === 'amount' && q.unit !== null);
}

/** The last character before `at` that is not a space. */
function charBefore(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i >= 0 ? text.charCodeAt(i) : -1;
}

/** Whether a cell or sentence says only that the work is done: `已完成`, `完工,投入使用`. */
export function saysOnlyDone(piece: string): boolean {
  return DONE_ONLY.test(withoutEndStop(piece));
}

/**
 * The task-rate figure of a clause (`完成率100%`), or null. The clause may open with its period
 * (`1-6月完成年度计划的45%`, `上半年，`) and give the rate in words (`完成年度目标的七成`, `任务过半`).
 */
export function taskRateOf(clause: string): number | null {
  const read = inFigures(clause.replace(LEADING_PERIOD, ''));
  for (const p of TASK_RATE_PATTERNS) {
    const m = p.exec(read);
    if (m) return Number(m[1]);
  }
  return null;
}

/** A rate in words (see inFigures): a clause with none and no `%` gives no rate. */
const WORDED_RATE = /[一二三四五六七八九]成|一半|半数|过半/;

/** The period a clause opens with, which dates a rate but is no part of its wording. */
const LEADING_PERIOD =
  /^(?:\d{4}年(?:度)?)?(?:\d{1,2}(?:月份?)?[-—–~～至到]\d{1,2}月份?|[一二三四1-4]季度|前[三两二]季度|[上下]半年|今年以来|年初以来|截至目前|今年)(?:以来|累计)?[，,]?/;

/**
 * A share of the year's task in words, as the figure it is: `七成` 70%, `一半` 50%; `过半` (more than
 * half) is read as its lower bound. Only as a share of something (`…目标的七成`), never `已建成七成`.
 */
function inFigures(clause: string): string {
  if (!/[成半]/.test(clause)) return clause;
  return (
    clause
      .replace(
        /(?<=的)([一二三四五六七八九])成(?:以上|多)?/,
        (_, d: string) => `${'一二三四五六七八九'.indexOf(d) * 10 + 10}%`,
      )
      .replace(/(?<=的)(?:一半|半数)(?:以上)?/, '50%')
      // (`时间过半、任务过半`, `实现时间任务双过半`: the official way of saying the work keeps pace)
      .replace(
        /^(?:已|累计|目前|实现了?)?(?:时间过半[、，,]?|时间[、和与]?)?(?:年度|全年)?(?:目标)?(?:任务|计划|投资|工程量)(?:完成)?(?:已|均已)?双?(?:过半|超过一半)[。；;!！]?$/,
        '完成率50%',
      )
  );
}

/** The figures of an actual cell when the cell holds nothing else (`2712`, `53个`, `完成9个`). */
function figuresOfCell(pt: ProgressText, start: number, end: number, growth = false): BareFigure[] {
  let qs = pt.quantities.filter((q) => q.start >= start && q.end <= end);
  if (qs.length === 0) return [];
  const cell = pt.text.slice(start, end);
  if (cell.includes('(') || cell.includes('（')) {
    // figures inside a note in brackets are the note's, not the cell's actual
    const notes = [...cell.matchAll(BRACKETED_NOTE)].map((m) => [start + m.index, start + m.index + m[0].length]);
    qs = qs.filter((q) => !notes.some(([from, to]) => q.start >= from && q.end <= to));
    if (qs.length === 0) return [];
  }
  let rest = '';
  let at = start;
  for (const q of qs) {
    rest += pt.text.slice(at, q.start);
    at = q.end;
  }
  rest += pt.text.slice(at, end);
  // a cell naming only the change (`增长6.2%`, `同比下降1.5%`) reports the row's growth
  const withoutGrowth = rest.replace(CELL_GROWTH, '');
  const namesGrowth = withoutGrowth !== rest;
  const falls = namesGrowth && CELL_FALL.test(rest);
  rest = withoutGrowth;
  if (/[\u4e00-\u9fff]/.test(rest.replace(BRACKETED_NOTE, '').replace(FIGURE_CELL_FILLER, ''))) return [];
  growth ||= namesGrowth;
  return (
    qs
      // a percentage is a rate reached only in a column of growth (`同比增长`), else a share of the task
      .filter((q) => q.kind === 'amount' || q.kind === 'bare' || (growth && q.kind === 'percent'))
      .map((q) => ({
        value: falls && q.kind === 'percent' ? -q.value : q.value,
        unit: q.unit,
        plain: q.kind === 'bare' && /^[-−]?[\d.]+$/.test(pt.text.slice(q.start, q.end)),
        start: q.start,
        end: q.end,
      }))
  );
}

function fromParts(
  pt: ProgressText,
  parts: readonly ProgressPart[],
  targets: readonly number[],
  rateTargets: boolean,
  out: ReportColumns,
): void {
  let cursor = 0;
  // beside the task's own rate (`完成比例`), a rate of the money (`资金拨付比例`) says how far the funds
  // are paid, not how far the work is done
  const workRated = parts.some((p) => p.role === 'rate' && !FUNDS_HEADER.test(p.header));
  for (const part of parts) {
    const cell = toHalfWidth(part.text).trim();
    if (!cell) continue;
    const found = pt.text.indexOf(cell, cursor);
    const start = found >= 0 ? found : -1;
    if (start >= 0) cursor = start + cell.length;
    const end = start + cell.length;
    if (part.role === 'actual' && start >= 0) {
      const growth = GROWTH_HEADER.test(part.header);
      // a growth column's plain number (`增幅 | 5.4`) is a percentage, the growth of the row's own
      // indicator whatever words the header adds
      const measures = growth ? '' : part.header.replace(HEADER_FILLER, '');
      // beside targets that are all rates (`城镇登记失业率 控制在4%以内 | 3.2%`) a percentage in an
      // actual column is the rate reached too
      const figures = figuresOfCell(pt, start, end, growth || rateTargets).map((f) =>
        growth && f.plain ? { ...f, unit: '%', plain: false } : f,
      );
      // the header dates its figures (`1-6月完成投资`: as of June)
      const period = figures.length ? periodOfHeader(part.header) : null;
      const cell = out.actualCells ?? 0;
      out.actualCells = cell + 1;
      const headerUnit = figures.length ? unitOfHeader(part.header) : null;
      for (const f of figures) out.bareFigures.push({ ...f, measures, period, cell, headerUnit });
    } else if (part.role === 'rate' && !(workRated && FUNDS_HEADER.test(part.header))) {
      // a growth may be negative (`-2.1%`); a share of the task done may not
      const growth = GROWTH_HEADER.test(part.header);
      const m = /(-?\d+(?:\.\d+)?)%?/.exec(cell);
      if (!m || !(growth ? /^-?[\d.]+%?$/ : /^[\d.]+%?$/).test(cell.replace(/\s/g, ''))) continue;
      if (growth && start >= 0)
        // the growth of the row's indicator, dated by the header if it names a period
        out.bareFigures.push({
          value: Number(m[1]),
          unit: '%',
          plain: false,
          measures: '',
          period: periodOfHeader(part.header),
          start,
          end,
        });
      else out.rates.push({ value: Number(m[1]), start: Math.max(0, start), end: Math.max(0, end) });
    } else if (part.role === 'flag') {
      // 是/否, or ticked and crossed (√/×, as a form is filled in by hand)
      const answer = FLAG_YES.test(cell) ? 'yes' : FLAG_NO.test(cell) ? 'no' : null;
      const answered = `${part.header.replace(/\s+/g, '')}：${cell}`;
      if (COMPLETION_QUESTION.test(part.header)) {
        // 是否完成: 是 says the task is done; 否 only that it is not finished yet
        if (answer === 'yes') out.doneStatement ??= answered;
      } else if (LIGHT_LATE.test(cell)) out.behindFlag ??= cell;
      else if (answer === null) {
        // a verdict in words (a heading the table groups its items under: `进度滞后`, `完成全年目标`)
        if (DELAY.first(cell) !== null) out.behindFlag ??= cell;
        else if (saysOnlyDone(cell)) out.doneStatement ??= answered;
      } else if ((answer === 'yes') === DELAY_QUESTION.test(part.header))
        // a tick says nothing without the column it stands in (`滞后：√`); 是/否 read on their own
        out.behindFlag ??= /^[是否]/.test(cell) ? cell : answered;
    } else if (saysOnlyDone(cell)) out.doneStatement ??= cell;
    // a written report column may itself hold cells joined by spaces (`2712 110.69% 6 100%`)
    else if (part.role === 'progress' && start >= 0) fromCells(pt, targets, rateTargets, out, start, end);
  }
}

/** The same reading on a joined text: each space-separated cell that is only a figure, rate or flag. */
function fromCells(
  pt: ProgressText,
  targets: readonly number[],
  rateTargets: boolean,
  out: ReportColumns,
  from = 0,
  to = pt.text.length,
): void {
  const text = from === 0 && to === pt.text.length ? pt.text : pt.text.slice(0, to);
  if (!CELL_START.test(from === 0 ? text : text.slice(from))) return;
  FIGURE_CELL.lastIndex = Math.max(0, from - 1);
  let m: RegExpExecArray | null;
  let previous: BareFigure | null = null;
  while ((m = FIGURE_CELL.exec(text))) {
    const cell = m[1];
    const start = m.index + m[0].length - cell.length;
    const end = start + cell.length;
    if (start < from || pt.inForecast(start)) continue;
    // the rate column follows the actual column with nothing but space between
    const last = previous && /^\s+$/.test(text.slice(previous.end, start)) ? previous : null;
    previous = null;
    // a figure or flag glued to words before it (`候车亭 200 个`) belongs to the prose; after an
    // amount with its unit (`15352.99亿元 10%`) it is a cell of its own
    if (isIdeograph(charBefore(text, start)) && !afterAmount(pt, start)) continue;
    const pct = PERCENT.exec(cell);
    if (pct) {
      // beside a target that is itself a rate (`财政收入增长率 6%以上 | 28.97%`) a lone percentage
      // is the rate reached, not how much of the task is done
      if (rateTargets) out.bareFigures.push({ value: Number(pct[1]), unit: '%', plain: false, start, end });
      else out.rates.push({ value: Number(pct[1]), start, end });
      continue;
    }
    // a flag without its header cannot be read: 否 answers 是否达序 (behind) and 是否滞后 (not)
    if (FLAG.test(cell)) continue;
    const nextCell = /^\s*(\S+)/.exec(text.slice(end, end + 40))?.[1] ?? '';
    if (isIdeograph(nextCell.charCodeAt(0)) && !saysOnlyDone(nextCell)) {
      // `200 个`: a figure with its unit after a space
      const q = pt.quantities.find((x) => x.start === start);
      if (q && q.end > end) continue;
    }
    const value = Number(cell);
    // a plain number right after an actual that is that actual's share of a target is a rate
    // column written without % (`1000 55.6` against a target of 1800)
    if (last && targets.some((t) => t > 0 && Math.abs((last.value / t) * 100 - value) <= 0.6)) {
      out.rates.push({ value, start, end });
      continue;
    }
    const figure: BareFigure = { value, unit: null, plain: true, start, end };
    out.bareFigures.push(figure);
    previous = figure;
  }
}

/**
 * Rates written as words in the prose (`完成率47.23%`), clause by clause. A rate is the whole
 * task's when no figure stands before it in its sentence or the one that does is the task's
 * actual (`完成9个，完成率100%`); after another figure it is that item's (`已完工8条，完成率114%`).
 * A target naming only a project (`老旧小区改造工程`) has no items: its report's figures measure
 * the project, so a rate after them is the task's when every sentence with figures gives one
 * (`改造3057个老旧小区,完成年度任务的100%`; not `城市…占年度任务的100%;农村…投资134亿元`).
 */
function ratesInProse(pt: ProgressText, sole: SoleIndicator | null, out: ReportColumns, measureless: boolean): void {
  const worded = WORDED_RATE.test(pt.text);
  if (!worded && !pt.text.includes('%')) return;
  const afterFigures: { rate: TaskRate; sentence: number }[] = [];
  for (const c of pt.clauses) {
    if (!c.text.includes('%') && !(worded && WORDED_RATE.test(c.text))) continue;
    const bracketed = DONE_COUNT_SHARE.exec(c.text.trim());
    if (bracketed) {
      rateAfterCount(
        pt,
        c.start + c.text.indexOf(bracketed[1]),
        Number(bracketed[2]),
        c.end,
        sole,
        out,
        measureless,
        afterFigures,
      );
      continue;
    }
    // `进度：80%`: the label before the colon names the rate the clause after it gives
    const label = RATE_LABEL.exec(pt.text.slice(Math.max(0, c.start - 8), c.start))?.[1] ?? '';
    if (!label && !RATE_CLAUSE_WORDS.test(c.text)) continue;
    const trimmed = c.text.trimStart();
    // `分别完成年度任务的100%、100.1%`: a rate for each thing listed before
    const listed = trimmed.startsWith('分别');
    const value = taskRateOf(listed ? trimmed.slice(2) : label + trimmed);
    if (value === null) continue;
    const at = c.start + (c.text.length - trimmed.length);
    if (out.rates.some((r) => r.start >= at && r.start < c.end)) continue;
    const sentenceIndex = pt.sentences.findIndex((s) => at >= s.start && at < s.end);
    const sentence = pt.sentences[sentenceIndex];
    let before: Quantity | null = null;
    for (const q of pt.quantities) {
      if (q.start >= at) break;
      if (sentence && q.start >= sentence.start && q.kind !== 'bare') before = q;
    }
    const whole =
      before === null ||
      (sole !== null &&
        (before.start === sole.actualStart ||
          (before.kind === 'amount' && unitKey(before.unit) === unitKey(sole.unit)) ||
          // a share of the year's target itself (`完成全年目标任务1200人的114%`) is the sole indicator's
          YEARS_TARGET.test(c.text)));
    const values = listed ? [value, ...listedRates(c.text)] : [value];
    for (const v of values) {
      const rate = { value: v, start: at, end: c.end };
      if (whole) out.rates.push(rate);
      else if (measureless) afterFigures.push({ rate, sentence: sentenceIndex });
      else out.partRates.push(rate);
    }
  }
  if (!afterFigures.length) return;
  const rated = new Set(afterFigures.map((r) => r.sentence));
  const covers = pt.sentences.every(
    (s, i) => rated.has(i) || !pt.quantities.some((q) => q.kind !== 'bare' && q.start >= s.start && q.end <= s.end),
  );
  for (const { rate } of afterFigures) (covers ? out.rates : out.partRates).push(rate);
}

/**
 * A count said done with its share of the plan in brackets (`已完成4769人(51.2%)`, `已送230场(87%)`):
 * the share is how much of the count's target is done. The clause opens with 已/累计, so it reports
 * what is done, not a composition (`其中女性120人(40%)`).
 */
const DONE_COUNT_SHARE =
  /^(?:已|累计)[\u4e00-\u9fff]{0,6}?(\d+(?:\.\d+)?[\u4e00-\u9fff]{1,3})[（(](\d+(?:\.\d+)?)%[）)][。；;]?$/;

/** The share after a done count: the task's when the count is the task's (see ratesInProse). */
function rateAfterCount(
  pt: ProgressText,
  countAt: number,
  value: number,
  end: number,
  sole: SoleIndicator | null,
  out: ReportColumns,
  measureless: boolean,
  afterFigures: { rate: TaskRate; sentence: number }[],
): void {
  const count = pt.quantities.find((q) => q.start === countAt);
  if (!count || out.rates.some((r) => r.start === count.end)) return;
  const rate = { value, start: count.end, end };
  const whole =
    sole !== null &&
    (count.start === sole.actualStart || (count.kind === 'amount' && unitKey(count.unit) === unitKey(sole.unit)));
  if (whole) out.rates.push(rate);
  else if (measureless)
    afterFigures.push({ rate, sentence: pt.sentences.findIndex((s) => countAt >= s.start && countAt < s.end) });
  else out.partRates.push(rate);
}

/** The rates after the first of a list (`100%、100.1%` → 100.1; `57%、37%和70%` → 37, 70). */
function listedRates(clause: string): number[] {
  const first = clause.indexOf('%');
  const m = /^(?:[、和及与]\d+(?:\.\d+)?%)+/.exec(clause.slice(first + 1));
  return m ? [...m[0].matchAll(/\d+(?:\.\d+)?/g)].map((x) => Number(x[0])) : [];
}

/**
 * Reads the report's columns. `targets` are the indicator targets as written (for telling a rate
 * column without % from an actual); `parts` are the parser's columns when the table had several.
 */
/** The target's only indicator: a rate after its figure (or a figure of its unit) is the task's. */
export interface SoleIndicator {
  unit: string | null;
  actualStart: number | null;
}

export function readReportColumns(
  pt: ProgressText,
  parts: readonly ProgressPart[] | undefined,
  targets: readonly number[],
  sole: SoleIndicator | null = null,
  rateTargets = false,
  measureless = false,
  projectOnly = false,
): ReportColumns {
  const out: ReportColumns = { bareFigures: [], rates: [], partRates: [], behindFlag: null, doneStatement: null };
  if (!pt.text.trim()) return out;
  // a lone actual column (`1-9月完成 | 5.8`) is read as a column too: its header dates and names it
  if (parts && (parts.length > 1 || parts[0]?.role === 'actual')) fromParts(pt, parts, targets, rateTargets, out);
  else fromCells(pt, targets, rateTargets, out);
  ratesInProse(pt, sole, out, measureless);
  out.doneStatement ??=
    donePiece(pt) ??
    (projectOnly ? concludingDone(pt) : null) ??
    countedAllDone(pt, targets) ??
    soleSentenceAllDone(pt);
  // `已完成` beside preparatory steps or a rate short of 100% is about a step, not the task (a
  // document's title in 《》 names no step: `按照《农业保险方案》…完成投保工作`)
  // (one naming the task itself, `全面完成目标任务`, is about the task whatever its steps were)
  if (
    out.doneStatement &&
    (((!NAMES_THE_TASK.test(out.doneStatement) || STILL_TO_COME.test(pt.text)) &&
      PREPARATORY.first(withoutNextSteps(pt.text, parts).replace(/《[^《》]*》/g, '')) !== null) ||
      [...out.rates, ...out.partRates].some((r) => r.value < 100))
  )
    out.doneStatement = null;
  return out;
}

/** A column of the next period's work (`1-3月份进度安排`, `下步打算`), kept beside the report. */
const NEXT_STEPS_HEADER = /计划|安排|打算|下一?步/;

/** The text without the cells of next-steps columns: what is planned next is no step of the work reported. */
function withoutNextSteps(text: string, parts: readonly ProgressPart[] | undefined): string {
  let out = text;
  for (const part of parts ?? []) {
    if (part.role === 'progress' || !NEXT_STEPS_HEADER.test(part.header)) continue;
    const cell = part.text.trim();
    if (cell) out = out.replace(cell, '');
  }
  return out;
}

/** Indices of the indicators each bare figure reports, in order (see assignBareFigures). */
export interface Assignment {
  indicator: number;
  figure: BareFigure;
}

/**
 * Pairs bare figures with indicators that have no actual yet: a figure with a unit goes to the
 * next indicator of its unit family; a bare number first to an indicator written without a unit,
 * then, when as many bare numbers as open amount indicators remain, to each in order.
 */
export function assignBareFigures(
  all: readonly BareFigure[],
  indicators: ReadonlyArray<{ kind: string; unit: string | null; open: boolean; metric: string }>,
  actualCells = 0,
): Assignment[] {
  const out: Assignment[] = [];
  if (all.length === 0) return out;
  // a column that names what it measures (完成投资) reports only an indicator of that wording
  // (or a figure without a unit, read from a column as this one is: 年度计划投资 | 1-6月完成投资)
  const figures = all.filter(
    (f) =>
      !f.measures ||
      indicators.some((ind) => ind.open && (ind.unit === null || sharesWording(f.measures ?? '', ind.metric))),
  );
  const taken = new Set<number>();
  const take = (i: number, figure: BareFigure): void => {
    taken.add(i);
    out.push({ indicator: i, figure });
  };
  const free = (i: number): boolean => !taken.has(i) && indicators[i].open && indicators[i].kind === 'amount';
  const freeRate = (i: number): boolean =>
    !taken.has(i) && indicators[i].open && (indicators[i].kind === 'growth' || indicators[i].kind === 'share');
  const unitless: BareFigure[] = [];
  for (const f of figures) {
    if (f.unit === null) {
      unitless.push(f);
      continue;
    }
    // a percentage goes to a rate indicator, any other unit to an amount of that unit
    const fits = f.unit === '%' ? freeRate : free;
    const i = indicators.findIndex((ind, k) => fits(k) && unitKey(ind.unit) === unitKey(f.unit));
    if (i >= 0) take(i, f);
  }
  let rest = unitless;
  const noUnit = indicators.map((_, k) => k).filter((k) => free(k) && indicators[k].unit === null);
  if (noUnit.length) {
    noUnit.slice(0, rest.length).forEach((k, j) => take(k, rest[j]));
    rest = rest.slice(noUnit.length);
  }
  const open = indicators.map((_, k) => k).filter(free);
  if (rest.length && rest.length === open.length) {
    open.forEach((k, j) => take(k, rest[j]));
    rest = [];
  }
  // a rate target in an indicator table (`增速 | % | 6.5 | 1-9月完成 5.8`): the actual column's
  // bare figure is the rate reached, when figures and open rate indicators pair one to one
  const fromColumn = rest.filter((f) => f.measures !== undefined && f.plain);
  const rates = indicators
    .map((_, k) => k)
    .filter(
      (k) => !taken.has(k) && indicators[k].open && (indicators[k].kind === 'growth' || indicators[k].kind === 'share'),
    );
  if (fromColumn.length && fromColumn.length === rates.length) rates.forEach((k, j) => take(k, fromColumn[j]));
  // a report that is one bare number beside a target that is one rate (`增长率 % 5左右 | 16.5`):
  // the rate reached
  else if (all.length === 1 && rest.length === 1 && indicators.length === 1 && rates.length === 1)
    take(rates[0], rest[0]);
  // a task of several lines, one actual cell each (`11月底开始发货… | 7854`): a cell's figure left
  // over is the actual of the indicator on its line, when lines and indicators pair one to one
  if (actualCells > 1 && actualCells === indicators.length) {
    const used = new Set(out.map((a) => a.figure));
    for (const f of figures) {
      const k = f.cell ?? -1;
      if (used.has(f) || !free(k) || (f.unit !== null && unitKey(f.unit) !== unitKey(indicators[k].unit))) continue;
      take(k, f);
    }
  }
  return out;
}

/** Whether two phrases share a pair of characters (投资 in 完成投资 and 固定资产投资). */
function sharesWording(a: string, b: string): boolean {
  for (let i = 0; i + 1 < a.length; i++) if (b.includes(a.slice(i, i + 2))) return true;
  return false;
}
