// Quantitative indicators (指标) of a target text: growth rates, shares, amounts with a unit,
// ranks and levels, with 力争/确保 pairs and the direction (控制在…以内 is at_most).
// Numbers that only name a programme (七大工程, 三个“一号工程”, numbers in quotes) are skipped.
import type { Direction, Indicator, IndicatorKind } from '../domain/index.js';
import { parseChineseNumeral, quantitiesOfHalfWidth, round, toHalfWidth, type Quantity } from './numbers.js';
import { clausesOf, insideAny, quotedRanges, type Piece } from './text.js';
import { NAMING_TERMS, POINTS_UNIT, sameUnitFamily } from './vocab/measure-words.js';
import { AREA_WORDS } from './vocab/metric-words.js';
import { simplified } from '../parse/traditional.js';
import { FALL_AT_END, FALL_METRIC } from './falls-as-written.js';
import { listedThings } from './listed-things.js';

/** Verbs that may open a list and carry over to its later items (新增成长驿站6座、托位560个). */
const LEADING_VERBS =
  /^(新增|新建|新开工|新开|新认定|新设|新培育|新打造|完成|实现|引进|引育|培育|打造|建设|开工|建成|开放|投用|创建|争创|组建|改扩建|改造|实施|签约|开展|组织|推出|出让|供应|建立|累计完成)/;
/** Things listed, then 均 before the figure (`占比和优良率均`): the figure is each one's. */
const BOTH_BEFORE = /[\u4e00-\u9fffA-Za-z][、和及与][\u4e00-\u9fffA-Za-z][^，。；]*均$/;
/** The change each of them makes, after 均 (`甲、乙均增长12%以上`): part of each one's metric. */
const EACH_CHANGE = /均(增长|提高|提升|下降)$/;
/** Words between a metric and its number that are not part of the metric. */
const TRAILING_FILLER =
  /(全部|分别|力争|确保|保持|稳定|达到|达|突破|超过|不低于|不少于|大于等于|小于等于|不大于|大于|等于|低于|小于|以上|以内|进入|为|至|各|在|控制|下降到|下降至|降低到|降低至|减少到|减少至|降至|降到|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|上升到|上升至|(?<![签合预履节公条契])约|[≥≤><＞＜=＝]|正向|反向)+$/;
const LEADING_FILLER = new RegExp(
  `^(\\d{4}年度?)?((年底前|年内|今年|上半年|下半年)在?)?(${AREA_WORDS.join('|')})?(目标|力争|确保|争取|全年|年内|累计|至少)?`,
);
/** Verbs around a rank that are not part of what is ranked (保持全省前30位). */
const RANK_CONTEXT_VERBS = /保持|进入|位列|位居|跻身|稳居|争先|争取|确保|力争/g;
/** Where a rank is counted: a ranking of nothing more is named by it. */
const RANK_SCOPE = /全(国|省|市|州|区|县)|(?<=[\u4e00-\u9fff])(省|市)内/;
const AT_MOST_BEFORE =
  /((?<!不)低于|(?<!不)小于|不大于|[≤<＜]|控制在|下降到|降至|降到|不超过|不高于|压减到|压降到|压缩至|压缩到|压缩在|缩短至|缩短到|减少到|减少至|降低到|降低至)[^，。；]{0,4}$/;

interface Draft {
  metric: string;
  kind: IndicatorKind;
  direction: Direction;
  target: number | string;
  floor: number | string;
  unit: string | null;
  start: number;
  end: number;
  /** A bare column number repeating a figure stated before it with its unit: no indicator of its own. */
  restates?: boolean;
  /** A number standing alone in a cell of its own (read with no unit). */
  plain?: boolean;
  /** Read as a row of an indicator table (name | unit of measure | figure): each row is its own. */
  measured?: boolean;
}

function kindOf(metric: string, q: Quantity): IndicatorKind {
  if (q.kind !== 'percent') return 'amount';
  if (/增长|增速|增幅|下降|降低|减少|压减/.test(metric)) return 'growth';
  return 'share';
}

/** Offset of the last whitespace character, or -1. */
function lastSpace(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (s[i] === ' ' || s[i] === '\t' || s[i] === '\u3000') return i;
  return -1;
}

const CHANGES = '增长|增速|增幅|下降|提高|提升';
/** A cell naming only the change asked (`增长7%以上` after the indicator's name cell). */
const CHANGE_ONLY = new RegExp(`^(${CHANGES})$`);
/** A metric that is only a change (`增长`, `同比增长`): it names nothing of its own. */
const CHANGE_ALONE = new RegExp(`^(同比|比上年|较上年)?(${CHANGES})$`);

/** `“完成城镇新增就业”项目` → `完成城镇新增就业`: the quotes a summary puts around a whole item. */
function withoutItemQuotes(s: string): string {
  return s.startsWith('“') && /”(项目|工程|任务|行动)?$/.test(s) && s.indexOf('”') === s.lastIndexOf('”')
    ? s.slice(1).replace(/”(项目|工程|任务|行动)?$/, '')
    : s;
}

const BRACKETED_AT_END = /[（(]([^（）()]{1,6})[）)]$/;

