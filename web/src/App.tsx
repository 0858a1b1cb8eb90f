// Routes. Each page is its own chunk, so the login page loads only what it shows.
import { lazy, Suspense, useState } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Button } from 'antd';
import { messageOf } from './api/client';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { ErrorBoundary } from './components/ErrorBoundary';
import { PageLoading } from './components/Feedback';
import { Notice } from './components/Notice';
import type { Role } from './api/types';
import { loaders } from './lib/boot';
import type { ChunkLoader } from './lib/boot';

/**
 * A route's page from its chunk. When the chunk is already here (boot.ts requested it at start),
 * the page renders at once. React.lazy would suspend on its first render even then, and React
 * shows the content that replaces a Suspense fallback no sooner than 300 ms after the last
 * fallback appeared — twice on the way to the dashboard (layout, then page). Otherwise React.lazy.
 * The choice is made once per mount, so a page never remounts when its chunk arrives.
 */
function routePage(load: ChunkLoader<{ default: ComponentType }>): ComponentType {
  const Lazy = lazy(load);
  return function RoutePage() {
    const [Page] = useState(() => load.loaded()?.default ?? Lazy);
    return <Page />;
  };
}

const LoginPage = routePage(loaders.login);
const AppLayout = routePage(loaders.layout);
const DashboardPage = routePage(loaders.dashboard);
const TaskListPage = routePage(loaders.tasks);
const TaskDetailPage = routePage(loaders.taskDetail);
const WorkspacePage = routePage(loaders.workspace);
const ReviewPage = routePage(loaders.review);
const OverduePage = routePage(loaders.overdue);
const ComparePage = routePage(loaders.compare);
const ImportPage = routePage(loaders.import);
const AdminPage = routePage(loaders.admin);
const PasswordPage = routePage(loaders.password);
// Supervision pages (docs/supervision.md): plain lazy chunks, not on anyone's first screen.
const SupervisionPage = lazy(() => import('./pages/supervision/SupervisionPage'));
const InstructionsPage = lazy(() => import('./pages/instructions/InstructionsPage'));
const BigScreenPage = lazy(() => import('./pages/cockpit/BigScreenPage'));

function RequireAuth({ children }: { children: ReactNode }) {
  const { user, checking, startupError, retry } = useAuth();
  const location = useLocation();
  if (checking) return <PageLoading tip="正在确认登录状态…" />;
  if (startupError)
    return (
      <Notice
        tone="warning"
        title="无法连接督办服务器"
        actions={
          <Button type="primary" onClick={retry}>
            重试
          </Button>
        }
      >
        {messageOf(startupError)}
      </Notice>
    );
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** A page only some roles may open; the others get a clear answer instead of a blank page. */
function RoleGate({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useAuth();
  if (user && !roles.includes(user.role))
    return (
      <Notice tone="warning" title="没有权限">
        您的账号不能使用此页面。请从左侧菜单选择其他功能。
      </Notice>
    );
  return <>{children}</>;
}

export function App() {
  return (
    <ErrorBoundary>
      <AuthProvider>
        <BrowserRouter>
          <Suspense fallback={<PageLoading />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route
                path="/screen"
                element={
                  <RequireAuth>
                    <RoleGate roles={['admin', 'leader', 'viewer']}>
                      <BigScreenPage />
                    </RoleGate>
                  </RequireAuth>
                }
              />
              <Route
                element={
                  <RequireAuth>
                    <AppLayout />
                  </RequireAuth>
                }
              >
                <Route index element={<DashboardPage />} />
                <Route path="tasks" element={<TaskListPage />} />
                <Route path="tasks/:id" element={<TaskDetailPage />} />
                <Route
                  path="workspace"
                  element={
                    <RoleGate roles={['unit', 'admin']}>
                      <WorkspacePage />
                    </RoleGate>
                  }
                />
                <Route
                  path="review"
                  element={
                    <RoleGate roles={['admin']}>
                      <ReviewPage />
                    </RoleGate>
                  }
                />
                <Route
                  path="overdue"
                  element={
                    <RoleGate roles={['admin', 'leader', 'viewer']}>
                      <OverduePage />
                    </RoleGate>
                  }
                />
                <Route path="supervision" element={<SupervisionPage />} />
                <Route path="instructions" element={<InstructionsPage />} />
                <Route
                  path="compare"
                  element={
                    <RoleGate roles={['admin', 'viewer']}>
                      <ComparePage />
                    </RoleGate>
                  }
                />
                <Route
                  path="import"
                  element={
                    <RoleGate roles={['admin']}>
                      <ImportPage />
                    </RoleGate>
                  }
                />
                <Route
                  path="admin"
                  element={
                    <RoleGate roles={['admin']}>
                      <AdminPage />
                    </RoleGate>
                  }
                />
                <Route path="password" element={<PasswordPage />} />
                <Route path="*" element={<Notice title="页面不存在">请从左侧菜单选择要使用的功能。</Notice>} />
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </AuthProvider>
    </ErrorBoundary>
  );
}
