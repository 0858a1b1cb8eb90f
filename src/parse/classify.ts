// Cell classifiers: what a cell of a progress table looks like by its content alone —
// a list of people, a list of organisations, a heading, a date, prose that reports progress.
// The normaliser uses them to put shifted cells back in their columns, so every rule here
// must hold for tables from any district, not only the seed.

import { isListSeparator, isWhiteSpace, withoutSpaces } from './text-chars.js';
import { LEADER_TITLES, isPostOfBody, withoutPostColons, withoutTitle } from './leader-titles.js';
import { simplified } from './traditional.js';
import { DUTY_LABEL, LEADERS_LABEL } from './duty-labels.js';

// Re-exported so the classifiers keep one import path.
export { isListSeparator, isWhiteSpace, withoutSpaces } from './text-chars.js';
export { PROGRESS_WORDS, progressScore } from './progress-score.js';

/**
 * Endings that make a name an organisation (牵头单位), longest first where it matters.
 * Chinese government bodies are named by their kind: 局/委/办/中心/街道/集团 …
 */
export const UNIT_SUFFIXES: readonly string[] = [
  '办公室',
  '管委会',
  '指挥部',
  '委员会',
  '联合会',
  '工作组',
  '领导小组',
  '专班',
  '部门',
  '分局',
  '集团',
  '公司',
  '街道',
  '中心',
  '社区',
  '政府',
  '银行',
  '支行',
  '分行',
  '医院',
  '学校',
  '大学',
  '学院',
  '党校',
  '总工会',
  '工会',
  '管理处',
  '服务站',
  '派出所',
  '研究室',
  '局',
  '委',
  '办',
  '部',
  '厅',
  '院',
  '所',
  '站',
  '队',
  '处',
  '会',
  '联',
  '协',
  '镇',
  '乡',
  // a county, district or city named as a body (`西秀区`, `普定县`): its government
  '区',
  '县',
  '市',
  '旗',
  '署',
  '馆',
  '台',
  // sections of a bureau (`农业股`, `规划科`), the units of a bureau's own task list
  '股',
  '科',
  // a ministry's departments (`规划司`, `原材料工业司`)
  '司',
];

const UNIT_ENDING = new RegExp(`(?:${UNIT_SUFFIXES.join('|')})$`);

/** Two-character bodies that would otherwise look like a surname + given name. */
export const SHORT_UNITS: ReadonlySet<string> = new Set([
  '区委',
  '县委',
  '市委',
  '团委',
  '妇联',
  '残联',
  '侨联',
  '文联',
  '科协',
  '工会',
  '党委',
  '政府',
]);

/** Words that stand where a unit is named but mean "everyone concerned". */
export const COLLECTIVE_UNITS = /^(各|相关|有关|其他|全体|属地|涉及)/;

/** Common surnames (single and compound): the first characters of most officials' names. */
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '夏侯',
  '长孙',
  '宇文',
  '司徒',
  '端木',
  '澹台',
  '轩辕',
];
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝楼洪诸竺钮郦'.split(
    '',
  ),
);

const HAN = /^[\u3400-\u9fff]+$/;
/** Characters that open report words, never a name without a known surname. */
const NOT_A_NAME_START = new Set('无已未待暂不完正在均另'.split(''));
/**
 * Two-character words of the work a heading names (`文化产业`, `文物保护`, `项目建设`): a four-character
 * token made with one is a phrase, not a surname and a given name.
 */
export const WORK_WORDS: ReadonlySet<string> = new Set([
  '产业',
  '保护',
  '建设',
  '服务',
  '管理',
  '工作',
  '发展',
  '项目',
  '工程',
  '文化',
  '文物',
  '旅游',
  '环境',
  '改革',
  '安全',
  '教育',
  '卫生',
  '交通',
  '经济',
  '社会',
  '城市',
  '农村',
  '农业',
  '生态',
  '民生',
  '整治',
  '攻坚',
  '脱贫',
  '招商',
  '宣传',
  '执法',
  '市场',
  '治理',
  '创新',
  '科技',
  '开放',
  '就业',
  '医疗',
  '养老',
  '住房',
  '水利',
  '能源',
  '体育',
  '健康',
  '扶贫',
  '振兴',
  '提升',
  '改造',
  '规划',
  '行动',
  '计划',
  '任务',
]);
const PARENTHETICAL = /[（(][^（）()]*[）)]/g;