function cleanMetric(s: string): string {
  const words = s.trim();
  // a target joined from several cells (`项目名称 目标任务`): the metric is in the last cell
  const spaced = words.includes(' ') || words.includes('\t');
  const lastCell = spaced ? words.slice(lastSpace(words) + 1) : words;
  const metric = withoutItemQuotes(lastCell)
    // `普惠性幼儿园覆盖率工作 78.9%`: an item named as work; what is measured is before 工作
    .replace(/(?<=[\u4e00-\u9fff]{2})工作$/, '')
    .replace(TRAILING_FILLER, '')
    .replace(LEADING_FILLER, '')
    .replace(/^[、，]+|[、，]+$/g, '')
    .replace(/^[*＊]+/, '')
    .replace(/等$/, '')
    // the measure in brackets after a name (`租车次数(次)`, `城镇新增就业（人）`) names no part of it
    .replace(BRACKETED_AT_END, (m, inner: string) => (withMeasureCell(inner, '1') !== null ? '' : m));
  // `地区生产总值 增长7%以上` (name | target): what grows is named in the cell before; so is what
  // stays under a limit (`城镇登记失业率 控制在4%以内`) or is to be reached (`造林绿化 力争1.5万亩`)
  if (!spaced || !(CHANGE_ONLY.test(metric) || !metric)) return metric;
  // skipping units of measure and other figures between (`地区生产总值 亿元 增长6% 增长6.5%`: name |
  // 单位 | 确保 | 力争)
  let before = words.slice(0, lastSpace(words)).trimEnd();
  for (let cell = before.slice(lastSpace(before) + 1); /\s/.test(before) && namesNothing(cell);) {
    before = before.slice(0, lastSpace(before)).trimEnd();
    cell = before.slice(lastSpace(before) + 1);
  }
  return cleanMetric(before) + metric;
}

/** A cell that names no metric: a unit of measure (`亿元`) or a figure (`增长6%`, `25`). */
const namesNothing = (cell: string): boolean => /\d/.test(cell) || withMeasureCell(cell, '1') !== null;

/** A count verb just before the figure (`新增16个`, `建成3所`), a stretch word between them at most. */
const VERB_JUST_BEFORE = new RegExp(`(?:${LEADING_VERBS.source.slice(1)})(力争|确保|累计)?$`);

/** Work done on what a quote names, right after it (`“口袋公园”建设`). */
const BUILT_AFTER_QUOTE = /^(建设|改造|提升|创建|工程|项目)/;

/**
 * A figure before a quoted name counts the named things when a count verb asks for that many,
 * written in digits (`新增16个“文化驿站”`); a Chinese numeral before quotes names a programme
 * (`三个“一号工程”`, `建设两个“万亩千亿”平台`).
 */
function countsQuoted(text: string, q: Quantity, clause: Piece, previous: Quantity | undefined): boolean {
  if (q.chinese) return false;
  const before = text.slice(clause.start, q.start);
  if (VERB_JUST_BEFORE.test(before)) return true;
  // `主城区100处“口袋公园”建设工程`: the work on the quoted things follows them
  const close = text.indexOf(text[q.end] === '“' ? '”' : '"', q.end + 1);
  if (close > 0 && close < clause.end && BUILT_AFTER_QUOTE.test(simplified(text.slice(close + 1, close + 3))))
    return true;
  // `完成13万名…检查和500名“两癌”妇女…救助`: the next item of a list the verb counts before
  return previous !== undefined && !previous.chinese && /[和及与、]$/.test(before) && VERB_INSIDE.test(before);
}

/** A money figure followed by a noun qualifies it (10亿元以上项目): not a target of its own. */
function isQualifier(text: string, q: Quantity, clauseEnd: number, later: boolean): boolean {
  // 30户以上自然村寨…覆盖率达95%: a threshold before a noun, when the clause measures something else
  if (later && q.kind !== 'percent' && /^(以上|以下)[\u4e00-\u9fff](?<!的)/.test(text.slice(q.end, q.end + 3)))
    return true;
  if (q.unit !== '元' && q.unit !== '美元') return false;
  // 该项目总投资约260万元: what the project named before costs, said of it, not an amount to reach
  if (PROJECT_COST.test(text.slice(0, q.start))) return true;
  const after = text.slice(q.end, clauseEnd).replace(/^(以上|以下|左右)/, '');
  // the noun follows the figure in its cell; a figure ending its cell qualifies nothing, nor one
  // joined to the next figure of a list (`分别达到100亿元和60亿元`; not `10亿元及以上项目`)
  return after.length > 0 && !/^([、（(）)\s]|[和及与]\d)/.test(after);
}

const PROJECT_COST = /(?:^|[，,。；;])(?:该|本|此)(?:项目|工程)(?:计划)?总投资(?:约|为|达|近)?$/;

/**
 * A count of places or people the later figure's work is done in or for (`为6个海岛县组建结对学校5所`,
 * `在10个乡镇建成农家书屋20个`): a count verb stands between them in one stretch, so the first says
 * where, the second what is to be reached.
 */
function saysWhereOfLater(text: string, q: Quantity, later: Quantity): boolean {
  const between = text.slice(q.end, later.start);
  // `建设和41所…`: 和, 及, 与 join two items of a list, each its own figure
  return !/[、，,；;\s和及与]/.test(between) && VERB_INSIDE.test(between.slice(1));
}
const VERB_INSIDE = new RegExp(LEADING_VERBS.source.slice(1));

/**
 * A facility's capacity written before its name (`新建日运转量达140吨大型垃圾中转站`): the figure says
 * what is built, not an amount to reach; a capacity ending its clause (`日处理能力达到5万吨`) is one.
 */
function specifiesFacility(text: string, q: Quantity, clause: Piece): boolean {
  if (!CAPACITY_BEFORE.test(text.slice(Math.max(clause.start, q.start - 10), q.start))) return false;
  const after = text.slice(q.end, clause.end).replace(/^(以上|以下|左右)/, '');
  return /^[\u4e00-\u9fff]/.test(after);
}
const CAPACITY_BEFORE = /(日|年|时)均?(处理|运转|转运|供水|供气|发电|产|吞吐|污水处理)(量|能力|规模)?(达到|达|为|约)?$/;

