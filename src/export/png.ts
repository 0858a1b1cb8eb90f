// The briefing chart's PNG, which Word versions that cannot show SVG show instead. Best: the
// chart's SVG drawn by the headless Chromium the PDF export already runs (every word of it).
// Without Chromium: a tiny PNG writer that draws bars and digits (an own 5×7 digit font; no
// font for Chinese, so no words). Encoding: 8-bit RGB, filter 0, zlib (node:zlib).
import { deflateSync } from 'node:zlib';
import { findChromium, hasChineseFont, sharedBrowser } from './chromium.js';

/**
 * The SVG drawn by the shared headless Chromium at twice its size (sharp when printed), or null
 * when there is no Chromium or no Chinese font (it would draw empty boxes for the words).
 */
export async function rasteriseSvgWithChromium(svg: string, width: number, height: number): Promise<Uint8Array | null> {
  const binary = findChromium();
  if (!binary || !(await hasChineseFont())) return null;
  const page = `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}svg{display:block}</style></head><body>${svg}</body></html>`;
  return sharedBrowser(binary).screenshotPng(page, width, height, 2);
}

export type Rgb = [number, number, number];

export interface Raster {
  width: number;
  height: number;
  /** width × height × 3 bytes, row by row. */
  pixels: Uint8Array;
}

export function blankRaster(width: number, height: number, background: Rgb = [255, 255, 255]): Raster {
  const pixels = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) pixels.set(background, i * 3);
  return { width, height, pixels };
}

/** Fills the rectangle [x, x+w) × [y, y+h), clipped to the raster. */
export function fillRect(r: Raster, x: number, y: number, w: number, h: number, colour: Rgb): void {
  const x0 = Math.max(0, Math.round(x));
  const y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(r.width, Math.round(x + w));
  const y1 = Math.min(r.height, Math.round(y + h));
  for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) r.pixels.set(colour, (yy * r.width + xx) * 3);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Encodes a raster as PNG bytes. */
export function encodePng(r: Raster): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, r.width);
  view.setUint32(4, r.height);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, filter method 0, no interlace
  const stride = r.width * 3;
  const raw = new Uint8Array((stride + 1) * r.height);
  for (let y = 0; y < r.height; y++) raw.set(r.pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const signature = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
  const parts = [signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export const hexToRgb = (hex: string): Rgb => {
  const h = hex.replace('#', '');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
};

// 5×7 digits, one string of five pixels per row, drawn at DIGIT_SCALE.
const DIGIT_ROWS: Record<string, readonly string[]> = {
  '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
  '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
  '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
  '3': ['11111', '00010', '00100', '00010', '00001', '10001', '01110'],
  '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
  '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
  '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
  '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
  '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
  '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
};
const DIGIT_SCALE = 2;
const DIGIT_ADVANCE = 6 * DIGIT_SCALE;
export const DIGIT_HEIGHT = 7 * DIGIT_SCALE;

export const digitsWidth = (digits: string): number => digits.length * DIGIT_ADVANCE - DIGIT_SCALE;

/** Draws a run of decimal digits with its top-left corner at (x, y); other characters are skipped. */
export function drawDigits(r: Raster, digits: string, x: number, y: number, colour: Rgb): void {
  [...digits].forEach((d, i) => {
    DIGIT_ROWS[d]?.forEach((row, dy) => {
      for (let dx = 0; dx < row.length; dx++)
        if (row[dx] === '1')
          fillRect(r, x + i * DIGIT_ADVANCE + dx * DIGIT_SCALE, y + dy * DIGIT_SCALE, DIGIT_SCALE, DIGIT_SCALE, colour);
    });
  });
}
