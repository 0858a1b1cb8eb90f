// Word-pair (bigram) overlap: how much of a metric's wording a stretch of text repeats.
// A progress text is prepared once (report shorthand normalised, with a map back to the original
// offsets) and each word pair is looked up once, on first use, with the engine's native string
// search; after that, scoring a metric against any stretch costs a binary search per word pair
// of the metric, not a scan of the stretch. The assessor compares dozens of metrics with
// hundreds of stretches of one text; nothing is kept between texts.
import { simplified } from '../parse/traditional.js';
import type { Piece } from './text.js';
import { METRIC_SYNONYMS } from './vocab/metric-words.js';

/** The word pairs of a metric, with their weights (common report words weigh little). */
export interface MetricGrams {
  pairs: string[];
  weights: number[];
  total: number;
}

/** A metric's pairs with where each occurs in one text. */
export interface PreparedGrams {
  lists: number[][];
  weights: number[];
  total: number;
}

/** Words too common in reports to tie a figure to a metric; their pairs weigh little. */
const GENERIC = new Set([
  '新增',
  '新建',
  '完成',
  '实现',
  '打造',
  '建设',
  '引进',
  '培育',
  '开工',
  '建成',
  '累计',
  '全区',
  '我区',
  '已经',
  '达到',
  '项目',
  '企业',
  '工作',
  '推进',
  '开展',
  '组织',
  '全年',
  '今年',
  '以来',
  '目前',
  '截至',
  '其中',
  '共计',
]);
const GENERIC_WEIGHT = 0.3;

/** Word characters: CJK unified ideographs and ASCII letters (digits are matched apart). */
const isWordChar = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Report shorthand: 规模以上 is written 规上, 地区生产总值 GDP (vocab/metric-words.ts); list
 * words (、和及与) carry no meaning. Each long form is replaced by its short form, and how many
 * characters it drops is kept for mapping offsets back.
 */
const SHORT_FORM = new Map(METRIC_SYNONYMS.map((s) => [s.written, s.as]));
const SHORTHAND = new RegExp(
  [...METRIC_SYNONYMS.map((s) => s.written)]
    .sort((a, b) => b.length - a.length)
    .concat('[、和及与]')
    .join('|'),
  'g',
);
/** List words and the two commonest long forms: most texts hold no other, and this is far cheaper to scan for. */
const COMMON_FORMS = ['规模以上', '限额以上'];
const LIST_WORDS = new RegExp(`${COMMON_FORMS.join('|')}|[、和及与]`, 'g');
/** A rare pair of characters of each other long form: a text without any of them cannot hold one. */
const LONG_FORM_MARKS = [
  ...new Set(METRIC_SYNONYMS.filter((s) => !COMMON_FORMS.includes(s.written)).map((s) => s.mark)),
];
const shortOf = (m: string): string => SHORT_FORM.get(m) ?? '';

/** The pattern to normalise a text with: the long forms only when one may be in it. */
function shorthandFor(text: string): RegExp {
  for (const mark of LONG_FORM_MARKS) if (text.includes(mark)) return SHORTHAND;
  return LIST_WORDS;
}

/** Report shorthand normalised: 规模以上 → 规上, 地区生产总值 → GDP, 、和及与 dropped. */
export function normaliseWording(text: string): string {
  // traditional characters compare as simplified (`困難人員` in a target, `困难人员` in a report)
  const plain = simplified(text);
  return plain.replace(shorthandFor(plain), shortOf);
}

/** The word pairs of a metric, in order, repeats kept (a repeated pair weighs twice). */
export function gramsOf(metric: string): MetricGrams {
  const text = normaliseWording(metric);
  const out: MetricGrams = { pairs: [], weights: [], total: 0 };
  for (let i = 0; i + 1 < text.length; i++) {
    if (!isWordChar(text.charCodeAt(i)) || !isWordChar(text.charCodeAt(i + 1))) continue;
    const pair = text.slice(i, i + 2);
    const w = GENERIC.has(pair) ? GENERIC_WEIGHT : 1;
    out.pairs.push(pair);
    out.weights.push(w);
    out.total += w;
  }
  return out;
}

/**
 * A metric's pairs with those that its sibling metrics (the target's other indicators of the same
 * unit) also hold weighing little: `中转站8个、建筑垃圾分类池20个` share 建筑垃圾, which cannot tell
 * the report's `中转站7个` from its `分类池17个`.
 */
