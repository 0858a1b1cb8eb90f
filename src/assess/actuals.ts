// Finds the actual of an indicator in a progress text: the figure the text ties to the same
// metric (shared wording, same kind and unit family, nearness), with the period it is stated
// for. Forecasts, plans, applications and restated targets are not actuals; figures are never
// added up. An explicit "已全部完成" for the item counts as met with no figure.
import type { Indicator, Span } from '../domain/index.js';
import { findQuantities, parseChineseNumeral, toHalfWidth, type Quantity } from './numbers.js';
import { clausesOf, overlap, sentencesOf, type Piece } from './text.js';
import { CROWDED_UNITS, sameUnitFamily } from './vocab/measure-words.js';
import { PERIOD_PATTERNS } from './vocab/period-words.js';

export interface ActualMatch {
  actual: number | string | null;
  actual_period: string | null;
  span: Span | null;
  /** Month the actual is stated for; null when undated. */
  month: number | null;
  /** The text says the item is wholly accomplished, without a figure. */
  explicitlyDone: boolean;
}

const NONE: ActualMatch = { actual: null, actual_period: null, span: null, month: null, explicitlyDone: false };

/** Wording before a figure that makes it a forecast, plan, application or target, not a result. */
const NOT_A_RESULT = /(预计|预期|拟|计划|谋划|力争|争创|推荐|申报|意向|在谈|储备)/;
/** Right before a figure, these make it the target restated (`年度目标10.5%`, `开工任务8条`). */
const RESTATED_TARGET = /(目标|任务|要求|下达)[^，。；]{0,4}$/;
const EXPLICIT_DONE = /已全部完成|全部完成|已完成[。；;]?$|已完成$|进度已达100%|完成率100%|均已[^，。；]{0,8}完成|已全部(开工|完工|建成|投用)/;
const ACCEPT = 0.5;
/** Bounds that keep time linear on pathological text: how far back the wording of a figure
 * is looked for, and how many figures are weighed (real cells hold a few dozen). */
const MAX_LOOKBACK = 160;
const MAX_CANDIDATES = 400;
const MAX_SEGMENT = 60;
/** A figure clearly ahead of the others of its unit may share less wording. */
const ACCEPT_AHEAD = 0.3;
const AHEAD_MARGIN = 0.12;
/** The only figure of its unit in the text needs only a little shared wording. */
const ACCEPT_LONE = 0.2;
const ACCEPT_LONE_SPECIFIC = 0.1;

function subjectOf(ind: Indicator): string {
  const metric = ind.metric.replace(/^(加快|推动|推进|积极|大力|全力|努力|力争)+/, '');
  return ind.kind === 'growth' ? metric.replace(/增长|增速|增幅|下降/g, '') : metric;
}

/** The smallest stretch around a figure: between list commas, commas and stops. */
function segmentAround(text: string, q: Quantity): Piece {
  let start = q.start;
  const floor = Math.max(0, q.start - MAX_SEGMENT);
  while (start > floor && !/[，,。；;：:、\n]/.test(text[start - 1])) start--;
  let end = q.end;
  const ceiling = Math.min(text.length, q.end + MAX_SEGMENT);
  while (end < ceiling && !/[，,。；;：:、\n（(]/.test(text[end])) end++;
  return { text: text.slice(start, end), start, end };
}

/**
 * Where the wording that may describe an amount starts: after the previous figure with a unit in
 * the sentence (its words are its own), unless a `其中` in between points back to it. Rates look
 * back to the sentence start, since `X实现Y亿元，同比增长Z%` names X before the amount.
 */
function windowStart(text: string, sentence: Piece, at: number, ind: Indicator, all: Quantity[]): number {
  const q = all[at];
  if (ind.kind !== 'amount') return sentence.start;
  let start = sentence.start;
  for (let i = at - 1; i >= 0; i--) {
    const p = all[i];
    if (p.start < sentence.start || p.end < q.start - MAX_LOOKBACK) break;
    if (!sameUnitFamily(p.unit, ind.unit)) continue;
    if (/^[^，。；]*[：:]/.test(text.slice(p.end, q.start))) continue; // a restated target as label
    start = p.end;
    break;
  }
  const before = text.slice(Math.max(sentence.start, q.start - MAX_LOOKBACK), q.start);
  const clauseStart = Math.max(before.lastIndexOf('，'), before.lastIndexOf(','));
  return before.slice(clauseStart + 1).includes('其中') ? sentence.start : start;
}

/** A money figure followed by a noun qualifies it (1亿元以上项目13个). */
function isQualifier(text: string, q: Quantity): boolean {
  return (q.unit === '元' || q.unit === '美元') && /^(以上|以下)?[\u4e00-\u9fff]/.test(text.slice(q.end, q.end + 3)) &&
    !/^(以上|以下)?[，。；、]/.test(text.slice(q.end, q.end + 3)) && /^(以上|以下)/.test(text.slice(q.end, q.end + 2));
}

/** Figures in the metric (10亿元以上, 35岁) and administrative levels narrow it: the window must repeat them. */
function qualifiersOf(metric: string): string[] {
  const out: string[] = [...(metric.match(/\d+(?:\.\d+)?/g) ?? [])];
  const level = /(国家级|省级|市级以上|市级|区级)/.exec(metric);
  if (level) out.push(level[1]);
  return out;
}

/** The piece holding offset `at` (binary search: pieces are in order). */
function pieceAt(pieces: Piece[], at: number): Piece {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid];
    if (at < p.start) hi = mid - 1;
    else if (at >= p.end) lo = mid + 1;
    else return p;
  }
  return { text: '', start: at, end: at };
}

