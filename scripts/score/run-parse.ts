// `tsx scripts/score/run-parse.ts [DIR]`: parses every table next to a `*.gold.json` in DIR
// (default test/fixtures) and prints the share of fields right, then the misses.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseTable } from '../../src/parse/index.js';
import { scoreParse, type GoldTask } from './parse.js';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'test/fixtures';
const verbose = process.argv.includes('--misses');
for (const goldName of readdirSync(dir)
  .filter((f) => f.endsWith('.gold.json'))
  .sort()) {
  const base = goldName.replace(/\.gold\.json$/, '');
  const table = ['.txt', '.tsv', '.csv', '.xlsx', '.docx'].map((e) => join(dir, base + e)).find(existsSync);
  if (!table) continue;
  const gold = JSON.parse(readFileSync(join(dir, goldName), 'utf8')) as GoldTask[];
  const parsed = await parseTable(new Uint8Array(readFileSync(table)), { fileName: table });
  if (!parsed.ok) {
    console.log(`${base}: ${parsed.error.code}: ${parsed.error.message}`);
    continue;
  }
  const s = scoreParse(gold, parsed.value.tasks);
  console.log(
    `${base}: ${(s.rate * 100).toFixed(2)}% of fields right (${s.right}/${s.fields}), ${parsed.value.tasks.length} tasks, period ${parsed.value.period}`,
  );
  if (verbose)
    for (const m of s.misses)
      console.log(`  #${m.seq} ${m.field}: expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.got)}`);
}
