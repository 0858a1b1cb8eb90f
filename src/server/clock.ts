// The clock of the supervision features (督办单 escalation, 催办 dedupe, the overdue desk's "today").
// Real time plus an offset that only tests move: API tests call `setClockOffset` in-process, browser
// tests use POST /api/test/clock, a route registered only when `testClockEnabled()` — DUBAN_TEST_CLOCK=1
// and NODE_ENV not 'production' — so a deployed server can never have its clock moved.
let offsetMs = 0;

export function clockNow(): Date {
  return new Date(Date.now() + offsetMs);
}

export const clockIso = (): string => clockNow().toISOString();
/** Today's date (UTC), YYYY-MM-DD, as the rest of the server counts days. */
export const clockToday = (): string => clockIso().slice(0, 10);

export function setClockOffset(ms: number): void {
  offsetMs = ms;
}

export function clockOffset(): number {
  return offsetMs;
}

export function testClockEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.DUBAN_TEST_CLOCK === '1' && env.NODE_ENV !== 'production';
}