function ranksIn(text: string, clause: Piece, quoted: Array<[number, number]>): Draft[] {
  const out: Draft[] = [];
  const re = /(前|第)([0-9]+|[一二三四五六七八九十]+)(?:名|位)?(?=$|[，。；、）)]|名|位)/g;
  let m: RegExpExecArray | null;
  const body = clause.text;
  while ((m = re.exec(body))) {
    const at = clause.start + m.index;
    if (insideAny(at, quoted)) continue;
    const value = /\d/.test(m[2]) ? Number(m[2]) : parseChineseNumeral(m[2]);
    if (!Number.isFinite(value) || value <= 0) continue;
    const before = body.slice(0, m.index);
    // a rank needs a ranking context: 排名, 进入, 保持, 位列, 全国, 全省, 全市, 关区 …
    if (!/(排名|进入|保持|位列|位居|全国|全省|全市|关区|争先|跻身)/.test(before)) continue;
    // the verbs and areas of ranking (保持全省, 进入全国) say where, not what is ranked
    const metricWords = cleanMetric((before.split(/、/).pop() ?? before).replace(RANK_CONTEXT_VERBS, ''));
    // a rank of nothing more than the place (`全省排名保持前三`): the scope is what the report names
    const scope = metricWords.replace(/排名/g, '') ? '' : (RANK_SCOPE.exec(body)?.[0] ?? '');
    out.push({
      metric: metricWords.includes('排名') ? scope + metricWords : `${scope}${metricWords}排名`,
      kind: 'rank',
      direction: 'at_most',
      target: value,
      floor: value,
      unit: null,
      start: at,
      end: at + m[0].length,
    });
  }
  return out;
}

function levelsIn(text: string, clause: Piece): Draft[] {
  const re =
    /(保持|达到|获得|创成|评为|获评|争创)[^，。；]{0,8}?[“"]?(双A|[AＡ]{1,5}级|A类|[一二三四五六七八九]星级)[”"]?(?=$|[，。；、])/g;
  const out: Draft[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(clause.text))) {
    const gradeAt = clause.start + m.index + m[0].indexOf(m[2]);
    out.push({
      metric: cleanMetric(clause.text.slice(0, m.index)) + '评级',
      kind: 'level',
      direction: 'at_least',
      target: m[2],
      floor: m[2],
      unit: null,
      start: gradeAt,
      end: gradeAt + m[2].length,
    });
  }
  return out;
}

/** A change asked in percentage points (`提高0.2个百分点`): the words right before the figure. */
const POINTS_CHANGE_BEFORE = /(提高|提升|增加|上升|增长|扩大|下降|降低|减少|缩小|收窄)了?$/;

/** Between the ends of a range written with the measure on both (`5%-6%`, `5%至6%`). */
const RANGE_DASH_AFTER = /^\s*[-—~至到]\s*$/;

