// Child process for the parser's hostile files (zip bombs, giant sheets, deep XML): parses one
// file under a small heap cap so that a parser that blows up takes down only this process, and
// prints one JSON line: how the parse ended, how long it took, and the peak RSS it reached.
import { readFileSync } from 'node:fs';
import { parseTable } from '../../../src/parse/index.js';

const [file, fileName] = process.argv.slice(2);
const bytes = readFileSync(file);
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const t0 = performance.now();
let outcome: string;
let message = '';
try {
  const r = await parseTable(bytes, { fileName: fileName ?? file });
  outcome = r.ok ? `ok:${r.value.tasks.length}` : r.error.code;
  if (!r.ok) message = r.error.message;
} catch (err) {
  outcome = 'threw';
  message = err instanceof Error ? `${err.name}: ${err.message.split('\n')[0]}` : String(err);
}
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
process.stdout.write(
  JSON.stringify({
    outcome,
    message,
    ms: Math.round(performance.now() - t0),
    peakRssMb: Math.round(peakRss / 2 ** 20),
  }) + '\n',
);
