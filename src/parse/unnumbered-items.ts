// Unnumbered rows that are tasks of their own: a sibling item under the number above (its own
// name and figures, its own report, its own people under the project's merged heading), or an
// item whose number the extraction lost. Any other unnumbered row goes on the task above.
import type { SlotKind } from './align.js';
import { isBareValue } from './column-profile.js';
import { leadingSeq } from './numbering.js';
import type { PlacedRow } from './placed-row.js';
import { REPORT_SLOTS } from './report-slots.js';

/**
 * An unnumbered row that is an item of its own under the number above (`1 | 新增4000张养老床位 |
 * 4385 | 110%` then ` | 新增800张养老护理床位 | 810 | 101%`): it fills the column that names the
 * item, as the numbered row does, and its figure and rate columns hold complete values where the
 * numbered row has values too. A cell broken across a page leaves the name column blank (a second
 * target under the same project name) or goes on in words, not in a bare figure of its own.
 */
export function isSiblingItem(row: PlacedRow, above: PlacedRow | null, slots: readonly SlotKind[]): boolean {
  if (!above) return false;
  const name = slots.indexOf('target');
  if (name < 0 || !row.slotText[name] || !above.slotText[name]) return false;
  if (/^[，,、；;：:）)。.]/.test(row.slotText[name])) return false;
  if (hasOwnReport(row, above, slots)) return row.extra.length === 0;
  if (ownItemUnderHeading(row, above, slots)) return true;
  let values = 0;
  for (let i = 0; i < slots.length; i++) {
    const role = REPORT_SLOTS[slots[i]];
    if (!role || !row.slotText[i]) continue;
    if (role !== 'actual' && role !== 'rate') return false;
    if (!isBareValue(row.slotText[i]) || !above.slotText[i]) return false;
    values++;
  }
  return values > 0 && row.extra.length === 0;
}

/**
 * A sub-item of a numbered project under its merged heading cell (`1 | 教育设施 | 新建…学校 | 储杨洋 |
 * 教育局 | …` then ` | | 打造最美上学路9条 | 金昕 | 街道 | …`): its own target, its people or
 * unit written again and its own report, the project's heading left blank above it. A row going
 * on after a page break does not name the people who answer for it.
 */
function ownItemUnderHeading(row: PlacedRow, above: PlacedRow, slots: readonly SlotKind[]): boolean {
  if (row.extra.length > 0) return false;
  const headings = slots.flatMap((s, i) => (s === 'heading' ? [i] : []));
  if (!headings.some((i) => above.slotText[i]) || headings.some((i) => row.slotText[i])) return false;
  const filled = (kind: SlotKind) => slots.some((s, i) => s === kind && row.slotText[i]);
  const report = slots.some((s, i) => REPORT_SLOTS[s] && row.slotText[i]);
  return filled('target') && (filled('units') || filled('leaders')) && report;
}

/**
 * An unnumbered row shaped like a task row, with a lead unit of its own (`⑤ | 推动… | 市市场监管局 |
 * 进展偏慢` then ` | 新增跨境电商产值10亿元以上 | 市商务局 | 进展偏慢`): an item whose number the
 * extraction lost. A row going on after a page break fills fewer columns, and the rows of one task
 * split by unit share its target.
 */
export function lostNumber(row: PlacedRow, above: PlacedRow | null, slots: readonly SlotKind[]): boolean {
  if (!above || row.extra.length > 0) return false;
  const name = slots.indexOf('target');
  const units = slots.indexOf('units');
  const report = slots.indexOf('progress');
  if (name < 0 || units < 0 || report < 0) return false;
  if (!row.slotText[name] || !row.slotText[units] || !row.slotText[report]) return false;
  if (row.slotText[units] === above.slotText[units] || /^[，,、；;：:）)。.]/.test(row.slotText[name])) return false;
  for (let i = 0; i < slots.length; i++) if (!row.slotText[i] !== !above.slotText[i]) return false;
  return true;
}

/**
 * A sub-item's own written report (`已全部完成。` under the item's first line, which has its own):
 * the row names an item with its own figure (`新增托位525个`) and reports on it in whole sentences
 * where the numbered row reports too. A report broken by a page goes on mid-sentence instead.
 */
function hasOwnReport(row: PlacedRow, above: PlacedRow, slots: readonly SlotKind[]): boolean {
  const name = slots.indexOf('target');
  // a list inside one task's target goes on (`1.新建…；` then `2.改造…`): no item of its own
  if (!/\d/.test(row.slotText[name]) || leadingSeq(row.slotText[name]) !== null) return false;
  if (/[；;，,、：:]$/.test(above.slotText[name])) return false;
  const report = slots.indexOf('progress');
  if (report < 0) return false;
  // both reports whole: a report broken by a page stops mid-sentence above and goes on below
  const whole = (text: string) => /^[\u4e00-\u9fff]/.test(text) && /[。.！]$/.test(text);
  return whole(above.slotText[report]) && whole(row.slotText[report]);
}