/** What may stand in brackets before the only count of a clause: nothing, or `其中` and a name. */
const BRACKETED_COUNT_BEFORE = /^[（(]\s*(其中[^，。；、\d（）()]{0,8})?$/;

/** Things listed after a figure and what they are to do, nothing else (no brackets, no figures). */
const LISTED_THINGS = /^[\u4e00-\u9fff、]{3,30}$/;

/** Quantities of one clause as indicators. */
function amountsIn(text: string, clause: Piece, all: Quantity[], quoted: Array<[number, number]>): Draft[] {
  const qs = all.filter(
    (q) =>
      q.start >= clause.start &&
      q.end <= clause.end &&
      q.unit &&
      (q.kind !== 'points' || POINTS_CHANGE_BEFORE.test(text.slice(Math.max(clause.start, q.start - 6), q.start))),
  );
  const out: Draft[] = [];
  let segmentStart = clause.start;
  let leadingVerb = '';
  let parenOpen = -1;
  // a count saying where the next figure's work is done (`197个市级重点项目完成投资660亿元`) is
  // scope, not part of that figure's metric: reports name the things without repeating the count
  let whereCount: Quantity | null = null;
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i];
    if (insideAny(q.start, quoted)) continue;
    // 两个“万亩千亿”: naming, not counting; but 新增16个“文化驿站” counts the quoted things
    if (/^[“"]/.test(text.slice(q.end, q.end + 1)) && !countsQuoted(text, q, clause, qs[i - 1])) continue;
    if (isQualifier(text, q, clause.end, i + 1 < qs.length)) continue;
    // `增长5%-6%`: the low end of a range, read with its high end (the next figure, same unit)
    if (i + 1 < qs.length && qs[i + 1].unit === q.unit && RANGE_DASH_AFTER.test(text.slice(q.end, qs[i + 1].start)))
      continue;
    if (i + 1 < qs.length && saysWhereOfLater(text, q, qs[i + 1])) {
      whereCount = q;
      continue;
    }
    if (specifiesFacility(text, q, clause)) continue;
    // 落实…90条措施: a package of measures named by its size, not a count to reach
    if (
      /^(措施|举措|政策|意见)/.test(text.slice(q.end, q.end + 2)) &&
      /(落实|贯彻|执行|兑现)/.test(text.slice(clause.start, q.start))
    )
      continue;
    const before = text.slice(clause.start, q.start);
    parenOpen = Math.max(before.lastIndexOf('（'), before.lastIndexOf('('));
    const parenClosed = Math.max(before.lastIndexOf('）'), before.lastIndexOf(')'));
    if (parenOpen > parenClosed) {
      // （确保5.5%）: the floor of the indicator just before
      if (/确保|保底|不低于/.test(before.slice(parenOpen)) && out.length) out[out.length - 1].floor = q.value;
      else if (
        out.length === 0 &&
        q.kind === 'amount' &&
        BRACKETED_COUNT_BEFORE.test(before.slice(parenOpen, q.start - clause.start)) &&
        /^\s*[）)]/.test(text.slice(q.end, q.end + 2))
      ) {
        // 补建健身点（60个）: the clause's only figure, in brackets after what it counts; so is the
        // part a table asks of its own office when it gives no total (`增加学位(略)个(其中浏阳3675个)`)
        const metric = cleanMetric(
          text.slice(segmentStart, clause.start + parenOpen).replace(/[（(][^（）()]*[）)]/g, ''),
        );
        if (metric)
          out.push(
            draftOf(
              {
                kind: 'amount',
                direction: 'at_least',
                target: q.value,
                floor: q.value,
                unit: q.unit,
                start: q.start,
                end: q.end,
              },
              metric,
            ),
          );
      }
      continue;
    }
    if (text[q.start - 1] === '前' && q.kind === 'percent') {
      out.push({
        metric: cleanMetric(text.slice(segmentStart, q.start - 1)) + '排名',
        kind: 'rank',
        direction: 'at_most',
        target: q.value,
        floor: q.value,
        unit: '%',
        start: q.start - 1,
        end: q.end,
      });
      segmentStart = q.end;
      continue;
    }
    // 2-3个: a range whose lower bound is the floor
    // (`5%-6%`, `5000人至6000人`: the low end may carry the measure the high end does)
    const range = /(\d+(?:\.\d+)?)(%|[^\d\s，。；、,;]{1,3}?)?[-—~至到]$/.exec(text.slice(segmentStart, q.start));
    const rangeFloor =
      range && (range[2] === undefined || range[2] === measureWritten(text, q))
        ? rangeLow(text, q, Number(range[1]))
        : null;
    const next = qs[i + 1];
    const nounEnd = Math.min(clause.end, next && !insideAny(next.start, quoted) ? next.start : clause.end);
    // a bound after the figure (`135个以上`) is the figure's, not the start of the next metric
    const bound = /^(以上|以下|以内|左右|余|多)/.exec(text.slice(q.end, nounEnd))?.[0] ?? '';
    const rest = text.slice(q.end + bound.length, nounEnd);
    // `41家公共图书馆、文化馆、博物馆错时延时开放`: the last figure of its clause, followed by a list
    // of the things it counts and what they are to do, is named by the whole of it
    const wholeList = nounEnd === clause.end && rest.includes('、') && LISTED_THINGS.test(rest);
    // `低于4%的控制指标`: what the figure is (a limit, a target) names nothing measured
    const after = wholeList
      ? rest
      : rest.split(/[、（(]|\s/)[0].replace(/^的(控制|预期)?(指标|目标|要求|水平|标准)$/, '');
    const headEnd = range && rangeFloor !== null ? q.start - range[0].length : q.start;
    let head =
      whereCount && whereCount.start >= segmentStart && whereCount.end <= headEnd
        ? text.slice(segmentStart, whereCount.start) + text.slice(whereCount.end, headEnd)
        : text.slice(segmentStart, headEnd);
    // `甲和乙均保持在98%以上`: one figure for each of the things listed before 均
    // (a list inside brackets names where, not what: `各县(市、区)均为100%`)
    const listed = head.replace(/[（(][^（）()]*[）)]/g, '').replace(TRAILING_FILLER, '');
    const change = EACH_CHANGE.exec(listed)?.[1] ?? '';
    const each = BOTH_BEFORE.test(change ? listed.slice(0, -change.length) : listed);
    const multi = each || /分别|各$/.test(head.replace(TRAILING_FILLER, (s) => (s.includes('各') ? '各' : s)));
    if (segmentStart === clause.start) {
      const v = LEADING_VERBS.exec(head.replace(LEADING_FILLER, ''));
      leadingVerb = v ? v[1] : '';
    } else if (leadingVerb && !LEADING_VERBS.test(head)) head = leadingVerb + head.replace(/^[、]/, '');
    // `20个以上的省份`: what is counted follows 的
    const named = (wholeList && !multi ? after : after.split('、')[0]).replace(/^的/, '');
    let words = cleanMetric(head + (named.length <= 20 || wholeList ? named : ''));
    // a change alone in a cell after another figure's cell (`地区生产总值 亿元 增长6% 增长6.5%`): named
    // by the row's name, as the first is
    if (CHANGE_ONLY.test(words) && segmentStart > clause.start && /^\s/.test(head))
      words = cleanMetric(text.slice(clause.start, headEnd));
    const metric = labelled(text, clause, words);
    // `以内` after the figure, or after its measure (`1个工作日以内`)
    const atMost = AT_MOST_BEFORE.test(head) || /^[\u4e00-\u9fff]{0,4}?以内/.test(text.slice(q.end, q.end + 6));
    const growthDown = q.kind === 'percent' && FALL_AT_END.test(cleanMetric(head)) && !atMost;
    const value = growthDown ? -q.value : q.value;
    const points = q.kind === 'points';
    const base: Omit<Draft, 'metric'> = {
      kind: points ? 'share' : kindOf(metric, q),
      direction: atMost || growthDown ? 'at_most' : 'at_least',
      target: value,
      floor: rangeFloor !== null && !growthDown && !atMost ? rangeFloor : value,
      unit: points ? POINTS_UNIT : q.unit,
      start: q.start,
      end: q.end,
    };
    if (multi) {
      // 城市书房、文化驿站各5家 / 甲、乙营收分别达到650亿元、75亿元
      const subject = each ? metric.replace(/均[\u4e00-\u9fff]{0,2}$/, '') : metric.replace(/(分别|各).*$/, '');
      const runLength = countRun(text, qs, i, LIST_JOINER);
      let parts = listedThings(subject, each ? 2 : runLength);
      // the change they each make (`分别增长6%和7.5%`) names each one's metric, as it names one
      const changeAfter = change || (/(?:分别|各)(?:同比)?(增长|提高|提升|下降)/.exec(metric)?.[1] ?? '');
      if (changeAfter) parts = parts.map((p) => p + changeAfter);
      if ((each || /各/.test(head)) && parts.length > 1) {
        for (const p of parts) out.push(draftOf(base, p === parts[0] ? p : prefixVerb(parts[0], p)));
      } else if (runLength > 1 && parts.length === runLength) {
        const tail = /(营收|产值|收入|增加值|投资|规模)$/.exec(parts[parts.length - 1])?.[1] ?? '';
        for (let k = 0; k < runLength; k++) {
          const qk = qs[i + k];
          const name = parts[k].endsWith(tail) ? parts[k] : parts[k] + tail;
          out.push(draftOf(base, name, qk));
        }
        i += runLength - 1;
        segmentStart = qs[i].end;
        continue;
      } else out.push(draftOf(base, metric));
    } else {
      // 累计完成320宗、1.5万亩低效工业用地: a run of figures shares the noun after the last
      const run = countRun(text, qs, i);
      if (run > 1) {
        const last = qs[i + run - 1];
        const tailEnd = qs[i + run]?.start ?? clause.end;
        const noun = text
          .slice(last.end, tailEnd)
          .replace(/^(以上|余|多)/, '')
          .split(/[、（(]/)[0];
        for (let k = 0; k < run; k++) {
          const qk = qs[i + k];
          out.push(draftOf(base, cleanMetric(head + noun), qk));
        }
        i += run - 1;
        segmentStart = qs[i].end;
        continue;
      }
      out.push(draftOf(base, metric));
    }
    segmentStart = q.end + bound.length + after.length;
  }
  return out;
}

/** The measure a figure is written with, after its number and multiplier (`人` of `1.2万人`, `%`). */
function measureWritten(text: string, q: Quantity): string {
  return text.slice(q.start, q.end).replace(/^-?[\d.,]+(万亿|万|亿|千)?/, '');
}

/** The lower bound of a range in the upper bound's unit (`1-2万亩` → 10000). */
function rangeLow(text: string, upper: Quantity, low: number): number {
  const written = /^\d+(?:\.\d+)?/.exec(text.slice(upper.start, upper.end));
  return written && Number(written[0]) ? low * (upper.value / Number(written[0])) : low;
}

/** A line's own number as a form labels it (`指标1`, `任务2`). */
const LINE_NUMBER = /^(指标|任务|事项|实事)?\d{1,3}$/;

/**
 * `就读公办学校比例：泰顺>85.8%`: a clause that names only a place or a comparison after a label
 * measures what the label says.
 */
function labelled(text: string, clause: Piece, metric: string): string {
  const colon = text[clause.start - 1];
  if ((colon !== '：' && colon !== ':') || metric.length > 6) return metric;
  if (metric.replace(/[>≥＞≧<≤＜≦=＝]/g, '').length > 3) return metric;
  const label = /[^，,。；;：:]+$/.exec(text.slice(0, clause.start - 1));
  // a number labelling the line (`指标1:租车次数`) names nothing
  const name = label ? cleanMetric(label[0]) : '';
  return name && !LINE_NUMBER.test(name) ? name : metric;
}

/** A draft from the shared fields of a clause, with its own metric and, in a list, its own figure.
 * (Written out, not spread: object spread is several times slower here and this runs per figure.) */
function draftOf(base: Omit<Draft, 'metric'>, metric: string, q?: Quantity): Draft {
  return {
    metric,
    kind: base.kind,
    direction: base.direction,
    unit: q ? q.unit : base.unit,
    target: q ? q.value : base.target,
    floor: q ? q.value : base.floor,
    start: q ? q.start : base.start,
    end: q ? q.end : base.end,
  };
}

/** How many quantities from index i on are separated by 、 only (320宗、1.5万亩). */
function countRun(text: string, qs: Quantity[], i: number, joiners = RUN_JOINER): number {
  let n = 1;
  while (qs[i + n] && joiners.test(text.slice(qs[i + n - 1].end, qs[i + n].start))) n++;
  return n;
}
const RUN_JOINER = /^(以上)?、$/;
/** After 分别, the last figure may follow a word (`分别增长6%和7.5%`). */
const LIST_JOINER = /^(以上)?[、和及与]$/;

function prefixVerb(first: string, item: string): string {
  const v = LEADING_VERBS.exec(first);
  return v && !LEADING_VERBS.test(item) ? v[1] + item : item;
}

/**
 * The row number some tables print inside the target cell (`*1.`, `2.`, `3.90%的…` where 3 is
 * the number and 90% the figure, since a figure is not written with a trailing zero), blanked
 * with spaces so that offsets stay valid.
 */
const ROW_NUMBER = /^\s*[*＊]?\d{1,3}[.．、](?=[^\d]|[1-9]\d*0%)/;
function withoutRowNumber(text: string): string {
  const m = ROW_NUMBER.exec(text);
  return m ? ' '.repeat(m[0].length) + text.slice(m[0].length) : text;
}

/**
 * A number standing alone between spaces in a target spread over several columns (`… 1800 建成`,
 * a planned amount whose unit is the column's): an amount in the target's own unit.
 */
/** A number read with the unit of measure standing in the cell before it (`%`, `亿元`), or null. */
function withMeasureCell(cell: string, number: string): Quantity | null {
  if (cell.length > 6 || /\d/.test(cell)) return null;
  const qs = quantitiesOfHalfWidth(number + cell);
  const q = qs.length === 1 ? qs[0] : null;
  if (q && q.start === 0 && q.end === number.length + cell.length && q.kind !== 'bare') return q;
  // a year's target counted per year (`场次/年`): the figure is the year's amount in that unit
  return cell.endsWith('/年') ? withMeasureCell(cell.slice(0, -2), number) : null;
}

/** What may follow a planned figure in its cell (`5左右`, `20000以上`): an approximation or a bound. */
const CELL_QUALIFIER = /^(以上|以下|以内|左右|多|余)?(?:\s|$)/;
/** The lower bound and dash of a range written in one cell (`12-15`), before its upper bound. */
const CELL_RANGE_BEFORE = /(?:^|\s)(\d+(?:\.\d+)?)[-—~至到]$/;
/** A name counting things by their measure word (`旧改征收户数`): the figure is in that unit. */
const COUNTED_BY = /([\u4e00-\u9fff])数$/;

/** A measure cell naming its unit in brackets (`城镇新增就业(人)`, `城镇登记失业率低于(%)`). */
const BRACKETED_UNIT = /^(.*[^\s（(])[（(]([^（）()\d]{1,6})[）)]$/;
/** Words ending a measure's name that ask to stay under the figure (`失业率低于(%) 4.3`). */
const AT_MOST_NAME = /((?<!不)低于|不高于|不超过|控制在|控制|以内|以下)$/;

/**
 * Where a target ends in a run of bare number cells after its name (`农林水利 11 17.73 2.17`: 项目数 |
 * 总投资 | 年度计划投资), the last is the figure planned for the year, the one the report's actual
 * column stands beside; the earlier ones count or size the work. Returns the run's start, or -1.
 */
function trailingNumberRun(text: string, figuresOnlyPlan: boolean): number {
  // a target of figures only, its name in a column of headings (`57 82.5` under `吉首市`), when the
  // actual column's header says what they measure
  if (figuresOnlyPlan && ONLY_NUMBERS.test(text)) return 0;
  const m = /[\u4e00-\u9fff）)](\s+\d+(?:\.\d+)?){2,}\s*$/.exec(text);
  if (!m) return -1;
  // `进出口贸易总额 亿元 10.2 15`: after a unit cell the numbers are a value and its growth
  const cellBefore =
    text
      .slice(0, m.index + 1)
      .split(/\s+/)
      .pop() ?? '';
  // and after a name with its unit in brackets (`地区生产总值(亿元) 466 112 45`) they are the total
  // and its parts
  return withMeasureCell(cellBefore, '1') || /[（(][^（）()\d]{0,6}[）)]$/.test(cellBefore) ? -1 : m.index + 1;
}

const ONLY_NUMBERS = /^\d+(?:\.\d+)?(?:\s+\d+(?:\.\d+)?)+\s*$/;

function plainColumnNumbers(
  text: string,
  all: Quantity[],
  figuresOnlyPlan: boolean,
  unnamed: string,
  moneyMetric: string | null,
): Draft[] {
  const out: Draft[] = [];
  const run = trailingNumberRun(text, figuresOnlyPlan);
  const lastBare = run < 0 ? null : all.filter((q) => q.kind === 'bare' && q.start > run).at(-1);
  for (const q of all) {
    if (q.kind !== 'bare') continue;
    if (lastBare && q.start > run && q !== lastBare) continue;
    const qualifier = CELL_QUALIFIER.exec(text.slice(q.end, q.end + 3));
    if (!qualifier) continue;
    const range = /\s/.test(text[q.start - 1] ?? '') ? null : CELL_RANGE_BEFORE.exec(text.slice(0, q.start));
    if (!range && !/^\s$/.test(text[q.start - 1] ?? '')) continue;
    const number = text.slice(q.start, q.end);
    if (!/^\d+(\.\d+)?$/.test(number)) continue;
    const before =
      q === lastBare
        ? text.slice(0, run).trimEnd()
        : text.slice(0, range ? q.start - range[0].length : q.start).trimEnd();
    const low = range ? Number(range[1]) : null;
    const bound = qualifier[1] === '以下' || qualifier[1] === '以内';
    const cells = before.split(/\s+/);
    const last = cells[cells.length - 1];
    // `地区生产总值增速 % 6.5` (name | unit | target), or `城镇新增就业(人) 26000` (the unit in brackets)
    const bracketed = BRACKETED_UNIT.exec(last);
    const bracketUnit = bracketed ? withMeasureCell(bracketed[2], number) : null;
    const measured = bracketUnit ?? (cells.length >= 2 ? withMeasureCell(last, number) : null);
    if (measured) {
      const name = bracketUnit && bracketed ? bracketed[1] : cells[cells.length - 2];
      const written = (name.split(/[，,。；;]/).pop() ?? '').trim();
      const named = cleanMetric(written);
      const atMostWord = AT_MOST_NAME.test(written);
      const metric = named.replace(AT_MOST_NAME, '') || '计划值';
      const percent = measured.kind === 'percent';
      // a fall to reach is a growth of at most minus the figure, as `能耗下降3%` reads
      const fall = percent && FALL_METRIC.test(metric);
      const value = fall ? -measured.value : measured.value;
      const factor = measured.value / Number(number);
      out.push({
        metric,
        kind: percent ? (fall || /增长|增速|增幅|提高/.test(metric) ? 'growth' : 'share') : 'amount',
        direction: fall || bound || atMostWord || /控制|以内|不超过|不高于/.test(metric) ? 'at_most' : 'at_least',
        target: value,
        floor: low !== null && !fall ? round(low * factor) : value,
        unit: measured.unit,
        start: q.start,
        end: q.end,
        measured: true,
      });
      continue;
    }
    if (!/[\u4e00-\u9fff）)]$/.test(before) && !(q === lastBare && run === 0)) continue;
    // a cell before it that holds a figure of its own (`床位800张`) is the scope, not this number's name
    const named = cleanMetric(before.split(/[，,。；;\s]/).pop() ?? '');
    const planCell = q === lastBare || text.slice(q.end).trim() === '';
    const metric = (planCell ? moneyMetric : null) ?? (named && !/\d/.test(named) ? named : unnamed);
    const counted = COUNTED_BY.exec(metric);
    const countedUnit = counted ? withMeasureCell(counted[1], number) : null;
    out.push({
      metric,
      kind: 'amount',
      direction: bound ? 'at_most' : 'at_least',
      target: q.value,
      floor: low ?? q.value,
      unit: countedUnit && countedUnit.value === q.value ? countedUnit.unit : null,
      start: q.start,
      end: q.end,
      restates: restatedBefore(text, all, q),
      plain: true,
    });
  }
  return out;
}

/**
 * Whether a number standing alone in a target cell repeats a figure the target already states
 * with its unit (`城镇新增就业1100人 1100`: a number-only 目标任务 column beside the text one).
 */
function restatedBefore(text: string, all: Quantity[], q: Quantity): boolean {
  for (const p of all) {
    if (p.start >= q.start) break;
    if (p.kind !== 'bare' && p.unit !== null && writtenOrValue(text, { ...p, target: p.value }, q.value)) return true;
  }
  return false;
}

/** Whether a figure of the target, as written (`1.5` of `1.5万亩`) or normalised, is `value`. */
function writtenOrValue(
  text: string,
  f: { target: number | string; start: number; end: number },
  value: number,
): boolean {
  const written = /^\d+(?:\.\d+)?/.exec(text.slice(f.start, f.end));
  return f.target === value || (written !== null && Number(written[0]) === value);
}

/** Where fixed terms with a numeral stand (一件事, 二套房): their numbers name, not count. */
function namingTermRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  NAMING.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAMING.exec(text))) out.push([m.index - 1, m.index + m[0].length]);
  return out;
}
const NAMING = new RegExp(NAMING_TERMS.join('|'), 'g');

