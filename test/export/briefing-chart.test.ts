// The 领导专报's status chart as Word, WPS and LibreOffice get it: an SVG that is well-formed XML
// (they drop the image otherwise) and a PNG fallback that says as much as the SVG (the status
// names, the counts, a legend). The PNG is the SVG drawn by Chromium when it is installed, and
// bars with their counts (no words) when not.
import { inflateSync } from 'node:zlib';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { writeBriefingDocx } from '../../src/export/briefing-docx.js';
import { CHART_STATUSES, renderStatusChart, STATUS_CHART_COLOURS, type StatusCounts } from '../../src/export/chart.js';
import { findChromium, hasChineseFont } from '../../src/export/chromium.js';
import type { Briefing, BriefingTask } from '../../src/export/model.js';

const task = (seq: number, target: string, status: BriefingTask['status']): BriefingTask => ({
  seq,
  theme: '主要经济指标',
  category: null,
  target,
  leaders: ['陶峰'],
  units: ['区发展改革局'],
  progress: `进展${seq}`,
  status,
  reason: '评估说明',
  previousStatus: null,
  newFigures: [],
});

const briefing: Briefing = {
  leader: '陶峰',
  planTitle: '2023年钱塘区政府工作报告重点工作任务',
  periodLabel: '2023Q4',
  previousPeriodLabel: null,
  date: '2024-01-10',
  tasks: [
    task(1, '地区生产总值增长力争6%（确保5.5%）', 'behind'),
    task(2, '服务业增加值增长7%（确保5.5%）', 'done'),
    task(3, '固定资产投资增长10%（确保7%）', 'on_track'),
    task(4, '新增城镇就业1.2万人', 'on_track'),
    task(5, '一般公共预算收入增长与经济增长基本同步', 'no_report'),
  ],
};

const counts: StatusCounts = { behind: 3, no_report: 1, pending: 0, on_track: 7, done: 2 };
const chromiumDraws = findChromium() !== null && (await hasChineseFont());
// Plot area of the chart (src/export/chart.ts): the PNG is checked where the words must be.
const GRID = { left: 90, right: 50, top: 20, bottom: 60 };

async function media(bytes: Uint8Array, ext: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const name = Object.keys(zip.files).find((f) => f.startsWith('word/media/') && f.endsWith(ext));
  if (!name) throw new Error(`no ${ext} in word/media`);
  return zip.file(name)!.async('uint8array');
}