export function distinctFrom(g: MetricGrams, siblings: readonly MetricGrams[]): MetricGrams {
  if (siblings.length === 0) return g;
  const out: MetricGrams = { pairs: g.pairs, weights: [], total: 0 };
  for (let k = 0; k < g.pairs.length; k++) {
    const shared = siblings.some((s) => s.pairs.includes(g.pairs[k]));
    const w = shared ? Math.min(g.weights[k], GENERIC_WEIGHT) : g.weights[k];
    out.weights.push(w);
    out.total += w;
  }
  return out;
}

/** First index in the sorted list holding a value ≥ x (the length when none). */
function lowerBound(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class GramIndex {
  /** The text with report shorthand normalised. */
  private readonly normalised: string;
  /** Original offsets after which characters were dropped, and how many were dropped up to there. */
  private readonly dropAt: number[] = [];
  private readonly dropped: number[] = [];
  private readonly found = new Map<string, number[]>();

  constructor(text: string) {
    const shorthand = shorthandFor(text);
    shorthand.lastIndex = 0;
    let m: RegExpExecArray | null;
    let total = 0;
    while ((m = shorthand.exec(text))) {
      // 规模以上 → 规上: offsets inside the long form fall on the short form's last character;
      // a list word is dropped whole
      const kept = shortOf(m[0]).length;
      const from = m.index + Math.max(0, kept - 1);
      const count = m[0].length - kept;
      for (let k = 1; k <= count; k++) {
        this.dropAt.push(from + k);
        this.dropped.push(++total);
      }
    }
    this.normalised = total ? normaliseWording(text) : text;
  }

  /** Offset in the normalised text of an offset in the original one. */
  private norm(offset: number): number {
    const i = lowerBound(this.dropAt, offset + 1); // drops at or before offset
    return offset - (i > 0 ? this.dropped[i - 1] : 0);
  }

  /** Ascending normalised offsets where the pair occurs (looked up once). */
  private positionsOf(pair: string): number[] {
    let list = this.found.get(pair);
    if (!list) {
      list = [];
      for (let i = this.normalised.indexOf(pair); i >= 0; i = this.normalised.indexOf(pair, i + 1)) list.push(i);
      this.found.set(pair, list);
    }
    return list;
  }

  /** A metric's pairs resolved against this text once, for scoring it against many stretches. */
  prepare(g: MetricGrams): PreparedGrams {
    return { lists: g.pairs.map((p) => this.positionsOf(p)), weights: g.weights, total: g.total };
  }

  /** Share (0-1) of the metric's pairs, weighted, that occur inside text[start, end). */
  overlap(g: MetricGrams | PreparedGrams, start: number, end: number): number {
    if (g.total === 0 || end <= start) return 0;
    const lists = 'lists' in g ? g.lists : g.pairs.map((p) => this.positionsOf(p));
    const ns = this.norm(Math.max(0, start));
    const ne = this.norm(end);
    let shared = 0;
    for (let k = 0; k < lists.length; k++) {
      const list = lists[k];
      if (list.length === 0) continue;
      const i = lowerBound(list, ns);
      if (i < list.length && list[i] + 1 < ne) shared += g.weights[k];
    }
    return shared / g.total;
  }

  /**
   * The overlap of the metric with every piece (pieces in order, not overlapping), computed from
   * where the metric's pairs occur: the cost follows the occurrences, not the number of pieces.
   */
  overlapByPiece(g: MetricGrams | PreparedGrams, pieces: readonly Piece[]): number[] {
    const scores: number[] = pieces.map(() => 0);
    if (g.total === 0 || pieces.length === 0) return scores;
    const starts = pieces.map((p) => this.norm(p.start));
    const ends = pieces.map((p) => this.norm(p.end));
    const seen: number[] = pieces.map(() => -1);
    const lists = 'lists' in g ? g.lists : g.pairs.map((p) => this.positionsOf(p));
    for (let k = 0; k < lists.length; k++) {
      const list = lists[k];
      for (let j = lowerBound(list, starts[0]); j < list.length; j++) {
        const p = list[j];
        // the piece holding p: the last whose start is ≤ p
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid] <= p) lo = mid;
          else hi = mid - 1;
        }
        if (p + 1 < ends[lo] && seen[lo] !== k) {
          seen[lo] = k;
          scores[lo] += g.weights[k];
        }
      }
    }
    for (let i = 0; i < scores.length; i++) scores[i] /= g.total;
    return scores;
  }
}
