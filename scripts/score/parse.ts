// Scores parsed tasks against a gold file: theme, category, target, leaders (as a set),
// units (as a set) and progress, field by field after removing white space. Fields a gold
// task lists in `uncertain` are skipped; a task missing from the parse counts all its fields wrong.
// Gold and read tasks pair by number and occurrence (numbers restart in some tables: pair.ts).
import type { Task } from '../../src/domain/index.js';
import { pairBySeq } from './pair.js';

/** One labelled task of a `*.gold.json` file (assessment fields are ignored here). */
export interface GoldTask {
  seq: number;
  theme: string | null;
  category: string | null;
  target: string;
  leaders: string[];
  units: string[];
  progress: string;
  uncertain?: string[];
  [extra: string]: unknown;
}

export const SCORED_FIELDS = ['theme', 'category', 'target', 'leaders', 'units', 'progress'] as const;
type ScoredField = (typeof SCORED_FIELDS)[number];

export interface ParseScore {
  /** Gold tasks, and how many of them the parse has a task for. */
  expected: number;
  found: number;
  fields: number;
  right: number;
  rate: number;
  misses: Array<{ seq: number; field: string; expected: unknown; got: unknown }>;
}

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');
const asSet = (xs: readonly string[] | null | undefined) => [...new Set((xs ?? []).map(squash).filter(Boolean))].sort();

function equalField(field: ScoredField, gold: GoldTask, got: Task): boolean {
  if (field === 'leaders' || field === 'units') {
    return JSON.stringify(asSet(gold[field])) === JSON.stringify(asSet(got[field]));
  }
  return squash(gold[field]) === squash(got[field]);
}

export function scoreParse(gold: GoldTask[], tasks: Task[]): ParseScore {
  let fields = 0;
  let right = 0;
  let found = 0;
  const misses: ParseScore['misses'] = [];
  for (const [g, got] of pairBySeq(gold, tasks)) {
    if (got) found++;
    for (const field of SCORED_FIELDS) {
      if (g.uncertain?.includes(field)) continue;
      fields++;
      if (got && equalField(field, g, got)) right++;
      else misses.push({ seq: g.seq, field, expected: g[field], got: got ? got[field] : undefined });
    }
  }
  return { expected: gold.length, found, fields, right, rate: fields === 0 ? 1 : right / fields, misses };
}
