// `npm run score [DIR …] [--verbose]`: scores the parser and the assessor against every `*.gold.json`
// that has a table beside it (same name, .txt/.tsv/.xlsx/.docx). Default folders: the
// repository's test/fixtures and, when it exists, ../shared/data.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parsePeriod } from '../src/domain/period.js';
import { parseTable } from '../src/parse/index.js';
import { assessTask } from '../src/assess/index.js';
import { scoreParse, type GoldTask } from './score/parse.js';
import { scoreAssess, type GoldTask as GoldAssessment } from './score/assess.js';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2).filter((a) => a !== '--verbose');
const verbose = process.argv.includes('--verbose');
const dirs = args.length
  ? args
  : [join(root, 'test/fixtures'), join(root, '../shared/data')].filter((d) => existsSync(d));

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const seen = new Set<string>();
let failed = false;

for (const dir of dirs) {
  for (const goldFile of readdirSync(dir).filter((f) => f.endsWith('.gold.json'))) {
    const stem = goldFile.replace(/\.gold\.json$/, '');
    const table = ['.txt', '.tsv', '.xlsx', '.docx'].map((ext) => join(dir, stem + ext)).find((f) => existsSync(f));
    if (!table) continue;
    const key = stem + ':' + readFileSync(table).length;
    if (seen.has(key)) continue; // the same seed in test/fixtures and ../shared/data
    seen.add(key);

    // One gold file labels both: the parsed fields and the assessment of each task.
    const gold = JSON.parse(readFileSync(join(dir, goldFile), 'utf8')) as (GoldTask & GoldAssessment)[];
    const parsed = await parseTable(new Uint8Array(readFileSync(table)), { fileName: basename(table) });
    console.log(`\n${table}`);
    if (!parsed.ok) {
      console.log(`  parse failed: ${parsed.error.message}`);
      failed = true;
      continue;
    }
    const p = scoreParse(gold, parsed.value.tasks);
    console.log(`  parse:  ${p.right}/${p.fields} fields right (${pct(p.rate)}), ${parsed.value.tasks.length} tasks`);

    const period = parsePeriod(parsed.value.period ?? '') ?? null;
    const assessed = parsed.value.tasks.map((t) => ({ seq: t.seq, ...assessTask(t, { period }) }));
    const a = scoreAssess(gold, assessed);
    const f = (n: number) => n.toFixed(3);
    console.log(`  assess: status agreement ${pct(a.statusAgreement)} over ${a.tasks} tasks`);
    console.log(
      `          indicators precision ${f(a.indicatorPrecision)} recall ${f(a.indicatorRecall)} F1 ${f(a.indicatorF1)}`,
    );
    console.log(`          actual accuracy ${f(a.actualAccuracy)}`);
    if (verbose)
      for (const d of a.disagreements) console.log(`          #${d.seq} ${d.field}: gold ${d.gold} | got ${d.got}`);
    console.log(`          period ${period?.label ?? '(none: full year assumed)'}`);
  }
}
if (seen.size === 0) {
  console.log('no *.gold.json with a table beside it found in: ' + dirs.join(', '));
  failed = true;
}
process.exitCode = failed ? 1 : 0;
