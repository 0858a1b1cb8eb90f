// Builds the publishing models from the store: the progress table of a plan and period (with
// filters), a leader's briefing, a unit's reminder notice, the comparison of two periods.
// References may be ids (the server) or names/labels (the command line). Bad references come
// back as `not_found`/`bad_input` errors, an empty selection as `not_found`.
import type { Kysely } from 'kysely';
import { fail, ok, parsePeriod, type Assessment, type Result, type Status } from '../domain/index.js';
import { lightOf, type Light } from '../domain/light.js';
import { listPeriodStatuses } from '../store/diff.js';
import {
  listProgressRows,
  listUnsubmitted,
  previousPeriod,
  resolveNamed,
  resolvePeriod,
  resolvePlan,
  type PeriodRef,
  type PlanRef,
  type ProgressTableRow,
} from '../store/progress-table.js';
import type { DB } from '../store/schema.js';
import { matchTasks } from '../store/search.js';
import { getSettings } from '../store/settings.js';
import { diffStatuses, type PeriodDiff } from './diff.js';
import { newFigures } from './figures.js';
import {
  progressTitle,
  type Briefing,
  type Figure,
  type Notice,
  type ProgressRow,
  type ProgressTable,
} from './model.js';

type Ref = string | number;

export interface ProgressQuery {
  plan: Ref;
  period: Ref;
  withStatus?: boolean;
  statuses?: Status[];
  unit?: Ref;
  leader?: Ref;
  /** The task list's other filters (the web app's 导出当前视图): theme, category, light, search words. */
  themeId?: number;
  categoryId?: number;
  lights?: Light[];
  q?: string;
  /** Today, `YYYY-MM-DD`, for "is the due date past" (lights of missing reports). */
  today: string;
}

async function scope(db: Kysely<DB>, plan: Ref, period: Ref): Promise<Result<{ plan: PlanRef; period: PeriodRef }>> {
  const p = await resolvePlan(db, plan);
  if (!p) return fail('not_found', `no plan “${plan}” (give a plan id or its exact title)`);
  if (typeof period === 'string' && !/^\d+$/.test(period) && !parsePeriod(period)) {
    return fail('bad_input', `“${period}” is not a period label (2023Q4, 2024-03, 2023H1, 2023)`);
  }
  const pe = await resolvePeriod(
    db,
    p.id,
    typeof period === 'string' && /^\d+$/.test(period) && !parsePeriod(period) ? Number(period) : period,
  );
  if (!pe) return fail('not_found', `plan “${p.title}” has no period ${period}`);
  return ok({ plan: p, period: pe });
}

async function named(
  db: Kysely<DB>,
  table: 'leaders' | 'units',
  ref: Ref | undefined,
): Promise<Result<{ id: number; name: string } | undefined>> {
  if (ref === undefined) return ok(undefined);
  const found = await resolveNamed(db, table, ref);
  return found ? ok(found) : fail('not_found', `no ${table === 'leaders' ? 'leader' : 'unit'} named “${ref}”`);
}

const dueOf = (p: PeriodRef): string => p.dueDate ?? p.endDate;

function parseAssessment(json: string | null): Assessment | null {
  if (!json) return null;
  try {
    const a = JSON.parse(json) as Assessment;
    return Array.isArray(a?.indicators) ? a : null;
  } catch {
    return null;
  }
}

export async function loadProgressTable(db: Kysely<DB>, q: ProgressQuery): Promise<Result<ProgressTable>> {
  const s = await scope(db, q.plan, q.period);
  if (!s.ok) return s;
  const unit = await named(db, 'units', q.unit);
  if (!unit.ok) return unit;
  const leader = await named(db, 'leaders', q.leader);
  if (!leader.ok) return leader;
  const planId = s.value.plan.id;
  const periodId = s.value.period.id;
  // Search words narrow to the tasks whose target or this period's report matches, as the task list does.
  const words = q.q?.trim();
  const taskIds = words ? [...(await matchTasks(db, { q: words, planId, periodId })).keys()] : undefined;
  const rows = await listProgressRows(db, {
    planId,
    periodId,
    statuses: q.statuses,
    unitId: unit.value?.id,
    leaderId: leader.value?.id,
    themeId: q.themeId,
    categoryId: q.categoryId,
    taskIds,
  });
  const { lights } = await getSettings(db);
  const period = s.value.period;
  // The task list's rule (src/store/tasks.ts), so a light filter exports exactly the rows on screen:
  // a missing report turns red once the period's due date has passed; without a due date it stays grey.
  const lightOptions = {
    dueDatePassed: period.dueDate != null && q.today > period.dueDate,
    thresholds: lights,
    periodEndMonth: Number(period.endDate.slice(5, 7)),
  };
  const table = rows.map((r): ProgressRow => {
    const assessment = parseAssessment(r.assessment);
    // The effective status (a human override wins) with the machine's indicators for how far behind.
    return { ...toRow(r), light: lightOf(assessment ? { ...assessment, status: r.status } : r.status, lightOptions) };
  });
  const selected = q.lights?.length ? table.filter((r) => q.lights!.includes(r.light!)) : table;
  if (selected.length === 0) {
    return fail(
      'not_found',
      `no tasks in scope (${describeScope(period.label, q, unit.value?.name, leader.value?.name)})`,
    );
  }
  return ok({
    title: progressTitle(s.value.plan.title, period.label),
    planTitle: s.value.plan.title,
    periodLabel: period.label,
    withStatus: q.withStatus ?? false,
    rows: selected,
  });
}

