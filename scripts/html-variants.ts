// `npx tsx scripts/html-variants.ts OUT`: writes every labelled fixture table as the web page it
// was published on (scripts/table-as-page.ts) into OUT, its gold beside it. Score them with
// `npm run score -- OUT`: they should read as the text does (docs/parser.md, "A saved web page").
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { tableAsPage } from './table-as-page.js';

const root = resolve(import.meta.dirname, '..');
const out = process.argv[2];
if (!out) {
  console.error('usage: npx tsx scripts/html-variants.ts OUT');
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

mkdirSync(out, { recursive: true });
let written = 0;
for (const dir of dirs)
  for (const file of readdirSync(dir)) {
    const gold = join(dir, file.replace(/\.txt$/, '.gold.json'));
    if (!file.endsWith('.txt') || !existsSync(gold)) continue;
    const page = tableAsPage(readFileSync(join(dir, file), 'utf8'));
    writeFileSync(join(out, file.replace(/\.txt$/, '.html')), page);
    copyFileSync(gold, join(out, basename(gold)));
    written++;
  }
console.log(`${written} tables written to ${out}`);
