// Waits until the browser has finished opening a new window before a page load is timed.
// Chromium (new headless mode) loads its own WebUI pages with every new window: the omnibox popup
// alone kept a renderer busy for ~1.6 s of CPU, on 2 cores, overlapping the first page load. A user
// opens the dashboard in a window that is already there, so the benchmark waits, like the user,
// until the browser's processes are quiet, and only then starts the clock.
// Linux only (reads /proc); elsewhere it waits a fixed 3 s.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';

const BROWSER_BINARIES = new Set(['chromium', 'chrome', 'headless_shell', 'chrome-headless-shell']);

/** CPU time (clock ticks, 10 ms each) used so far by every browser process; undefined without /proc. */
export function browserCpuTicks(): number | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return undefined;
  }
  let ticks = 0;
  let found = false;
  for (const pid of pids) {
    try {
      if (!BROWSER_BINARIES.has(basename(readlinkSync(`/proc/${pid}/exe`)))) continue;
      // After the command name (which may hold spaces), utime and stime are the 12th and 13th fields.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
      found = true;
    } catch {
      /* the process ended, or is not ours to read */
    }
  }
  return found ? ticks : undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Resolves once the browser's processes together used at most `maxTicks` clock ticks over
 * `quietMs` (2 ticks in 300 ms: under 7 % of one core), or after `timeoutMs`. Returns the wait in ms.
 */
export async function waitForBrowserIdle({ quietMs = 300, maxTicks = 2, timeoutMs = 10_000 } = {}): Promise<number> {
  const started = performance.now();
  const first = browserCpuTicks();
  if (first === undefined) {
    await sleep(3000);
    return performance.now() - started;
  }
  let before: number = first;
  while (performance.now() - started < timeoutMs) {
    await sleep(quietMs);
    const now: number = browserCpuTicks() ?? before;
    if (now - before <= maxTicks) break;
    before = now;
  }
  return performance.now() - started;
}
