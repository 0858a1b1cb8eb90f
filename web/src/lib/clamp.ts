// Cutting text after a number of lines with an ellipsis: the phone cards show a target or a report
// in a few lines and the whole on the task page (or on 展开全文).
import type { CSSProperties } from 'react';

/** At most `lines` lines of text, then an ellipsis. */
export const clamp = (lines: number): CSSProperties => ({
  display: '-webkit-box',
  WebkitLineClamp: lines,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
  wordBreak: 'break-word',
});
