// Browser tests: a real duban server on a free port with a temporary SQLite database, driven by
// Debian's Chromium through playwright-core. One file at a time (the machine has two cores).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
    maxWorkers: 1,
    // A page waits on its data; vitest's 1 s default for expect.poll failed a phone test on a loaded
    // machine whose list arrived later. A real miss still fails, after 15 s.
    expect: { poll: { timeout: 15_000 } },
    reporters: ['default'],
  },
});
