// `npx tsx scripts/markup-variants.ts OUT [--markdown]`: writes every labelled fixture table as the
// web page it was published on (or, with `--markdown`, as a Markdown table) into OUT, its gold
// beside it (scripts/table-as-markup.ts). Score them with `npm run score -- OUT`: they should read as
// the text does (docs/parser.md, "A saved web page", "Tables between pipes").
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { tableAsMarkdown, tableAsPage } from './table-as-markup.js';

const root = resolve(import.meta.dirname, '..');
const out = process.argv[2];
if (!out) {
  console.error('usage: npx tsx scripts/markup-variants.ts OUT [--markdown]');
  process.exit(2);
}

const fixtures = join(root, 'test/fixtures');
const dirs = [
  fixtures,
  join(fixtures, 'real'),
  ...readdirSync(fixtures)
    .filter((d) => d.startsWith('holdout'))
    .map((d) => join(fixtures, d)),
];

const markdown = process.argv.includes('--markdown');

mkdirSync(out, { recursive: true });
let written = 0;
for (const dir of dirs)
  for (const file of readdirSync(dir)) {
    const gold = join(dir, file.replace(/\.txt$/, '.gold.json'));
    if (!file.endsWith('.txt') || !existsSync(gold)) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    if (markdown) writeFileSync(join(out, file), tableAsMarkdown(text));
    else writeFileSync(join(out, file.replace(/\.txt$/, '.html')), tableAsPage(text));
    copyFileSync(gold, join(out, basename(gold)));
    written++;
  }
console.log(`${written} tables written to ${out}`);