/** The share of a's character pairs that b repeats. */
function pairShare(a: string, b: string): number {
  let pairs = 0;
  let shared = 0;
  for (let i = 0; i + 1 < a.length; i++) {
    pairs++;
    if (b.includes(a.slice(i, i + 2))) shared++;
  }
  return pairs ? shared / pairs : 0;
}

/**
 * A target joined from the general task and the office's own share (`新建和改造提升城市绿道500公里
 * 新建和改造提升城市绿道130公里`): the share, in a later cell, is what the office must reach; the
 * general figure of the same unit and wording before it is dropped.
 */
function withoutSupersededCells(text: string, drafts: Draft[]): Draft[] {
  const cellOf = (at: number): number => (text.slice(0, at).match(/\S\s+(?=\S)/g) ?? []).length;
  // a later cell restating the same figure (`增长8%左右。… 增长8%左右,…`) adds nothing: the first
  // mention stays, in the order the target gives its figures
  const restated = new Set<Draft>();
  const kept = drafts.filter((d, i) => {
    if (d.measured || restated.has(d)) return true;
    const cell = cellOf(d.start);
    const later = drafts.find(
      (o, j) =>
        j > i &&
        o.unit === d.unit &&
        o.kind === d.kind &&
        cellOf(o.start) > cell &&
        (pairShare(o.metric, d.metric) >= 0.5 ||
          // an item named by its figure (`新建300个公共充电桩项目 | …共完成300个公共充电桩建设`): the
          // detail restates it in its own words
          (cell === 0 && o.target === d.target && o.floor === d.floor)),
    );
    if (later && later.target === d.target && later.floor === d.floor && !later.measured) {
      restated.add(later);
      return true;
    }
    return later === undefined;
  });
  return restated.size ? kept.filter((d) => !restated.has(d)) : kept;
}

