// `npx tsx scripts/cell-lines-variants.ts OUT [--wrap N]`: writes every fixture table with tabs
// (and a gold file) as one non-empty cell per line into OUT, the gold beside it, as a PDF's text
// without its layout gives a table; `--wrap N` also breaks every cell longer than N characters into
// lines of N. Score them with `npm run score -- OUT` (docs/parser.md, "One cell per line").
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const out = args[0];
if (!out) {
  console.error('usage: npx tsx scripts/cell-lines-variants.ts OUT [--wrap N]');
  process.exit(2);
}
const wrapAt = args.includes('--wrap') ? Number(args[args.indexOf('--wrap') + 1]) : 0;

const fixtures = join(root, 'test/fixtures');
const dirs = [
  fixtures,
  join(fixtures, 'real'),
  ...readdirSync(fixtures)
    .filter((d) => d.startsWith('holdout'))
    .map((d) => join(fixtures, d)),
];

/** A cell as the lines a page wrapping at `wrapAt` characters prints it in. */
const wrapped = (cell: string): string[] => {
  if (!wrapAt || cell.length <= wrapAt) return [cell];
  const lines: string[] = [];
  for (let i = 0; i < cell.length; i += wrapAt) lines.push(cell.slice(i, i + wrapAt));
  return lines;
};

mkdirSync(out, { recursive: true });
let written = 0;
for (const dir of dirs)
  for (const file of readdirSync(dir)) {
    const gold = join(dir, file.replace(/\.txt$/, '.gold.json'));
    if (!file.endsWith('.txt') || !existsSync(gold)) continue;
    const text = readFileSync(join(dir, file), 'utf8');
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