function periodBefore(text: string, sentence: Piece, at: number): { label: string; month: number | null } | null {
  const window = text.slice(sentence.start, at);
  let best: { label: string; month: number | null; at: number } | null = null;
  for (const { pattern, month } of PERIOD_PATTERNS) {
    const re = new RegExp(pattern.source, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(window))) {
      // the wording that ends closest to the figure dates it; ties go to the longer wording
      const end = m.index + m[0].length;
      if (!best || end > best.at || (end === best.at && m[0].length > best.label.length)) {
        best = { label: m[0], month: month(m), at: end };
      }
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return best ? { label: best.label, month: best.month } : null;
}

function compatible(ind: Indicator, q: Quantity, text: string, clause: Piece): number | null {
  const before = text.slice(Math.max(clause.start, q.start - 12), q.start);
  if (ind.kind === 'growth') {
    if (q.kind !== 'percent') return null;
    if (!/(增长|增速|增幅|下降|减少|回落)[^，。；]{0,3}$/.test(before)) return null;
    return /(下降|减少|回落)[^，。；]{0,3}$/.test(before) ? -q.value : q.value;
  }
  if (ind.kind === 'share') {
    if (q.kind !== 'percent' || /(增长|增速|增幅|提高|提升|下降)[^，。；]{0,3}$/.test(before)) return null;
    return q.value;
  }
  if (ind.kind === 'amount') return q.kind === 'amount' && sameUnitFamily(q.unit, ind.unit) ? q.value : null;
  return null;
}

function rankActual(ind: Indicator, text: string, sentences: Piece[]): ActualMatch {
  const re = /(?:第|前)([0-9]+|[一二三四五六七八九十]+)(?:名|位)?/g;
  let best: ActualMatch & { score: number } = { ...NONE, score: 0 };
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (/^[批期届次轮个]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 1))) continue;
    const sentence = pieceAt(sentences, m.index);
    const window = text.slice(sentence.start, m.index);
    if (NOT_A_RESULT.test(window.slice(-12)) || /将|预计/.test(window.slice(-12))) continue;
    const score = overlap(ind.metric.replace(/排名/g, ''), window);
    const value = /\d/.test(m[1]) ? Number(m[1]) : parseChineseNumeral(m[1]);
    if (score >= ACCEPT && score > best.score && Number.isFinite(value)) {
      const p = periodBefore(text, sentence, m.index);
      best = { actual: value, actual_period: p?.label ?? null, month: p?.month ?? null, span: { start: m.index, end: m.index + m[0].length }, explicitlyDone: false, score };
    }
  }
  return best;
}

/** The actual of one indicator in a progress text. */
export function matchActual(ind: Indicator, progress: string): ActualMatch {
  if (!progress || ind.kind === 'level') return NONE;
  const text = toHalfWidth(progress);
  const sentences = sentencesOf(text);
  if (ind.kind === 'rank') return rankActual(ind, text, sentences);
  const clauses = clausesOf(text);
  const subject = subjectOf(ind);
  const qualifiers = qualifiersOf(ind.metric);
  const candidates: Array<{ q: Quantity; value: number; score: number; sentence: Piece; own: number }> = [];
  const all = findQuantities(text);
  for (let qi = 0; qi < all.length && qi < MAX_CANDIDATES; qi++) {
    const q = all[qi];
    const clause = pieceAt(clauses, q.start);
    const value = compatible(ind, q, text, clause);
    if (value === null) continue;
    const sentence = pieceAt(sentences, q.start);
    const clauseBefore = text.slice(Math.max(clause.start, q.start - MAX_LOOKBACK), q.start);
    // a restated target (`开工任务8条：`, `提升改造公路4条：`) is a label, not a result
    if (text[clause.end] === '：' || text[clause.end] === ':') continue;
    if (NOT_A_RESULT.test(clauseBefore) || RESTATED_TARGET.test(clauseBefore) || isQualifier(text, q)) continue;
    if (/准[\d一二三四五六七八九十百千万亿]*[亿万]/.test(clauseBefore)) continue; // 准亿元楼宇: not yet one
    const segment = segmentAround(text, q);
    const sentenceBefore = text.slice(Math.max(windowStart(text, sentence, qi, ind, all), segment.start - MAX_LOOKBACK), segment.end);
    if (qualifiers.some((w) => !sentenceBefore.includes(w))) continue;
    const weight = ind.kind === 'amount' ? 0.8 : 1;
    const score = Math.max(overlap(subject, segment.text), weight * overlap(subject, sentenceBefore));
    candidates.push({ q, value, score, sentence, own: overlap(subject, segment.text) });
  }
  candidates.sort((a, b) => b.score - a.score || a.q.start - b.q.start);
  let best: (typeof candidates)[number] | null = candidates[0] ?? null;
  const second = candidates[1]?.score ?? 0;
  const lone = candidates.length === 1;
  const specific = ind.unit !== null && !CROWDED_UNITS.has(ind.unit) && best?.q.unit === ind.unit;
  const accepted = best && (best.score >= ACCEPT ||
    (best.score >= ACCEPT_AHEAD && best.score - second >= AHEAD_MARGIN && best.own > 0) ||
    (lone && best.score >= (specific ? ACCEPT_LONE_SPECIFIC : ACCEPT_LONE)));
  if (!accepted) best = null;
  if (best) {
    const p = periodBefore(text, best.sentence, best.q.start);
    return {
      actual: best.value, actual_period: p?.label ?? null, month: p?.month ?? null,
      span: { start: best.q.start, end: best.q.end }, explicitlyDone: false,
    };
  }
  for (const s of sentences) {
    if (EXPLICIT_DONE.test(s.text) && overlap(subject, s.text) >= 0.25) return { ...NONE, explicitlyDone: true };
  }
  return NONE;
}
