// Items numbered inside the name columns, under a grouping number in the 序号 column. Some tables
// number their groups in 序号 (`一`, `二`: one per lead unit) and their projects inside the
// 项目名称 columns (`（一）…` projects, `1.…` sub-projects), one row per project:
//
//   一 | 区住建局 | （一）道路畅通工程 | 1.文化路 | 已完工
//      |          |                    | 2.新城路 | 已完工
//   二 | 区城管局 | （一）燃气安全改造 |          | 已完工
//
// Each leaf project is a task numbered by its own number; a project that has sub-projects is their
// category; the group's name (a name cell of its row without a number) is their theme; the group
// row's cells that its rows leave blank (the lead unit) carry down as usual. Groups numbered like
// their items (`1 | 主要目标 | 1.…`, then ` | | 2.…`) read so only when each item row has cells of
// its own (a leader, a unit), as a task's row does and the rows of one task's numbered points don't.
import type { SlotKind } from './align.js';
import type { Layout } from './layout.js';
import type { PlacedRow } from './placed-row.js';

/** How an item's number is printed: `（一）`, `一、`, `（1）`, `1.`, `①`. */
type ItemStyle = 'paren-cn' | 'cn' | 'paren-ar' | 'ar' | 'circled';

const CN = '[一二三四五六七八九十]{1,3}';
const CN_VALUE: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function cnValue(s: string): number {
  const ten = s.indexOf('十');
  if (ten < 0) return CN_VALUE[s] ?? 0;
  return (ten === 0 ? 1 : (CN_VALUE[s[0]] ?? 0)) * 10 + (CN_VALUE[s.slice(ten + 1)] ?? 0);
}

const ITEM_PATTERNS: ReadonlyArray<[ItemStyle, RegExp, (m: string) => number]> = [
  ['paren-cn', new RegExp(`^[（(](${CN})[）)]`), cnValue],
  ['cn', new RegExp(`^(${CN})[、.．]`), cnValue],
  ['paren-ar', /^[（(](\d{1,3})[）)]/, Number],
  ['ar', /^(\d{1,3})[.、．](?![\d%])/, Number],
];

/** The number an item's text opens with and how it is printed; null when the text opens with none. */
export function itemNumber(text: string): { seq: number; style: ItemStyle } | null {
  const s = text.trimStart();
  for (const [style, re, value] of ITEM_PATTERNS) {
    const m = re.exec(s);
    // the number must name something: text follows it
    if (m && s.length > m[0].length) {
      const seq = value(m[1]);
      return seq > 0 ? { seq, style } : null;
    }
  }
  const c = s.charCodeAt(0);
  return c >= 0x2460 && c < 0x2474 && s.length > 1 ? { seq: c - 0x2460 + 1, style: 'circled' } : null;
}

/** The style a 序号 cell prints its number in (`一` alone reads as `一、`). */
function seqCellStyle(cell: string): ItemStyle | null {
  const s = cell.replace(/\s+/g, '');
  return itemNumber(/[、.．)）]$/.test(s) ? `${s}项` : `${s}、项`)?.style ?? null;
}

const NAME_SLOTS: ReadonlySet<SlotKind> = new Set(['target', 'heading']);
const REPORT_SLOTS: ReadonlySet<SlotKind> = new Set(['progress', 'actual', 'rate', 'flag', 'remarks']);

interface Item {
  text: string;
  seq: number;
  style: ItemStyle;
}

/** The numbered texts of a row's name columns, left to right. */
function itemsOf(row: PlacedRow, nameSlots: readonly number[]): Item[] {
  const out: Item[] = [];
  for (const i of nameSlots) {
    const text = row.slotText[i];
    const n = text ? itemNumber(text) : null;
    if (n) out.push({ text, ...n });
  }
  return out;
}

/**
 * True when most unnumbered rows holding an item also hold text of their own (not a merged cell's
 * copy) outside the name columns: each is a task's record, where the rows of one task's numbered
 * points would leave those cells to the task's first row.
 */
function looseRowsStandAlone(
  placed: readonly PlacedRow[],
  loose: readonly number[],
  layout: Layout,
  nameSlots: readonly number[],
): boolean {
  const otherSlots = layout.slots.flatMap((s, i) => (NAME_SLOTS.has(s) ? [] : [i]));
  const itemRows = loose.filter((i) => itemsOf(placed[i], nameSlots).length > 0);
  const ownCells = itemRows.filter((i) => otherSlots.some((s) => placed[i].slotText[s] && !placed[i].slotMerged[s]));
  return itemRows.length > 0 && ownCells.length >= 0.8 * itemRows.length;
}

