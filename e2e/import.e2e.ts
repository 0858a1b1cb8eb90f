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

  it('reads an Excel 97-2003 workbook (.xls), names its format and sheet, and imports its tasks', async () => {
    const xls = fileURLToPath(new URL('../test/fixtures/parse/office97/donghu-2024-q3.xls', import.meta.url));
    const s = await openSession(browser, server.baseUrl, 'import-xls');
    await new LoginPage(s.page).goto();
    await new LoginPage(s.page).loginAs(demoAccount('admin'));
    const wizard = new ImportWizard(s.page);
    await wizard.goto();
    await wizard.upload(xls);
    await s.page.getByText('识别为 Excel 97-2003 表格').waitFor();
    await s.shot('xls-preview');
    await wizard.fillMeta({ planTitle: '2024年东湖区政府工作报告重点任务（xls导入）', region: '东湖区', year: 2024 });
    expect(await wizard.confirm()).toContain('新增 4 项');
    const api = await apiLogin(server.baseUrl, 'admin');
    const plan = (await api.get<{ title: string; taskCount: number }[]>('/plans')).find((p) =>
      p.title.includes('xls导入'),
    );
    expect(plan?.taskCount).toBe(4);
    await s.close();
  });

  it('stores a table numbered anew in each section, and joins the next month’s table to its plan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-e2e-'));
    const tableOf = (months: string, reports: string[]) => {
      const file = join(dir, `民生实事${months}月.txt`);
      writeFileSync(
        file,
        [
          `2024年某街道民生实事${months}月完成情况表`,
          '序号\t项目\t目标任务\t责任单位\t完成情况',
          '一、\t公共交通\t\t\t',
          `①\t\t新开公交线路10条\t街道城建办\t${reports[0]}`,
          `②\t\t新增公交车50辆\t街道城建办\t${reports[1]}`,
          '二、\t教育\t\t\t',
          `①\t\t新增学位3000个\t街道社会事务办\t${reports[2]}`,
        ].join('\n'),
      );
      return file;
    };
    const s = await openSession(browser, server.baseUrl, 'import-renumbered');
    await new LoginPage(s.page).goto();
    await new LoginPage(s.page).loginAs(demoAccount('admin'));
    const wizard = new ImportWizard(s.page);
    await wizard.goto();
    await wizard.upload(tableOf('1-8', ['已开通6条', '已新增30辆', '已新增1800个']));
    await s.page.getByText(/导入时按表中顺序统一编为 1—3 号/).waitFor();
    await s.page.getByText(/将新建计划/).waitFor();
    await wizard.fillMeta({ region: '某街道', year: 2024 });
    expect(await wizard.confirm()).toContain('已按表中顺序编为 1—N 号');

    await wizard.goto();
    await wizard.upload(tableOf('1-10', ['已开通9条', '已新增45辆', '已新增2600个']));
    // the title less its months names the plan just made: the form says the table joins it
    await s.page.getByText(/并入已有计划/).waitFor();
    await wizard.fillMeta({ region: '某街道', year: 2024 });
    expect(await wizard.confirm()).toContain('新增 0 项');

    const api = await apiLogin(server.baseUrl, 'admin');
    const plan = (await api.get<{ id: number; title: string; taskCount: number }[]>('/plans')).find(
      (p) => p.title === '2024年某街道民生实事',
    );
    expect(plan?.taskCount).toBe(3);
    const periods = await api.get<{ id: number; label: string }[]>(`/plans/${plan!.id}/periods`);
    expect(periods.map((p) => p.label).sort()).toEqual(['2024-08', '2024-10']);
    const tasks = await listTasks(api, plan!.id, periods[0].id);
    expect(tasks.map((t) => t.seq).sort()).toEqual([1, 2, 3]);
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