/**
 * A number alone in the cell after one that states a different figure with its unit
 * (`改(新)建农村户用厕所100万户以上 144281`: the general task, then the table's own target column):
 * the office's share of that figure, in its base unit, when smaller than it; the general figure is
 * dropped.
 */
function ownShareOfCellBefore(text: string, drafts: Draft[], plainUnit: string | null): void {
  for (let i = drafts.length - 1; i > 0; i--) {
    const d = drafts[i];
    const o = drafts[i - 1];
    if (!d.plain || d.restates || o.unit === null || o.kind !== 'amount') continue;
    if (plainUnit !== null && !sameUnitFamily(plainUnit, o.unit)) continue;
    // a share is part of the whole (`共18个教室 1800` is some other figure of the project)
    if (typeof d.target !== 'number' || typeof o.target !== 'number' || d.target >= o.target) continue;
    // the figure stands in the cell right before: words may follow it there, but no other cell
    if (!/^\S*\s+$/.test(text.slice(o.end, d.start))) continue;
    d.unit = o.unit;
    d.metric = o.metric;
    drafts.splice(i - 1, 1);
    i--;
  }
}

/**
 * A figure whose cell follows a cell naming a standard's unit (`困难残疾人生活补贴发放标准 元/月/人
 * 不低于60元`): the row of an indicator table, in that unit, measuring what the name cell says.
 */
