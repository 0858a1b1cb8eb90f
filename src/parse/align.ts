// Puts the cells of one row back into their columns. Extracted and hand-made tables shift
// cells: a missing leader moves the unit into the leaders column and the progress into the
// units column; a category stands where the theme should be. Position alone cannot say
// which column a cell belongs to, content alone cannot either; this module weighs both.
//
// The row is aligned to the header's column slots in order (a small dynamic programme, like
// aligning two sequences): each cell goes to one slot, slots may be skipped (the row lost a
// cell), blank cells may be dropped (the row has an extra empty cell). Scores say how well a
// cell's content fits a slot; the best total wins.
import {
  isDeadline,
  isHeading,
  isPeopleCell,
  isUnitsCell,
  looksLikeTheme,
  progressScore,
  withoutClosingStop,
} from './classify.js';

/**
 * What a slot holds. `heading` is one level of 重点工作任务 (theme or category); `actual`, `rate`,
 * `flag` and `remarks` are parts of a report split over several columns.
 */
export type SlotKind =
  | 'heading'
  | 'target'
  | 'leaders'
  | 'units'
  | 'co_units'
  | 'progress'
  | 'actual'
  | 'rate'
  | 'flag'
  | 'remarks'
  | 'deadline'
  | 'notes'
  | 'other';

export type CellKind = 'blank' | 'people' | 'units' | 'deadline' | 'heading' | 'prose';

/**
 * What the alignment needs to know about one cell: its kind, how much it reads like progress,
 * and whether a heading is too long to be one (see `affinity`). Packed into `code` so a row's
 * cells make a short key (see `alignRow`).
 */
interface CellFeatures {
  kind: CellKind;
  progress: number;
  longNonTheme: boolean;
  code: number;
}

const KIND_CODE: Record<CellKind, number> = { blank: 0, people: 1, units: 2, deadline: 3, heading: 4, prose: 5 };
const BLANK: CellFeatures = { kind: 'blank', progress: 0, longNonTheme: false, code: 0 };

// Short cells (names, units, headings, deadlines) repeat down a table and across its pages;
// classify each distinct one once. Long cells (targets, progress) rarely repeat and are not kept.
const SHORT_CELL = 60;
const CACHE_LIMIT = 20_000;
const featureCache = new Map<string, CellFeatures>();

function featuresOf(text: string): CellFeatures {
  if (!text) return BLANK;
  if (text.length > SHORT_CELL) return computeFeatures(text);
  let f = featureCache.get(text);
  if (f === undefined) {
    if (featureCache.size > CACHE_LIMIT) featureCache.clear();
    f = computeFeatures(text);
    featureCache.set(text, f);
  }
  return f;
}

function computeFeatures(text: string): CellFeatures {
  const kind = classify(text);
  const progress = kind === 'prose' || kind === 'heading' ? progressScore(text) : 0;
  // Long headings are themes written as clause series; anything else that long is a target.
  const longNonTheme = kind === 'heading' && text.length > 24 && !looksLikeTheme(text);
  return { kind, progress, longNonTheme, code: KIND_CODE[kind] * 16 + progress * 2 + (longNonTheme ? 1 : 0) };
}

/** Classifies one cell by content alone. */
export function kindOfCell(text: string): CellKind {
  return featuresOf(text).kind;
}

function classify(text: string): CellKind {
  // Lists of people or units never run this long or hold a full stop inside (one closing the
  // cell, `市民政局。`, is how some offices end every cell); skip the token checks.
  if (text.length > 300 || withoutClosingStop(text).includes('。')) return 'prose';
  if (isPeopleCell(text)) return 'people';
  if (isUnitsCell(text)) return 'units';
  if (isDeadline(text)) return 'deadline';
  if (isHeading(text) || isFormTitle(text)) return 'heading';
  return 'prose';
}

/**
 * A form's title standing in a cell (`2021年市为民办实事项目进展情况月报表(11月份)`, forms transposed
 * into a table): it groups tasks like a heading, though it holds a year.
 */
