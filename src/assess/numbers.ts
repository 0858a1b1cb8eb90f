// Numbers as written in Chinese progress tables: Arabic or Chinese numerals, 万/亿 multipliers,
// full-width digits, %, 个百分点, approximations (约/近/超/余/以上), with the unit normalised to
// the base unit of assessment.md (1.5万亩 → 15000 亩, 128.3亿元 → 12830000000 元).
import { UNIT_WORDS_AFTER, UNITS, type UnitRow } from './vocab/measure-words.js';

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

/** Chinese numeral characters by char code: digits, small units (十百千) and big units (万亿). */
const DIGITS = codeMap({ 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 });
const SMALL_UNITS = codeMap({ 十: 10, 百: 100, 千: 1000 });
const BIG_UNITS = codeMap({ 万: 1e4, 亿: 1e8 });

function codeMap(table: Record<string, number>): Map<number, number> {
  return new Map(Object.entries(table).map(([ch, v]) => [ch.charCodeAt(0), v]));
}

const FULL_WIDTH = /[０-９．％－～]/g;
/** Full-width digits and punctuation to ASCII, keeping string length (offsets stay valid). */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Reads a Chinese numeral (`三千二百`, `两`, `十五`, `1.5万` is not handled here); NaN if not one. */
export function parseChineseNumeral(s: string): number {
  if (!s) return NaN;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = DIGITS.get(c);
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const small = SMALL_UNITS.get(c);
    if (small !== undefined) {
      section += (digit < 0 ? 1 : digit) * small;
      digit = -1;
      continue;
    }
    const big = BIG_UNITS.get(c);
    if (big === undefined) return NaN;
    section += digit < 0 ? 0 : digit;
    if (section === 0) section = 1;
    total += section * big;
    section = 0;
    digit = -1;
  }
  return total + section + (digit < 0 ? 0 : digit);
}

/**
 * A decimal written in numerals (`一点二亿`, `三点五万`), the whole part in text[start, dot) and 点 at
 * `dot`: its value and where it ends (after the multiplier), or null when no digits follow 点.
 */
