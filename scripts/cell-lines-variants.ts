// `npx tsx scripts/cell-lines-variants.ts OUT [--wrap N]`: writes every fixture table with tabs
// (and a gold file) as one non-empty cell per line into OUT, the gold beside it, as a PDF's text
// without its layout gives a table; `--wrap N` also breaks every cell longer than N characters into
// lines of N. Score them with `npm run score -- OUT` (docs/parser.md, "One cell per line").
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { labelledTables } from './labelled-tables.js';

const args = process.argv.slice(2);
const out = args[0];
if (!out) {
  console.error('usage: npx tsx scripts/cell-lines-variants.ts OUT [--wrap N]');
  process.exit(2);
}
const wrapAt = args.includes('--wrap') ? Number(args[args.indexOf('--wrap') + 1]) : 0;

/** A cell as the lines a page wrapping at `wrapAt` characters prints it in. */
const wrapped = (cell: string): string[] => {
  if (!wrapAt || cell.length <= wrapAt) return [cell];
  const lines: string[] = [];
  for (let i = 0; i < cell.length; i += wrapAt) lines.push(cell.slice(i, i + wrapAt));
  return lines;
};

mkdirSync(out, { recursive: true });
let written = 0;
for (const { text: path, gold, file } of labelledTables()) {
  const text = readFileSync(path, 'utf8');
  if (!text.includes('\t')) continue;
  const lines = text.split('\n').flatMap((line) =>
    line
      .split('\t')
      .map((c) => c.trim())
      .filter(Boolean)
      .flatMap(wrapped),
  );
  writeFileSync(join(out, file), lines.join('\n') + '\n');
  copyFileSync(gold, join(out, basename(gold)));
  written++;
}
console.log(`${written} tables written to ${out}`);
