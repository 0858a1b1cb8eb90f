// What "did not break" means for each target: a parser result is either a well-formed table or a
// domain error with a known code and a readable message; an assessment always has a known status,
// a reason, and offsets that point inside the texts they cite.
import { expect } from 'vitest';
import { DubanError, STATUSES, type Assessment, type ParsedTable, type Result } from '../../../src/domain/index.js';

export const ERROR_CODES = new Set([
  'bad_input',
  'too_large',
  'unsupported_format',
  'no_header',
  'encrypted',
  'not_found',
  'conflict',
  'forbidden',
  'unauthorized',
  'closed_period',
  'db_unavailable',
  'db_incompatible',
  'internal',
]);

export function expectWellFormedTable(t: ParsedTable): void {
  expect(['text', 'xlsx', 'docx']).toContain(t.format);
  expect(Array.isArray(t.tasks)).toBe(true);
  expect(Array.isArray(t.warnings)).toBe(true);
  for (const task of t.tasks) {
    expect(Number.isFinite(task.seq)).toBe(true);
    expect(typeof task.target).toBe('string');
    expect(typeof task.progress).toBe('string');
    expect(Array.isArray(task.leaders) && task.leaders.every((l) => typeof l === 'string')).toBe(true);
    expect(Array.isArray(task.units) && task.units.every((u) => typeof u === 'string')).toBe(true);
    expect(Array.isArray(task.warnings)).toBe(true);
  }
  // The result must survive the trip to the browser and the database.
  expect(() => JSON.stringify(t)).not.toThrow();
}

/** Classifies an outcome for the tally; fails the property on anything but a table or a domain error. */
export function outcomeOfResult(r: Result<ParsedTable>): string {
  if (r.ok) {
    expectWellFormedTable(r.value);
    return 'ok';
  }
  expect(ERROR_CODES.has(r.error.code), `unknown error code ${r.error.code}`).toBe(true);
  expect(typeof r.error.message).toBe('string');
  expect(r.error.message.length).toBeGreaterThan(0);
  return r.error.code;
}

/** For the throwing text entry: a DubanError is an answer, anything else is a crash. */
export function outcomeOfCall(call: () => ParsedTable): string {
  try {
    expectWellFormedTable(call());
    return 'ok';
  } catch (err) {
    if (err instanceof DubanError && ERROR_CODES.has(err.code)) return err.code;
    throw err;
  }
}

export function expectWellFormedAssessment(a: Assessment, target: string, progress: string): void {
  expect(STATUSES).toContain(a.status);
  expect(typeof a.reason).toBe('string');
  expect(a.reason.length).toBeGreaterThan(0);
  for (const ind of a.indicators) {
    const { target: t, actual } = ind.source;
    expect(
      t.start >= 0 && t.start <= t.end && t.end <= target.length,
      `target span ${t.start}-${t.end} of ${target.length}`,
    ).toBe(true);
    if (actual)
      expect(
        actual.start >= 0 && actual.start <= actual.end && actual.end <= progress.length,
        `actual span ${actual.start}-${actual.end} of ${progress.length}`,
      ).toBe(true);
    for (const n of [ind.target, ind.floor, ind.actual])
      if (typeof n === 'number') expect(Number.isFinite(n), `non-finite number ${n} in ${ind.metric}`).toBe(true);
  }
  expect(() => JSON.stringify(a)).not.toThrow();
}
