// Turns the assessor's indicators into highlight marks and short readable lines.
import type { Indicator } from '../api/types';
import type { Mark } from '../components/Highlighted';
import { formatValue as formatMeasure } from '@duban/assess/reason';

const KIND_LABEL: Record<Indicator['kind'], string> = {
  growth: '增速',
  share: '比率',
  amount: '数量',
  rank: '排名',
  level: '等级',
};

export function targetMarks(indicators: Indicator[]): Mark[] {
  return indicators
    .filter((i) => i.source?.target)
    .map((i) => ({ ...i.source.target, className: 'indicator', title: `指标：${i.metric}` }));
}

export function actualMarks(indicators: Indicator[]): Mark[] {
  return indicators
    .filter((i) => i.source?.actual)
    .map((i) => ({
      ...i.source.actual!,
      className: meetsFloor(i) === false ? 'actual behind' : 'actual',
      title: `${i.metric}：实际 ${formatValue(i.actual, i.unit)}，确保 ${formatValue(i.floor, i.unit)}`,
    }));
}

/** true / false when the actual can be compared with the floor; null otherwise. */
export function meetsFloor(i: Indicator): boolean | null {
  if (typeof i.actual !== 'number' || typeof i.floor !== 'number') return null;
  return i.direction === 'at_most' ? i.actual <= i.floor : i.actual >= i.floor;
}

/**
 * `128.3亿元`, `6%`, `1.5万亩` from a normalised value and its base unit, as the assessor's reasons
 * write it; `—` for no value.
 */
export function formatValue(value: number | string | null, unit: string | null): string {
  return value === null || value === undefined ? '—' : formatMeasure(value, unit);
}

export function indicatorLine(i: Indicator): string {
  const floor = i.floor !== i.target ? `（确保 ${formatValue(i.floor, i.unit)}）` : '';
  const dir = i.direction === 'at_most' ? '不超过' : '达到';
  return `${i.metric}［${KIND_LABEL[i.kind]}］：目标${dir} ${formatValue(i.target, i.unit)}${floor}`;
}
