// The import wizard: upload a progress table, see the parser's warnings on the cells, fix a
// cell inline, confirm; the API then holds the new plan with the edited value.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('reads a saved web page, says it read a page, and imports its tasks', async () => {
    const page = fileURLToPath(new URL('../test/fixtures/parse/district-q3-saved-page.html', import.meta.url));
    const s = await openSession(browser, server.baseUrl, 'import-page');
    await new LoginPage(s.page).goto();
    await new LoginPage(s.page).loginAs(demoAccount('admin'));
    const wizard = new ImportWizard(s.page);
    await wizard.goto();
    await wizard.upload(page);
    await s.page.getByText('识别为 网页').waitFor();
    await s.shot('page-preview');
    await wizard.fillMeta({ planTitle: '2024年某区政府工作报告重点任务（网页导入）', region: '某区', year: 2024 });
    expect(await wizard.confirm()).toContain('新增 4 项');
    const api = await apiLogin(server.baseUrl, 'admin');
    const plan = (await api.get<{ title: string; taskCount: number }[]>('/plans')).find((p) =>
      p.title.includes('网页导入'),
    );
    expect(plan?.taskCount).toBe(4);
    await s.close();
  });

  it('unifies a unit spelt another way at import, so the task lands on the existing unit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-e2e-'));
    const file = join(dir, '余杭区2024年一季度进展情况表.txt');
    writeFileSync(
      file,
      [
        '2024年余杭区政府工作报告重点工作任务一季度进展情况表',
        '序号\t重点工作任务\t具体目标任务\t牵头区领导\t牵头单位\t进展情况',
        '1\t对外开放\t实际利用外资5亿美元\t陶峰\t区商务委\t一季度实际利用外资1.2亿美元。',
      ].join('\n'),
    );
    const s = await openSession(browser, server.baseUrl, 'import-unify');
    await new LoginPage(s.page).goto();
    await new LoginPage(s.page).loginAs(demoAccount('admin'));
    const wizard = new ImportWizard(s.page);
    await wizard.goto();
    await wizard.upload(file);
    // The demo already has 区商务局: the wizard offers to read the table's 区商务委 as it.
    await s.page.getByRole('button', { name: '统一为「区商务局」' }).click();
    await s.page.getByText('已统一：区商务委 → 区商务局').waitFor();
    await wizard.fillMeta({
      planTitle: '2024年余杭区政府工作报告重点工作任务',
      region: '余杭区',
      year: 2024,
      period: '2024Q1',
    });
    await s.shot('unified');
    expect(await wizard.confirm()).toContain('新增 1 项');

    const api = await apiLogin(server.baseUrl, 'admin');
    const units = await api.get<{ name: string }[]>('/units');
    expect(units.map((u) => u.name)).not.toContain('区商务委');
    const plan = (await api.get<{ id: number; title: string }[]>('/plans')).find((p) => p.title.includes('余杭区'));
    const periods = await api.get<{ id: number }[]>(`/plans/${plan!.id}/periods`);
    const tasks = await listTasks(api, plan!.id, periods[0].id);
    expect(tasks[0]?.units.map((u) => u.name)).toEqual(['区商务局']);
    // The other spelling is remembered: the next table that uses it is not asked about again.
    const again = await api.get<{ action: string }[] | { items: { action: string }[] }>('/audit?action=unit.alias');
    expect(JSON.stringify(again)).toContain('unit.alias');
    await s.close();
  });
});
