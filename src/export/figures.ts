// Showing a normalised figure the way a report writes it: 128.3亿元, 4%, 1.5万亩.
import type { Figure } from './model.js';

const trim = (n: number): string => String(Number(n.toFixed(2)));

export function formatFigure(f: Figure): string {
  if (typeof f.actual === 'string') return f.actual;
  const n = f.actual;
  const unit = f.unit ?? '';
  let text: string;
  if (unit === '%') text = `${trim(n)}%`;
  else if (Math.abs(n) >= 1e8) text = `${trim(n / 1e8)}亿${unit}`;
  else if (Math.abs(n) >= 1e4 && unit !== '') text = `${trim(n / 1e4)}万${unit}`;
  else text = `${trim(n)}${unit}`;
  return f.period ? `${text}（${f.period}）` : text;
}

/** Figures of this period that the previous period did not report with the same value. */
export function newFigures(current: readonly Figure[], previous: readonly Figure[]): Figure[] {
  const seen = new Set(previous.map((f) => `${f.metric}\u0000${f.actual}\u0000${f.unit ?? ''}`));
  return current.filter((f) => !seen.has(`${f.metric}\u0000${f.actual}\u0000${f.unit ?? ''}`));
}