function withMeasureCellsBefore(text: string, drafts: Draft[]): void {
  for (const d of drafts) {
    if (d.kind !== 'amount' || d.unit === null) continue;
    const cellStart = lastSpace(text.slice(0, d.start)) + 1;
    const cells = text.slice(0, cellStart).trimEnd().split(/\s+/);
    const measure = cells.length >= 2 ? withMeasureCell(cells[cells.length - 1], '1') : null;
    // the cell's unit spells the figure's out (元 → 元/月/人), with no multiplier
    if (!measure || measure.value !== 1 || measure.unit === d.unit || !measure.unit?.startsWith(d.unit)) continue;
    d.unit = measure.unit;
    d.measured = true;
    if (!d.metric) d.metric = cleanMetric(cells[cells.length - 2]);
  }
}

/** Mentions of 确保 without a pair: 确保X is the floor and the target. Pairs are set in amountsIn. */
/**
 * `力争新开工项目30个，确保25个`: a clause of only 确保 and a figure is the floor of the stretch
 * target before it in the same unit, not an indicator of its own.
 */
function withFloorClauses(text: string, drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const prev = out[out.length - 1];
    const lead = text.slice(Math.max(0, d.start - 8), d.start);
    // (the figure after 确保 names nothing of its own, so its kind may be read otherwise)
    if (
      prev &&
      prev.unit === d.unit &&
      (prev.kind === d.kind || !d.metric) &&
      /[，,；;、]\s*(确保|保底)(达到|完成|实现)?\s*$/.test(lead) &&
      /力争/.test(text.slice(Math.max(0, prev.start - 30), prev.start)) &&
      d.target <= prev.target
    ) {
      prev.floor = d.target;
      continue;
    }
    // `增长8%左右,力争增长8.5%`: the stretch after the expected figure raises the same target
    if (
      prev &&
      prev.unit === d.unit &&
      (prev.kind === d.kind || !d.metric) &&
      /[，,、]\s*力争(增长|达到|实现)?\s*$/.test(lead) &&
      typeof d.target === 'number' &&
      typeof prev.target === 'number' &&
      d.target > prev.target
    ) {
      prev.floor = prev.target;
      prev.target = d.target;
      continue;
    }
    out.push(d);
  }
  return out;
}

