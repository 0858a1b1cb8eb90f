// Child process for the crash test: imports a large plan (the seed's tasks repeated) in one
// transaction, printing `progress <done> <total>` as it goes and `committed` at the end. The parent
// kills it with SIGKILL in the middle and checks that no part of the plan is visible afterwards.
import { SYSTEM_ACTOR } from '../../../src/store/audit.js';
import { openStore, type StoreConfig } from '../../../src/store/db.js';
import { importParsedTable } from '../../../src/store/import.js';
import { scaledTasks } from '../helpers/seed-store.js';

const [configJson, planTitle, timesArg] = process.argv.slice(2);
const store = await openStore({ ...(JSON.parse(configJson) as StoreConfig), migrate: false });
const tasks = scaledTasks(Number(timesArg ?? 10));
process.stdout.write(`start ${tasks.length}\n`);
const summary = await importParsedTable(store, SYSTEM_ACTOR, {
  table: { tasks, title: planTitle, period: '2024Q1' },
  planTitle,
  period: '2024Q1',
  fileName: 'crash.txt',
  sha256: `crash-${Date.now()}`,
  onProgress: (done, total) => {
    if (done % 50 === 0 || done === total) process.stdout.write(`progress ${done} ${total}\n`);
  },
});
process.stdout.write(`committed ${summary.created}\n`);
await store.close();
