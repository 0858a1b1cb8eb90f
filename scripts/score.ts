// `npm run score [DIR …] [--only PATTERN] [--except PATTERN] [--verbose]`: scores the parser and
// the assessor against every `*.gold.json` that has a table beside it (same name,
// .txt/.tsv/.csv/.html/.xlsx/.docx), and prints one line per table and the pooled figures. Default
// folders: the repository's test/fixtures (the seed) and test/fixtures/real. PATTERN is a regular
// expression matched against the file name without extension (`--only '^(29|53)-'`), so a held-out
// set can be scored apart; both flags may be given more than once.
//
// `--perturb` scores metamorphic variants of the same tables instead (scripts/perturb.ts): one
// line per transform, pooled over the tables and `--variants N` variants each (default 3);
// `--heldout` adds the transforms held out while the rules were written, `--transform NAME`
// (repeatable) scores only those, `--verbose` prints every table's line and its misses, `--dump
// DIR` writes each variant's text there.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parsePeriod } from '../src/domain/period.js';
import { parseTable } from '../src/parse/index.js';
import { assessTask } from '../src/assess/index.js';
import { scoreParse, type GoldTask } from './score/parse.js';
import { HELD_OUT, TRANSFORMS, goldOf, render, rngFor, titleLines, variant, type Gold } from './perturb.js';
import { ratesOf, scoreAssess, type AssessScore, type GoldTask as GoldAssessment } from './score/assess.js';

const root = resolve(import.meta.dirname, '..');

interface Options {
  dirs: string[];
  only: RegExp[];
  except: RegExp[];
  verbose: boolean;
  perturb: boolean;
  heldout: boolean;
  transforms: string[];
  variants: number;
  dump: string | null;
}