/**
 * Rewrites the rows of a table whose tasks are numbered inside its name columns under grouping
 * numbers in 序号: each row holding a leaf item becomes that item's task (its number, its text as
 * the target, the parent project as `itemCategory`). Returns the rows unchanged for any other table.
 * `seqCells` holds each placed row's 序号 cell text, `seqMerged` whether it is a merged cell's copy.
 */
export function readInnerItems(
  placed: PlacedRow[],
  layout: Layout,
  seqCells: readonly string[],
  seqMerged: readonly boolean[],
): boolean {
  if (layout.seqColumn === null) return false;
  const nameSlots = layout.slots.flatMap((s, i) => (NAME_SLOTS.has(s) ? [i] : []));
  if (nameSlots.length === 0) return false;
  const body = placed.flatMap((r, i) => (r.kind === 'heading' ? [] : [i]));
  // a 序号 cell merged down over the group's rows (xlsx, docx) numbers only its first row
  const opensGroup = body.map((i) => placed[i].seq !== null && !seqMerged[i]);
  const grouped = body.filter((_, k) => opensGroup[k]);
  const loose = body.filter((_, k) => !opensGroup[k]);
  if (grouped.length === 0 || loose.length < grouped.length) return false;
  const items = body.map((i) => itemsOf(placed[i], nameSlots));
  const withItems = items.filter((x) => x.length > 0).length;
  // every group row opens with an item or only heads its group (no report of its own), and most
  // other rows hold an item of their own
  const reportSlots = layout.slots.flatMap((s, i) => (REPORT_SLOTS.has(s) ? [i] : []));
  const headsOnly = (row: PlacedRow) => reportSlots.every((s) => !row.slotText[s]);
  if (grouped.some((i) => itemsOf(placed[i], nameSlots).length === 0 && !headsOnly(placed[i]))) return false;
  if (loose.filter((i) => itemsOf(placed[i], nameSlots).length > 0).length < 0.8 * loose.length) return false;
  if (withItems <= grouped.length) return false;
  // the 序号 numbers groups: printed in another style than the items under them, or in the same
  // style (`1 | 1.…`, then `  | 2.…`) when the unnumbered item rows are records of their own (their
  // own leader, unit or report cells), not the numbered points of one task's target going on
  const groupStyles = new Set(grouped.map((i) => seqCellStyle(seqCells[i])));
  const sameStyle = items.some((x) => x.some((it) => groupStyles.has(it.style)));
  if (sameStyle && !looseRowsStandAlone(placed, loose, layout, nameSlots)) return false;

  const firstTarget = layout.slots.indexOf('target');
  const into = firstTarget >= 0 ? firstTarget : nameSlots[0];
  let parent: Item | null = null;
  let group: string | null = null;
  // a group named in a column of headings (`1 | 主要预期目标 | 1.…`) keeps its name there on its
  // first task's row: the headings read it as they read any (a theme, or a category under section
  // rows) and it carries down; its items then add no level of their own
  const namedHeading = (row: PlacedRow, s: number) =>
    layout.slots[s] === 'heading' && row.slotText[s] !== '' && !itemNumber(row.slotText[s]);
  let headingNamesGroup = false;
  for (let k = 0; k < body.length; k++) {
    const row = placed[body[k]];
    const opens = opensGroup[k];
    if (opens) {
      // a new group, named by the text its row prints in a name column without a number
      parent = null;
      group = nameSlots.map((s) => row.slotText[s]).find((t) => t && !itemNumber(t)) ?? null;
      headingNamesGroup = false;
    }
    row.itemGroup = group;
    const found = itemsOf(row, nameSlots);
    if (found.length === 0) {
      // a group's own row (its lead unit, a count of its projects) heads the rows under it: no task
      if (opens) row.slotText = row.slotText.map((t, s) => (NAME_SLOTS.has(layout.slots[s]) ? '' : t));
      continue;
    }
    const leaf = found[found.length - 1];
    if (found.length >= 2) parent = found[found.length - 2];
    else if (!parent || parent.style === leaf.style) parent = null;
    const category = parent && parent !== leaf ? parent.text : null;
    row.kind = 'task';
    row.seq = leaf.seq;
    if (opens) headingNamesGroup = nameSlots.some((s) => namedHeading(row, s));
    row.slotText = row.slotText.map((t, s) =>
      NAME_SLOTS.has(layout.slots[s]) && !(opens && namedHeading(row, s)) ? '' : t,
    );
    row.slotText[into] = leaf.text;
    if (category || !headingNamesGroup) row.itemCategory = category;
    // a project without sub-projects (yet) may be the parent of the rows after it
    if (!category) parent = leaf;
  }
  return true;
}
