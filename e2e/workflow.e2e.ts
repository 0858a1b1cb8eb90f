// The workflow as an office lives it, in a real browser on the demo:
//  1. a unit's saved draft is not on the leader's 驾驶舱; once submitted it is, and stays once approved;
//  2. with two open periods (the earlier one past its due date, the next one just opened), 我的填报
//     shows the overdue period first and the unit files it there; task detail offers both periods.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../src/server/demo.js';
import { apiLogin, demoAccount, type ApiClient } from './helpers/api.js';
import { launchBrowser, openSession, type Session } from './helpers/browser.js';
import { currentPlan, listTasks, type PeriodRow, type TaskRow } from './helpers/scenario.js';
import { startServer, type RunningServer } from './helpers/server.js';
import { DashboardPage } from './page-models/DashboardPage.js';
import { LoginPage } from './page-models/LoginPage.js';
import { WorkspacePage } from './page-models/WorkspacePage.js';

let server: RunningServer;
let browser: Browser;
let unitApi: ApiClient;
let adminApi: ApiClient;
let planId: number;
let period: PeriodRow;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  unitApi = await apiLogin(server.baseUrl, 'unit');
  adminApi = await apiLogin(server.baseUrl, 'admin');
  ({ planId, period } = await currentPlan(unitApi));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(role: 'unit' | 'leader', name: string): Promise<Session> {
  const s = await openSession(browser, server.baseUrl, name);
  await new LoginPage(s.page).goto();
  await new LoginPage(s.page).loginAs(demoAccount(role));
  return s;
}

/** A task of the demo unit that the demo leader leads, still to be reported in the open period. */
async function sharedTask(): Promise<TaskRow & { leaders: { name: string }[] }> {
  const leaderName = DEMO_ACCOUNTS.find((a) => a.role === 'leader')!.leader!;
  const tasks = (await listTasks(unitApi, planId, period.id)) as (TaskRow & { leaders: { name: string }[] })[];
  const task = tasks.find(
    (t) => t.report?.state === 'draft' && !t.report.text && t.leaders.some((l) => l.name === leaderName),
  );
  if (!task) throw new Error('the demo unit has no empty task led by the demo leader');
  return task;
}

describe('the report workflow in the browser', () => {
  it('keeps a draft off the leader’s dashboard until it is submitted, and keeps it there once approved', async () => {
    const task = await sharedTask();
    const leader = await signIn('leader', 'workflow-leader');
    const dashboard = new DashboardPage(leader.page);
    await dashboard.goto();
    const before = await dashboard.counts();

    // The unit saves a draft in its workspace.
    const unit = await signIn('unit', 'workflow-unit');
    const workspace = new WorkspacePage(unit.page);
    await workspace.goto();
    await workspace.openTask(task.seq);
    await workspace.type('1-11月地区生产总值增长6.2%，完成全年目标。');
    await workspace.saveDraft();
    await unit.shot('draft-saved');

    await leader.page.reload();
    await dashboard.goto();
    expect(await dashboard.counts(), 'a draft is not published').toEqual(before);
    await leader.shot('dashboard-draft-unpublished');

    await workspace.submit();
    await leader.page.reload();
    await dashboard.goto();
    const submitted = await dashboard.counts();
    expect(submitted.no_report).toBe(before.no_report - 1);
    expect(submitted.done + submitted.on_track).toBe(before.done + before.on_track + 1);
    await leader.shot('dashboard-submitted');

    await adminApi.post(`/reports/${task.report!.id}/approve`, {});
    await leader.page.reload();
    await dashboard.goto();
    expect(await dashboard.counts(), 'an approved report stays published').toEqual(submitted);
    await unit.close();
    await leader.close();
  });

  it('shows the overdue period first when two are open, and the unit files it', async () => {
    // The office opens the next period while the current one is past its due date.
    const next = await adminApi.post<PeriodRow>(`/plans/${planId}/periods`, {
      label: nextLabel(period.label),
      dueDate: '2099-12-31',
    });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await adminApi.patch(`/periods/${period.id}`, { dueDate: yesterday });

    const unit = await signIn('unit', 'workflow-two-periods');
    const workspace = new WorkspacePage(unit.page);
    await workspace.goto();
    const tabs = unit.page.getByRole('tab');
    await tabs.first().waitFor();
    const labels = await tabs.allInnerTexts();
    expect(labels).toHaveLength(2);
    expect(labels[0]).toContain(period.label);
    expect(labels[0]).toContain('已逾期');
    expect(labels[1]).toContain(next.label);
    await unit.shot('two-open-periods');

    // File an overdue task from the first (selected) tab.
    const overdue = (await listTasks(unitApi, planId, period.id)).find(
      (t) => t.report?.state === 'draft' && t.units.some((u) => u.name === '区发展改革局'),
    );
    expect(overdue, 'the unit has an overdue task left to file').toBeDefined();
    await unit.page.getByRole('button', { name: `填报任务 ${overdue!.seq}（${period.label}）` }).click();
    await workspace.reportText.waitFor();
    await workspace.type('已完成年度目标，相关数据已报区统计局。');
    await workspace.saveDraft();
    await workspace.submit();
    await unit.shot('overdue-filed');
    const filed = await unitApi.get<{ state: string; periodId: number }>(`/reports/${overdue!.report!.id}`);
    expect(filed).toMatchObject({ state: 'submitted', periodId: period.id });

    // Task detail offers the unit each open period it still has to file.
    await unit.page.goto(`/tasks/${overdue!.id}`);
    await unit.page.getByRole('button', { name: `填报 ${next.label}` }).waitFor();
    expect(await unit.page.getByRole('button', { name: `填报 ${period.label}` }).count()).toBe(0); // handed in
    await unit.shot('task-detail-open-periods');
    await unit.close();
  });
});