function chineseDecimal(text: string, start: number, dot: number): { value: number; end: number } | null {
  const whole = parseChineseNumeral(text.slice(start, dot));
  if (!Number.isFinite(whole)) return null;
  let k = dot + 1;
  let digits = '';
  for (let d = DIGITS.get(text.charCodeAt(k)); d !== undefined; d = DIGITS.get(text.charCodeAt(++k))) digits += d;
  if (!digits) return null;
  const multiplier = text[k] === '万' ? 1e4 : text[k] === '亿' ? 1e8 : 1;
  return { value: Number(`${whole}.${digits}`) * multiplier, end: multiplier > 1 ? k + 1 : k };
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

// An Arabic number with an optional 万/亿 multiplier (matched where a digit is found).
/** Digits, thousands grouped with commas (`31,261`, `1,250.5`) read whole, then a multiplier. */
const ARABIC = /(\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?)(万亿|万|亿|萬|億|千(?!瓦|米|克))?/y;
/** A multiplier after one space (`2.7 万个`, a page that spaces out its figures). */
const SPACED_MULTIPLIER = / (万亿|万|亿|萬|億)/y;
const DIGIT_CHARS = '0123456789';
const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';
/** 1 for a digit, 2 for a Chinese numeral character, by char code. */
const NUMERAL_KIND = new Uint8Array(0x10000);
for (const c of DIGIT_CHARS) NUMERAL_KIND[c.charCodeAt(0)] = 1;
for (const c of CHINESE_NUMERAL_CHARS) NUMERAL_KIND[c.charCodeAt(0)] = 2;
/** Characters that can start what follows a counted number: a unit, %, 个百分点. */
const UNIT_START = new Uint8Array(0x10000);
for (const u of UNITS) UNIT_START[u.written.charCodeAt(0)] = 1;
UNIT_START[0x25] = 1; // %
UNIT_START[0x4e2a] = 1; // 个(百分点)
/** 约, 近, 超, 超过, 逾 (and 达到约, 大约, 将近, which end in them) right before a figure make it approximate. */
const APPROX_BEFORE = new Set([...'约近超逾'].map((c) => c.charCodeAt(0)));
const approxBefore = (text: string, start: number): boolean =>
  (APPROX_BEFORE.has(text.charCodeAt(start - 1)) &&
    !(text.charCodeAt(start - 1) === 0x7ea6 && AGREED.has(text.charCodeAt(start - 2)))) || // 约
  (start >= 2 && text.startsWith('超过', start - 2));
/** Before 约, a word of its own (签约, 合约, 预约, 节约): the figure after it is exact. */
const AGREED = new Set([...'签合预履节公条契'].map((c) => c.charCodeAt(0)));
/** 余, 多, 以上, 左右 right after a figure's unit make it approximate. */
const approxAfter = (text: string, end: number): boolean => {
  const c = text[end];
  return c === '余' || c === '多' || text.startsWith('以上', end) || text.startsWith('左右', end);
};

/**
 * Every number in `text` with its unit. Chinese numerals are kept only when a unit follows,
 * so that 一体化 or 三大工程 do not read as numbers.
 */
export function findQuantities(input: string): Quantity[] {
  return quantitiesOfHalfWidth(toHalfWidth(input));
}

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const MULTIPLIERS_ONLY = /^[万亿]+$|^[万亿千百]{2,}$/;
/** A measure word after which a Chinese numeral names a programme, not a count (七大工程, 一号工程). */
const NOT_A_COUNT = new Set([...'大号期级批次类体化站带城区地线道横纵治贸园清年届周轮点'].map((c) => c.charCodeAt(0)));
const METRIC_LETTERS = /^(km|KM|kW)/;

/** findQuantities for a text already in half-width form (the assessor converts each text once). */
export function quantitiesOfHalfWidth(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < text.length; i++) {
    const numeral = NUMERAL_KIND[text.charCodeAt(i)];
    if (numeral === 0) continue;
    const start = i;
    let end: number;
    let value: number;
    let written: string;
    const chinese = numeral === 2;
    let scaled = false;
    if (chinese) {
      // a run of Chinese numerals is a figure only when a unit follows (一体化, 进一步 are not)
      end = start + 1;
      while (NUMERAL_KIND[text.charCodeAt(end)] === 2) end++;
      // `一点二亿元`: a decimal written in numerals, its multiplier after the decimals
      const decimal = text.charCodeAt(end) === 0x70b9 ? chineseDecimal(text, start, end) : null; // 点
      if (decimal) end = decimal.end;
      i = end - 1;
      const next = text.charCodeAt(end);
      if (
        UNIT_START[next] !== 1 &&
        !((next === 0x4f59 || next === 0x591a) && UNIT_START[text.charCodeAt(end + 1)] === 1)
      )
        continue; // 余 多
      written = text.slice(start, end);
      // 亿元楼宇, 万亩千亿: multipliers alone are not a number (百场 is); 第三 is an ordinal;
      // 七大工程, 一号工程 name programmes
      if (MULTIPLIERS_ONLY.test(written) || text.charCodeAt(start - 1) === 0x7b2c || NOT_A_COUNT.has(next)) continue;
      // a school's second site (`中心小学二部`): a name, not two of something
      if (next === 0x90e8 && INSTITUTION.has(text.charCodeAt(start - 1))) continue; // 部
      value = decimal ? decimal.value : parseChineseNumeral(written);
      if (!Number.isFinite(value)) continue;
    } else {
      ARABIC.lastIndex = start;
      const m = ARABIC.exec(text);
      if (!m) continue;
      written = m[0];
      let multiplier: string | undefined = m[2];
      if (multiplier === undefined && text.charCodeAt(start + written.length) === 0x20) {
        // `2.7 万个`: a page that spaces out its figures keeps the multiplier with the number
        SPACED_MULTIPLIER.lastIndex = start + written.length;
        const spaced = SPACED_MULTIPLIER.exec(text);
        if (spaced) {
          multiplier = spaced[1];
          written += spaced[0];
        }
      }
      end = start + written.length;
      i = end - 1;
      scaled = multiplier !== undefined && multiplier !== '千';
      value = parseFloat(m[1].includes(',') ? m[1].replace(/,/g, '') : m[1]);
      if (multiplier)
        value *=
          multiplier === '万亿'
            ? 1e12
            : multiplier === '万' || multiplier === '萬'
              ? 1e4
              : multiplier === '亿' || multiplier === '億'
                ? 1e8
                : 1000;
      // a digit glued to a letter or another digit group (3184路, V09, 2023-2025) is a name
      if (
        (isLetter(text.charCodeAt(start - 1)) || isLetter(text.charCodeAt(end))) &&
        !METRIC_LETTERS.test(text.slice(end, end + 2))
      )
        continue;
    }
    let unit: string | null = null;
    let kind: QuantityKind = 'bare';
    // 余/多 between the number and its unit (`38余亿元`, `38亿余元`)
    const roughly = text[end] === '余' || text[end] === '多' ? 1 : 0;
    if (scaled && MONEY_BEFORE.test(text.slice(Math.max(0, start - 8), start)) && !unitAt(text, end + roughly)) {
      // `完成投资2.93亿`: money written without its 元
      unit = '元';
      kind = 'amount';
    } else if (text.charCodeAt(end) === 0x25 || (text.charCodeAt(end) === 0x20 && text.charCodeAt(end + 1) === 0x25)) {
      // %, or ` %` as a form prints a figure and its measure in cells of their own
      unit = '%';
      kind = 'percent';
      end += text.charCodeAt(end) === 0x25 ? 1 : 2;
    } else if (text.startsWith('个百分点', end)) {
      unit = '个百分点';
      kind = 'points';
      end += 4;
    } else {
      // one space, as tables print `200 个`
      const unitStart = roughly || (text[end] === ' ' && unitAt(text, end + 1)) ? end + 1 : end;
      const row = unitAt(text, unitStart);
      if (row && !notAMeasure(text, row, start, unitStart)) {
        unit = row.base;
        value *= row.factor;
        kind = 'amount';
        end = unitStart + row.written.length;
      }
    }
    if (kind === 'bare' && !chinese && text.charCodeAt(end) === 0x2f) {
      // `40/50公里`: so much done of the whole, in the whole's unit (the whole is read on its own)
      const wholeEnd = end + (/^\/\d+(?:\.\d+)?/.exec(text.slice(end, end + 16))?.[0].length ?? 0);
      const row = wholeEnd > end ? unitAt(text, wholeEnd) : null;
      if (row && !notAMeasure(text, row, start, wholeEnd)) {
        unit = row.base;
        value *= row.factor;
        kind = 'amount';
      }
    }
    if (chinese && kind === 'bare') continue;
    // one copy of a named thing (`订阅一份《日报》`, `编印一本《指南》`): an article, not a count
    if (chinese && value === 1 && text.charCodeAt(end) === 0x300a) continue; // 《
    if (!Number.isFinite(value)) continue; // 400 digits overflow to Infinity, which JSON stores as null
    // a negative rate (`增长-2.1%`), or a plain number opening a cell (`增速 | -2.3`); `1-6月`,
    // `2023-2025` have a digit before the dash, a range `5%-6%` its low end's %
    let from = start;
    if (
      isMinusAt(text, start - 1) &&
      (kind === 'percent'
        ? !isDigit(text.charCodeAt(start - 2)) && text.charCodeAt(start - 2) !== 0x25
        : opensCell(text, start - 1))
    ) {
      value = -value;
      from = start - 1;
    }
    const after = text[start + written.length];
    const approx = after === '余' || after === '多' || approxBefore(text, start) || approxAfter(text, end);
    out.push({ value: round(value), unit, kind, start: from, end, approx, chinese });
    // the scan goes on after the unit: the 千 of 12千米 is part of the unit, not a figure of 1000 米
    i = end - 1;
  }
  return out;
}

