// Links into the task list with filters, so every chart segment and card opens the tasks behind it.
import type { Status } from '../api/types';

export interface TaskFilter {
  planId?: number;
  periodId?: number;
  themeId?: number;
  categoryId?: number;
  leaderId?: number;
  unitId?: number;
  status?: Status;
  light?: string;
  q?: string;
}

export function taskListLink(filter: TaskFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `/tasks?${s}` : '/tasks';
}
