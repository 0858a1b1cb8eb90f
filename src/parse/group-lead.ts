// A sentence that leads a group of items, standing alone where the numbers stand: notices and
// news items list their tasks under lines such as `8项进展偏慢的市政府重点工作为：`,
// `基本达到时间节点要求的重点民生实事有` or `一是已完成的项目25个，占比62.5%。`. They are no
// short headings (they count, end with a colon or a full stop), but they group the rows below as
// a section row does, so the rows take them as their theme.
import { withoutSpaces } from './text-chars.js';

/** Words that say what is being listed. */
const ITEM_WORDS = /(项目|实事|工作|任务|事项|工程)/;
/** The sentence introduces a list: it ends in `为：`, `有`, `如下` or a colon. */
const LEADS_IN = /([:：]|[有为]|如下)$/;
/** A count of the items listed (`8项`, `25个`, `11件`). */
const COUNT = /\d+\s*[项件个]/;
/** `一是…`, `二是…`: the groups of a report's summary. */
const ENUMERATED = /^[一二三四五六七八九十]是/;

/** True when a lone cell reads as the lead of the group of items printed below it. */
export function isGroupLead(cell: string): boolean {
  const s = withoutSpaces(cell);
  if (s.length < 6 || s.length > 60) return false;
  // `未达预期8项分别是：`: a count of items and a colon lead a list whatever it calls them
  if (COUNT.test(s) && /[:：]$/.test(s)) return true;
  if (!ITEM_WORDS.test(s)) return false;
  return LEADS_IN.test(s) || ((COUNT.test(s) || ENUMERATED.test(s)) && !/[；;]/.test(s));
}
