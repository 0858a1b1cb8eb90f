// The fixture tables with gold labels that the real-table tests read: the 16 real tables of other
// offices and the blind hold-outs, no longer unseen (each set collected and labelled by people who
// never ran duban, scored once blind, then used to correct the rules).
import { readdirSync } from 'node:fs';

export const HOLDOUT_DIRS: readonly string[] = [
  'holdout',
  'holdout2',
  'holdout3',
  'holdout4',
  'holdout5',
  'holdout6',
  'holdout7',
  'holdout8',
  'holdout9',
  'holdout10',
  'holdout11',
  'holdout12',
  'holdout13',
  'holdout14',
  'holdout15',
  'holdout16',
  'holdout17',
  'holdout18',
  'holdout19',
];

export interface GoldTable {
  /** The fixture folder. */
  at: URL;
  /** The file name without `.txt` / `.gold.json`. */
  stem: string;
}

/** The gold-labelled tables of the named fixture folders in name order, those in `leaveOut` excepted. */
export function goldTablesIn(dirs: readonly string[], leaveOut: ReadonlySet<string> = new Set()): GoldTable[] {
  return dirs.flatMap((d) => {
    const at = new URL(`../fixtures/${d}/`, import.meta.url);
    return readdirSync(at)
      .filter((f) => f.endsWith('.gold.json'))
      .map((f) => ({ at, stem: f.replace(/\.gold\.json$/, '') }))
      .filter((t) => !leaveOut.has(t.stem))
      .sort((a, b) => a.stem.localeCompare(b.stem));
  });
}