const OPEN_BRACKET = [0xff08, 0x28]; // （ (
const CLOSE_BRACKET = [0xff09, 0x29]; // ） )

/** Splits a cell holding several people or units (spaces, 、, commas, line breaks), keeping brackets whole. */
export function splitList(cell: string): string[] {
  // One pass over the characters: separators outside brackets end an item. Slicing the
  // cell (rather than building items a character at a time) keeps long cells cheap.
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === OPEN_BRACKET[0] || c === OPEN_BRACKET[1]) depth++;
    else if (c === CLOSE_BRACKET[0] || c === CLOSE_BRACKET[1]) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isListSeparator(c)) {
      if (i > start) pushTrimmed(out, cell.slice(start, i));
      start = i + 1;
    }
  }
  if (cell.length > start) pushTrimmed(out, cell.slice(start));
  return out;
}

/** The names of a leaders/units cell: `splitList`, with a name padded by spaces (`吕  乐`) made whole. */
export function splitNames(cell: string): string[] {
  const out = splitList(withoutClosingStop(cell));
  const names = out.some((t) => t.length === 1) ? joinPaddedNames(out) : out;
  return names.some((t) => BRACKETED.test(t)) ? joinRemarks(names) : names;
}

/**
 * Offices that copy the report's sentences into a table close every cell with a full stop, the
 * names too (`金力。`, `市财政局。`): the stop ends the cell and is no part of any name. A closed
 * cell with a figure in it (`新增老年大学3所。`) is a sentence, whatever word it ends on.
 */
export function withoutClosingStop(cell: string): string {
  if (!cell.endsWith('。') || /[\d０-９]/.test(cell)) return cell;
  return cell.replace(/。+$/, '').trimEnd();
}

/** A remark in brackets standing alone (`(安委办)`): it says more about the name before it. */
const BRACKETED = /^[（(][^（）()]*[）)]$/;

/** `应急管理局 (安委办)` is one body with its other name, not a body and a remark. */
function joinRemarks(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (BRACKETED.test(t) && out.length > 0) out[out.length - 1] += t;
    else out.push(t);
  }
  return out;
}

/**
 * A name padded to the width of three characters (`吕  乐`) splits into single characters; no name
 * or body is one character long, so a run of them is one padded name.
 */
function joinPaddedNames(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (isTwoPaddedNames(tokens, i)) {
      out.push(tokens[i] + tokens[i + 1], tokens[i + 2] + tokens[i + 3]);
      i += 3;
      continue;
    }
    let t = tokens[i];
    while (t.length < 4 && tokens[i].length === 1 && tokens[i + 1]?.length === 1) t += tokens[++i];
    out.push(t);
  }
  return out;
}

/**
 * Four single characters alone (`王 嵘 方 勇`: two padded names, one per line of a cell, flattened)
 * are two names when each pair opens with a surname and the four are no body's name (`区 财 政 局`).
 */
function isTwoPaddedNames(tokens: readonly string[], i: number): boolean {
  const run = tokens.slice(i, i + 5);
  if (run.length !== 4 && !(run.length === 5 && run[4].length > 1)) return false;
  if (i > 0 && tokens[i - 1].length === 1) return false;
  if (!run.slice(0, 4).every((t) => t.length === 1)) return false;
  return SURNAMES.has(run[0]) && SURNAMES.has(run[2]) && !isUnitName(run.slice(0, 4).join(''));
}

function pushTrimmed(out: string[], item: string): void {
  // An item can only carry spaces at its edges when a bracket was left open.
  const t = item.trim();
  if (t) out.push(t);
}

