// 考核: per period or per year, each lead unit's on-time reporting rate, share of tasks done or on
// track, returns and reminders received, a score and a rank. The formula is deliberately simple
// and stated here so an office can explain it:
//   score = 60 × on-time rate + 40 × done-or-on-track share − 2 × returns − 1 × reminders (≥ 0)
// Only what units did in duban counts: an imported table's reports (approved as published, never
// submitted here) are the office's record, not a unit's report. A ranking in which every unit has
// the same score cannot tell them apart: its ranks are null, not a column of firsts.
import type { Kysely } from 'kysely';
import { DubanError } from '../domain/index.js';
import type { DB } from './schema.js';
import { taskHasLeader } from './task-links.js';

export interface UnitScore {
  unit: { id: number; name: string };
  /** Task reports the unit owed (task × period). */
  tasks: number;
  onTimeRate: number;
  doneOrOnTrackShare: number;
  returns: number;
  reminders: number;
  score: number;
  /** 1 for the best; equal scores share a rank; null for all when every unit has the same score. */
  rank: number | null;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Scores for one period, or for every period of a plan's year (`year`, with `planId`). With
 * `leaderId`, only the tasks that leader leads count (a leader's own view): the units listed, their
 * reports and the reminders they received are all those of the leader's tasks.
 */
export async function unitScores(
  db: Kysely<DB>,
  input: { planId?: number; periodId?: number; year?: number; leaderId?: number },
): Promise<UnitScore[]> {
  let periods = db
    .selectFrom('periods as p')
    .innerJoin('plans as pl', 'pl.id', 'p.plan_id')
    .select(['p.id', 'p.due_date']);
  if (input.periodId != null) periods = periods.where('p.id', '=', input.periodId);
  else if (input.year != null) periods = periods.where('pl.year', '=', input.year);
  else throw new DubanError('bad_input', '请指定报告期（periodId）或年度（year）');
  if (input.planId != null) periods = periods.where('p.plan_id', '=', input.planId);
  const periodRows = await periods.execute();
  if (periodRows.length === 0) return [];
  const due = new Map(periodRows.map((p) => [p.id, p.due_date]));
  const periodIds = periodRows.map((p) => p.id);

  let reportQuery = db
    .selectFrom('reports as r')
    .innerJoin('task_units as tu', (j) => j.onRef('tu.task_id', '=', 'r.task_id').on('tu.role', '=', 'lead'))
    .innerJoin('units as u', 'u.id', 'tu.unit_id')
    .select(['r.id', 'r.period_id', 'r.status', 'r.state', 'r.submitted_at', 'u.id as unit_id', 'u.name as unit_name'])
    .where('r.period_id', 'in', periodIds)
    // An approved report that was never submitted came with an imported table.
    .where((eb) => eb.or([eb('r.state', '!=', 'approved'), eb('r.submitted_at', 'is not', null)]));
  if (input.leaderId != null) reportQuery = reportQuery.where(taskHasLeader('r.task_id', input.leaderId));
  const reports = await reportQuery.execute();
  const returns = await db
    .selectFrom('audit_log')
    .select(['entity_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('action', '=', 'report.return')
    .where('entity', '=', 'report')
    .groupBy('entity_id')
    .execute();
  const returnsOf = new Map(returns.map((r) => [Number(r.entity_id), Number(r.n)]));
  let reminderQuery = db
    .selectFrom('reminders')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('period_id', 'in', periodIds);
  if (input.leaderId != null) reminderQuery = reminderQuery.where(taskHasLeader('reminders.task_id', input.leaderId));
  const reminders = await reminderQuery.groupBy('unit_id').execute();
  const remindersOf = new Map(reminders.map((r) => [r.unit_id, Number(r.n)]));

  const acc = new Map<number, { name: string; tasks: number; onTime: number; good: number; returns: number }>();
  for (const r of reports) {
    let a = acc.get(r.unit_id);
    if (!a) acc.set(r.unit_id, (a = { name: r.unit_name, tasks: 0, onTime: 0, good: 0, returns: 0 }));
    a.tasks++;
    const dueDate = due.get(r.period_id);
    // On time: submitted (the first submission counts, later returns do not undo it) by the end of the due day.
    if (r.submitted_at && (!dueDate || r.submitted_at.slice(0, 10) <= dueDate)) a.onTime++;
    if (r.status === 'done' || r.status === 'on_track') a.good++;
    a.returns += returnsOf.get(r.id) ?? 0;
  }
  const scores = [...acc.entries()].map(([id, a]) => {
    const onTimeRate = a.tasks ? a.onTime / a.tasks : 0;
    const share = a.tasks ? a.good / a.tasks : 0;
    const rem = remindersOf.get(id) ?? 0;
    const score = Math.max(0, 60 * onTimeRate + 40 * share - 2 * a.returns - rem);
    return {
      unit: { id, name: a.name },
      tasks: a.tasks,
      onTimeRate: round(onTimeRate),
      doneOrOnTrackShare: round(share),
      returns: a.returns,
      reminders: rem,
      score: round(score, 1),
      rank: 0 as number | null,
    };
  });
  scores.sort((x, y) => y.score - x.score || x.unit.name.localeCompare(y.unit.name, 'zh'));
  // Equal scores share a rank (1, 2, 2, 4).
  scores.forEach((s, i) => (s.rank = i > 0 && scores[i - 1].score === s.score ? scores[i - 1].rank : i + 1));
  if (scores.length > 1 && scores.every((s) => s.score === scores[0].score)) for (const s of scores) s.rank = null;
  return scores;
}
