// The chart of a leader's status mix: one horizontal bar per status. Rendered on the server by
// ECharts' SSR SVG renderer, with a PNG of the same bars for Word versions that lack SVG.
import { STATUS_LABEL_ZH, type Status } from '../domain/index.js';
import { blankRaster, encodePng, fillRect, hexToRgb } from './png.js';

/** Order of the bars, top to bottom: what needs attention first. */
export const CHART_STATUSES: readonly Status[] = ['behind', 'no_report', 'pending', 'on_track', 'done'];

export const STATUS_CHART_COLOURS: Record<Status, string> = {
  behind: '#cf1322',
  no_report: '#8c8c8c',
  pending: '#faad14',
  on_track: '#1677ff',
  done: '#389e0d',
};

export interface StatusChart {
  /** SVG document, or null when ECharts could not be loaded. */
  svg: string | null;
  png: Uint8Array;
  width: number;
  height: number;
}

export type StatusCounts = Record<Status, number>;

/** Renders the status mix as SVG (ECharts) and PNG (own bars). */
export async function renderStatusChart(counts: StatusCounts, width = 560, height = 260): Promise<StatusChart> {
  return { svg: await renderSvg(counts, width, height), png: renderPng(counts, width, height), width, height };
}

// Plot area shared by both renderings, so the PNG fallback looks like the SVG.
const GRID = { left: 90, right: 50, top: 20, bottom: 20 };

async function renderSvg(counts: StatusCounts, width: number, height: number): Promise<string | null> {
  let echarts: typeof import('echarts');
  try {
    echarts = await import('echarts');
  } catch {
    return null; // the PNG alone still shows the chart
  }
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const statuses = [...CHART_STATUSES].reverse(); // the category axis draws bottom-up
    chart.setOption({
      animation: false,
      textStyle: {
        fontFamily: '"Microsoft YaHei", "SimHei", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif',
        fontSize: 13,
      },
      grid: { ...GRID, containLabel: false },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e5e5e5' } } },
      yAxis: { type: 'category', data: statuses.map((s) => STATUS_LABEL_ZH[s]), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          barWidth: '60%',
          label: { show: true, position: 'right', formatter: '{c}' },
          data: statuses.map((s) => ({ value: counts[s], itemStyle: { color: STATUS_CHART_COLOURS[s] } })),
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The same bars drawn into a raster: bar length proportional to the count, longest bar full width. */
export function renderPng(counts: StatusCounts, width: number, height: number): Uint8Array {
  const raster = blankRaster(width, height);
  const plotW = width - GRID.left - GRID.right;
  const plotH = height - GRID.top - GRID.bottom;
  const max = Math.max(1, ...CHART_STATUSES.map((s) => counts[s]));
  const band = plotH / CHART_STATUSES.length;
  CHART_STATUSES.forEach((s, i) => {
    const w = (counts[s] / max) * plotW;
    if (w > 0)
      fillRect(
        raster,
        GRID.left,
        GRID.top + i * band + band * 0.2,
        Math.max(1, w),
        band * 0.6,
        hexToRgb(STATUS_CHART_COLOURS[s]),
      );
  });
  fillRect(raster, GRID.left - 1, GRID.top, 1, plotH, [102, 102, 102]); // the axis
  return encodePng(raster);
}
