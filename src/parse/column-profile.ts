// What a column's cells hold, counted over the task rows: people, organisations, headings,
// figures, percentages, 是/否, report-like or target-like text, and whether its values repeat
// down the rows (a merged theme) or change on every task (a task's own text).
import {
  isDeadline,
  isHeading,
  isPeopleCell,
  isPersonName,
  isUnitName,
  isUnitsCell,
  looksLikeTitle,
  splitList,
  withoutSpaces,
} from './classify.js';
import { leadingSeq, readNumbering } from './numbering.js';
import { progressScore } from './progress-score.js';
import { INDICATOR_CLASS_CELL, isStatusCell } from './status-cells.js';
import { withoutPinyin } from './ruby-pinyin.js';
import { simplified } from './traditional.js';

export interface ColumnProfile {
  /** Task rows counted, and how many have text in this column. */
  rows: number;
  filled: number;
  /** Task rows whose text differs from the last text above it in this column. */
  changes: number;
  seq: number;
  leadingSeq: number;
  people: number;
  units: number;
  deadline: number;
  heading: number;
  /** Cells that read as a table's title (`2021年省为民办实事项目进展情况月报表(11月份)`): a form's name. */
  title: number;
  percent: number;
  figure: number;
  yesNo: number;
  report: number;
  /** Cells that are only a unit of measure (`%`, `亿元`, `人次`): a 单位 column of an indicator table. */
  measure: number;
  /** Cells that are a telephone number, with at most a word or two (`监督电话0535-1234567`): contact details. */
  phone: number;
  /** Cells that are only a class or grade (`A类`, `B类`, `一类`, `甲级`, `预期性`): a classification of the task. */
  grade: number;
  /** Cells that are only a word for how far the task has got (`已完成`, `滞后项目`): a verdict. */
  status: number;
  /** Cells of 20 characters or more. */
  long: number;
  meanLength: number;
}

const PERCENT = /^[-+]?\d+(\.\d+)?\s*[%％]$/;
const FIGURE = /^[-+]?\d+(\.\d+)?\s*(万|亿)?(元|万元|亿元|个|家|人|人次|户|套|座|公里|亩|台|项|所|条|处|辆|张|次)?$/;
// a traffic light (红灯/黄灯/绿灯) is the office's flag on the task's schedule
const YES_NO = /^(是|否|√|×|✓|✗|已达序|未达序|达序|滞后|(亮)?[红黄绿蓝](灯|色)?)$/;
/** A bare figure or percentage (`4385`, `110%`, `12个`): a complete value, as an actual or rate column holds. */
export function isBareValue(cell: string): boolean {
  const c = cell.trim();
  return PERCENT.test(c) || FIGURE.test(c);
}
/**
 * A unit of measure alone (`%`, `亿元`, `万人次`, `个百分点`, a standard per head and period:
 * `元/月/人`): what an indicator table's 单位 column holds.
 */
export const MEASURE =
  /^\s*([%％‰]|个百分点|倍|[万亿千百]?(元|美元|人次|人|户|家|个|公里|千米|米|亩|平方米|平方公里|立方米|公顷|吨|吨标准煤|辆|所|张|套|项|条|座|处|台|件|名|床|间|栋|艘|千瓦|千瓦时|标箱|次|场|批|份|篇|册|宗|起|例|棵|株|只|头|天|个工作日|小时)|元\/人|万元\/亩)\s*$|^\s*元(\/[人户月年亩吨]){1,2}\s*$/;
/**
 * A telephone number, a few words before it at most: with an area code (`0535-8246306`,
 * `(0571)86001234`), a mobile number (`13912345678`), or after a word saying it is one
 * (`监督电话8246306`). A bare figure of seven or eight digits is an amount, not a number to call.
 */
const PHONE_NUMBER = '([(（]0\\d{2,3}[)）]|0\\d{2,3}[-－—])\\d{7,8}|1[3-9]\\d{9}';
export const PHONE_CELL = new RegExp(
  `^([\\u4e00-\\u9fff]{0,6}[：:]?)?(${PHONE_NUMBER})([、,，/]+(${PHONE_NUMBER}|\\d{7,8}))*$|^[\\u4e00-\\u9fff]{0,4}电话[：:]?\\d{7,8}$`,
);
/** A class or grade alone (`A类`, `B类`, `一类`, `甲级`, `Ⅰ类`): what a 目标类型 column holds. */
export const GRADE_CELL = /^([A-Ea-e]|[一二三甲乙丙丁]|[ⅠⅡⅢⅣ])[类级档]$/;
/** Dashes and slashes that fill an empty report cell. */
export const DASH_ONLY = /^[-—–－/／\\、.。\s]*$/;
const REPORT_OPENING = /^(已|完成|累计|目前|截至|截止|今年以来|\d{1,2}(-\d{1,2})?月)/;

/** A cell of organisations that also names their heads (`市民政局 伍泽国`). */
function isUnitsWithPeople(cell: string): boolean {
  if (cell.length > 80 || /[。；;%：:]/.test(cell)) return false;
  const tokens = splitList(cell);
  return tokens.some(isUnitName) && tokens.every((t) => isUnitName(t) || isPersonName(t));
}

export function profileColumn(cells: readonly string[]): ColumnProfile {
  const p: ColumnProfile = {
    rows: cells.length,
    filled: 0,
    changes: 0,
    seq: 0,
    leadingSeq: 0,
    people: 0,
    units: 0,
    deadline: 0,
    heading: 0,
    title: 0,
    percent: 0,
    figure: 0,
    yesNo: 0,
    report: 0,
    measure: 0,
    phone: 0,
    grade: 0,
    status: 0,
    long: 0,
    meanLength: 0,
  };
  let last = '';
  let length = 0;
  for (const raw of cells) {
    // read as the vocabularies are written: without pinyin annotations (`預(yù)計`), traditional
    // characters as simplified (`預計`, `區教育局`)
    const c = simplified(withoutPinyin(raw.trim()).text);
    if (!c || DASH_ONLY.test(c)) continue;
    p.filled++;
    length += c.length;
    const bare = withoutSpaces(c);
    if (bare !== last) p.changes++;
    last = bare;
    if (readNumbering(c)) p.seq++;
    if (leadingSeq(c) !== null) p.leadingSeq++;
    if (isPeopleCell(c)) p.people++;
    else if (isUnitsCell(c) || isUnitsWithPeople(c)) p.units++;
    if (isDeadline(c)) p.deadline++;
    if (isHeading(c)) p.heading++;
    if (looksLikeTitle(c.replace(/\s*[（(][^（）()]*[）)]$/, ''))) p.title++;
    if (PERCENT.test(c)) p.percent++;
    else if (FIGURE.test(c)) p.figure++;
    if (YES_NO.test(c)) p.yesNo++;
    if (progressScore(c) >= 1 || REPORT_OPENING.test(c)) p.report++;
    if (c.length >= 20) p.long++;
    if (MEASURE.test(c)) p.measure++;
    if (PHONE_CELL.test(bare)) p.phone++;
    if (GRADE_CELL.test(bare) || INDICATOR_CLASS_CELL.test(bare)) p.grade++;
    if (isStatusCell(bare)) p.status++;
  }
  p.meanLength = p.filled ? length / p.filled : 0;
  return p;
}
