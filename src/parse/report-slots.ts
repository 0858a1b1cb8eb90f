// The slots of a layout that hold part of a task's report, and the role each gives its part
// (progress_parts): shared by the rows → tasks step and the reading of unnumbered rows.
import type { ProgressPartRole } from '../domain/index.js';
import type { SlotKind } from './align.js';

/** Slots that hold part of the report, and the role each gives its part. */
export const REPORT_SLOTS: Partial<Record<SlotKind, ProgressPartRole>> = {
  progress: 'progress',
  actual: 'actual',
  rate: 'rate',
  flag: 'flag',
  remarks: 'remarks',
};
