// Shared look-ups for the browser tests, answered by the API (never by the page under test).
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/period.js';
import type { Status } from '../../src/domain/status.js';
import type { ApiClient } from './api.js';

export interface PeriodRow {
  id: number;
  label: string;
  state: 'open' | 'closed';
  dueDate: string | null;
}
export interface TaskRow {
  id: number;
  seq: number;
  target: string;
  units: { id: number; name: string }[];
  report: null | { id: number; state: string; status: Status; text: string };
}

export async function currentPlan(api: ApiClient): Promise<{ planId: number; period: PeriodRow }> {
  const plans = await api.get<{ id: number; year: number }[]>('/plans');
  if (plans.length === 0) throw new Error('the demo has no plan');
  const plan = [...plans].sort((a, b) => b.year - a.year || b.id - a.id)[0];
  const periods = await api.get<PeriodRow[]>(`/plans/${plan.id}/periods`);
  const period = periods.find((p) => p.state === 'open') ?? periods[0];
  if (!period) throw new Error('the demo plan has no period');
  return { planId: plan.id, period };
}

export async function listTasks(api: ApiClient, planId: number, periodId: number, extra = ''): Promise<TaskRow[]> {
  const out: TaskRow[] = [];
  for (let page = 1; page < 50; page++) {
    const r = await api.get<{ items: TaskRow[]; total: number }>(
      `/tasks?planId=${planId}&periodId=${periodId}&pageSize=200&page=${page}${extra}`,
    );
    out.push(...r.items);
    if (out.length >= r.total || r.items.length === 0) break;
  }
  return out;
}

export interface LiveScenario {
  task: TaskRow;
  behindText: string;
  doneText: string;
}

/**
 * Finds one of the unit's editable tasks whose target has a single rate indicator (growth or
 * share, %), and two progress texts that the assessor itself judges `behind` and `done` — so the
 * test checks that the form shows the assessor's verdict live, whatever the demo data holds.
 */
export function findLiveScenario(tasks: TaskRow[], periodLabel: string): LiveScenario | null {
  const period = parsePeriod(periodLabel);
  for (const task of tasks) {
    if (!task.report || !['draft', 'returned'].includes(task.report.state)) continue;
    const probe = assessTask({ target: task.target, progress: '' }, { period });
    if (probe.status !== 'no_report' || probe.indicators.length !== 1) continue;
    const ind = probe.indicators[0];
    if (
      ind.unit !== '%' ||
      ind.direction !== 'at_least' ||
      typeof ind.floor !== 'number' ||
      typeof ind.target !== 'number'
    )
      continue;
    const low = ind.floor > 2 ? Math.round((ind.floor - 2) * 10) / 10 : Math.round(ind.floor * 5) / 10;
    const high = Math.round((ind.target + 1.2) * 10) / 10;
    const behindText = `全年${ind.metric}${low}%。`;
    const doneText = `全年${ind.metric}${high}%。`;
    const a = assessTask({ target: task.target, progress: behindText }, { period }).status;
    const b = assessTask({ target: task.target, progress: doneText }, { period }).status;
    if (a === 'behind' && b === 'done') return { task, behindText, doneText };
  }
  return null;
}
