// Every fixture table with tabs and a gold file (the seed, the 16 real tables, the hold-outs): the
// tables the variant scripts write again in another form (scripts/cell-lines-variants.ts,
// scripts/markup-variants.ts).
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface LabelledTable {
  /** The table's text file and its gold file, as paths. */
  text: string;
  gold: string;
  /** The text file's name (`29-砀山县-2023-1-6月.txt`). */
  file: string;
}

export function labelledTables(): LabelledTable[] {
  const fixtures = resolve(import.meta.dirname, '../test/fixtures');
  const dirs = [
    fixtures,
    join(fixtures, 'real'),
    ...readdirSync(fixtures)
      .filter((d) => d.startsWith('holdout'))
      .map((d) => join(fixtures, d)),
  ];
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.txt') && existsSync(join(dir, file.replace(/\.txt$/, '.gold.json'))))
      .map((file) => ({ text: join(dir, file), gold: join(dir, file.replace(/\.txt$/, '.gold.json')), file })),
  );
}
