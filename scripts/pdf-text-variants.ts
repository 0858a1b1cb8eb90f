// `npx tsx scripts/pdf-text-variants.ts OUT [TABLE.txt …]`: prints each tab-separated table (default:
// the seed and test/fixtures/real) to PDF with Debian's Chromium and extracts its text with
// `pdftotext -layout` (poppler-utils) into OUT, the gold file beside it: a table as a PDF's text
// layer gives it. Score them with `npm run score -- OUT` (docs/parser.md, "A PDF's text layer").
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const [out, ...given] = process.argv.slice(2);
if (!out) {
  console.error('usage: npx tsx scripts/pdf-text-variants.ts OUT [TABLE.txt …]');
  process.exit(2);
}
const real = join(root, 'test/fixtures/real');
const tables = given.length
  ? given
  : [
      join(root, 'test/fixtures/qiantang-2023-q4.txt'),
      ...readdirSync(real)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => join(real, f)),
    ];

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The table as an HTML page of one bordered table, every row as wide as the widest. */
function page(text: string): string {
  const rows = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.split('\t'));
  const width = Math.max(...rows.map((r) => r.length));
  const body = rows
    .map(
      (r) =>
        `<tr>${[...r, ...Array<string>(width - r.length).fill('')].map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<html><head><meta charset="utf-8"><style>td{border:1px solid #000;font-size:12px;vertical-align:top}
table{border-collapse:collapse;width:100%}body{font-family:"WenQuanYi Zen Hei"}</style></head><body><table>${body}</table></body></html>`;
}

mkdirSync(out, { recursive: true });
const work = join(tmpdir(), `duban-pdf-${process.pid}`);
mkdirSync(work, { recursive: true });
for (const table of tables) {
  const name = basename(table, '.txt');
  const html = join(work, `${name}.html`);
  const pdf = join(work, `${name}.pdf`);
  writeFileSync(html, page(readFileSync(table, 'utf8')));
  execFileSync(
    '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      html,
    ],
    { stdio: 'ignore' },
  );
  execFileSync('pdftotext', ['-layout', pdf, join(out, `${name}.txt`)]);
  copyFileSync(table.replace(/\.txt$/, '.gold.json'), join(out, `${name}.gold.json`));
}
console.log(`${tables.length} tables written to ${out}`);
