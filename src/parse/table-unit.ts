// A line under a table's title naming the unit its figures are in (`单位：万元`, `单位:个、亿元`,
// `计量单位：亿元、%`). The figures then stand bare in their cells; the unit belongs to the columns
// of amounts. Where the line lists several, a count (`个`) goes to a column counting (`项目个数`),
// the money to a column of money (`完成投资额`), and a percentage to none.

const UNIT_LINE = /^(?:计量)?单位[:：]\s*([^\s:：]{1,16})$/;
/** A unit of measure, with its multiplier (`万元`, `亿元`, `万人`, `公里`), not an organisation. */
const MEASURE =
  /^(?:万|亿|千|百)?(?:元|美元|人次|人|户|个|家|项|座|所|公里|米|平方米|亩|公顷|吨|辆|套|条|处|间|张|台|件|场|次|床|栋|幢|千瓦时|千瓦|标箱)$/;
const MONEY_UNIT = /元$/;
const MONEY_HEADER = /投资|资金|金额|额|收入|产值|总值|元/;
const COUNT_HEADER = /个?数$|数量/;

/** The units a title line names, or null when the line is no unit line. */
export function unitsOfLine(line: string): string[] | null {
  const m = UNIT_LINE.exec(line.trim());
  if (!m) return null;
  const units = m[1].split(/[、,，/]/).filter((u) => u && !/^[%％]$/.test(u));
  return units.length > 0 && units.every((u) => MEASURE.test(u)) ? units : null;
}

/** The unit a column of amounts under `header` is in, of those the unit line names; null when unclear. */
export function unitForHeader(units: readonly string[], header: string): string | null {
  if (/[（(][^（）()]*[）)]\s*$/.test(header)) return null; // the header names its own unit
  if (units.length === 1) return units[0];
  const money = units.filter((u) => MONEY_UNIT.test(u));
  const counts = units.filter((u) => !MONEY_UNIT.test(u));
  if (MONEY_HEADER.test(header) && money.length === 1) return money[0];
  if (COUNT_HEADER.test(header) && counts.length === 1) return counts[0];
  return null;
}