/** True for one organisation name: ends like a government body (`区财政局`, `高铁办（筹）`, `各街道`). */
export function isUnitName(token: string): boolean {
  const bare = simplified(/[（(]/.test(token) ? token.replace(PARENTHETICAL, '').trim() : token);
  if (bare.length < 2) return false;
  // A numbered item (`6.新增…医院`) or a figure is no organisation's name.
  // (a count ending in a measure word that is also a body's ending, `电梯30部`, `学校3所`, neither)
  if (/^[\d０-９]|[.．%]|\d[部个所座家处台套]$/.test(bare)) return false;
  if (SHORT_UNITS.has(bare)) return true;
  if (COLLECTIVE_UNITS.test(bare)) return true;
  if (bare.length === 2 && SURNAMES.has(bare[0])) return false;
  // a person's post (`区委常委`, `陶峰区委常委`) ends like a body but names a person
  if (POST_CHAR_TEST.test(bare) && isPersonWithPost(bare)) return false;
  const m = UNIT_ENDING.exec(bare);
  return m !== null && bare.length > m[0].length;
}

/** Words of a deadline that open with a surname (全, 年, 常): `全年` under 完成时限 is no person. */
const TIME_WORDS = new Set(['全年', '年底', '年内', '年末', '年初', '长期', '常年', '每年', '当年']);

/** True for one person's name: 2-4 Han characters that do not end like an organisation. */
export function isPersonName(token: string): boolean {
  if (token.length > 12) return false;
  const bare = token.replace(PARENTHETICAL, '').replace(/[·•]/g, '').trim();
  if (bare.length < 2 || bare.length > 4 || !HAN.test(bare)) return false;
  if (isUnitName(bare) || TIME_WORDS.has(bare)) return false;
  const compound = COMPOUND_SURNAMES.some((s) => bare.startsWith(s));
  const surname = compound || SURNAMES.has(bare[0]);
  // Report words of three characters (`无任务`, `已完成`, `未开工`) are no names.
  if (!surname && NOT_A_NAME_START.has(bare[0])) return false;
  // A 4-character token without a surname is more often a short phrase (`年度数据`) than a name;
  // so is one of two words of work (`文化产业`, `项目建设`), though 文 and 项 are surnames.
  if (bare.length === 4)
    return compound || (surname && !(WORK_WORDS.has(bare.slice(0, 2)) || WORK_WORDS.has(bare.slice(2))));
  return surname || bare.length === 3;
}

/** Characters a list of names or bodies is made of; anything else (digits, quotes, 。) rules a list out. */
const LIST_CHARS = /^[\u3400-\u9fff\s、，,；;/／|（）()·•]+$/;

/** A person with the post beside the name (`陶峰（副区长）`, `李明副区长`), or a post alone next to one. */
function isPersonWithPost(token: string): boolean {
  if (!POST_CHAR_TEST.test(token)) return false;
  const person = withoutTitle(token);
  return person === null || (person !== token && isPersonName(person));
}
/** Characters every post ends or starts with: a quick test before the post list. */
const POST_CHAR_TEST = new RegExp(
  `[${[...new Set(LEADER_TITLES.map((t) => t[t.length - 1] + t[0]).join(''))].join('')}]`,
);

/** Words, then a list in brackets closing the cell: the list is who the words are about. */
export const PEOPLE_AFTER_WORDS = /^[^（()）]{5,}[（(]([^（）()]+)[）)]$/;

/** A cell that lists only people (`陶峰 刘国娟`), posts beside the names allowed (`副区长 陶峰`). */
export function isPeopleCell(written: string): boolean {
  const cell = withoutPostColons(withoutClosingStop(written));
  // people in brackets after words about them (`按《市委工作要点》分工(蒋永根、俞福才)`)
  const bracketed = PEOPLE_AFTER_WORDS.exec(cell);
  if (bracketed && isPeopleCell(bracketed[1])) return true;
  if (!LIST_CHARS.test(cell)) return false;
  const tokens = splitNames(cell);
  return (
    tokens.length > 0 &&
    tokens.every((t) => isPersonName(t) || isPersonWithPost(t)) &&
    (tokens.some((t) => withoutTitle(t) !== null) || tokens.every(isPostOfBody))
  );
}

/** A cell that lists only organisations (`区商务局 综合保税区管理办公室`). */
export function isUnitsCell(written: string): boolean {
  // `牵头：市教育局；配合：市住建局`: the labels say each body's part, the bodies are still units
  // (the leaders may be named first in the same cell: `牵头领导：张强；牵头单位：区城管局`)
  const cell = withoutClosingStop(written).replace(LEADERS_FIRST, '').replace(DUTY_LABEL, '');
  // `；` may separate units (`区住建局；区城管局`): every item must still be an organisation.
  if (cell.length > 400 || /[。%“”"：:！？]/.test(cell)) return false;
  // a body's part in the task after its name (`省财政厅主办`, `…统计局分别负责`) is no part of the name
  const tokens = splitList(cell).map((t) => (DUTY_WORD.test(t) ? t.replace(DUTY_WORD, '') : t));
  if (tokens.length === 0 || tokens.length > 30) return false;
  let unknown = 0;
  for (const t of tokens) if (!isUnitName(t) && (++unknown > 1 || !mayBeUnitAmongUnits(t))) return false;
  // A long list of bodies (`市地震局 市气象局 …`) may hold one whose kind we do not know; a
  // short one must be all organisations.
  return unknown === 0 || tokens.length >= MANY_UNITS;
}

const DUTY_WORD = /(分别)?(牵头负责|牵头|负责|主办|协办|配合)$/;
/** The leaders named first in a cell of units, with their label (`牵头领导：张强；`). */
const LEADERS_FIRST = new RegExp(`${LEADERS_LABEL.source}[^；;，,\\n]{1,30}[；;，,\\n]\\s*`);

/** Organisations in a list long enough that one unfamiliar name among them is one of them too. */
const MANY_UNITS = 4;

/** A name that can stand among organisations: a few Han characters, no figure, not a person. */
function mayBeUnitAmongUnits(token: string): boolean {
  return token.length >= 3 && token.length <= 16 && /^[\u4e00-\u9fff（）()]+$/.test(token) && !isPersonName(token);
}

/** A cell that says "same as above" in words. */
export function isSameAsAbove(cell: string): boolean {
  // The words are at most 5 characters long: a longer cell can only be one with spaces around it.
  if (cell.length > 5 && !isWhiteSpace(cell.charCodeAt(0)) && !isWhiteSpace(cell.charCodeAt(cell.length - 1)))
    return false;
  const s = cell.trim();
  return s.length <= 5 && SAME_AS_ABOVE.test(s);
}
const SAME_AS_ABOVE = /^(同上|〃|"|”|ditto)$/;

/** A deadline: `2024年6月底`, `12月底前`, `年底前`, `长期`, `2024-06-30`. */
export function isDeadline(cell: string): boolean {
  if (cell.length > 40) return false;
  const s = withoutSpaces(cell);
  if (s.length > 24) return false;
  return (
    (/^(\d{4}年)?(\d{1,2}月)?(\d{1,2}日)?(底|末|中旬|上旬|下旬|前|以前|之前|底前|年底前|内)*$/.test(s) &&
      /\d/.test(s)) ||
    /^\d{4}[-/.]\d{1,2}([-/.]\d{1,2})?(前)?$/.test(s) ||
    /^(长期|持续|持续推进|年底前?|年内|全年|常态化|\d{4}年(底|内|年底)前?)$/.test(s) ||
    /^(\d{4}年)?\d{1,2}月(底|末)?前?完成$/.test(s) ||
    // work with no end date (`常态工作`, `长期坚持`), a span of years (`2016—2017年底前`), a month
    // written without 月 (`2016年6底前`), and a time counted from an event (`省出台文件后2个月完成`)
    /^(常态工作|常态推进|常态化推进|长期坚持|长期推进|持续开展)$/.test(s) ||
    /^\d{4}[-—–~至]\d{4}年(底|末|内)?前?$/.test(s) ||
    /^\d{4}年\d{1,2}(底|末)前?$/.test(s) ||
    /后\d{1,2}个?(月|日|天|工作日)内?(完成)?$/.test(s)
  );
}

/** Numbering that opens a first-level heading: `一、`, `第一部分`. */
const THEME_NUMBERING = /^(第?[一二三四五六七八九十]+[、.．部篇]|[一二三四五六七八九十]+是)/;
/** Numbering that opens a second-level heading: `（一）`, `(1)`. */
const CATEGORY_NUMBERING = /^[（(][一二三四五六七八九十\d]+[）)]/;
/** `（一）`: the Chinese-numbered second level (`（1）` opens targets too often to count as one). */
const CHINESE_CATEGORY_NUMBERING = /^[（(][一二三四五六七八九十]+[）)]/;

/**
 * A heading: a short phrase with no figures and no full stop — the shape of 重点工作任务 cells
 * (`主要经济指标`, `增强先进制造业核心竞争力`, `突出新区功能，扛起使命担当，在…上实现全新突破`).
 */
/**
 * A unit of measure in brackets closing a text (`城市标准(元/月)`, `城镇新增就业(人)`, `失业率(%)`):
 * the text names an indicator, which a heading never does.
 */
const MEASURE_LABEL =
  /[（(]([%％‰]|[万亿千百]?(元|人|人次|户|家|个|公里|亩|吨|辆|所|张|套|项|条|座|处|台|件|名|床|间|平方米)(\/[人户月年亩次床]{1,2})*)[）)]$/;

export function isHeading(cell: string): boolean {
  if (cell.length > 80) return false;
  const s = withoutSpaces(cell);
  if (s.length === 0 || s.length > 40) return false;
  if (MEASURE_LABEL.test(s)) return false;
  // A numbered heading (`一、2023年…主要预期目标`, `（一）全面促进消费增长。`) may hold figures and end
  // with a full stop; an unnumbered one is a short phrase without either.
  const numbered = /^第?[一二三四五六七八九十]+[、.．]/.test(s) || CHINESE_CATEGORY_NUMBERING.test(s);
  const body = s.replace(THEME_NUMBERING, '').replace(CATEGORY_NUMBERING, '');
  if (numbered) return body.length >= 2 && !/[。；;：:！？]/.test(body.replace(/。$/, ''));
  if (/[。；;：:！？]/.test(s)) return false;
  // the points or weight a target sheet gives the group (`职能目标（340分）`, `（权重30%）`) are no figure of its own
  // nor is a date (`超额完成9月份节点目标`, `2024年重点项目`)
  if (/[0-9０-９%]/.test(body.replace(SCORE_NOTE, '').replace(DATE_WORDS, ''))) return false;
  return body.length >= 2;
}

/** A year, month or day as a heading may name it. */
const DATE_WORDS = /\d{4}年度?|\d{1,2}月份?|\d{1,2}日/g;
/** A group's points or weight in brackets at the end of its name, as a target sheet prints them. */
const SCORE_NOTE = /[（(](?:权重|分值)?\d+(?:\.\d+)?(?:分|%)[）)]$/;

/** A first-level heading (theme): numbered `一、` or written as a clause series `突出…，…，在…上…`. */
export function looksLikeTheme(cell: string): boolean {
  const s = withoutSpaces(cell);
  if (!isHeading(s)) return false;
  if (THEME_NUMBERING.test(s)) return true;
  if (CATEGORY_NUMBERING.test(s)) return false;
  return /[，,]/.test(s) && s.length >= 14;
}

/** A second-level heading (category): numbered `（一）` or a short phrase without commas. */
export function looksLikeCategory(cell: string): boolean {
  const s = withoutSpaces(cell);
  if (!isHeading(s) || looksLikeTheme(s)) return false;
  return CATEGORY_NUMBERING.test(s) || (!/[，,、]/.test(s) && s.length <= 24);
}

/** A page-title line: `2023年钱塘区政府工作报告重点工作任务四季度进展情况表`. */
export function looksLikeTitle(cell: string): boolean {
  const s = withoutSpaces(cell);
  return s.length >= 6 && s.length <= 80 && /(表|情况|清单|台账|汇总)$/.test(s);
}

// Task numbers in every printed form live in numbering.ts; re-exported for the classifiers' one import path.
export { readSeq } from './numbering.js';
