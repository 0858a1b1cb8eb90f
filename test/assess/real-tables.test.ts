// The assessor on the real tables of other offices (test/fixtures/real): each gold task's own
// target and progress text, the period from the table's title. Pooled over the tables so one
// odd row does not decide, with a floor per table so no table is left behind.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';
import { parseTable } from '../../src/parse/index.js';
import { scoreAssess, type GoldTask } from '../../scripts/score/assess.js';

const dir = new URL('../fixtures/real/', import.meta.url);
const stems = readdirSync(dir)
  .filter((f) => f.endsWith('.gold.json'))
  .map((f) => f.replace(/\.gold\.json$/, ''));

async function scored(stem: string) {
  const gold = (JSON.parse(readFileSync(new URL(`${stem}.gold.json`, dir), 'utf8')) as GoldTask[]).map((g, i) => ({
    ...g,
    seq: i,
  }));
  const table = await parseTable(new Uint8Array(readFileSync(new URL(`${stem}.txt`, dir))), {
    fileName: `${stem}.txt`,
  });
  const period = table.ok && table.value.period ? parsePeriod(table.value.period) : null;
  const assessed = gold.map((t) => ({ seq: t.seq, ...assessTask(t, { period }) }));
  return { gold, score: scoreAssess(gold, assessed) };
}

describe('real tables of other offices', () => {
  it('has the tables', () => expect(stems.length).toBeGreaterThanOrEqual(16));

  it('pooled status ≥ 0.90 and indicator F1 ≥ 0.90; no table below 0.6', async () => {
    let ok = 0;
    let total = 0;
    let f1 = 0;
    for (const stem of stems) {
      const { gold, score } = await scored(stem);
      const n = gold.filter((g) => !(g.uncertain ?? []).includes('status')).length;
      ok += Math.round(score.statusAgreement * n);
      total += n;
      f1 += score.indicatorF1;
      expect(score.statusAgreement, stem).toBeGreaterThanOrEqual(0.6);
    }
    expect(ok / total).toBeGreaterThanOrEqual(0.9);
    expect(f1 / stems.length).toBeGreaterThanOrEqual(0.9);
  });
});
