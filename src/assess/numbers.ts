// Numbers as written in Chinese progress tables: Arabic or Chinese numerals, 万/亿 multipliers,
// full-width digits, %, 个百分点, approximations (约/近/超/余/以上), with the unit normalised to
// the base unit of assessment.md (1.5万亩 → 15000 亩, 128.3亿元 → 12830000000 元).
import { UNITS, type UnitRow } from './vocab/measure-words.js';

export type QuantityKind = 'percent' | 'points' | 'amount' | 'bare';

export interface Quantity {
  value: number;
  /** Base unit (`%`, `元`, `亩` …), `个百分点` for points, null for a bare number. */
  unit: string | null;
  kind: QuantityKind;
  /** Offsets of the number and its unit in the text. */
  start: number;
  end: number;
  /** 约/近/超/余/多/以上: the figure is not exact. */
  approx: boolean;
  /** Written with Chinese numerals (两个, 百场). */
  chinese: boolean;
}

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Full-width digits and punctuation to ASCII, keeping string length (offsets stay valid). */
export function toHalfWidth(text: string): string {
  return text.replace(/[０-９．％－～]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Reads a Chinese numeral (`三千二百`, `两`, `十五`, `1.5万` is not handled here); NaN if not one. */
export function parseChineseNumeral(s: string): number {
  if (!s) return NaN;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in SMALL_UNITS) {
      section += (digit < 0 ? 1 : digit) * SMALL_UNITS[ch];
      digit = -1;
    } else if (ch in BIG_UNITS) {
      section += digit < 0 ? 0 : digit;
      if (section === 0) section = 1;
      total += section * BIG_UNITS[ch];
      section = 0;
      digit = -1;
    } else return NaN;
  }
  return total + section + (digit < 0 ? 0 : digit);
}

const UNIT_BY_FIRST = new Map<string, UnitRow[]>();
for (const row of UNITS) {
  const list = UNIT_BY_FIRST.get(row.written[0]) ?? [];
  list.push(row);
  UNIT_BY_FIRST.set(row.written[0], list);
}

function unitAt(text: string, at: number): UnitRow | null {
  const rows = UNIT_BY_FIRST.get(text[at]);
  if (!rows) return null;
  let best: UnitRow | null = null;
  for (const row of rows) {
    if (text.startsWith(row.written, at) && (!best || row.written.length > best.written.length)) best = row;
  }
  return best;
}

// An Arabic number with an optional 万/亿 multiplier, or a run of Chinese numerals.
const NUMBER = /(\d+(?:\.\d+)?)(万亿|万|亿|千(?!瓦|米|克))?|([零〇一二两三四五六七八九十百千万亿]+)/g;
const APPROX_BEFORE = /(约|近|超过?|逾|达到?约|大约|将近)$/;
const APPROX_AFTER = /^(余|多|以上|左右)/;
// A measure word after which a Chinese numeral names a programme, not a count (七大工程, 一号工程).
const NOT_A_COUNT_AFTER = /^[大号期级批次类体化站带城区地线道横纵治贸园清年届周轮点]/;

/**
 * Every number in `text` with its unit. Chinese numerals are kept only when a unit follows,
 * so that 一体化 or 三大工程 do not read as numbers.
 */
export function findQuantities(input: string): Quantity[] {
  if (input === lastInput) return lastOutput;
  const out = scanQuantities(input);
  lastInput = input;
  lastOutput = out;
  return out;
}

// The same progress text is scanned once per indicator: keep the last answer.
let lastInput = '';
let lastOutput: Quantity[] = [];

function scanQuantities(input: string): Quantity[] {
  const text = toHalfWidth(input);
  const out: Quantity[] = [];
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(text))) {
    const start = m.index;
    let end = start + m[0].length;
    let value: number;
    const chinese = m[3] !== undefined;
    if (chinese) {
      if (/^[万亿]+$/.test(m[3]) || /^[万亿千百]{2,}$/.test(m[3])) continue; // 亿元楼宇, 万亩千亿: multipliers alone are not a number (百场 is)
      value = parseChineseNumeral(m[3]);
      if (!Number.isFinite(value) || text[start - 1] === '第') continue;
      if (NOT_A_COUNT_AFTER.test(text.slice(end, end + 1))) continue;
    } else {
      value = parseFloat(m[1]);
      if (m[2]) value *= m[2] === '万亿' ? 1e12 : m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1000;
      // a digit glued to a letter or another digit group (3184路, V09, 2023-2025) is a name
      if (/[A-Za-z]/.test(text[start - 1] ?? '') || /[A-Za-z]/.test(text[end] ?? '')) {
        if (!/^(km|KM|kW)/.test(text.slice(end, end + 2))) continue;
      }
    }
    let unit: string | null = null;
    let kind: QuantityKind = 'bare';
    if (text[end] === '%') {
      unit = '%';
      kind = 'percent';
      end += 1;
    } else if (text.startsWith('个百分点', end)) {
      unit = '个百分点';
      kind = 'points';
      end += 4;
    } else {
      const afterApprox = APPROX_AFTER.exec(text.slice(end, end + 2));
      const unitStart = afterApprox && afterApprox[1] === '余' ? end + 1 : afterApprox?.[1] === '多' ? end + 1 : end;
      const row = unitAt(text, unitStart);
      if (row) {
        unit = row.base;
        value *= row.factor;
        kind = 'amount';
        end = unitStart + row.written.length;
      }
    }
    if (chinese && kind === 'bare') continue;
    if (!Number.isFinite(value)) continue; // 400 digits overflow to Infinity, which JSON stores as null
    const approx = APPROX_BEFORE.test(text.slice(Math.max(0, start - 3), start)) || APPROX_AFTER.test(text.slice(end, end + 2)) || /[余多]/.test(text.slice(start + m[0].length, start + m[0].length + 1));
    out.push({ value: round(value), unit, kind, start, end, approx, chinese });
  }
  return out;
}

/** Rounds away floating-point noise (1.87 × 10000 → 18700, not 18700.000000000004). */
export function round(value: number): number {
  const places = Math.abs(value) >= 1000 ? 1e4 : 1e6;
  return Math.round(value * places) / places;
}
