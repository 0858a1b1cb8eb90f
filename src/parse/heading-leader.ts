// Tables grouped by leader print the leader once, on the group's heading row (`（一）王宏副市长牵头重点工作`,
// `洪湖鹏市长主抓重点工作`), and have no leaders column: the person named there leads every task
// under the heading; so does a unit named so (`一、县示范区管委会牵头工作(8项)`) where there is no
// units column. Only a name followed by a post and a word of leading counts, so a heading about
// the work itself (`（一）稳增长`) names nobody.
import { isPersonName, isUnitName } from './classify.js';
import { LEADER_TITLES } from './leader-titles.js';

const NUMBER = /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])\s*/;
const ESCAPED_TITLES = LEADER_TITLES.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
// the shortest name first, so `王宏副市长` is 王宏 with 副市长, not 王宏副 with 市长
const NAME_POST_DUTY = new RegExp(
  `^([\\u4e00-\\u9fff]{2,3}?)(?:同志)?(?:${ESCAPED_TITLES})(?:同志)?(?:牵头|负责|分管|主抓|领衔|联系|包保)`,
);

/** The leader a heading names, or null when it names none. */
export function leaderOfHeading(heading: string | null): string | null {
  if (!heading) return null;
  const m = NAME_POST_DUTY.exec(heading.replace(NUMBER, '').replace(/\s+/g, ''));
  return m && isPersonName(m[1]) ? m[1] : null;
}

// `一、县示范区管委会牵头工作(8项)`, `（二）区发改局牵头任务`: tables grouped by lead unit name it on
// the heading only.
const UNIT_DUTY =
  /^([\u4e00-\u9fff]{2,20}?)(?:牵头|负责|主抓|领衔)(?:的)?(?:工作|任务|事项|项目)?(?:[（(]\d+项[）)])?$/;

/** The lead unit a heading names (`县示范区管委会牵头工作(8项)`), or null when it names none. */
export function unitOfHeading(heading: string | null): string | null {
  if (!heading) return null;
  const m = UNIT_DUTY.exec(heading.replace(NUMBER, '').replace(/\s+/g, ''));
  return m && isUnitName(m[1]) ? m[1] : null;
}
