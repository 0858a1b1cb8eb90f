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
/** `半年` naming the report on the half just ended (`半年进展`, `半年工作总结`), not a span (`一年半`). */
const HALF_YEAR_REPORT = /(?<![上下一两多大])半年(?:进展|落实|推进|工作|情况|完成|督查|通报|小结|总结)/;

/**
 * Reads the period from a title. Returns the canonical label (`2023Q4`, `2023H1`, `2024-03`,
 * `2023`) or null when the title names no year or no recognisable period.
 * @example periodFromTitle('2024年1-6月民生实事项目进展情况表') // '2024H1'
 */
export function periodFromTitle(title: string): string | null {
  const s = title
    .replace(/\s+/g, '')
    .replace(/[—–－~～至到]/g, '-')
    // a year in Chinese numerals (二〇二四年) as a formal title writes it
    .replace(/[〇零一二三四五六七八九]{4}(?=年)/g, (y) =>
      [...y].map((c) => '〇一二三四五六七八九'.indexOf(c.replace('零', '〇'))).join(''),
    );
  const yearMatch = /(\d{4})年/.exec(s) ?? /(20\d{2})/.exec(s);
  if (!yearMatch) return null;
  const year = yearMatch[1];
  const rest = s.slice(yearMatch.index + yearMatch[0].length);
  const label = (p: string) => parsePeriod(p)?.label ?? null;

  let m = new RegExp(`第?([一二三四1-4])季度`).exec(rest);
  if (m) return label(`${year}年${m[1]}季度`);
  // a quarter written the spreadsheet way (`2024年Q3`, `2024Q3`)
  m = /^[-_]?[Qq]([1-4])(?![0-9])/.exec(rest);
  if (m) return label(`${year}Q${m[1]}`);
  // 半年度 (a half-year report, `2023年半年度重点工作进展`) is the first half, not the year; so is a
  // report of the half (`重点工作半年进展情况`)
  if (/上半年|半年度/.test(rest) || HALF_YEAR_REPORT.test(rest)) return label(`${year}H1`);
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

/**
 * A short line that dates the table: in brackets (`（截至2024年9月30日）`, `（2024年1-9月）`) or labelled
 * as the period reported (`截至9月底`, `统计时间：2024年1-9月`). A filing date (`填报时间：…`) is no period,
 * nor a date in prose above the table (`…会议于2022年12月21日票决产生了…`).
 */
const DATES_A_TABLE =
  /^(?:[（(][^（）()]*(?:截[至止]|\d{1,2}月|季度|半年)[^（）()]*[）)]|(?:截[至止]|统计时间|统计期|报告期|数据截[至止])[^，。；]*)$/;
const MAX_DATE_LINE = 30;

/**
 * The period of a table: from its title, else from a short line under it dating the table, else
 * from a column header (`1-8月实际完成情况`, `项目建设阶段(1-12月份)`) with the year of the title or
 * of another header (`2022年工作计划`).
 * @example periodOfTable('2023年民生实事进展表', ['序号', '1-8月实际完成情况']) // '2023-08'
 */
export function periodOfTable(
  title: string | null,
  headerTexts: readonly string[],
  linesBelowTitle: readonly string[] = [],
): string | null {
  const fromTitle = title ? periodFromTitle(title) : null;
  const yearOnly = fromTitle !== null && /^\d{4}$/.test(fromTitle);
  if (fromTitle && !yearOnly) return fromTitle;
  // a line under the title dating the table (`（截至2024年9月30日）`, `（2024年1-9月）`), read with the
  // title's year when it names none
  const titleYear = title ? /(\d{4})年/.exec(title)?.[1] : undefined;
  for (const line of linesBelowTitle) {
    if (line.length > MAX_DATE_LINE || !DATES_A_TABLE.test(line.replace(/\s+/g, ''))) continue;
    const p = periodFromTitle(/\d{4}/.test(line) || !titleYear ? line : `${titleYear}年${line}`);
    if (p && !/^\d{4}$/.test(p)) return p;
  }
  const year =
    (title ? /(\d{4})年/.exec(title)?.[1] : undefined) ??
    // The latest year the headers name (`至2021年底累计` beside `2022年工作计划` reports on 2022).
    headerTexts
      .map((h) => /(20\d{2})年/.exec(h)?.[1])
      .filter((y): y is string => y !== undefined)
      .sort()
      .pop();
  if (!year) return fromTitle;
  for (const h of headerTexts) {
    // Only a header that names a span of months or a month (the 2021 in `至2021年底` names no period).
    const months =
      /(\d{1,2}|[一二三四五六七八九十]{1,3})(月份?)?[-—–~～至到](\d{1,2}|[一二三四五六七八九十]{1,3})月|(\d{1,2})月(份)?/.exec(
        h.replace(/\s+/g, ''),
      );
    if (!months) continue;
    const p = periodFromTitle(`${year}年${months[0]}`);
    if (p) return p;
  }
  // A report header naming a quarter, a half or the year (`上半年落实情况`, `全年完成数`); a part of the
  // target or a plan (`一季度目标`, `二季度工作计划`) names the period planned, not reported. A
  // table with a report column for each quarter is filled in as the year goes: no one of them dates it.
  const parts = headerTexts.flatMap((h) => {
    const s = h.replace(/\s+/g, '');
    if (!/进展|完成|落实|推进|执行|情况/.test(s) || /目标|计划|任务|安排/.test(s)) return [];
    const part = /上半年|下半年|前三季度|第?[一二三四1-4]季度|全年/.exec(s);
    return part ? [part[0]] : [];
  });
  if (parts.length === 1) return periodFromTitle(`${year}年${parts[0]}`) ?? fromTitle;
  // `2021年…主要指标完成情况`: what a year's plan came to, told once the year is over; a report
  // during the year names its part (`上半年`, `1-9月`) or calls itself 进展/推进.
  if (fromTitle === null && title && /(\d{4})年.*完成情况/.test(title) && !/进展|推进|落实|进度/.test(title))
    return year;
  return fromTitle;
}

/** The year a file's name carries (`2024年1-9月进展.xlsx`, `23-歙县-2024-1-9月.txt`), not a longer number. */
const NAME_YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;

/**
 * The period a file's name gives, for a table whose title and headers name none or only the year:
 * offices name their files by the period they report on (`2024年1-9月重点工作进展.xlsx`). A title
 * naming months but no year (`1-9月重点工作推进情况`) takes the name's year. A year the title
 * names wins over the name's: the name may be a copy's.
 * @example periodFromFileName('歙县2024年1-9月民生实事.txt', '民生实事实施进展情况') // '2024Q3'
 */
export function periodFromFileName(fileName: string, title: string | null, found: string | null): string | null {
  const name = fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const nameYear = NAME_YEAR.exec(name);
  if (!nameYear) return null;
  const year = found ?? nameYear[1];
  const isSpan = (p: string | null): p is string => p !== null && !/^\d{4}$/.test(p);
  if (title && !/\d{4}年/.test(title)) {
    const fromTitle = periodFromTitle(`${year}年${title}`);
    if (isSpan(fromTitle)) return fromTitle;
  }
  // the words after the name's year (`-1-9月`, `年一季度`), read with the title's year if it has one
  const fromName = periodFromTitle(`${year}年${name.slice(nameYear.index + 4)}`);
  return isSpan(fromName) ? fromName : null;
}
