// The import wizard: upload a progress table, see the parser's warnings on the cells, fix a
// cell inline, confirm; the API then holds the new plan with the edited value.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiLogin, demoAccount } from './helpers/api.js';
import { foreignRequests, launchBrowser, openSession } from './helpers/browser.js';
import { listTasks } from './helpers/scenario.js';
import { startServer } from './helpers/server.js';
import type { RunningServer } from './helpers/server.js';
import { ImportWizard } from './page-models/ImportWizard.js';
import { LoginPage } from './page-models/LoginPage.js';

const TABLE = fileURLToPath(new URL('./fixtures/linping-2024-q1.txt', import.meta.url));
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

describe('import wizard', () => {
  it('imports a table after the admin fixes a warned cell', async () => {
    const s = await openSession(browser, server.baseUrl, 'import');
    await new LoginPage(s.page).goto();
    await new LoginPage(s.page).loginAs(demoAccount('admin'));
    const wizard = new ImportWizard(s.page);
    await wizard.goto();
    await s.shot('upload');
    await wizard.upload(TABLE);
    // Blank merged cells were filled from the row above; the wizard marks them.
    expect(await wizard.warnedCells()).toBeGreaterThan(0);
    await s.shot('preview');

    await wizard.editCell(/^第 4 项 牵头单位/, '区建设局');
    await s.page.getByRole('button', { name: /^第 4 项 牵头单位：区建设局/ }).waitFor();
    await wizard.fillMeta({
      planTitle: '2024年临平区政府工作报告重点工作任务',
      region: '临平区',
      year: 2024,
      period: '2024Q1',
    });
    await s.shot('fixed');
    const summary = await wizard.confirm();
    expect(summary).toContain('新增 4 项');
    await s.shot('done');

    const api = await apiLogin(server.baseUrl, 'admin');
    const plans = await api.get<{ id: number; title: string; taskCount: number }[]>('/plans');
    const plan = plans.find((p) => p.title.includes('临平区'));
    expect(plan?.taskCount).toBe(4);
    const periods = await api.get<{ id: number; label: string }[]>(`/plans/${plan!.id}/periods`);
    const tasks = await listTasks(api, plan!.id, periods[0].id);
    expect(tasks.find((t) => t.seq === 4)?.units.map((u) => u.name)).toEqual(['区建设局']);
    expect(foreignRequests(s.requests, server.baseUrl)).toEqual([]);
    await s.close();
  });
});
