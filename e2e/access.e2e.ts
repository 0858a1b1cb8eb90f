// Scope in the browser: a unit cannot open another unit's task (the page says so, the API refuses),
// and no page of the app requests anything outside 127.0.0.1 (closed government networks).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiLogin, demoAccount } from './helpers/api.js';
import type { DemoRole } from './helpers/api.js';
import { foreignRequests, launchBrowser, openSession } from './helpers/browser.js';
import { currentPlan, listTasks } from './helpers/scenario.js';
import { startServer } from './helpers/server.js';
import type { RunningServer } from './helpers/server.js';
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

describe('access', () => {
  it("a unit cannot open another unit's task", async () => {
    const adminApi = await apiLogin(server.baseUrl, 'admin');
    const unitApi = await apiLogin(server.baseUrl, 'unit');
    const { planId, period } = await currentPlan(adminApi);
    const all = await listTasks(adminApi, planId, period.id);
    const own = new Set((await listTasks(unitApi, planId, period.id)).map((t) => t.id));
    expect(own.size).toBeGreaterThan(0);
    const foreign = all.find((t) => !own.has(t.id));
    expect(foreign, 'the demo unit should not lead every task').toBeDefined();
    expect([403, 404]).toContain(await unitApi.status(`/tasks/${foreign!.id}`));

    const s = await openSession(browser, server.baseUrl, 'access-unit');
    await new LoginPage(s.page).goto();
    await new LoginPage(s.page).loginAs(demoAccount('unit'));
    await s.page.goto(`/tasks/${foreign!.id}`);
    await s.page.getByText(/无权查看此任务|任务不存在/).waitFor();
    expect(await s.page.getByText(foreign!.target, { exact: true }).count()).toBe(0);
    await s.shot('foreign-task');

    // Its own task opens.
    const mine = [...own][0];
    await s.page.goto(`/tasks/${mine}`);
    await s.page.getByRole('heading', { name: /^任务 \d+/ }).waitFor();
    await s.shot('own-task');
    await s.close();
  });

  it('no page requests anything outside 127.0.0.1', async () => {
    const pages: Record<string, string[]> = {
      admin: [
        '/',
        '/tasks',
        '/tasks?q=%E6%8A%95%E8%B5%84',
        '/review',
        '/overdue',
        '/import',
        '/admin',
        '/admin?tab=users',
        '/admin?tab=channels',
        '/admin?tab=tokens',
        '/admin?tab=settings',
        '/admin?tab=audit',
        '/supervision',
        '/instructions',
        '/screen',
        '/password',
      ],
      unit: ['/workspace', '/tasks', '/', '/supervision', '/instructions'],
      leader: ['/', '/tasks', '/overdue', '/supervision', '/instructions'],
      viewer: ['/', '/tasks'],
    };
    const requests: string[] = [];
    for (const [role, paths] of Object.entries(pages)) {
      const s = await openSession(browser, server.baseUrl, `offline-${role}`);
      await new LoginPage(s.page).goto();
      await new LoginPage(s.page).loginAs(demoAccount(role as DemoRole));
      for (const path of paths) {
        await s.page.goto(path);
        await s.page.locator('h1').first().waitFor();
        await s.page.waitForLoadState('networkidle');
        await s.shot(path.replace(/[^a-z]+/gi, '_') || 'home');
      }
      const pageErrors = s.errors.filter((e) => e.startsWith('pageerror'));
      expect(pageErrors, `${role}: uncaught errors`).toEqual([]);
      requests.push(...s.requests);
      await s.close();
    }
    expect(requests.length).toBeGreaterThan(20);
    expect(foreignRequests(requests, server.baseUrl)).toEqual([]);
  });
});
