// A category stuck to the front of a target: `增强区域一体化发展能级 推动重点区域联通，…`.
// When a merged category cell is extracted from a printed table, its text can land in the
// same line as the target beside it. Split it off only with evidence that the prefix is a
// heading of this table: it stands alone as a heading somewhere, or starts a neighbour's target too.
import { isHeading, withoutSpaces } from './classify.js';
import type { Layout } from './layout.js';
import type { PlacedRow } from './placed-row.js';

const PREFIX = /^([^\s，,。；;、\d]{4,20})\s+(\S[\s\S]{5,})$/;

export interface CategorySplit {
  category: string;
  target: string;
}

/** Row index → the split, for task rows whose target begins with a known heading. */
export function splitCategoryPrefix(
  rows: readonly PlacedRow[],
  layout: Layout,
  _format: string,
): Map<number, CategorySplit> {
  const targetSlot = layout.slots.indexOf('target');
  const headingSlots = layout.slots.flatMap((s, i) => (s === 'heading' ? [i] : []));
  const known = new Set<string>();
  for (const r of rows) {
    for (const i of headingSlots) if (r.slotText[i]) known.add(withoutSpaces(r.slotText[i]));
    if (r.kind === 'heading') known.add(withoutSpaces(r.slotText.find(Boolean) ?? ''));
    // A target that is only a short heading (the category cell shifted into the target column).
    const t = r.slotText[targetSlot] ?? '';
    if (t && isHeading(t) && t.length <= 20 && !/[，,、]/.test(t)) known.add(withoutSpaces(t));
  }
  const candidate = (i: number): CategorySplit | null => {
    const r = rows[i];
    if (!r || r.kind !== 'task' || targetSlot < 0) return null;
    const m = PREFIX.exec(r.slotText[targetSlot] ?? '');
    if (!m || !isHeading(m[1])) return null;
    return { category: m[1], target: m[2].trim() };
  };
  // Each row is asked about three times (as itself and as both neighbours): read it once.
  const candidates = rows.map((_, i) => candidate(i));
  const out = new Map<number, CategorySplit>();
  candidates.forEach((c, i) => {
    if (!c) return;
    const neighbour = candidates[i - 1]?.category === c.category || candidates[i + 1]?.category === c.category;
    if (neighbour || known.has(c.category)) out.set(i, c);
  });
  return out;
}
