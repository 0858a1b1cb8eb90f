// Start-up work done before React renders: fetch the first screen's code and data in parallel
// instead of one after the other (app code → login check → layout → plans → periods → dashboard).
// This module is part of the small entry chunk (main.tsx): it must not import React or Ant Design,
// so that it runs as soon as the page's first script has arrived.
// The plan and period last seen are remembered so a returning user's dashboard data is
// requested at once; if they changed, the page simply asks again.
// Pages never import this module (it imports them): what they share with it lives in chunk.ts,
// charts-chunk.ts and boot-ids.ts.
import { prefetchesSettled } from '../api/client';
import { firstScreen } from '../api/endpoints';
import { bootIds } from './boot-ids';
import { loadCharts } from './charts-chunk';
import { chunk, type ChunkLoader } from './chunk';

export type { ChunkLoader };

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

function pageFor(pathname: string): keyof typeof loaders | null {
  const first = pathname.split('/')[1] ?? '';
  if (first === '') return 'dashboard';
  if (first === 'tasks') return pathname.split('/')[2] ? 'taskDetail' : 'tasks';
  if (first === 'account' || first === 'password') return 'password';
  return first in loaders ? (first as keyof typeof loaders) : null;
}

/**
 * Starts loading the first screen of `pathname`: its code and, for a returning user, its data.
 * Resolves when all of it has arrived (or failed), so that the first render can show the page
 * with its data at once (see start.tsx).
 */
export function boot(pathname: string, search: string): Promise<void> {
  const code: Promise<unknown>[] = [];
  const load = (loader: () => Promise<unknown>) => code.push(loader().catch(() => {}));
  if (pathname === '/login') {
    load(loaders.login);
    return Promise.all(code).then(() => undefined);
  }
  // Data first: these answers are small and the server has them at hand, while the browser
  // requests at most six files at a time from one server and the code is ~40 files.
  const page = pageFor(pathname);
  firstScreen.me().prefetch();
  firstScreen.plans().prefetch();
  const ids = bootIds();
  if (ids) {
    firstScreen.periods(ids.planId).prefetch();
    if (page === 'dashboard') {
      const periodId = Number(new URLSearchParams(search).get('periodId')) || ids.periodId;
      firstScreen.dashboard({ planId: ids.planId, periodId }).prefetch();
      firstScreen.trend(ids.planId).prefetch();
    }
  }
  load(loaders.layout);
  if (page) load(loaders[page]);
  // ECharts is drawn after the cards, so the first render does not wait for it.
  if (page === 'dashboard') void loadCharts().catch(() => {});
  return Promise.all([...code, prefetchesSettled()]).then(() => undefined);
}
