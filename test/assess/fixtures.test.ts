// Realistic tasks from other districts and periods, with the status the rules give them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod, type Status } from '../../src/domain/index.js';

interface Case { name: string; period: string; target: string; progress: string; status: Status }
const cases = JSON.parse(readFileSync(new URL('../fixtures/assess/other-districts.json', import.meta.url), 'utf8')) as Case[];

describe('assessTask on tasks of other districts', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const a = assessTask({ target: c.target, progress: c.progress }, { period: parsePeriod(c.period) });
    expect(a.status, a.reason).toBe(c.status);
    expect(a.reason.length).toBeGreaterThan(0);
  });
});