describe('report text is never lost', () => {
  it('asks before closing the drawer, keeps the text in the browser, and refuses (not cuts) an over-long text', async () => {
    const tasks = await listTasks(unitApi, planId, period.id);
    const task = tasks.find((t) => t.report?.state === 'draft' && t.units.some((u) => u.name === '区发展改革局'))!;
    expect(task, 'the unit has a draft left').toBeDefined();
    const unit = await signIn('unit', 'workflow-drawer');
    const workspace = new WorkspacePage(unit.page);
    await workspace.goto();
    await workspace.openTask(task.seq);
    const text = '截至11月底，已完成年度投资计划的92%，剩余项目12月底前完工。';
    await workspace.type(text);

    // Closed by mistake: asked first; 继续编辑 keeps the text.
    await unit.page.locator('.ant-drawer-close').click();
    const confirm = unit.page.locator('.ant-modal-confirm').filter({ hasText: '有未保存的修改' });
    await confirm.waitFor();
    await unit.shot('close-asks');
    await confirm.getByRole('button', { name: '继续编辑' }).click();
    expect(await workspace.reportText.inputValue()).toBe(text);

    // Closed anyway, then reopened: the text comes back from the browser's copy.
    await unit.page.locator('.ant-drawer-close').click();
    await confirm.getByRole('button', { name: '关闭' }).click();
    await unit.page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    await unit.page.reload();
    await workspace.goto();
    await workspace.openTask(task.seq);
    await unit.page.getByText(/已恢复 .* 未保存的内容/).waitFor();
    expect(await workspace.reportText.inputValue()).toBe(text);
    await unit.shot('draft-restored');
    // The server never got it: nothing was saved.
    expect((await unitApi.get<{ text: string }>(`/reports/${task.report!.id}`)).text).toBe('');

    // A pasted text over the limit is kept whole, counted, and refused.
    const long = '全区固定资产投资完成情况良好。'.repeat(1400); // 21,000 characters
    await workspace.reportText.fill(long);
    expect((await workspace.reportText.inputValue()).length).toBe(long.length);
    await unit.page
      .getByTestId('report-count')
      .getByText(/超出 1000 字/)
      .waitFor();
    expect(await unit.page.getByRole('button', { name: '保存草稿' }).isDisabled()).toBe(true);
    await unit.shot('over-limit');
    await unit.close();
  });
});

describe('evidence', () => {
  it('is uploaded by the unit in the report form and downloaded by the office from the task page', async () => {
    const tasks = await listTasks(unitApi, planId, period.id);
    const task = [...tasks]
      .reverse()
      .find((t) => t.report?.state === 'draft' && t.units.some((u) => u.name === '区发展改革局'))!;
    expect(task, 'the unit has a draft left').toBeDefined();
    const unit = await signIn('unit', 'workflow-evidence-unit');
    const workspace = new WorkspacePage(unit.page);
    await workspace.goto();
    await workspace.openTask(task.seq);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const evidence = unit.page.getByRole('region', { name: '证明材料' });
    await evidence.getByText(/单个文件不超过 \d+ MB/).waitFor();
    await evidence
      .locator('input[type=file]')
      .setInputFiles({ name: '项目验收单.pdf', mimeType: 'application/pdf', buffer: pdf });
    await evidence.getByRole('link', { name: '项目验收单.pdf' }).waitFor();
    await unit.shot('evidence-uploaded');
    await unit.close();

    const office = await openSession(browser, server.baseUrl, 'workflow-evidence-office');
    await new LoginPage(office.page).goto();
    await new LoginPage(office.page).loginAs(demoAccount('admin'));
    await office.page.goto(`/tasks/${task.id}`);
    const link = office.page.getByRole('link', { name: /项目验收单\.pdf/ });
    await link.waitFor();
    const [download] = await Promise.all([office.page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('项目验收单.pdf');
    const path = await download.path();
    expect(readFileSync(path!).equals(pdf)).toBe(true);
    await office.shot('evidence-on-task');
    await office.close();
  });
});

function nextLabel(label: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(label);
  if (!m) throw new Error(`the demo's open period ${label} is not a quarter`);
  const [year, q] = [Number(m[1]), Number(m[2])];
  return q === 4 ? `${year + 1}Q1` : `${year}Q${q + 1}`;
}