/**
 * A quote around the whole item (`“完成城镇新增就业70万人”项目`, as a summary cites each item)
 * names nothing: its figures are the item's own, unlike a quoted name inside a target (`“双11”`).
 */
function quotesWholeItem(text: string, [start, end]: [number, number]): boolean {
  if (text[start] !== '“' || text.slice(0, start).trim() !== '') return false;
  return /^(项目|工程|任务|行动)?[。；;]?$/.test(text.slice(end).trim());
}

export interface ExtractOptions {
  /**
   * The unit the report's actual column names in its header (`1-6月完成投资（万元）`): a number alone
   * in the target's last cell is then the plan in that unit (a money plan beside a building's size),
   * not a share of a figure of another unit before it.
   */
  plainUnit?: string | null;
  /**
   * What that actual column measures, by its header (`完成投资` of `1-6月完成投资（万元）`): the name of
   * a plan number whose cell before it names nothing (it holds the building's size: `床位800张 30000`).
   */
  plainMetric?: string | null;
}

export function extractIndicators(target: string, options: ExtractOptions = {}): Indicator[] {
  if (!target) return [];
  const text = withoutRowNumber(toHalfWidth(target));
  const quoted = [...quotedRanges(text).filter((r) => !quotesWholeItem(text, r)), ...namingTermRanges(text)];
  const quantities = quantitiesOfHalfWidth(text);
  const drafts: Draft[] = [];
  for (const clause of clausesOf(text)) {
    drafts.push(
      ...levelsIn(text, clause),
      ...ranksIn(text, clause, quoted),
      ...amountsIn(text, clause, quantities, quoted),
    );
  }
  if (text.includes(' ') && /\s\d/.test(text)) {
    // money planned for a project (`年度计划投资` | `1-9月完成投资（万元）`) is named by what its actual
    // column measures, not by the project's description before it (`建设城市大脑平台 12000`)
    const moneyMetric = options.plainUnit === '元' && options.plainMetric ? options.plainMetric : null;
    drafts.push(
      ...plainColumnNumbers(text, quantities, Boolean(options.plainUnit), options.plainMetric || '计划值', moneyMetric),
    );
  }
  drafts.sort((a, b) => a.start - b.start);
  // `一般公共预算收入达到50亿元、增长5%`: a change alone after an amount is that amount's subject's
  for (let i = 1; i < drafts.length; i++) {
    const d = drafts[i];
    const prev = drafts[i - 1];
    const change = CHANGE_ALONE.exec(d.metric);
    if (change && d.kind === 'growth' && prev.kind === 'amount' && !/[。；;]/.test(text.slice(prev.end, d.start)))
      d.metric = prev.metric.replace(LEADING_VERBS, '') + change[2];
  }
  // `进入全市前三名`: the count inside a rank is the rank's, not a count of people
  const ranks = drafts.filter((d) => d.kind === 'rank');
  if (ranks.length)
    for (let i = drafts.length - 1; i >= 0; i--)
      if (drafts[i].kind === 'amount' && ranks.some((r) => drafts[i].start >= r.start && drafts[i].start < r.end))
        drafts.splice(i, 1);
  // a restated figure is dropped only when the figure it repeats was read as an indicator
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i];
    if (
      d.restates &&
      typeof d.target === 'number' &&
      drafts.some((o) => o.start < d.start && o.unit !== null && writtenOrValue(text, o, d.target as number))
    )
      drafts.splice(i, 1);
  }
  if (drafts.length > 1) ownShareOfCellBefore(text, drafts, options.plainUnit ?? null);
  if (text.includes('/')) withMeasureCellsBefore(text, drafts);
  const paired = drafts.length > 1 && /确保|力争/.test(text) ? withFloorClauses(text, drafts) : drafts;
  const kept = paired.length > 1 && text.trim().includes(' ') ? withoutSupersededCells(text, paired) : paired;
  return kept.map((d) => ({
    metric: d.metric,
    kind: d.kind,
    direction: d.direction,
    target: d.target,
    floor: d.floor,
    unit: d.unit,
    actual: null,
    actual_period: null,
    source: { target: { start: d.start, end: d.end }, actual: null },
  }));
}
