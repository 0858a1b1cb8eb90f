import { defineConfig } from 'vitest/config';
import { dubanAliases } from './web/aliases.ts';

export default defineConfig({
  // Tests of the web app's modules resolve its `@duban/…` imports as Vite does.
  resolve: { alias: dubanAliases },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PostgreSQL-backed suites create their own schema; files may run in parallel.
    pool: 'forks',
  },
});
