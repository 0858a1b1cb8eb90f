// A fall to reach (`能耗下降3%`) is worked out inside the assessor as a growth of at most minus the
// figure, so that it compares with reported growth rates (`同比下降3.4%` is -3.4). It is handed out
// as written: a fall of at least 3%, with the fall reached as its actual. Tables, readers and the
// traffic light (a completion of actual/floor) all read a fall as a positive figure.
import type { Indicator } from '../domain/index.js';

const FALL_WORDS = '下降|降低|减少|压减';
/** A metric that names a fall: its figures are amounts of decrease. */
export const FALL_METRIC = new RegExp(FALL_WORDS);
/** A metric ending in the fall it asks for (`能耗下降`, `化肥使用量减少`). */
export const FALL_AT_END = new RegExp(`(${FALL_WORDS})$`);

/** Rewrites, in place, each fall-to-reach indicator as the fall asked and reached. */
export function fallsAsWritten(indicators: Indicator[]): void {
  for (const ind of indicators) {
    if (ind.kind !== 'growth' || ind.direction !== 'at_most' || typeof ind.target !== 'number') continue;
    if (ind.target >= 0 || typeof ind.floor !== 'number' || !FALL_METRIC.test(ind.metric)) continue;
    ind.direction = 'at_least';
    ind.target = -ind.target;
    ind.floor = -ind.floor;
    if (typeof ind.actual === 'number') ind.actual = ind.actual === 0 ? 0 : -ind.actual;
  }
}
