// `npx tsx scripts/markup-variants.ts OUT [--markdown]`: writes every labelled fixture table as the
// web page it was published on (or, with `--markdown`, as a Markdown table) into OUT, its gold
// beside it (scripts/table-as-markup.ts). Score them with `npm run score -- OUT`: they should read as
// the text does (docs/parser.md, "A saved web page", "Tables between pipes").
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { labelledTables } from './labelled-tables.js';
import { tableAsMarkdown, tableAsPage } from './table-as-markup.js';

const out = process.argv[2];
if (!out) {
  console.error('usage: npx tsx scripts/markup-variants.ts OUT [--markdown]');
  process.exit(2);
}
const markdown = process.argv.includes('--markdown');

mkdirSync(out, { recursive: true });
const tables = labelledTables();
for (const { text, gold, file } of tables) {
  const content = readFileSync(text, 'utf8');
  if (markdown) writeFileSync(join(out, file), tableAsMarkdown(content));
  else writeFileSync(join(out, file.replace(/\.txt$/, '.html')), tableAsPage(content));
  copyFileSync(gold, join(out, basename(gold)));
}
console.log(`${tables.length} tables written to ${out}`);
