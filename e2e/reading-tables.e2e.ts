// Reading other offices' tables, in the browser: the import wizard's role picker (an unfamiliar
// header placed by its content, the guess preselected, the person's choice re-read at once and
// stored), a workbook of several worksheets (the sheet picker), and a report that gives no figure
// for its target's indicator (the form asks for it while the unit types; the office sees 缺少数据 in
// the review queue).
import { mkdtempSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiLogin, demoAccount } from './helpers/api.js';
import { launchBrowser, openSession, type Session } from './helpers/browser.js';
import { currentPlan, findLiveScenario, listTasks } from './helpers/scenario.js';
import { startServer, type RunningServer } from './helpers/server.js';
import { ImportWizard } from './page-models/ImportWizard.js';
import { LoginPage } from './page-models/LoginPage.js';
import { ReviewPage } from './page-models/ReviewPage.js';
import { WorkspacePage } from './page-models/WorkspacePage.js';

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

async function signIn(role: 'admin' | 'unit', name: string): Promise<Session> {
  const s = await openSession(browser, server.baseUrl, name);
  await new LoginPage(s.page).goto();
  await new LoginPage(s.page).loginAs(demoAccount(role));
  return s;
}

describe('reading a table the parser has not seen', () => {
  // The report first: the import below adds a second plan, which would change the plan pages open on.
  it('asks the unit for the figure its target needs while it types, and marks the report 缺少数据 for review', async () => {
    const unitApi = await apiLogin(server.baseUrl, 'unit');
    const { planId, period } = await currentPlan(unitApi);
    const scenario = findLiveScenario(await listTasks(unitApi, planId, period.id), period.label);
    expect(scenario, 'the demo unit has a task with a rate target left to file').not.toBeNull();
    const { task } = scenario!;

    const unit = await signIn('unit', 'missing-figures-unit');
    const workspace = new WorkspacePage(unit.page);
    await workspace.goto();
    await workspace.openTask(task.seq);
    // A report in words only: work is going on, but the figure the target sets is not given.
    await workspace.type('已召开专题会议部署推进，各项工作有序开展。');
    const hint = unit.page.getByTestId('live-missing');
    await expect.poll(() => hint.innerText()).toMatch(/在进展中写明「.+」的实际数值/);
    await unit.shot('report-form-missing-figure');
    await workspace.saveDraft();
    await workspace.submit();
    await unit.close();

    const admin = await signIn('admin', 'missing-figures-review');
    const review = new ReviewPage(admin.page);
    await review.goto();
    const row = admin.page
      .getByRole('row')
      .filter({ has: admin.page.getByRole('button', { name: `通过任务 ${task.seq}` }) });
    await row.getByTestId('missing-data').waitFor();
    expect(await row.getByTestId('missing-data').getAttribute('title')).toMatch(/^未写明：/);
    await admin.shot('review-missing-data');
    await admin.close();
  });

  it('places an unfamiliar header by its content, and re-reads and stores the role the person picks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-e2e-'));
    const file = join(dir, '城东区民生实事项目推进表.txt');
    writeFileSync(
      file,
      [
        '2026年城东区民生实事项目推进表',
        '序号\t项目\t内容与要求\t部门\t推进情况',
        '1\t新建5G基站\t全年新建5G基站300个\t区经信局\t1-9月已建成5G基站120个，推进缓慢。',
        '2\t老旧小区改造\t完成老旧小区改造12个\t区住建局\t已完成8个，其余4个正在施工。',
      ].join('\n'),
    );
    const s = await signIn('admin', 'import-roles');
    const wizard = new ImportWizard(s.page);
    await wizard.goto();
    await wizard.upload(file);

    // 部门 is no header the parser knows: its cells are organisations, so it is read as the units,
    // and the wizard says it guessed.
    await s.page.getByText('表头“部门”不认识', { exact: false }).first().waitFor();
    const unitsPicker = s.page.getByLabel('第 4 列“部门”的含义');
    await expect.poll(() => pickerValue(s, unitsPicker)).toBe('牵头单位');
    await s.page.getByRole('button', { name: /^第 1 项 牵头单位：区经信局/ }).waitFor();

    // 项目 was read as the theme; the person says it names the task, so it is part of the target
    // (a target written over two columns): the preview is read again at once.
    const projectPicker = s.page.getByLabel('第 2 列“项目”的含义');
    await expect.poll(() => pickerValue(s, projectPicker)).toBe('一级任务（分类）');
    await projectPicker.click();
    await s.page.locator('.ant-select-dropdown .ant-select-item-option[title="目标任务"]').click();
    await s.page.getByRole('button', { name: /^第 1 项 具体目标任务：新建5G基站 全年新建5G基站300个/ }).waitFor();
    await s.page.getByRole('button', { name: /^第 1 项 重点工作任务：空/ }).waitFor();
    await expect.poll(() => pickerValue(s, projectPicker)).toBe('目标任务');
    await s.shot('roles-picked');

    await wizard.fillMeta({ planTitle: '2026年城东区民生实事项目', region: '城东区', year: 2026, period: '2026Q3' });
    expect(await wizard.confirm()).toContain('新增 2 项');

    const api = await apiLogin(server.baseUrl, 'admin');
    const plan = (await api.get<{ id: number; title: string }[]>('/plans')).find((p) => p.title.includes('城东区'));
    const periods = await api.get<{ id: number }[]>(`/plans/${plan!.id}/periods`);
    const tasks = (await listTasks(api, plan!.id, periods[0].id)) as unknown as {
      seq: number;
      theme: string | null;
      target: string;
      units: { name: string }[];
    }[];
    expect(tasks.find((t) => t.seq === 1)).toMatchObject({
      theme: null,
      target: '新建5G基站 全年新建5G基站300个',
      units: [{ name: '区经信局' }],
    });
    await s.close();
  });
});

