// The one shape every format converter produces: rows of cell texts, in reading order.

export interface Row {
  cells: string[];
  /**
   * Per cell: true when the text was copied down from a vertically merged cell (xlsx merge,
   * docx vMerge) rather than written in this row. Absent for text input.
   */
  mergedFromAbove?: boolean[];
  /**
   * Per cell: true when the cell is covered by a horizontal span starting to its left (xlsx
   * merge, docx gridSpan): blank by layout, not "same as above". A theme spread over both
   * 重点工作任务 columns says the task has no category. Absent for text input.
   */
  coveredFromLeft?: boolean[];
  /** The row is hidden in its workbook (a filter, or hidden by hand): read, and said to be. */
  hidden?: boolean;
  /**
   * The line was placed under the columns of the line above it (a wrapped line of a page's text
   * layer, indented, with fewer cells): it goes on with that row, whatever its words look like
   * (`（确保` is no heading there).
   */
  continues?: boolean;
}

/** One table as a format converter returns it, before headers and tasks are found. */
export interface RawTable {
  format: 'text' | 'html' | 'xlsx' | 'xls' | 'xml' | 'docx' | 'doc';
  rows: Row[];
  /** Columns (0-based) hidden in the workbook: read like the others, and named in a warning. */
  hiddenColumns?: readonly number[];
  /** The text had one cell per line, put back into rows this many columns wide: said in a warning. */
  cellLines?: number;
}
