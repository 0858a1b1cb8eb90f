// Some tables print who answers for a task inside the task's own cell, after a label
// (`…压减一般性支出15%以上。责任单位:市政府办公室、市财政局`), and have no units column. The
// label ends the target: the names after it are the task's units, not part of what is to be done.
import { LEAD_LABEL_IN_TEXT } from './duty-labels.js';

/** The target without a trailing units label, and the text after the label; null when there is none. */
export function unitsInTarget(target: string): { target: string; unitsText: string } | null {
  const m = LEAD_LABEL_IN_TEXT.exec(target);
  if (!m) return null;
  const before = target.slice(0, m.index + (/[。；;]/.test(m[0][0]) ? 1 : 0)).trimEnd();
  const after = target
    .slice(m.index + m[0].length)
    .replace(/[）)]\s*$/, '')
    .trim();
  // a label opening the cell names no task; a long text after it is more of the task
  if (!before || !after || after.length > 120 || /\d/.test(after)) return null;
  return { target: before, unitsText: after };
}
