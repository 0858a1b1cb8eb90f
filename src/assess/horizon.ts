// A target that reaches past the report's year (`到2025年累计建成…`, `（2023—2025年）`, `“十四五”期间`):
// its figures are the whole span's, so the share of one year elapsed does not measure them. With
// the span's first year known, the time share is that of the span; without it there is none, and a
// shortfall is no delay while the span's last year is still ahead.

export interface Horizon {
  /** The span's first year, when the target names it. */
  from: number | null;
  /** The last year the target names. */
  to: number;
}

/** A span of years (`2023—2025年`, `2023年至2025年`, `2013-2017年`). */
const SPAN = /(20\d{2})\s*年?\s*(?:[-—–~～至到]|－)+\s*(20\d{2})\s*年/g;
/** A year named on its own (`到2025年`, `2025年底前`). Not a year a figure is compared with
 * (`比2020年翻一番`, `较2023年增长`), which is always earlier. */
const YEAR = /(20\d{2})\s*年/g;
/** Five-year plans by their number: the 14th ran 2021–2025. */
const PLAN_SPAN: ReadonlyArray<{ words: RegExp; from: number }> = [
  { words: /十四五/, from: 2021 },
  { words: /十五五/, from: 2026 },
];

/**
 * The span of years the target covers, when it ends after `year` (the report's); null for a target
 * of the year itself or when the report's year is unknown.
 * @example horizonOf('到2025年，累计建成5G基站3000个', 2024) // { from: null, to: 2025 }
 */
export function horizonOf(target: string, year: number | null | undefined): Horizon | null {
  if (!year || (!target.includes('20') && !target.includes('五'))) return null;
  let from: number | null = null;
  let to = 0;
  for (const m of target.matchAll(SPAN)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b > a && b > to) {
      from = a;
      to = b;
    }
  }
  for (const m of target.matchAll(YEAR)) {
    const y = Number(m[1]);
    if (y > to) {
      to = y;
      from = null;
    }
  }
  for (const p of PLAN_SPAN) {
    if (p.words.test(target) && p.from + 4 >= to) {
      from = p.from;
      to = p.from + 4;
    }
  }
  return to > year ? { from: from !== null && from <= year ? from : null, to } : null;
}

/**
 * The share of the span elapsed at `month` of the report's year, or null when the span's start is
 * unknown.
 */
export function spanShare(h: Horizon, year: number, month: number): number | null {
  if (h.from === null) return null;
  const months = (h.to - h.from + 1) * 12;
  return Math.min(1, ((year - h.from) * 12 + month) / months);
}
