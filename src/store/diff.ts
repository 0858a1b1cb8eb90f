// Read query behind the period comparison (`duban diff`, GET /api/diff): each task's status in
// one period of a plan. Tasks without a report row in that period are left out, so the pure
// diff (src/export/diff.ts) sees them as new or gone.
import type { Kysely } from 'kysely';
import { isStatus, type Status } from '../domain/index.js';
import type { DB } from './schema.js';

export interface PeriodTaskStatus {
  taskId: number;
  seq: number;
  target: string;
  status: Status;
}

export async function listPeriodStatuses(
  db: Kysely<DB>,
  planId: number,
  periodId: number,
): Promise<PeriodTaskStatus[]> {
  const rows = await db
    .selectFrom('tasks as t')
    .innerJoin('reports as r', 'r.task_id', 't.id')
    .select(['t.id as taskId', 't.seq', 't.target', 'r.status'])
    .where('t.plan_id', '=', planId)
    .where('r.period_id', '=', periodId)
    .orderBy('t.seq')
    .execute();
  return rows.map((r) => ({
    taskId: r.taskId,
    seq: r.seq,
    target: r.target,
    status: isStatus(r.status) ? r.status : 'no_report',
  }));
}
