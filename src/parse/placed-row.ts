// A data row once its cells are placed in the table's columns (slots): what normalise.ts produces
// and tasks.ts and category-prefix.ts read. Its own module, so that those three do not import each
// other in a circle.
/** One data row with its cells placed in slots. */
export interface PlacedRow {
  kind: 'task' | 'heading' | 'continuation';
  seq: number | null;
  /** Text per slot index ('' when the row has nothing there). */
  slotText: string[];
  /** True per slot when the row had no cell for it at all (cells shifted past it). Shared: read only. */
  slotSkipped: readonly boolean[];
  /** True per slot when the text came from a merged cell above (xlsx/docx). Shared: read only. */
  slotMerged: readonly boolean[];
  /** True per slot when a horizontal span from the left covers it (xlsx/docx). Shared: read only. */
  slotCovered: readonly boolean[];
  /** Non-empty cells that fitted no slot (extra columns). */
  extra: readonly string[];
  /** A cell that said `同上` (same as above) was read as blank. */
  sameAsAbove: boolean;
  /** The row is hidden in its workbook. */
  hidden?: boolean;
  /** A wrapped line of a page's text layer (Row.continues): its cells go on without a space. */
  continues?: boolean;
  /** The row had an empty cell too many, so its cells were moved back into their columns. */
  droppedBlank: boolean;
  /**
   * A section row numbered in the 序号 column (`一、 | 公共交通`): `theme`, or `category` for a
   * bracketed number (`（一）`); unset for other heading rows (their level is read from the text).
   */
  sectionLevel?: 'theme' | 'category';
  /**
   * A task numbered inside the name columns (inner-items.ts): the project it is a sub-project of,
   * or null for a project of its own; unset for other rows.
   */
  itemCategory?: string | null;
  /**
   * The same, for the group the 序号 column numbers: the name its first row prints without a number
   * (`1 | 全区经济社会发展的主要预期目标 | (1)地区生产总值增长6%左右`), or null when it prints none.
   */
  itemGroup?: string | null;
}
