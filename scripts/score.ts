// `npm run score [DIR …] [--only PATTERN] [--except PATTERN] [--verbose]`: scores the parser and
// the assessor against every `*.gold.json` that has a table beside it (same name,
// .txt/.tsv/.csv/.xlsx/.docx), and prints one line per table and the pooled figures. Default
// folders: the repository's test/fixtures (the seed) and test/fixtures/real. PATTERN is a regular
// expression matched against the file name without extension (`--only '^(29|53)-'`), so a held-out
// set can be scored apart; both flags may be given more than once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parsePeriod } from '../src/domain/period.js';
import { parseTable } from '../src/parse/index.js';
import { assessTask } from '../src/assess/index.js';
import { scoreParse, type GoldTask } from './score/parse.js';
import { ratesOf, scoreAssess, type AssessScore, type GoldTask as GoldAssessment } from './score/assess.js';

const root = resolve(import.meta.dirname, '..');

interface Options {
  dirs: string[];
  only: RegExp[];
  except: RegExp[];
  verbose: boolean;
}

function readOptions(argv: string[]): Options {
  const o: Options = { dirs: [], only: [], except: [], verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--verbose' || a === '--misses') o.verbose = true;
    else if (a === '--only' || a === '--except')
      o[a === '--only' ? 'only' : 'except'].push(new RegExp(argv[++i] ?? '', 'i'));
    else if (a.startsWith('--only=')) o.only.push(new RegExp(a.slice(7), 'i'));
    else if (a.startsWith('--except=')) o.except.push(new RegExp(a.slice(9), 'i'));
    else o.dirs.push(a);
  }
  if (o.dirs.length === 0) o.dirs = [join(root, 'test/fixtures'), join(root, 'test/fixtures/real')].filter(existsSync);
  return o;
}

const opts = readOptions(process.argv.slice(2));
const wanted = (stem: string) =>
  (opts.only.length === 0 || opts.only.some((r) => r.test(stem))) && !opts.except.some((r) => r.test(stem));

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const zeroCounts = (): AssessScore['counts'] => ({
  statusTotal: 0,
  statusOk: 0,
  goldInds: 0,
  gotInds: 0,
  paired: 0,
  actualTotal: 0,
  actualOk: 0,
});
const pooled = { tables: 0, expected: 0, found: 0, fields: 0, right: 0, assess: zeroCounts() };
let failed = false;

function addCounts(into: AssessScore['counts'], from: AssessScore['counts']): void {
  for (const k of Object.keys(into) as Array<keyof AssessScore['counts']>) into[k] += from[k];
}

function line(name: string, found: string, fields: string, a: ReturnType<typeof ratesOf>, extra: string): string {
  return [
    name.padEnd(34),
    `tasks ${found.padStart(7)}`,
    `fields ${fields.padStart(22)}`,
    `status ${pct(a.statusAgreement).padStart(6)}`,
    `F1 ${a.indicatorF1.toFixed(3)}`,
    `actual ${a.actualAccuracy.toFixed(3)}`,
    extra,
  ].join('  ');
}

for (const dir of opts.dirs) {
  for (const goldFile of readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()) {
    const stem = goldFile.replace(/\.gold\.json$/, '');
    if (!wanted(stem)) continue;
    const table = ['.txt', '.tsv', '.csv', '.xlsx', '.docx'].map((ext) => join(dir, stem + ext)).find(existsSync);
    if (!table) continue;
    // One gold file labels both: the parsed fields and the assessment of each task.
    const gold = JSON.parse(readFileSync(join(dir, goldFile), 'utf8')) as (GoldTask & GoldAssessment)[];
    const parsed = await parseTable(new Uint8Array(readFileSync(table)), { fileName: basename(table) });
    const tasks = parsed.ok ? parsed.value.tasks : [];
    const p = scoreParse(gold, tasks);
    const period = parsed.ok ? (parsePeriod(parsed.value.period ?? '') ?? null) : null;
    const assessed = tasks.map((t) => ({ seq: t.seq, ...assessTask(t, { period }) }));
    const a = scoreAssess(gold, assessed);
    pooled.tables++;
    pooled.expected += p.expected;
    pooled.found += p.found;
    pooled.fields += p.fields;
    pooled.right += p.right;
    addCounts(pooled.assess, a.counts);
    const note = parsed.ok ? `period ${period?.label ?? '-'}` : `PARSE FAILED: ${parsed.error.message}`;
    if (!parsed.ok) failed = true;
    console.log(line(stem, `${p.found}/${p.expected}`, `${pct(p.rate)} (${p.right}/${p.fields})`, a, note));
    if (opts.verbose) {
      for (const m of p.misses)
        console.log(`    #${m.seq} ${m.field}: gold ${JSON.stringify(m.expected)} | got ${JSON.stringify(m.got)}`);
      for (const d of a.disagreements) console.log(`    #${d.seq} ${d.field}: gold ${d.gold} | got ${d.got}`);
    }
  }
}
if (pooled.tables === 0) {
  console.log('no *.gold.json with a table beside it found in: ' + opts.dirs.join(', '));
  failed = true;
} else {
  const fields = pooled.fields ? pooled.right / pooled.fields : 1;
  console.log(
    line(
      `POOLED (${pooled.tables} tables)`,
      `${pooled.found}/${pooled.expected}`,
      `${pct(fields)} (${pooled.right}/${pooled.fields})`,
      ratesOf(pooled.assess),
      '',
    ),
  );
}
process.exitCode = failed ? 1 : 0;