/** A minus sign: the ASCII dash (full-width ones are made ASCII first) or U+2212. */
const isMinusAt = (text: string, at: number): boolean => text.charCodeAt(at) === 0x2d || text.charCodeAt(at) === 0x2212;

/** Whether offset `at` opens a cell or a value: the text's start, or after a space, tab, line break or colon. */
function opensCell(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  return at === 0 || before === 0x20 || before === 0x09 || before === 0x0a || before === 0x3a || before === 0xff1a;
}

/** The last character of an institution's name (学校, 医院, 幼儿园), after which `二部` is a site. */
const INSTITUTION = new Set([...'学校院园馆'].map((c) => c.charCodeAt(0)));

/** Words for money just before a figure scaled by 万 or 亿 (`投资2.93亿`, `税收1.2亿`). */
const MONEY_BEFORE =
  /(投资|资金|收入|税收|产值|营收|营业额|销售额|金额|总额|存款|贷款|融资|经费|预算|补助|补贴|增加值)[^，。；,;、]{0,3}$/;

/**
 * A unit row that here is no measure: `位` of a number's digits (两位数增长) or of a place in a
 * ranking (第3位, 前10位), which ranks read; a measure word that begins another word (一部分).
 */
function notAMeasure(text: string, row: UnitRow, start: number, unitStart: number): boolean {
  const followers = UNIT_WORDS_AFTER[row.written];
  if (followers !== undefined) return followers.includes(text[unitStart + row.written.length] ?? '\u0000');
  if (row.written !== '位') return false;
  const before = text.charCodeAt(start - 1);
  return text.charCodeAt(unitStart + 1) === 0x6570 || before === 0x7b2c || before === 0x524d; // 数 第 前
}

/** Rounds away floating-point noise (1.87 × 10000 → 18700, not 18700.000000000004). */
export function round(value: number): number {
  const places = Math.abs(value) >= 1000 ? 1e4 : 1e6;
  return Math.round(value * places) / places;
}
