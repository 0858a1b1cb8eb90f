#!/usr/bin/env node
// Entry of the `duban` command: runs the compiled CLI (built by `npm run build`, which `npm ci` runs via `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('duban: the CLI is not built yet; run `npm run build` (or `npm ci`) in the repository first.\n');
  process.exit(2);
}
await import(main.href);
