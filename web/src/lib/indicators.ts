// Turns the assessor's indicators into highlight marks and short readable lines.
import type { Indicator } from '../api/types';
import type { Mark } from '../components/Highlighted';

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

/** `128.3亿元`, `6%`, `1.5万亩` from a normalised value and its base unit. */
export function formatValue(value: number | string | null, unit: string | null): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  const u = unit ?? '';
  if (u === '%') return `${value}%`;
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${trim(value / 1e8)}亿${u}`;
  if (abs >= 1e4) return `${trim(value / 1e4)}万${u}`;
  return `${trim(value)}${u}`;
}

function trim(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export function indicatorLine(i: Indicator): string {
  const floor = i.floor !== i.target ? `（确保 ${formatValue(i.floor, i.unit)}）` : '';
  const dir = i.direction === 'at_most' ? '不超过' : '达到';
  return `${i.metric}［${KIND_LABEL[i.kind]}］：目标${dir} ${formatValue(i.target, i.unit)}${floor}`;
}