function describeScope(period: string, q: ProgressQuery, unit?: string, leader?: string): string {
  return [
    period,
    q.statuses?.length ? `status ${q.statuses.join(',')}` : '',
    unit ? `unit ${unit}` : '',
    leader ? `leader ${leader}` : '',
    q.themeId != null ? `theme ${q.themeId}` : '',
    q.categoryId != null ? `category ${q.categoryId}` : '',
    q.lights?.length ? `light ${q.lights.join(',')}` : '',
    q.q?.trim() ? `search “${q.q.trim()}”` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

const toRow = (r: ProgressTableRow): ProgressRow => ({
  taskId: r.taskId,
  seq: r.seq,
  theme: r.theme,
  category: r.category,
  target: r.target,
  leaders: r.leaders,
  units: r.units,
  progress: r.progress,
  status: r.status,
  reason: r.reason,
});

function figuresOf(assessment: Assessment | null): Figure[] {
  return (assessment?.indicators ?? [])
    .filter((i) => i.actual !== null)
    .map((i) => ({ metric: i.metric, actual: i.actual as number | string, unit: i.unit, period: i.actual_period }));
}

export async function loadBriefing(
  db: Kysely<DB>,
  q: { plan: Ref; period: Ref; leader: Ref; today: string },
): Promise<Result<Briefing>> {
  const s = await scope(db, q.plan, q.period);
  if (!s.ok) return s;
  const leader = await named(db, 'leaders', q.leader);
  if (!leader.ok) return leader;
  const who = leader.value!;
  const rows = await listProgressRows(db, { planId: s.value.plan.id, periodId: s.value.period.id, leaderId: who.id });
  if (rows.length === 0) return fail('not_found', `${who.name} leads no task of “${s.value.plan.title}”`);
  const prev = await previousPeriod(db, s.value.period);
  const before = new Map<number, ProgressTableRow>();
  if (prev) {
    const prevRows = await listProgressRows(db, {
      planId: s.value.plan.id,
      periodId: prev.id,
      taskIds: rows.map((r) => r.taskId),
    });
    // A task without a report row then was not yet part of the plan's cycle: no previous status.
    for (const r of prevRows) if (r.reportState !== null) before.set(r.taskId, r);
  }
  return ok({
    leader: who.name,
    planTitle: s.value.plan.title,
    periodLabel: s.value.period.label,
    previousPeriodLabel: prev?.label ?? null,
    date: q.today,
    tasks: rows.map((r) => {
      const was = before.get(r.taskId);
      const current = figuresOf(parseAssessment(r.assessment));
      return {
        ...toRow(r),
        status: r.status,
        reason: r.reason,
        previousStatus: was?.status ?? null,
        newFigures: prev ? newFigures(current, was ? figuresOf(parseAssessment(was.assessment)) : []) : [],
      };
    }),
  });
}

export async function loadNotice(
  db: Kysely<DB>,
  q: { plan: Ref; period: Ref; unit: Ref; today: string; contact?: string | null },
): Promise<Result<Notice>> {
  const s = await scope(db, q.plan, q.period);
  if (!s.ok) return s;
  const unit = await named(db, 'units', q.unit);
  if (!unit.ok) return unit;
  const due = dueOf(s.value.period);
  if (q.today <= due)
    return fail('not_found', `nothing is overdue yet: reports for ${s.value.period.label} are due ${due}`);
  const tasks = await listUnsubmitted(db, s.value.plan.id, s.value.period.id, unit.value!.id);
  if (tasks.length === 0)
    return fail('not_found', `${unit.value!.name} has no overdue task in ${s.value.period.label}`);
  return ok({
    unit: unit.value!.name,
    planTitle: s.value.plan.title,
    periodLabel: s.value.period.label,
    contact: q.contact ?? null,
    date: q.today,
    tasks: tasks.map((t) => ({
      seq: t.seq,
      target: t.target,
      leaders: t.leaders,
      dueDate: due,
      reminders: t.reminders,
      state: t.state,
    })),
  });
}

export interface LoadedDiff extends PeriodDiff {
  plan: { id: number; title: string };
  from: string;
  to: string;
}

export async function loadDiff(db: Kysely<DB>, q: { plan: Ref; from: Ref; to: Ref }): Promise<Result<LoadedDiff>> {
  const a = await scope(db, q.plan, q.from);
  if (!a.ok) return a;
  const b = await scope(db, q.plan, q.to);
  if (!b.ok) return b;
  const [before, after] = await Promise.all([
    listPeriodStatuses(db, a.value.plan.id, a.value.period.id),
    listPeriodStatuses(db, b.value.plan.id, b.value.period.id),
  ]);
  if (before.length === 0 && after.length === 0)
    return fail('not_found', `no reports in ${a.value.period.label} or ${b.value.period.label}`);
  return ok({
    plan: { id: a.value.plan.id, title: a.value.plan.title },
    from: a.value.period.label,
    to: b.value.period.label,
    ...diffStatuses(before, after),
  });
}
