// `npm run bench [name …]`: runs each benchmark module in bench/ and prints its figures.
// A module exports `title` and `run(): Promise<void>`; it prints its own lines.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .filter((n) => wanted.length === 0 || wanted.includes(n))
  .sort();

for (const name of names) {
  const mod = (await import(`./${name}.bench.ts`)) as { title?: string; run: () => Promise<void> };
  console.log(`\n== ${mod.title ?? name} ==`);
  await mod.run();
}