function isFormTitle(text: string): boolean {
  if (text.length > 80 || !/^\d{4}年/.test(text)) return false;
  return /^\d{4}年\S{4,60}(表|清单|台账)$/.test(text.replace(/\s*[（(][^（）()]*[）)]$/, ''));
}

const IMPOSSIBLE = -1e6;

/**
 * How well a cell fits a slot. The table is the rule book: a person list belongs in the
 * leaders column, organisations in the units columns, progress-sounding prose in progress.
 */
function affinity(cell: CellFeatures, slot: SlotKind): number {
  const { kind, progress: ps } = cell;
  if (kind === 'blank') return slot === 'target' ? -1 : 0;
  switch (slot) {
    case 'heading': {
      if (kind !== 'heading') return kind === 'prose' ? -3 : -4;
      if (cell.longNonTheme) return -1;
      return 0.5 - ps;
    }
    case 'target':
      if (kind === 'people' || kind === 'units') return -3;
      if (kind === 'deadline') return -2;
      return 1 - 0.5 * ps;
    case 'leaders':
      // a short phrase no name list reads as (`待定`, `区委办公室主任`, a name in Latin letters) may still
      // be what the office wrote for the leader: it costs less than prose or a unit, so a full row
      // is not shifted around it
      return kind === 'people' ? 4 : kind === 'units' ? -6 : kind === 'heading' ? -2 : -6;
    case 'units':
    case 'co_units':
      // An unfamiliar short name (`医药港`) may still be a unit; prose never is, nor a short
      // cell in a report's words (`待省统一部署后启动实施`).
      return kind === 'units' ? 4 : kind === 'people' ? -3 : kind === 'heading' ? -1 - 2 * ps : -6;
    case 'progress':
      if (kind === 'people') return -5;
      if (kind === 'units') return -4;
      if (kind === 'deadline') return -2;
      return (kind === 'heading' ? 0 : 1) + 0.5 * ps;
    case 'deadline':
      return kind === 'deadline' ? 4 : -3;
    case 'notes':
    case 'actual':
    case 'rate':
    case 'flag':
    case 'remarks':
      return kind === 'people' || kind === 'units' ? -1 : 0;
    case 'other':
      return 0;
  }
  return IMPOSSIBLE;
}

/** Cost of a slot the row has no cell for (the cells after it shifted left). */
function skipCost(slot: SlotKind, slotIndex: number, slots: readonly SlotKind[]): number {
  if (slot === 'heading') {
    // With one heading cell, prefer the first heading slot (a theme column) over the second.
    return slotIndex > 0 && slots[slotIndex - 1] === 'heading' ? 0 : -0.01;
  }
  if (slot === 'target') return -3;
  return -1;
}

const DROP_BLANK = -0.6;
/** The extra cost of skipping a slot in a row that fills every column (see `solve`). */
const FULL_ROW_SKIP = -2;
/**
 * A cell in its own header's column: kept there unless its content clearly belongs elsewhere. Most
 * extracted rows keep their cells in place; a shift needs a missing or an extra cell to explain it.
 */
const IN_PLACE = 0.75;
const DROP_CONTENT = -8;

/** The slot each cell went to (-1: dropped). */
export interface Alignment {
  slotOfCell: number[];
  score: number;
}

/** An alignment solved once for every row of its pattern, shared by them: read it, never change it. */
export interface SharedAlignment {
  readonly slotOfCell: readonly number[];
  readonly score: number;
  /** Per slot: no cell went there although later cells did (the row's cells shifted past it). */
  readonly skipped: readonly boolean[];
}

const SLOT_CODE: Record<SlotKind, string> = {
  heading: 'h',
  target: 't',
  leaders: 'l',
  units: 'u',
  co_units: 'c',
  progress: 'p',
  deadline: 'd',
  notes: 'n',
  actual: 'a',
  rate: 'r',
  flag: 'f',
  remarks: 'm',
  other: 'o',
};

// The alignment depends only on the slots and on each cell's features, and a table's rows
// fall into few such patterns (a task row, a row with merged blanks, a shifted row …):
// solve each pattern once.
const alignmentCache = new Map<string, SharedAlignment>();

