// Filling a store for the stress tests: the seed table imported as a plan (a real district's 136
// tasks and their 2023Q4 reports), and tables scaled up from it for imports that take a while.
import { readFileSync } from 'node:fs';
import type { ParsedTable, Task } from '../../../src/domain/index.js';
import { parseText } from '../../../src/parse/index.js';
import { SYSTEM_ACTOR } from '../../../src/store/audit.js';
import type { Store } from '../../../src/store/db.js';
import { importParsedTable, type ImportSummary } from '../../../src/store/import.js';

export const SEED_TEXT = readFileSync(new URL('../../fixtures/qiantang-2023-q4.txt', import.meta.url), 'utf8');

let seedTable: ParsedTable | undefined;
export function seedTableOnce(): ParsedTable {
  seedTable ??= parseText(SEED_TEXT);
  return seedTable;
}

/** The seed's tasks repeated `times` times with fresh seqs: a plan of 136 × times tasks. */
export function scaledTasks(times: number): Task[] {
  const base = seedTableOnce().tasks;
  const out: Task[] = [];
  for (let k = 0; k < times; k++) {
    for (const t of base) out.push({ ...t, seq: k * 1000 + t.seq, progress: t.progress });
  }
  return out;
}

export async function importSeed(
  store: Store,
  planTitle = '2023年钱塘区政府工作报告重点工作任务',
): Promise<ImportSummary> {
  const table = seedTableOnce();
  return importParsedTable(store, SYSTEM_ACTOR, {
    table,
    planTitle,
    period: '2023Q4',
    fileName: 'qiantang-2023-q4.txt',
    sha256: 'seed',
  });
}

/** Ids and versions of the reports of one period, by task seq. */
export async function reportsOf(
  store: Store,
  periodId: number,
): Promise<{ id: number; version: number; seq: number }[]> {
  return store.db
    .selectFrom('reports as r')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .select(['r.id', 'r.version', 't.seq'])
    .where('r.period_id', '=', periodId)
    .orderBy('t.seq')
    .execute();
}
