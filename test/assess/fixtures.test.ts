// Realistic tasks from other districts and periods, with the status the rules of assessment.md
// give them (county-reports.json says why in each case's `why`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod, type Status } from '../../src/domain/index.js';

interface Case {
  name: string;
  period: string;
  target: string;
  progress: string;
  status: Status;
  why?: string;
}
const load = (file: string): Case[] =>
  JSON.parse(readFileSync(new URL(`../fixtures/assess/${file}`, import.meta.url), 'utf8')) as Case[];

describe.each(['other-districts.json', 'county-reports.json'])(
  'assessTask on tasks of other districts (%s)',
  (file) => {
    const cases = load(file);
    it('holds realistic cases', () => expect(cases.length).toBeGreaterThanOrEqual(20));
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const period = parsePeriod(c.period);
      expect(period, c.period).not.toBeNull();
      const a = assessTask({ target: c.target, progress: c.progress }, { period });
      expect(a.status, `${a.reason} — expected because ${c.why ?? ''}`).toBe(c.status);
      expect(a.reason.length).toBeGreaterThan(0);
    });
  },
);