function readOptions(argv: string[]): Options {
  const o: Options = {
    dirs: [],
    only: [],
    except: [],
    verbose: false,
    perturb: false,
    heldout: false,
    transforms: [],
    variants: 3,
    dump: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--verbose' || a === '--misses') o.verbose = true;
    else if (a === '--perturb') o.perturb = true;
    else if (a === '--heldout') o.heldout = true;
    else if (a === '--dump') o.dump = argv[++i] ?? null;
    else if (a === '--transform') o.transforms.push(argv[++i] ?? '');
    else if (a === '--variants') o.variants = Number(argv[++i] ?? '3');
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

/** Parses and assesses one table, scored against its gold. */
async function scoreTable(bytes: Uint8Array, fileName: string, gold: (GoldTask & GoldAssessment)[]) {
  const parsed = await parseTable(bytes, { fileName });
  const tasks = parsed.ok ? parsed.value.tasks : [];
  const p = scoreParse(gold, tasks);
  const period = parsed.ok ? (parsePeriod(parsed.value.period ?? '') ?? null) : null;
  const assessed = tasks.map((t) => ({ seq: t.seq, ...assessTask(t, { period }) }));
  const a = scoreAssess(gold, assessed);
  return { parsed, p, a, period };
}

function addPooled(into: typeof pooled, p: ReturnType<typeof scoreParse>, a: AssessScore): void {
  into.tables++;
  into.expected += p.expected;
  into.found += p.found;
  into.fields += p.fields;
  into.right += p.right;
  addCounts(into.assess, a.counts);
}

function printMisses(p: ReturnType<typeof scoreParse>, a: AssessScore): void {
  for (const m of p.misses)
    console.log(`    #${m.seq} ${m.field}: gold ${JSON.stringify(m.expected)} | got ${JSON.stringify(m.got)}`);
  for (const d of a.disagreements) console.log(`    #${d.seq} ${d.field}: gold ${d.gold} | got ${d.got}`);
}

function pooledLine(name: string, pl: typeof pooled): string {
  const fields = pl.fields ? pl.right / pl.fields : 1;
  return line(name, `${pl.found}/${pl.expected}`, `${pct(fields)} (${pl.right}/${pl.fields})`, ratesOf(pl.assess), '');
}

interface Labelled {
  stem: string;
  table: string;
  gold: (GoldTask & GoldAssessment)[];
}

const labelled: Labelled[] = [];
for (const dir of opts.dirs) {
  for (const goldFile of readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()) {
    const stem = goldFile.replace(/\.gold\.json$/, '');
    if (!wanted(stem)) continue;
    const table = ['.txt', '.tsv', '.csv', '.html', '.htm', '.xlsx', '.docx']
      .map((ext) => join(dir, stem + ext))
      .find(existsSync);
    if (!table) continue;
    // One gold file labels both: the parsed fields and the assessment of each task.
    const gold = JSON.parse(readFileSync(join(dir, goldFile), 'utf8')) as (GoldTask & GoldAssessment)[];
    labelled.push({ stem, table, gold });
  }
}

if (opts.perturb) {
  const names = opts.transforms.length
    ? opts.transforms
    : [
        'base',
        ...Object.keys(TRANSFORMS).filter((n) => opts.heldout || !HELD_OUT.includes(n)),
        'mix',
        ...(opts.heldout ? ['mix-all'] : []),
      ];
  const all = { tables: 0, expected: 0, found: 0, fields: 0, right: 0, assess: zeroCounts() };
  for (const name of names) {
    const pl = { tables: 0, expected: 0, found: 0, fields: 0, right: 0, assess: zeroCounts() };
    for (const { stem, table, gold } of labelled) {
      const bytes = new Uint8Array(readFileSync(table));
      const text = table.endsWith('.txt') ? new TextDecoder().decode(bytes) : '';
      const original = await parseTable(bytes, { fileName: basename(table) });
      const endMonth = original.ok ? (parsePeriod(original.value.period ?? '')?.endMonth ?? null) : null;
      for (let v = 0; v < (name === 'base' ? 1 : opts.variants); v++) {
        const l = variant(name, gold as Gold[], titleLines(text), endMonth, rngFor(`${stem}|${name}|${v}`));
        if (!l) continue;
        const out = render(l);
        if (opts.dump) {
          mkdirSync(opts.dump, { recursive: true });
          writeFileSync(join(opts.dump, `${stem}.${name}.${v}.txt`), out);
        }
        const { parsed, p, a } = await scoreTable(new TextEncoder().encode(out), `${stem}.txt`, goldOf(l));
        addPooled(pl, p, a);
        if (!parsed.ok) failed = true;
        if (opts.verbose) {
          const rates = ratesOf(a.counts);
          const note = parsed.ok ? '' : `PARSE FAILED: ${parsed.error.message}`;
          console.log(line(`  ${stem}#${v}`, `${p.found}/${p.expected}`, `${pct(p.rate)}`, rates, note));
          printMisses(p, a);
        }
      }
    }
    const tag = HELD_OUT.includes(name) || name === 'mix-all' ? `${name} (held out)` : name;
    console.log(pooledLine(tag, pl));
    if (name !== 'base') {
      all.tables += pl.tables;
      all.expected += pl.expected;
      all.found += pl.found;
      all.fields += pl.fields;
      all.right += pl.right;
      addCounts(all.assess, pl.assess);
    }
  }
  console.log(pooledLine(`POOLED (${all.tables} variants)`, all));
  process.exitCode = 0;
} else {
  for (const { stem, table, gold } of labelled) {
    const { parsed, p, a, period } = await scoreTable(new Uint8Array(readFileSync(table)), basename(table), gold);
    addPooled(pooled, p, a);
    const note = parsed.ok ? `period ${period?.label ?? '-'}` : `PARSE FAILED: ${parsed.error.message}`;
    if (!parsed.ok) failed = true;
    console.log(
      line(stem, `${p.found}/${p.expected}`, `${pct(p.rate)} (${p.right}/${p.fields})`, ratesOf(a.counts), note),
    );
    if (opts.verbose) printMisses(p, a);
  }
  if (pooled.tables === 0) {
    console.log('no *.gold.json with a table beside it found in: ' + opts.dirs.join(', '));
    failed = true;
  } else console.log(pooledLine(`POOLED (${pooled.tables} tables)`, pooled));
  process.exitCode = failed ? 1 : 0;
}