describe('a workbook of several worksheets', () => {
  it('reads the first sheet with tasks and re-reads the sheet the person picks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-e2e-'));
    const file = join(dir, '城东区重点工作季度进展.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('填报说明').addRow(['请各单位于季度末5日前填报。']);
    for (const [name, done] of [
      ['二季度', '已新增学位3200个。'],
      ['三季度', '已新增学位4100个。'],
    ]) {
      const ws = book.addWorksheet(name);
      ws.addRow(['序号', '目标任务', '责任单位', '进展情况']);
      ws.addRow(['1', '新增学位5000个', '区教育局', done]);
    }
    writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
    const s = await signIn('admin', 'import-sheets');
    const wizard = new ImportWizard(s.page);
    await wizard.goto();
    await wizard.upload(file);

    // the instructions are passed over, and the other quarter is named
    await s.page.getByText('第一个工作表“填报说明”中没有任务表格', { exact: false }).first().waitFor();
    await s.page.getByText('已新增学位3200个。').first().waitFor();
    const picker = s.page.getByLabel('选择要导入的工作表');
    await expect.poll(() => pickerValue(s, picker)).toBe('二季度（1 项）');
    await picker.click();
    await s.page.locator('.ant-select-dropdown .ant-select-item-option[title="三季度（1 项）"]').click();
    await s.page.getByText('已新增学位4100个。').first().waitFor();
    await expect.poll(() => pickerValue(s, picker)).toBe('三季度（1 项）');
    await s.shot('sheet-picked');
    await s.close();
  });
});

/** The label an antd Select shows as chosen. */
async function pickerValue(s: Session, picker: ReturnType<Session['page']['getByLabel']>): Promise<string> {
  const select = s.page.locator('.ant-select').filter({ has: picker });
  // Ant Design 6 shows the chosen option in .ant-select-content (titled with it).
  const shown = select.locator('.ant-select-content').first();
  return ((await shown.getAttribute('title')) ?? (await shown.innerText())).trim();
}
