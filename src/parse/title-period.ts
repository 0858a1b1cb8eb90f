// The reporting period named in a table's title: `2023年…四季度进展情况表` → `2023Q4`.
// Titles name the year once and the period in words; parsePeriod gives the canonical label.
import { parsePeriod } from '../domain/index.js';

const CN_DIGITS = '〇一二三四五六七八九十';

/** `十二` → 12, `3` → 3. Small numbers only (months, quarters). */
function readSmallNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + CN_DIGITS.indexOf(s[1]);
  if (s.endsWith('十')) return CN_DIGITS.indexOf(s[0]) * 10;
  return CN_DIGITS.indexOf(s);
}

const NUM = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';

/**
 * Reads the period from a title. Returns the canonical label (`2023Q4`, `2023H1`, `2024-03`,
 * `2023`) or null when the title names no year or no recognisable period.
 * @example periodFromTitle('2024年1-6月民生实事项目进展情况表') // '2024H1'
 */
export function periodFromTitle(title: string): string | null {
  const s = title.replace(/\s+/g, '').replace(/[—–－~～至到]/g, '-');
  const yearMatch = /(\d{4})年/.exec(s) ?? /(20\d{2})/.exec(s);
  if (!yearMatch) return null;
  const year = yearMatch[1];
  const rest = s.slice(yearMatch.index + yearMatch[0].length);
  const label = (p: string) => parsePeriod(p)?.label ?? null;

  let m = new RegExp(`第?([一二三四1-4])季度`).exec(rest);
  if (m) return label(`${year}年${m[1]}季度`);
  if (/上半年/.test(rest)) return label(`${year}H1`);
  if (/下半年/.test(rest)) return label(`${year}H2`);
  m = new RegExp(`${NUM}月?-${NUM}月`).exec(rest);
  if (m) {
    const from = readSmallNumber(m[1]);
    const to = readSmallNumber(m[2]);
    // Cumulative periods (1-6月, 1-9月) are named by where they end, in the largest unit that fits.
    if (from === 1 && to === 12) return label(year);
    if (from === 1 && to === 6) return label(`${year}H1`);
    if (to % 3 === 0 && to - from <= 2) return label(`${year}Q${to / 3}`);
    if (from === 1 && to % 3 === 0) return label(`${year}Q${to / 3}`);
    return label(`${year}-${to}`);
  }
  m = new RegExp(`${NUM}月(份)?`).exec(rest);
  if (m) {
    const mo = readSmallNumber(m[1]);
    if (mo >= 1 && mo <= 12) return label(`${year}-${mo}`);
  }
  if (/^度|全年|年度|年终|年底|年末/.test(rest)) return label(year);
  return null;
}
