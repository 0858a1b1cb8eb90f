// Start-up work done before React renders: fetch the first screen's code and data in parallel
// instead of one after the other (login check → layout → plans → periods → dashboard).
// The plan and period last seen are remembered so a returning user's dashboard data is
// requested at once; if they changed, the page simply asks again.
import { prefetchGet } from '../api/client';

const BOOT_KEY = 'duban.boot';

export function rememberBootIds(planId: number, periodId: number): void {
  try {
    localStorage.setItem(BOOT_KEY, JSON.stringify({ planId, periodId }));
  } catch {
    /* private mode: no prefetch next time */
  }
}

function bootIds(): { planId: number; periodId: number } | null {
  try {
    const v = JSON.parse(localStorage.getItem(BOOT_KEY) ?? 'null') as { planId?: unknown; periodId?: unknown } | null;
    return v && typeof v.planId === 'number' && typeof v.periodId === 'number'
      ? { planId: v.planId, periodId: v.periodId }
      : null;
  } catch {
    return null;
  }
}

/** Route chunks, shared with App.tsx so a preload and React.lazy use the same import. */
export const loaders = {
  login: () => import('../pages/login/LoginPage'),
  layout: () => import('../layout/AppLayout'),
  dashboard: () => import('../pages/dashboard/DashboardPage'),
  tasks: () => import('../pages/tasks/TaskListPage'),
  taskDetail: () => import('../pages/task-detail/TaskDetailPage'),
  workspace: () => import('../pages/workspace/WorkspacePage'),
  review: () => import('../pages/review/ReviewPage'),
  overdue: () => import('../pages/overdue/OverduePage'),
  compare: () => import('../pages/compare/ComparePage'),
  import: () => import('../pages/import/ImportPage'),
  admin: () => import('../pages/admin/AdminPage'),
  password: () => import('../pages/account/PasswordPage'),
};

function pageFor(pathname: string): keyof typeof loaders | null {
  const first = pathname.split('/')[1] ?? '';
  if (first === '') return 'dashboard';
  if (first === 'tasks') return pathname.split('/')[2] ? 'taskDetail' : 'tasks';
  if (first === 'account' || first === 'password') return 'password';
  return first in loaders ? (first as keyof typeof loaders) : null;
}

export function boot(pathname: string, search: string): void {
  if (pathname === '/login') {
    void loaders.login();
    return;
  }
  prefetchGet('/auth/me');
  prefetchGet('/plans');
  void loaders.layout();
  const page = pageFor(pathname);
  if (page) void loaders[page]();
  const ids = bootIds();
  if (!ids) return;
  prefetchGet(`/plans/${ids.planId}/periods`);
  if (page === 'dashboard') {
    const periodId = Number(new URLSearchParams(search).get('periodId')) || ids.periodId;
    prefetchGet('/dashboard', { planId: ids.planId, periodId });
    prefetchGet('/dashboard/trend', { planId: ids.planId });
  }
}
