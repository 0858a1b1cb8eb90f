// The chart of a leader's status mix: one horizontal bar per status, its count at the bar's end,
// a legend below. Rendered on the server by ECharts' SSR SVG renderer; the PNG that Word versions
// without SVG show (WPS and LibreOffice among them) is that SVG drawn by the headless Chromium the
// PDF export uses. Without Chromium (or a Chinese font) the PNG is drawn here: the same bars with
// their counts, but no words (png.ts has no font for Chinese).
import { XMLValidator } from 'fast-xml-parser';
import { STATUS_LABEL_ZH, type Status } from '../domain/index.js';
import {
  blankRaster,
  DIGIT_HEIGHT,
  digitsWidth,
  drawDigits,
  encodePng,
  fillRect,
  hexToRgb,
  rasteriseSvgWithChromium,
} from './png.js';

/** Order of the bars, top to bottom: what needs attention first. */
export const CHART_STATUSES: readonly Status[] = ['behind', 'no_report', 'pending', 'on_track', 'done'];

export const STATUS_CHART_COLOURS: Record<Status, string> = {
  behind: '#cf1322',
  no_report: '#8c8c8c',
  pending: '#faad14',
  on_track: '#1677ff',
  done: '#389e0d',
};

/**
 * Font names in single quotes: ECharts copies the family into a double-quoted `style` attribute
 * without escaping it, so double quotes here made the SVG invalid XML (Word, WPS and LibreOffice
 * then dropped the chart).
 */
export const CHART_FONT_FAMILY = ['Microsoft YaHei', 'SimHei', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei']
  .map((name) => `'${name}'`)
  .concat('sans-serif')
  .join(', ');

export interface StatusChart {
  /** SVG document, or null when ECharts could not be loaded or wrote no valid XML. */
  svg: string | null;
  png: Uint8Array;
  /** `svg`: the PNG is the SVG drawn by Chromium (labels, counts, legend); `bars`: bars and counts only. */
  pngFrom: 'svg' | 'bars';
  width: number;
  height: number;
}

export type StatusCounts = Record<Status, number>;

/** Draws an SVG as PNG, or answers null when it cannot (then the PNG is drawn without words). */
export type SvgRasteriser = (svg: string, width: number, height: number) => Promise<Uint8Array | null>;

export interface ChartOptions {
  width?: number;
  height?: number;
  rasterise?: SvgRasteriser;
}

/** Renders the status mix as SVG (ECharts) and PNG (the SVG through Chromium, or own bars). */
export async function renderStatusChart(counts: StatusCounts, options: ChartOptions = {}): Promise<StatusChart> {
  const { width = 560, height = 280, rasterise = rasteriseSvgWithChromium } = options;
  const svg = await renderSvg(counts, width, height);
  const drawn = svg ? await rasterise(svg, width, height).catch(() => null) : null;
  return drawn
    ? { svg, png: drawn, pngFrom: 'svg', width, height }
    : { svg, png: renderPng(counts, width, height), pngFrom: 'bars', width, height };
}

// Plot area shared by both renderings, so the PNG fallback looks like the SVG; the bottom holds
// the value axis' numbers and the legend.
const GRID = { left: 90, right: 50, top: 20, bottom: 60 };

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
    // One series per status, each with a value only in its own row and stacked, so the bars stay
    // centred on their rows and the legend can name each colour.
    const series = CHART_STATUSES.map((s) => ({
      type: 'bar' as const,
      name: STATUS_LABEL_ZH[s],
      stack: 'statuses',
      barWidth: '60%',
      itemStyle: { color: STATUS_CHART_COLOURS[s] },
      label: { show: true, position: 'right' as const, formatter: '{c}' },
      data: statuses.map((row) => (row === s ? counts[s] : '-')),
    }));
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 13 },
      grid: { ...GRID, containLabel: false },
      legend: { bottom: 4, itemWidth: 14, itemHeight: 10, data: CHART_STATUSES.map((s) => STATUS_LABEL_ZH[s]) },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e5e5e5' } } },
      yAxis: { type: 'category', data: statuses.map((s) => STATUS_LABEL_ZH[s]), axisTick: { show: false } },
      series,
    });
    const svg = chart.renderToSVGString();
    // Office drops an image that is not well-formed XML without a word; the PNG alone is better.
    return XMLValidator.validate(svg) === true ? svg : null;
  } finally {
    chart.dispose();
  }
}

const AXIS_GREY = hexToRgb('#666666');
const TEXT_GREY = hexToRgb('#333333');

/**
 * The same bars drawn into a raster, with each count at its bar's end: bar length proportional
 * to the count, longest bar full width. No words: used only when Chromium cannot draw the SVG.
 */
export function renderPng(counts: StatusCounts, width: number, height: number): Uint8Array {
  const raster = blankRaster(width, height);
  const plotW = width - GRID.left - GRID.right;
  const plotH = height - GRID.top - GRID.bottom;
  const max = Math.max(1, ...CHART_STATUSES.map((s) => counts[s]));
  const band = plotH / CHART_STATUSES.length;
  CHART_STATUSES.forEach((s, i) => {
    const w = (counts[s] / max) * plotW;
    const top = GRID.top + i * band;
    if (w > 0)
      fillRect(raster, GRID.left, top + band * 0.2, Math.max(1, w), band * 0.6, hexToRgb(STATUS_CHART_COLOURS[s]));
    const digits = String(counts[s]);
    const x = Math.min(GRID.left + w + 5, width - digitsWidth(digits));
    drawDigits(raster, digits, x, top + (band - DIGIT_HEIGHT) / 2, TEXT_GREY);
  });
  fillRect(raster, GRID.left - 1, GRID.top, 1, plotH, AXIS_GREY); // the axis
  return encodePng(raster);
}
