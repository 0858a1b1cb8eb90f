// Start-up work done before React renders: fetch the first screen's code and data in parallel
// instead of one after the other (app code → login check → layout → plans → periods → dashboard).
// This module is part of the small entry chunk (main.tsx): it must not import React or Ant Design,
// so that it runs as soon as the page's first script has arrived.
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

/**
 * A chunk loader that imports once and remembers the module, so that code which runs later can
 * tell whether the chunk is already here (see `loaded`). A failed import is forgotten, so the
 * next call tries again (a network hiccup must not break the page for good).
 */
export interface ChunkLoader<M> {
  (): Promise<M>;
  /** The module, once its import has finished; undefined before. */
  loaded: () => M | undefined;
}

function chunk<M>(load: () => Promise<M>): ChunkLoader<M> {
  let promise: Promise<M> | undefined;
  let module: M | undefined;
  const loader = () =>
    (promise ??= load().then(
      (m) => (module = m),
      (e: unknown) => {
        promise = undefined;
        throw e;
      },
    ));
  loader.loaded = () => module;
  return loader;
}

/** Route chunks, shared with App.tsx so a preload and the route use the same import. */
export const loaders = {
  login: chunk(() => import('../pages/login/LoginPage')),
  layout: chunk(() => import('../layout/AppLayout')),
  dashboard: chunk(() => import('../pages/dashboard/DashboardPage')),
  tasks: chunk(() => import('../pages/tasks/TaskListPage')),
  taskDetail: chunk(() => import('../pages/task-detail/TaskDetailPage')),
  workspace: chunk(() => import('../pages/workspace/WorkspacePage')),
  review: chunk(() => import('../pages/review/ReviewPage')),
  overdue: chunk(() => import('../pages/overdue/OverduePage')),
  compare: chunk(() => import('../pages/compare/ComparePage')),
  import: chunk(() => import('../pages/import/ImportPage')),
  admin: chunk(() => import('../pages/admin/AdminPage')),
  password: chunk(() => import('../pages/account/PasswordPage')),
};

/** ECharts (the charts and components the dashboard draws): requested with the dashboard, run on demand. */
export const loadCharts = chunk(() => import('../components/charts/echarts'));

function pageFor(pathname: string): keyof typeof loaders | null {
  const first = pathname.split('/')[1] ?? '';
  if (first === '') return 'dashboard';
  if (first === 'tasks') return pathname.split('/')[2] ? 'taskDetail' : 'tasks';
  if (first === 'account' || first === 'password') return 'password';
  return first in loaders ? (first as keyof typeof loaders) : null;
}

export function boot(pathname: string, search: string): void {
  if (pathname === '/login') {
    void loaders.login().catch(() => {});
    return;
  }
  prefetchGet('/auth/me');
  prefetchGet('/plans');
  void loaders.layout().catch(() => {});
  const page = pageFor(pathname);
  if (page) void loaders[page]().catch(() => {});
  if (page === 'dashboard') void loadCharts().catch(() => {});
  const ids = bootIds();
  if (!ids) return;
  prefetchGet(`/plans/${ids.planId}/periods`);
  if (page === 'dashboard') {
    const periodId = Number(new URLSearchParams(search).get('periodId')) || ids.periodId;
    prefetchGet('/dashboard', { planId: ids.planId, periodId });
    prefetchGet('/dashboard/trend', { planId: ids.planId });
  }
}