/**
 * Aligns cells to slots in order. Trailing slots with no cells left cost nothing (a row
 * that simply ends early); everything else is scored as above.
 */
export function alignRow(
  cells: readonly string[],
  slots: readonly SlotKind[],
  slotCells?: readonly number[],
): Alignment {
  const shared = alignRowShared(cells, slots, slotCells);
  return { slotOfCell: shared.slotOfCell.slice(), score: shared.score };
}

/** alignRow without the copy, for the normaliser, which only reads the answer. */
export function alignRowShared(
  cells: readonly string[],
  slots: readonly SlotKind[],
  slotCells?: readonly number[],
): SharedAlignment {
  const features = new Array<CellFeatures>(cells.length);
  let key = '';
  for (let j = 0; j < slots.length; j++) key += SLOT_CODE[slots[j]];
  if (slotCells) for (let j = 0; j < slotCells.length; j++) key += String.fromCharCode(48 + slotCells[j]);
  key += ':';
  for (let i = 0; i < cells.length; i++) {
    features[i] = featuresOf(cells[i]);
    key += String.fromCharCode(48 + features[i].code);
  }
  let found = alignmentCache.get(key);
  if (found === undefined) {
    if (alignmentCache.size > CACHE_LIMIT) alignmentCache.clear();
    found = solve(features, slots, slotCells);
    alignmentCache.set(key, found);
  }
  return found;
}

/** The dynamic programme: best[i][j] = best score with i cells placed and j slots passed. */
function solve(
  cells: readonly CellFeatures[],
  slots: readonly SlotKind[],
  slotCells?: readonly number[],
): SharedAlignment {
  const n = cells.length;
  const m = slots.length;
  const W = m + 1;
  // A second target column (a target spread over two) is often blank; only the first must hold text.
  const fit = slots.map((slot, j) => (slot === 'target' && slots.indexOf('target') < j ? 'other' : slot));
  // A row with a filled cell under every header column lost no cell: a reading that skips a column
  // must also split one, two guesses at once, so it costs more
  const fullRow = slotCells !== undefined && cells.every((c) => c.kind !== 'blank') && n === new Set(slotCells).size;
  const best = new Float64Array((n + 1) * W).fill(-Infinity);
  // 0 assign, 1 skip slot, 2 drop cell
  const move = new Uint8Array((n + 1) * W);
  best[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = best[i * W + j];
      if (here === -Infinity) continue;
      if (i < n && j < m) {
        const fits = cells[i].kind === 'blank' ? affinity(cells[i], fit[j]) : affinity(cells[i], slots[j]);
        const v = here + fits + (slotCells?.[j] === i ? IN_PLACE : 0);
        const k = (i + 1) * W + j + 1;
        if (v > best[k]) {
          best[k] = v;
          move[k] = 0;
        }
      }
      if (j < m) {
        const skip = i === n ? 0 : skipCost(slots[j], j, slots);
        const v = here + (fullRow && skip < -0.5 ? skip + FULL_ROW_SKIP : skip);
        const k = i * W + j + 1;
        if (v > best[k]) {
          best[k] = v;
          move[k] = 1;
        }
      }
      if (i < n) {
        const v = here + (cells[i].kind === 'blank' ? DROP_BLANK : DROP_CONTENT);
        const k = (i + 1) * W + j;
        if (v > best[k]) {
          best[k] = v;
          move[k] = 2;
        }
      }
    }
  }
  const slotOfCell = new Array<number>(n).fill(-1);
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const mv = move[i * W + j];
    if (mv === 0) {
      slotOfCell[i - 1] = j - 1;
      i--;
      j--;
    } else if (mv === 1) j--;
    else i--;
  }
  // Slots after the row's last cell were not skipped over; the row just ended.
  const lastUsed = Math.max(-1, ...slotOfCell);
  const skipped = slots.map((_, slot) => slot < lastUsed && !slotOfCell.includes(slot));
  return { slotOfCell, score: best[n * W + m], skipped };
}
