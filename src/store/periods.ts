// Reporting periods of a plan (2023Q4, 2024-03 …). Opening a period creates one empty report per
// task, so every task × period has exactly one report row from then on; closing stops the writing.
import type { Kysely, Selectable } from 'kysely';
import { DubanError, parsePeriod, periodDates, type Period } from '../domain/index.js';
import { assessProgress } from './assessing.js';
import { recordAudit, type Actor } from './audit.js';
import type { DB, PeriodsTable } from './schema.js';
import { chunks, inTransaction } from './transaction.js';

export interface PeriodInfo {
  id: number;
  planId: number;
  label: string;
  startDate: string;
  endDate: string;
  dueDate: string | null;
  state: 'open' | 'closed';
}

const toPeriod = (r: Omit<Selectable<PeriodsTable>, 'created_at'>): PeriodInfo => ({
  id: r.id,
  planId: r.plan_id,
  label: r.label,
  startDate: r.start_date,
  endDate: r.end_date,
  dueDate: r.due_date,
  state: r.state,
});

const COLUMNS = ['id', 'plan_id', 'label', 'start_date', 'end_date', 'due_date', 'state'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A plan's periods, newest first (by end date, then start date, then creation). */
const newestFirst = (db: Kysely<DB>, planId: number) =>
  db
    .selectFrom('periods')
    .select(COLUMNS)
    .where('plan_id', '=', planId)
    .orderBy('end_date', 'desc')
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc');

/** Periods of a plan, newest first. */
export async function listPeriods(db: Kysely<DB>, planId: number): Promise<PeriodInfo[]> {
  return (await newestFirst(db, planId).execute()).map(toPeriod);
}

export async function getPeriod(db: Kysely<DB>, id: number): Promise<PeriodInfo | null> {
  const row = await db.selectFrom('periods').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toPeriod(row) : null;
}

/** The period of a plan with this label; the label may be spelt loosely (`2023q4`, `2023年四季度`). */
export async function findPeriod(db: Kysely<DB>, planId: number, label: string): Promise<PeriodInfo | null> {
  const canonical = parsePeriod(label)?.label ?? label;
  const row = await db
    .selectFrom('periods')
    .select(COLUMNS)
    .where('plan_id', '=', planId)
    .where('label', '=', canonical)
    .executeTakeFirst();
  return row ? toPeriod(row) : null;
}

/** The newest period of a plan (by end date), or null when none is open yet. */
export async function latestPeriod(db: Kysely<DB>, planId: number): Promise<PeriodInfo | null> {
  // The first row only: task lists without a period ask this on every request.
  const row = await newestFirst(db, planId).limit(1).executeTakeFirst();
  return row ? toPeriod(row) : null;
}

function checkDueDate(dueDate: string | null | undefined): void {
  if (dueDate != null && (!ISO_DATE.test(dueDate) || Number.isNaN(Date.parse(dueDate)))) {
    throw new DubanError('bad_input', `截止日期“${dueDate}”不是 YYYY-MM-DD 格式`);
  }
}

/**
 * Opens a period: the period row and one empty report per task of the plan (state draft, text '',
 * status no_report, assessed so the target's indicators are there), all in one transaction.
 */
export async function openPeriod(
  db: Kysely<DB>,
  actor: Actor,
  input: { planId: number; label: string; dueDate?: string | null },
): Promise<PeriodInfo> {
  const period = parsePeriod(input.label);
  if (!period)
    throw new DubanError('bad_input', `无法识别的报告期“${input.label}”（例：2023Q4、2024-03、2023H1、2023）`);
  checkDueDate(input.dueDate);
  return inTransaction(db, async (trx) => {
    const plan = await trx.selectFrom('plans').select('id').where('id', '=', input.planId).executeTakeFirst();
    if (!plan) throw new DubanError('not_found', `计划 ${input.planId} 不存在`);
    if (await findPeriod(trx, input.planId, period.label))
      throw new DubanError('conflict', `报告期 ${period.label} 已存在`);
    const now = new Date().toISOString();
    const info = await insertPeriod(trx, input.planId, period, input.dueDate ?? null, now);
    const tasks = await trx.selectFrom('tasks').select(['id', 'target']).where('plan_id', '=', input.planId).execute();
    await createEmptyReports(trx, info.id, period.label, tasks, now);
    await recordAudit(
      trx,
      actor,
      { action: 'period.open', entity: 'period', entityId: info.id, after: { ...info, reports: tasks.length } },
      now,
    );
    return info;
  });
}

/** Inserts the period row only (no reports): openPeriod and import build on it. */
export async function insertPeriod(
  db: Kysely<DB>,
  planId: number,
  period: Period,
  dueDate: string | null,
  at: string,
): Promise<PeriodInfo> {
  const { start, end } = periodDates(period);
  const row = await db
    .insertInto('periods')
    .values({
      plan_id: planId,
      label: period.label,
      start_date: start,
      end_date: end,
      due_date: dueDate,
      state: 'open',
      created_at: at,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toPeriod(row);
}

/** Inserts the empty report of each task for a period (used by openPeriod and by import for new tasks). */
export async function createEmptyReports(
  db: Kysely<DB>,
  periodId: number,
  periodLabel: string,
  tasks: { id: number; target: string }[],
  at: string,
): Promise<void> {
  const rows = tasks.map((t) => {
    const assessment = assessProgress(t, '', periodLabel);
    return {
      task_id: t.id,
      period_id: periodId,
      state: 'draft' as const,
      text: '',
      version: 1,
      author_id: null,
      machine_status: assessment.status,
      status: assessment.status,
      reason: assessment.reason,
      assessment: JSON.stringify(assessment),
      created_at: at,
      updated_at: at,
    };
  });
  for (const batch of chunks(rows, 200)) await db.insertInto('reports').values(batch).execute();
}

export async function setPeriodState(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  state: 'open' | 'closed',
): Promise<PeriodInfo> {
  if (state !== 'open' && state !== 'closed') throw new DubanError('bad_input', `未知的报告期状态“${String(state)}”`);
  return updatePeriod(db, actor, id, { state }, state === 'closed' ? 'period.close' : 'period.reopen');
}

export async function setDueDate(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  dueDate: string | null,
): Promise<PeriodInfo> {
  checkDueDate(dueDate);
  return updatePeriod(db, actor, id, { due_date: dueDate }, 'period.due_date');
}

async function updatePeriod(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  set: { state?: 'open' | 'closed'; due_date?: string | null },
  action: string,
): Promise<PeriodInfo> {
  return inTransaction(db, async (trx) => {
    const before = await getPeriod(trx, id);
    if (!before) throw new DubanError('not_found', `报告期 ${id} 不存在`);
    await trx.updateTable('periods').set(set).where('id', '=', id).execute();
    const after = (await getPeriod(trx, id))!;
    await recordAudit(trx, actor, { action, entity: 'period', entityId: id, before, after });
    return after;
  });
}
