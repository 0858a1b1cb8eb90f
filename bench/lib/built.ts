// The compiled server code (dist/, what `duban serve` and the CLI run), rebuilt first when a
// source file is newer. Benchmarks of pure code measure it as it runs in production: run from the
// TypeScript sources, tsx compiles with esbuild's keepNames, which defines a `name` property on
// every named closure each time it is created — in the assessor's hot loop about a tenth of its
// time, which no user ever pays.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The newest modification time of the .ts files under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Imports dist/`module` (e.g. `assess/index.js`), building the server first if dist/ is missing or stale. */
export async function importBuilt<T>(module: string): Promise<T> {
  const file = join(root, 'dist', module);
  if (!existsSync(file) || statSync(file).mtimeMs < newestSource(join(root, 'src'))) {
    console.log('building dist/ (npm run build:server) to measure the code as it runs in production…');
    execFileSync('npm', ['run', '-s', 'build:server'], { cwd: root, stdio: 'inherit' });
  }
  return (await import(new URL(`file://${file}`).href)) as T;
}
