// What a table's title says about its plan. A title names the plan and the period:
// `2023年钱塘区政府工作报告重点工作任务四季度进展情况表`, `2024年1-9月全县主要经济指标完成情况`,
// `萧县9月份民生工程进展情况`. The plan is what stays the same from one period's table to the next,
// so the next quarter's table finds it: the title without its period, wherever the period stands,
// and without the words saying that this is a report on progress.
import { simplified } from './traditional.js';

export interface PlanInfo {
  title: string;
  region: string | null;
  year: number | null;
}

/** Periods within a year, wherever they stand in a title (not the year itself). */
const PERIODS_IN_TITLE = new RegExp(
  [
    // `（截至11月底）`, `截至10月31日`
    String.raw`[(（]?(?:截至|截止)(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末|份)?[)）]?`,
    // `1-9月份`, `1—11月`, `1至9月`
    String.raw`\d{1,2}(?:月份?)?\s*[-—–~～至到]\s*\d{1,2}月(?:份|底|末)?`,
    String.raw`(?:第?[一二三四1-4]|前[三两二])季度`,
    // `上半年`, `半年度`
    String.raw`[上下]?半年度?`,
    // `全年完成情况`, not `全年目标`
    String.raw`全年(?=(?:工作)?(?:进展|推进|落实|完成|执行|实施))`,
    // a month (`2023年3月份`, `9月份`), not a date (`12月31日`)
    String.raw`(?<!\d)\d{1,2}月份?(?![\d日])`,
  ].join('|'),
  'gu',
);

/** The words after the plan saying that the table reports on it: `进展情况表`, `实施进度表`, `完成情况通报`. */
const REPORT_KIND_WORDS = String.raw`(?:(?:实际)?(?:进展|推进|落实|完成|执行|实施|督查|督办)+(?:进度|情况)*的?|进度)(?:汇总表|一览表|统计表|回报表|进度表|月报表|季报表|报表|月报|季报|通报|汇报|报告|公示|表)?`;
/** …at the end, or in brackets there (`（11月份完成情况）`, once the month is cut). */
const REPORT_KIND = new RegExp(`(?:[(（]${REPORT_KIND_WORDS}[)）]|${REPORT_KIND_WORDS})$`, 'u');
/** What is left around the cut: a space, a connecting word or colon, empty brackets. */
const LEFTOVER = /^[\s,，、:：]+|[\s,，、:：的]+$|[(（][)）]/gu;

/** The plan a table title names, its region and its year. */
export function planInfoFromTitle(tableTitle: string): PlanInfo {
  const clean = tableTitle.replace(/\s+/g, '');
  // matched on simplified characters (one for one), cut from the title as written
  const read = simplified(clean);
  const cut = cutAll(clean, read, PERIODS_IN_TITLE);
  // (what the cut leaves is punctuation, the same in both)
  const kept = { text: cut.text.replace(LEFTOVER, ''), read: cut.read.replace(LEFTOVER, '') };
  const kind = REPORT_KIND.exec(kept.read);
  const title = (kind ? kept.text.slice(0, kind.index) : kept.text).replace(LEFTOVER, '') || clean;
  // The year leads the title (2024年钱塘区…) or follows the region (城南区2024年…).
  const year = /^(\d{4})年?/.exec(clean) ?? /(?:^|[^\d])((?:19|20)\d{2})年(?:度)?/.exec(clean);
  // The region is what stands before the government that reports (钱塘区, 杭州市, 某某县), less the year.
  const region = /^(?:\d{4}年?(?:度)?)?(.+?)(?:\d{4}年(?:度)?)?(?:人民)?政府/.exec(clean);
  return { title, region: region ? region[1] : null, year: year ? Number(year[1]) : null };
}

/** `text` less every match of `re` in `read` (the same text, simplified), both kept in step. */
function cutAll(text: string, read: string, re: RegExp): { text: string; read: string } {
  let outText = '';
  let outRead = '';
  let at = 0;
  for (const m of read.matchAll(re)) {
    outText += text.slice(at, m.index);
    outRead += read.slice(at, m.index);
    at = m.index + m[0].length;
  }
  return { text: outText + text.slice(at), read: outRead + read.slice(at) };
}
