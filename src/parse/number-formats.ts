// How a spreadsheet cell's number format shows its number: as a date, as a percentage, or as it
// is. Both workbook formats (.xlsx styles, .xls XF and FORMAT records) keep a format per cell; a
// completion rate stored as 0.8125 under `0.00%` shows 81.25%, and a deadline stored as a day
// number shows as a day, which is what the person typed and sees.

/** How a number is shown: as an ISO day, as a percentage with so many decimals, or as it is. */
export type Shown = 'date' | { percentDecimals: number } | null;

/**
 * Built-in number formats that show a date. The East Asian ones (27-36, 50-58: `yyyy"年"m"月"d"日"`,
 * `yyyy"年"m"月"` in a Chinese Excel) have no code in the file, which names them by number only;
 * elsewhere those numbers are not used.
 */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** Built-in percentage formats: 9 is `0%`, 10 is `0.00%`. */
const BUILT_IN_PERCENT = new Map([
  [9, 0],
  [10, 2],
]);

/** A format code that shows a date or time: y m d h s b outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** A format code that shows a percentage (a % outside quotes), and its decimals (`0.0%`: 1). */
function percentDecimals(code: string): number | null {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*]/g, '')
    .split(';')[0];
  if (!bare.includes('%')) return null;
  return /\.(0+)/.exec(bare)?.[1].length ?? 0;
}

/** How format `id` shows a number; `code` is the workbook's own code for it, if it defines one. */
export function shownOf(id: number, code: string | undefined): Shown {
  const date = id > 0 && (code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id));
  const decimals = code !== undefined ? percentDecimals(code) : (BUILT_IN_PERCENT.get(id) ?? null);
  return date ? 'date' : decimals !== null ? { percentDecimals: decimals } : null;
}

/** A number as its format shows it. */
export function shownNumber(n: number, shown: Shown, date1904: boolean): string {
  if (shown === 'date') return isoDay(n, date1904);
  if (shown !== null) return `${Number((n * 100).toFixed(shown.percentDecimals))}%`;
  // Excel keeps 15 significant digits: a sum cached as 12.300000000000001 shows 12.3
  return String(Number(n.toPrecision(15)));
}

/** A spreadsheet day number as the ISO day it shows (1900 or 1904 date system). */
function isoDay(serial: number, date1904: boolean): string {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)).toISOString().slice(0, 10);
}
