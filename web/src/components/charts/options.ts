// Chart options for status counts: the ring, stacked bars per group, and the trend.
// Series ids are the status codes, so a click tells which status was chosen.
import type { Counts, GroupCounts, TrendPoint } from '../../api/types';
import { STATUSES, STATUS_COLOR, STATUS_LABEL_ZH } from '../../lib/status';
import type { ChartOption } from './echarts';

const shorten = (s: string, n: number) => (s.length > n ? s.slice(0, n) + '…' : s);

export function ringOption(counts: Counts): ChartOption {
  const total = STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 项（{d}%）' },
    legend: { bottom: 0, icon: 'circle' },
    title: { text: String(total), subtext: '项任务', left: 'center', top: '36%', textStyle: { fontSize: 26 } },
    series: [
      {
        id: 'ring',
        type: 'pie',
        radius: ['48%', '72%'],
        center: ['50%', '45%'],
        label: { show: false },
        data: STATUSES.map((s) => ({
          value: counts[s] ?? 0,
          name: STATUS_LABEL_ZH[s],
          status: s,
          itemStyle: { color: STATUS_COLOR[s] },
        })),
      },
    ],
  };
}

export function stackedBarOption(groups: GroupCounts[], labelChars = 10): ChartOption {
  // Horizontal bars: group names (themes, units) are long Chinese phrases.
  const ordered = [...groups].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: ordered.map((g) => g.name),
      axisLabel: { formatter: (v: string) => shorten(v, labelChars) },
    },
    series: STATUSES.map((s) => ({
      id: s,
      name: STATUS_LABEL_ZH[s],
      type: 'bar',
      stack: 'total',
      itemStyle: { color: STATUS_COLOR[s] },
      emphasis: { focus: 'series' },
      data: ordered.map((g) => g.counts[s] ?? 0),
    })),
  };
}

export function trendOption(points: TrendPoint[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: STATUSES.map((s) => ({
      id: s,
      name: STATUS_LABEL_ZH[s],
      type: 'line',
      symbolSize: 8,
      itemStyle: { color: STATUS_COLOR[s] },
      data: points.map((p) => p.counts[s] ?? 0),
    })),
  };
}

/** Height for a horizontal bar chart with n groups. */
export function barHeight(n: number): number {
  return Math.max(240, Math.min(900, 60 + n * 26));
}
