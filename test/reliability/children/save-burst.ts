// Child process for the crash test: saves reports as fast as it can, several writers at once, and
// prints `ack <reportId> <version> <n>` the moment each save has committed. The parent kills it
// with SIGKILL mid-burst and then checks that every acknowledged save is in the database.
import { saveReport } from '../../../src/store/reports.js';
import { openStore, type StoreConfig } from '../../../src/store/db.js';

const [configJson, idsJson, writersArg] = process.argv.slice(2);
const config = JSON.parse(configJson) as StoreConfig;
const reportIds = JSON.parse(idsJson) as number[];
const writers = Number(writersArg ?? 4);
const store = await openStore({ ...config, migrate: false });
const actor = { id: null, name: 'crash-test' };

const versions = new Map<number, number>();
for (const r of await store.db.selectFrom('reports').select(['id', 'version']).where('id', 'in', reportIds).execute())
  versions.set(r.id, r.version);
process.stdout.write('ready\n');

let n = 0;
async function writer(mine: number[]): Promise<void> {
  for (let i = 0; ; i++) {
    const id = mine[i % mine.length];
    const k = ++n;
    const text = `第${k}次保存：1-11月完成投资${k}亿元，同比增长${k % 30}%。`;
    const saved = await saveReport(store.db, actor, { reportId: id, text, expectedVersion: versions.get(id)! });
    versions.set(id, saved.version);
    // Written synchronously to the pipe (Linux): a line the parent reads was committed before it.
    process.stdout.write(`ack ${id} ${saved.version} ${k}\n`);
  }
}
// Each writer owns its reports, so that no save here loses to another (that is the concurrency test).
await Promise.all(Array.from({ length: writers }, (_, w) => writer(reportIds.filter((_, i) => i % writers === w))));
