// Scores the assessor against a gold file: status agreement, indicator precision/recall/F1 and
// actual accuracy (definitions in docs/notes/assess.md). Fields a gold task lists as `uncertain`
// are skipped for that task.
import type { Assessment, Indicator, Status } from '../../src/domain/index.js';
import { pairBySeq } from './pair.js';

export interface GoldIndicator {
  metric: string;
  kind: string;
  direction: string;
  target: number | string;
  floor: number | string;
  unit: string | null;
  actual: number | string | null;
  actual_period: string | null;
}

export interface GoldTask {
  seq: number;
  target: string;
  progress: string;
  indicators: GoldIndicator[];
  status: Status;
  reason: string;
  uncertain: string[];
}

export interface AssessScore {
  tasks: number;
  statusAgreement: number;
  indicatorPrecision: number;
  indicatorRecall: number;
  indicatorF1: number;
  /** Over matched indicator pairs: the actual agrees (null with null, numbers within 1%). */
  actualAccuracy: number;
  disagreements: Array<{ seq: number; field: 'status' | 'indicator' | 'actual'; gold: string; got: string }>;
  /** The counts behind the rates, for pooling several tables. */
  counts: {
    statusTotal: number;
    statusOk: number;
    goldInds: number;
    gotInds: number;
    paired: number;
    actualTotal: number;
    actualOk: number;
  };
}

/** Relative tolerance for numbers: 1% (rounding of 1.87万 vs 18700.3 and the like). */
const TOLERANCE = 0.01;

export function sameValue(a: number | string | null, b: number | string | null): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
  }
  return String(a) === String(b);
}

/**
 * A gold indicator labelled in a unit with 万 or 亿 before it (`140` `万人次`), as some labellers
 * write them, in the base unit duban reads (`1400000` `人次`): the same quantity either way.
 */
function inBaseUnit(g: GoldIndicator): GoldIndicator {
  const m = /^(万|亿)(.+)$/.exec(g.unit ?? '');
  if (!m) return g;
  const factor = m[1] === '万' ? 1e4 : 1e8;
  const scale = <T>(v: T): T => (typeof v === 'number' ? ((Math.round(v * factor * 1e6) / 1e6) as T) : v);
  return { ...g, unit: m[2], target: scale(g.target), actual: scale(g.actual) };
}

/**
 * Pairs predicted and gold indicators of one task: a pair needs the same unit and the same
 * target value; each indicator pairs at most once, in order of appearance.
 */
export function pairIndicators(gold: GoldIndicator[], got: Indicator[]): Array<[GoldIndicator, Indicator]> {
  const used = new Set<number>();
  const pairs: Array<[GoldIndicator, Indicator]> = [];
  for (const g of gold.map(inBaseUnit)) {
    const j = got.findIndex((p, i) => !used.has(i) && p.unit === g.unit && sameValue(p.target, g.target));
    if (j >= 0) {
      used.add(j);
      pairs.push([g, got[j]]);
    }
  }
  return pairs;
}

export function scoreAssess(gold: GoldTask[], assessed: Array<{ seq: number } & Assessment>): AssessScore {
  let statusTotal = 0,
    statusOk = 0,
    goldInds = 0,
    gotInds = 0,
    paired = 0,
    actualTotal = 0,
    actualOk = 0;
  const disagreements: AssessScore['disagreements'] = [];
  for (const [g, a] of pairBySeq(gold, assessed)) {
    const skip = new Set(g.uncertain ?? []);
    if (!skip.has('status')) {
      statusTotal++;
      if (a?.status === g.status) statusOk++;
      else disagreements.push({ seq: g.seq, field: 'status', gold: g.status, got: a?.status ?? 'missing' });
    }
    if (skip.has('indicators')) continue;
    const got = a?.indicators ?? [];
    goldInds += g.indicators.length;
    gotInds += got.length;
    const pairs = pairIndicators(g.indicators, got);
    paired += pairs.length;
    if (pairs.length !== g.indicators.length || pairs.length !== got.length) {
      disagreements.push({
        seq: g.seq,
        field: 'indicator',
        gold: g.indicators.map((i) => `${i.target}${i.unit ?? ''}`).join(','),
        got: got.map((i) => `${i.target}${i.unit ?? ''}`).join(','),
      });
    }
    for (const [gi, pi] of pairs) {
      actualTotal++;
      if (sameValue(gi.actual, pi.actual)) actualOk++;
      else
        disagreements.push({
          seq: g.seq,
          field: 'actual',
          gold: `${gi.metric}=${gi.actual}`,
          got: `${pi.metric}=${pi.actual}`,
        });
    }
  }
  return {
    ...ratesOf({ statusTotal, statusOk, goldInds, gotInds, paired, actualTotal, actualOk }),
    tasks: gold.length,
    disagreements,
  };
}

/** The rates of counts (one table's, or several tables' added up). */
export function ratesOf(counts: AssessScore['counts']): Omit<AssessScore, 'tasks' | 'disagreements'> {
  const { statusTotal, statusOk, goldInds, gotInds, paired, actualTotal, actualOk } = counts;
  const precision = gotInds ? paired / gotInds : 1;
  const recall = goldInds ? paired / goldInds : 1;
  return {
    counts,
    statusAgreement: statusTotal ? statusOk / statusTotal : 1,
    indicatorPrecision: precision,
    indicatorRecall: recall,
    indicatorF1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    actualAccuracy: actualTotal ? actualOk / actualTotal : 1,
  };
}
