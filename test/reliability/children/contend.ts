// Child process for the multi-process concurrency test: one of several processes working the same
// reports at once (save, submit, return), as several server processes on one database would. On a
// conflict it re-reads and goes on. Prints `save <id> <version> <marker>` per committed save and a
// final `summary {...}` with its counts, including any error that is not a conflict.
import { DubanError } from '../../../src/domain/index.js';
import { openStore, type StoreConfig } from '../../../src/store/db.js';
import { saveReport } from '../../../src/store/reports.js';
import { returnReport, submitReport } from '../../../src/store/review.js';

const [configJson, idsJson, opsArg, tag] = process.argv.slice(2);
const store = await openStore({ ...(JSON.parse(configJson) as StoreConfig), migrate: false });
const ids = JSON.parse(idsJson) as number[];
const actor = { id: null, name: `contend-${tag}` };
const counts = { saves: 0, submits: 0, returns: 0, conflicts: 0, other: 0, otherErrors: {} as Record<string, number> };

async function one(k: number): Promise<void> {
  const id = ids[Math.floor(Math.random() * ids.length)];
  const r = await store.db
    .selectFrom('reports')
    .select(['version', 'state'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  let op = 'save';
  try {
    // An imported table's reports arrive approved: the office returns them as it would a submitted one.
    if (r.state === 'submitted' || r.state === 'approved') {
      if (Math.random() < 0.5) {
        op = 'return';
        await returnReport(store.db, actor, id, `请补充数据（${tag}-${k}）`);
        counts.returns++;
        return;
      }
    } else if (Math.random() < 0.25) {
      op = 'submit';
      await submitReport(store.db, actor, id, r.version);
      counts.submits++;
      return;
    }
    const marker = `${tag}-${k}`;
    const saved = await saveReport(store.db, actor, {
      reportId: id,
      text: `[${marker}] 1-11月完成投资${k}亿元，同比增长${k % 20}%。`,
      expectedVersion: r.version,
    });
    counts.saves++;
    process.stdout.write(`save ${id} ${saved.version} ${marker}\n`);
  } catch (err) {
    if (err instanceof DubanError && err.code === 'conflict') counts.conflicts++;
    else {
      counts.other++;
      const what = `${op}: ${(err as { code?: string }).code ?? ''} ${(err as Error).message}`;
      counts.otherErrors[what] = (counts.otherErrors[what] ?? 0) + 1;
    }
  }
}

process.stdout.write('ready\n');
const ops = Number(opsArg);
// Two async workers per process: overlapping transactions on PostgreSQL's pool.
let next = 0;
await Promise.all(
  [0, 1].map(async () => {
    while (next < ops) await one(next++);
  }),
);
process.stdout.write(`summary ${JSON.stringify(counts)}\n`);
await store.close();
