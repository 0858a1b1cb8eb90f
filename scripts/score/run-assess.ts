// `npx tsx scripts/score/run-assess.ts [gold.json] [period]`: assesses the gold's own target and
// progress texts and prints the scores and every disagreement with the gold labels.
import { readFileSync } from 'node:fs';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';
import { scoreAssess, type GoldTask } from './assess.js';

const file = process.argv[2] ?? 'test/fixtures/qiantang-2023-q4.gold.json';
const period = parsePeriod(process.argv[3] ?? '2023Q4');
const gold = JSON.parse(readFileSync(file, 'utf8')) as GoldTask[];
const started = performance.now();
const assessed = gold.map((t) => ({
  seq: t.seq,
  ...assessTask({ target: t.target, progress: t.progress }, { period }),
}));
const ms = performance.now() - started;
const score = scoreAssess(gold, assessed);
for (const d of score.disagreements) {
  const a = assessed.find((x) => x.seq === d.seq);
  console.log(`#${d.seq} ${d.field}: gold ${d.gold} | got ${d.got}${d.field === 'status' ? ` — ${a?.reason}` : ''}`);
}
const f = (n: number) => n.toFixed(3);
console.log(`tasks ${score.tasks} in ${ms.toFixed(0)} ms`);
console.log(`status agreement ${f(score.statusAgreement)}`);
console.log(`indicators P ${f(score.indicatorPrecision)} R ${f(score.indicatorRecall)} F1 ${f(score.indicatorF1)}`);
console.log(`actual accuracy ${f(score.actualAccuracy)}`);