describe('the 领导专报 chart SVG', () => {
  it('is well-formed XML inside the .docx, font names and all', { timeout: 60_000 }, async () => {
    const svg = new TextDecoder().decode(await media(await writeBriefingDocx(briefing), '.svg'));
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('进度滞后');
    expect(svg).toMatch(/font-family:[^"]*WenQuanYi Zen Hei/);
  });

  it('has a legend naming every status, next to the axis labels and the counts', async () => {
    const { svg } = await renderStatusChart(counts, { rasterise: async () => null });
    const texts = [...svg!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    for (const label of ['进度滞后', '未报送', '待数据', '正常推进', '已完成'])
      expect(texts.filter((t) => t === label)).toHaveLength(2); // axis label and legend entry
    for (const n of ['3', '1', '7', '2']) expect(texts).toContain(n);
  });
});

describe.skipIf(!chromiumDraws)('the PNG fallback drawn from the SVG by Chromium', () => {
  it('shows the status names, the counts and a legend', { timeout: 60_000 }, async () => {
    const chart = await renderStatusChart(counts);
    expect(chart.pngFrom).toBe('svg');
    const img = decodePng(chart.png);
    const scale = img.width / chart.width;
    expect(scale).toBe(2);
    const band = (chart.height - GRID.top - GRID.bottom) / CHART_STATUSES.length;
    const max = Math.max(...Object.values(counts));
    CHART_STATUSES.forEach((s, i) => {
      const top = GRID.top + i * band;
      // the status name, left of the axis
      expect(darkPixels(img, 0, top, GRID.left - 4, band, scale), `label of ${s}`).toBeGreaterThan(20);
      // the count, just right of the bar's end
      const end = GRID.left + (counts[s] / max) * (chart.width - GRID.left - GRID.right);
      expect(darkPixels(img, end + 2, top, 24, band, scale), `count of ${s}`).toBeGreaterThan(5);
    });
    // the legend below the value axis: every status colour, even the one with no bar
    const legend = colours(img, 0, chart.height - 30, chart.width, 30, scale);
    for (const s of CHART_STATUSES) expect(legend, `legend swatch of ${s}`).toContain(STATUS_CHART_COLOURS[s]);
    expect(darkPixels(img, 0, chart.height - 30, chart.width, 30, scale)).toBeGreaterThan(100); // legend words
  });

  it('is the PNG the .docx carries', { timeout: 60_000 }, async () => {
    const png = decodePng(await media(await writeBriefingDocx(briefing), '.png'));
    expect([png.width, png.height]).toEqual([1120, 560]);
  });
});

describe('the PNG fallback without Chromium', () => {
  it('draws each count at the end of its bar', async () => {
    const chart = await renderStatusChart(counts, { rasterise: async () => null });
    expect(chart.pngFrom).toBe('bars');
    const img = decodePng(chart.png);
    const band = (chart.height - GRID.top - GRID.bottom) / CHART_STATUSES.length;
    const max = Math.max(...Object.values(counts));
    CHART_STATUSES.forEach((s, i) => {
      const end = GRID.left + (counts[s] / max) * (chart.width - GRID.left - GRID.right);
      expect(darkPixels(img, end + 2, GRID.top + i * band, 24, band, 1), `count of ${s}`).toBeGreaterThan(5);
    });
  });

  it('is used when Chromium fails to draw', async () => {
    const chart = await renderStatusChart(counts, {
      rasterise: () => Promise.reject(new Error('Chromium stopped unexpectedly')),
    });
    expect(chart.pngFrom).toBe('bars');
    expect(chart.svg).toContain('进度滞后');
  });
});

interface Image {
  width: number;
  height: number;
  /** #rrggbb of the pixel, alpha composed over white. */
  at(x: number, y: number): string;
}

/** Pixels darker than the grid lines in the rectangle (given in chart units, scaled to the image). */
function darkPixels(img: Image, x: number, y: number, w: number, h: number, scale: number): number {
  let n = 0;
  forEachPixel(img, x, y, w, h, scale, (hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    if (r < 120 && g < 120 && b < 120) n++;
  });
  return n;
}

function colours(img: Image, x: number, y: number, w: number, h: number, scale: number): Set<string> {
  const seen = new Set<string>();
  forEachPixel(img, x, y, w, h, scale, (hex) => seen.add(hex));
  return seen;
}

function forEachPixel(
  img: Image,
  x: number,
  y: number,
  w: number,
  h: number,
  scale: number,
  visit: (hex: string) => void,
): void {
  const x1 = Math.min(img.width, Math.round((x + w) * scale));
  const y1 = Math.min(img.height, Math.round((y + h) * scale));
  for (let yy = Math.max(0, Math.round(y * scale)); yy < y1; yy++)
    for (let xx = Math.max(0, Math.round(x * scale)); xx < x1; xx++) visit(img.at(xx, yy));
}

/** Decodes 8-bit RGB or RGBA PNGs, any row filter (ours and Chromium's). */
function decodePng(png: Uint8Array): Image {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  expect(png[24]).toBe(8);
  const channels = png[25] === 6 ? 4 : png[25] === 2 ? 3 : 0;
  expect(channels).toBeGreaterThan(0);
  const idat: Uint8Array[] = [];
  for (let offset = 8; offset < png.length;) {
    const len = view.getUint32(offset);
    if (new TextDecoder().decode(png.slice(offset + 4, offset + 8)) === 'IDAT')
      idat.push(png.slice(offset + 8, offset + 8 + len));
    offset += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const v = raw[y * (stride + 1) + 1 + i];
      const a = i >= channels ? pixels[y * stride + i - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i] : 0;
      const c = i >= channels && y > 0 ? pixels[(y - 1) * stride + i - channels] : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      pixels[y * stride + i] = (v + predictor) & 0xff;
    }
  }
  return {
    width,
    height,
    at: (x, y) => {
      const i = y * stride + x * channels;
      const alpha = channels === 4 ? pixels[i + 3] / 255 : 1;
      return (
        '#' +
        [0, 1, 2]
          .map((k) =>
            Math.round(pixels[i + k] * alpha + 255 * (1 - alpha))
              .toString(16)
              .padStart(2, '0'),
          )
          .join('')
      );
    },
  };
}
