// The dashboard shows what the API says: the status cards equal /api/dashboard for the same
// plan and period, and a card opens the task list filtered to that status with as many rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiLogin, demoAccount } from './helpers/api.js';
import { foreignRequests, launchBrowser, openSession } from './helpers/browser.js';
import { currentPlan } from './helpers/scenario.js';
import { startServer } from './helpers/server.js';
import type { RunningServer } from './helpers/server.js';
import { DashboardPage } from './page-models/DashboardPage.js';
import { LoginPage } from './page-models/LoginPage.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Counts = Record<'done' | 'on_track' | 'behind' | 'pending' | 'no_report', number>;

describe('dashboard', () => {
  for (const role of ['admin', 'leader'] as const) {
    it(`shows the same status counts as the API for the ${role}`, async () => {
      const api = await apiLogin(server.baseUrl, role);
      const { planId, period } = await currentPlan(api);
      const expected = (await api.get<{ counts: Counts }>(`/dashboard?planId=${planId}&periodId=${period.id}`)).counts;

      const s = await openSession(browser, server.baseUrl, `dashboard-${role}`);
      await new LoginPage(s.page).goto();
      await new LoginPage(s.page).loginAs(demoAccount(role));
      const dashboard = new DashboardPage(s.page);
      await dashboard.goto(`?periodId=${period.id}`);
      await s.page.locator('canvas').first().waitFor();
      await s.shot('dashboard');
      const shown = await dashboard.counts();
      expect(shown).toEqual({
        done: expected.done ?? 0,
        on_track: expected.on_track ?? 0,
        behind: expected.behind ?? 0,
        pending: expected.pending ?? 0,
        no_report: expected.no_report ?? 0,
      });
      // The sum is the plan's task count in scope, so no status is silently dropped.
      const total = Object.values(shown).reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThan(0);

      // Click-through: the 进度滞后 card opens the task list with exactly those tasks.
      await s.page.getByTestId('count-behind').click();
      await s.page.getByRole('heading', { name: '任务清单' }).waitFor();
      expect(new URL(s.page.url()).searchParams.get('status')).toBe('behind');
      if (shown.behind > 0) await s.page.getByText(`共 ${shown.behind} 项`).waitFor();
      else await s.page.getByText('没有符合条件的任务').waitFor();
      await s.shot('tasks-behind');

      expect(foreignRequests(s.requests, server.baseUrl)).toEqual([]);
      await s.close();
    });
  }

  it("renders a returning user's dashboard from the data requested at start-up, asking for each answer once", async () => {
    const api = await apiLogin(server.baseUrl, 'admin');
    const { planId, period } = await currentPlan(api);
    const expected = (await api.get<{ counts: Counts }>(`/dashboard?planId=${planId}&periodId=${period.id}`)).counts;

    const s = await openSession(browser, server.baseUrl, 'dashboard-returning');
    await new LoginPage(s.page).goto();
    await new LoginPage(s.page).loginAs(demoAccount('admin'));
    const dashboard = new DashboardPage(s.page);
    await dashboard.goto();
    await s.page.locator('canvas').first().waitFor();

    // The browser remembers the plan and period: a new visit requests their data with the code.
    const apiCalls: string[] = [];
    s.page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) apiCalls.push(url.pathname + url.search);
    });
    await dashboard.goto();
    await s.page.locator('canvas').first().waitFor();
    await s.shot('dashboard-returning');
    expect(await dashboard.counts()).toEqual({
      done: expected.done ?? 0,
      on_track: expected.on_track ?? 0,
      behind: expected.behind ?? 0,
      pending: expected.pending ?? 0,
      no_report: expected.no_report ?? 0,
    });
    const count = (prefix: string) => apiCalls.filter((u) => u === prefix || u.startsWith(prefix + '?')).length;
    expect(count('/api/auth/me')).toBe(1);
    expect(count('/api/plans')).toBe(1);
    expect(count(`/api/plans/${planId}/periods`)).toBe(1);
    expect(count('/api/dashboard')).toBe(1);
    expect(count('/api/dashboard/trend')).toBe(1);

    // A remembered period that no longer exists: the page ignores that answer and shows the current one.
    await s.page.evaluate(() =>
      localStorage.setItem('duban.boot', JSON.stringify({ planId: 987654, periodId: 987654 })),
    );
    await dashboard.goto();
    await s.page.locator('canvas').first().waitFor();
    expect(await dashboard.periodLabel()).toContain(period.label);
    expect((await dashboard.counts()).behind).toBe(expected.behind ?? 0);
    // The stale prefetches answer 404 (the browser logs them); nothing on the page failed.
    expect(s.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    await s.close();
  });

  it('lays the page out for the screen from the first render: never the phone menu on a desktop, never the side menu on a phone', async () => {
    for (const [name, viewport, phone] of [
      ['desktop', { width: 1366, height: 768 }, false],
      ['phone', { width: 390, height: 844 }, true],
    ] as const) {
      const s = await openSession(browser, server.baseUrl, `dashboard-layout-${name}`, viewport);
      await new LoginPage(s.page).goto();
      await new LoginPage(s.page).loginAs(demoAccount('admin'));
      // Records, from the page's first script on, whether either menu ever appeared while loading.
      await s.page.addInitScript(() => {
        const seen = { drawerButton: false, sider: false };
        (window as unknown as { __menus: typeof seen }).__menus = seen;
        // Every node ever added counts, even one React replaced again before the browser painted:
        // a node removed later is seen among the removed ones (an added subtree is only looked
        // at after the task, when React may have changed it).
        const check = (node: Node) => {
          if (!(node instanceof Element)) return;
          if (node.matches('button[aria-label="打开菜单"]') || node.querySelector('button[aria-label="打开菜单"]'))
            seen.drawerButton = true;
          if (node.matches('.ant-layout-sider') || node.querySelector('.ant-layout-sider')) seen.sider = true;
        };
        new MutationObserver((records) =>
          records.forEach((r) => {
            r.addedNodes.forEach(check);
            r.removedNodes.forEach(check);
          }),
        ).observe(document, { childList: true, subtree: true });
      });
      await new DashboardPage(s.page).goto();
      await s.shot('dashboard');
      const seen = await s.page.evaluate(() => (window as unknown as { __menus: object }).__menus);
      expect(seen, name).toEqual({ drawerButton: phone, sider: !phone });
      if (phone) {
        // On a phone the menu opens as a drawer, and its entries work.
        await s.page.getByRole('button', { name: '打开菜单' }).click();
        await s.page.getByRole('menuitem', { name: '任务清单' }).click();
        await s.page.getByRole('heading', { name: '任务清单' }).waitFor();
        await s.shot('menu-to-tasks');
      }
      await s.close();
    }
  });

  it("loads the leader list when the picker is opened, and shows that leader's counts once one is chosen", async () => {
    const api = await apiLogin(server.baseUrl, 'admin');
    const { planId, period } = await currentPlan(api);
    const leaders = await api.get<{ id: number; name: string }[]>('/leaders');
    const leader = leaders[0];
    const expected = (
      await api.get<{ counts: Counts }>(`/dashboard?planId=${planId}&periodId=${period.id}&leaderId=${leader.id}`)
    ).counts;

    const s = await openSession(browser, server.baseUrl, 'dashboard-leader-filter');
    await new LoginPage(s.page).goto();
    await new LoginPage(s.page).loginAs(demoAccount('admin'));
    const listRequests: string[] = [];
    s.page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path === '/api/leaders' || path === '/api/units') listRequests.push(path);
    });
    const dashboard = new DashboardPage(s.page);
    await dashboard.goto(`?periodId=${period.id}`);
    await s.page.locator('canvas').first().waitFor();
    expect(listRequests).toEqual([]);

    await s.page.getByRole('combobox', { name: '牵头领导' }).click();
    // Ant Design draws each choice as .ant-select-item-option (its role="option" list is for screen readers).
    await s.page.locator('.ant-select-item-option').filter({ hasText: leader.name }).first().click();
    // The counts change when the filtered answer arrives; they must all become the leader's.
    await expect
      .poll(() => dashboard.counts(), { timeout: 10_000 })
      .toEqual({
        done: expected.done ?? 0,
        on_track: expected.on_track ?? 0,
        behind: expected.behind ?? 0,
        pending: expected.pending ?? 0,
        no_report: expected.no_report ?? 0,
      });
    await s.shot('filtered-by-leader');
    expect(listRequests).toContain('/api/leaders');
    await s.close();
  });
});
