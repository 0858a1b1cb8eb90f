// One Chinese sentence citing the numbers or words behind a status, e.g.
// `实际利用外资4.7亿美元，仅为确保目标10亿美元的47%，低于序时进度92%`.
import type { Indicator } from '../domain/index.js';
import { FALL_AT_END } from './falls-as-written.js';
import type { Horizon } from './horizon.js';
import type { Evidence, StatusResult } from './status.js';
import { POINTS_UNIT } from './vocab/measure-words.js';

/** A base-unit value written back the way reports write it (1.5万亩, 128.3亿元). */
export function formatValue(value: number | string | null, unit: string | null): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  const u = unit ?? '';
  if (u === '%' || u === '个百分点') return `${trim(value)}${u}`;
  if (u === POINTS_UNIT) return `${trim(value)}个百分点`;
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${trim(value / 1e8)}亿${u}`;
  if (
    abs >= 1e4 &&
    // (and round thousands in any unit, as targets write them: `5万人次`, not `50000人次`)
    (u === '元' ||
      u === '美元' ||
      u === '平方米' ||
      u === '千瓦' ||
      u === '人' ||
      u === '亩' ||
      abs >= 1e5 ||
      abs % 1000 === 0)
  ) {
    return `${trim(value / 1e4)}万${u}`;
  }
  return `${trim(value)}${u}`;
}

const trim = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2))));
const pct = (n: number): string => `${Math.round(n * 100)}%`;
/** A share below another, to one decimal where whole per cents would print them equal (`74.9%` below `75%`). */
const pctBelow = (n: number, above: number): string =>
  Math.round(n * 100) < Math.round(above * 100) ? pct(n) : `${Math.floor(n * 1000) / 10}%`;
/**
 * A sentence cut to fit the reason, without the number cells a split report joins before it (`8000
 * 40 受征地影响，进度滞后`: the figures are cited on their own).
 */
const clip = (s: string, n = 40): string => {
  const words = s.replace(LEADING_NUMBER_CELLS, '');
  return (words.length > n ? `${words.slice(0, n)}…` : words).trim();
};
const LEADING_NUMBER_CELLS = /^(?:\s*-?\d+(?:\.\d+)?%?\s+)+(?=[\u4e00-\u9fff])/;

function target(ind: Indicator): string {
  const t = formatValue(fallen(ind, ind.target), ind.unit);
  const f = formatValue(fallen(ind, ind.floor), ind.unit);
  if (ind.kind === 'rank') return `前${ind.floor}${ind.unit ?? ''}`;
  return t === f ? `目标${f}` : `确保目标${f}`;
}

/** A metric naming a rise to reach (`城镇化率提高`). */
const RISE_AT_END = /(提高|提升|增加|上升|增长|扩大)$/;
/** A fall is written as 下降1.5%, not 下降-1.5%. */
const fallen = (ind: Indicator, value: number | string | null): number | string | null =>
  typeof value === 'number' && value < 0 && ind.kind === 'growth' && FALL_AT_END.test(ind.metric) ? -value : value;

function actualText(ind: Indicator): string {
  // a fall to reach that rose instead (`能耗下降3%`, reported `上升1.2%`) is written as the rise
  if (ind.kind === 'growth' && typeof ind.actual === 'number' && ind.actual > 0 && FALL_AT_END.test(ind.metric))
    return `${ind.actual_period ?? ''}${ind.metric.replace(FALL_AT_END, '上升')}${formatValue(ind.actual, ind.unit)}`;
  // a rise in points asked that fell (`城镇化率提高1个百分点`, reported `下降0.3个百分点`)
  if (ind.unit === POINTS_UNIT && typeof ind.actual === 'number' && ind.actual < 0 && RISE_AT_END.test(ind.metric))
    return `${ind.actual_period ?? ''}${ind.metric.replace(RISE_AT_END, '下降')}${formatValue(-ind.actual, ind.unit)}`;
  const v = ind.kind === 'rank' ? `第${ind.actual}` : formatValue(fallen(ind, ind.actual), ind.unit);
  return `${ind.actual_period ?? ''}${ind.metric}${v}`;
}

/** The span a time share is of, when not the year (`（按2023—2025年计）`). */
const spanText = (span: Horizon | undefined): string => (span?.from ? `（按${span.from}—${span.to}年计）` : '');

function phrase(e: Evidence): string {
  switch (e.type) {
    case 'empty':
      return '进展情况为空';
    case 'below': {
      const ind = e.indicator;
      if (e.timeShare !== null && typeof ind.actual === 'number' && typeof ind.floor === 'number' && ind.floor) {
        return `${actualText(ind)}，仅为${target(ind)}的${pctBelow(ind.actual / ind.floor, e.timeShare)}，低于序时进度${pct(e.timeShare)}${spanText(e.span)}`;
      }
      return `${actualText(ind)}，未达${target(ind)}`;
    }
    case 'delay':
      return `进展称“${e.word}”：${clip(e.sentence)}`;
    case 'missed_goal':
      return `未实现“${clip(e.clause, 20)}”`;
    case 'unpublished':
      return `结果取决于尚未公布的数据或上级安排：${clip(e.sentence)}`;
    case 'awaiting':
      return `申报或验收已完成、结果待公布：${clip(e.sentence)}`;
    case 'forecast_only':
      return `进展仅为预计数：${clip(e.sentence)}`;
    case 'met':
      if (!e.explicit) return `${actualText(e.indicator)}（${target(e.indicator)}）`;
      // a whole share said in words (`全部达标`) reaches the share; other things are all done
      return e.indicator.kind === 'share'
        ? `${e.indicator.metric}达到${target(e.indicator)}`
        : `${e.indicator.metric}已全部完成`;
    case 'short_of_floor':
      return e.timeShare === null
        ? `${actualText(e.indicator)}，未达${target(e.indicator)}，目标期限至${e.span?.to ?? ''}年`
        : `${actualText(e.indicator)}，未达${target(e.indicator)}但不低于序时进度${pct(e.timeShare)}${spanText(e.span)}`;
    case 'unreported':
      return `未报告实际值，请在进展中写明「${e.indicator.metric}」的实际数值`;
    case 'ongoing':
      return `仍在推进（“${e.word}”）`;
    case 'uncovered':
      return `“${clip(e.clause, 24)}”未见完成表述`;
    case 'covered':
      return clip(e.sentence);
    case 'effort_only':
      return '目标为持续性工作，进展已报送';
    case 'rate_below':
      return `完成率${trim(e.rate)}%，低于序时进度${pct(e.timeShare)}${spanText(e.span)}`;
    case 'flag':
      return `进度标记为“${e.answer}”，未达序时进度`;
    case 'part_year':
      return `${actualText(e.indicator)}（${target(e.indicator)}），为年内阶段数据，全年结果待定`;
    case 'started_only':
      return `${actualText(e.indicator)}为已开工数（${target(e.indicator)}），尚未建成`;
    case 'goal_so_far':
      return `目前达到“${clip(e.clause, 24)}”，为年内阶段数据，全年结果待定`;
    case 'rate_partial':
      return `完成率${trim(e.rate)}%，尚未全部完成`;
    case 'whole_done':
      return `进展称“${clip(e.statement)}”`;
    case 'overdue':
      return `已过完成时限（${clip(e.deadline, 16)}），尚未完成`;
  }
}

/** The reason sentence for a status: the first few pieces of evidence, joined. */
export function reasonOf(result: StatusResult): string {
  // phrased one by one until three distinct ones are found: the rest would be thrown away
  const parts: string[] = [];
  for (const e of result.evidence) {
    const p = phrase(e);
    if (p && !parts.includes(p)) parts.push(p);
    if (parts.length === 3) break;
  }
  return `${parts.join('；')}。`;
}
