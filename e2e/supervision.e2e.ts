// 督办 in a real browser. A 督办单: the office finds a lagging unit on the overdue desk, sends a
// confirmed 催办 with a message, raises a 提示-level notice; the unit sees it in its workspace and
// signs; time passes (the server's test clock, on only because this server runs with
// DUBAN_TEST_CLOCK=1) and the unanswered notice rises to 督办 and reaches the task's leader; the
// unit answers; the office accepts. A 批示: the leader writes one on the task, the unit
// acknowledges and answers it, the leader sees the answer.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../src/server/demo.js';
import { apiLogin, demoAccount, type ApiClient } from './helpers/api.js';
import { launchBrowser, openSession, type Session } from './helpers/browser.js';
import { currentPlan, listTasks } from './helpers/scenario.js';
import { REPO_ROOT, startServer, type RunningServer } from './helpers/server.js';
import { LoginPage } from './page-models/LoginPage.js';
import { WorkspacePage } from './page-models/WorkspacePage.js';

let server: RunningServer;
let browser: Browser;
const sessions: Session[] = [];
let unit: Session;
let leader: Session;
/** The demo unit account's unit (区发展改革局). */
const unitName = DEMO_ACCOUNTS.find((a) => a.role === 'unit')!.unit!;

/**
 * Keeps a screenshot of a new page for the documentation (docs/screenshots, 1366×768) when asked
 * (`DUBAN_DOC_SCREENSHOTS=1 npm run test:e2e -- supervision`); a plain test run leaves the tree alone.
 */
const keep = (file: string, name: string) => {
  if (process.env.DUBAN_DOC_SCREENSHOTS !== '1') return;
  const dir = join(REPO_ROOT, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, join(dir, name));
};

async function loggedIn(role: 'admin' | 'unit' | 'leader', name: string): Promise<Session> {
  const s = await openSession(browser, server.baseUrl, name);
  sessions.push(s);
  await new LoginPage(s.page).goto();
  await new LoginPage(s.page).loginAs(demoAccount(role));
  return s;
}

/** Waits until no spinner is left on the page (for screenshots of the finished page). */
const settled = (page: Page) =>
  page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0);

const toast = (page: Page, text: string | RegExp) => page.locator('.ant-message').getByText(text).first().waitFor();

beforeAll(async () => {
  server = await startServer({ DUBAN_TEST_CLOCK: '1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

interface NoticeRow {
  id: number;
  number: string;
  level: string;
  state: string;
  escalations: number;
}

describe('督办单 and 批示', () => {
  let adminApi: ApiClient;
  let unitApi: ApiClient;
  let leaderApi: ApiClient;
  let task: { id: number; seq: number; target: string };
  let daysToOverdue = 0;
  /** The server's date, for the dates typed into the forms. */
  const serverDate = async (plusDays = 0) => {
    const { now } = await adminApi.get<{ now: string }>('/test/clock');
    return new Date(Date.parse(now) + plusDays * 86_400_000).toISOString().slice(0, 10);
  };

  beforeAll(async () => {
    adminApi = await apiLogin(server.baseUrl, 'admin');
    unitApi = await apiLogin(server.baseUrl, 'unit');
    leaderApi = await apiLogin(server.baseUrl, 'leader');
    const { planId, period } = await currentPlan(adminApi);
    // A task the demo unit leads as first lead unit, which the demo leader leads, with no submitted report.
    const leaderTasks = new Set((await listTasks(leaderApi, planId, period.id)).map((t) => t.id));
    const candidates = (await listTasks(unitApi, planId, period.id)).filter(
      (t) =>
        leaderTasks.has(t.id) &&
        t.units[0]?.name === unitName &&
        !['submitted', 'approved'].includes(t.report?.state ?? ''),
    );
    expect(candidates.length, `no task of ${unitName} led by the demo leader`).toBeGreaterThan(0);
    task = candidates[0];
    // The demo's open period is due ahead: move the server's clock a day past its due date, so
    // the office has overdue units to chase.
    const due = Date.parse(`${period.dueDate}T00:00:00Z`);
    daysToOverdue = Math.ceil((due - Date.now()) / 86_400_000) + 1;
    await adminApi.post('/test/clock', { offsetDays: daysToOverdue });
  });

  it('walks a 督办单 from the overdue desk to acceptance, escalating by time on the way', async () => {
    const admin = await loggedIn('admin', 'supervision-admin');
    await admin.page.goto('/overdue');
    await admin.page.getByRole('heading', { name: '逾期 / 催办' }).waitFor();
    const unitRow = admin.page.locator('tr.ant-table-row', { hasText: unitName }).first();
    await unitRow.waitFor();
    await settled(admin.page);
    keep(await admin.shot('overdue-desk'), 'overdue-desk.png');
    await unitRow.locator('.ant-table-row-expand-icon').click();

    // 催办 asks for a confirmation and takes a message and a reply-by date.
    await admin.page.getByRole('button', { name: `催办任务 ${task.seq}`, exact: true }).click();
    const remind = admin.page.getByRole('dialog', { name: '确认催办' });
    await remind.getByLabel('催办留言（可选）').fill('请于三日内报送进展并说明滞后原因');
    await remind.getByLabel('请于此日期前回复').fill(await serverDate(3));
    keep(await admin.shot('remind-confirm'), 'remind-confirm.png');
    await remind.getByRole('button', { name: '发送催办' }).click();
    await toast(admin.page, `已向${unitName}催办 1 项`);
    const inbox = await unitApi.get<{ message: string; replyBy: string | null; task: { id: number } }[]>('/reminders');
    expect(inbox.find((r) => r.task.id === task.id)).toMatchObject({
      message: '请于三日内报送进展并说明滞后原因',
      replyBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });

    // Raise a 提示-level notice on the task.
    await admin.page.getByRole('button', { name: `督办任务 ${task.seq}`, exact: true }).click();
    const raise = admin.page.getByRole('dialog', { name: `向${unitName}下发督办单` });
    await raise.getByText('提示', { exact: true }).click();
    await raise.getByLabel('办理期限').fill(await serverDate(5));
    await raise.getByLabel('反馈要求').fill('说明滞后原因、整改措施和完成时限');
    await raise.getByRole('button', { name: '下发' }).click();
    await toast(admin.page, /已下发督办〔\d{4}〕第1号/);
    const [notice] = (await adminApi.get<{ items: NoticeRow[] }>('/supervision?open=1')).items;
    expect(notice).toMatchObject({ level: 'hint', state: 'issued', escalations: 0 });

    // The unit sees it in its workspace and signs.
    unit = await loggedIn('unit', 'supervision-unit');
    await unit.page.goto('/workspace');
    const todo = unit.page.getByLabel('待办督办事项');
    await todo.getByText(notice.number).waitFor();
    await settled(unit.page);
    keep(await unit.shot('workspace-notice'), 'workspace-supervision.png');
    await todo.getByRole('button', { name: '签收并反馈' }).click();
    await unit.page.getByRole('button', { name: '签收', exact: true }).click();
    await toast(unit.page, '已签收');

    // Six days later, unanswered past its deadline: it has risen to 督办 and reached the leader.
    await adminApi.post('/test/clock', { offsetDays: daysToOverdue + 6 });
    await unit.page.goto('/supervision');
    const row = unit.page.locator('tr.ant-table-row', { hasText: notice.number });
    await row.getByText('督办', { exact: true }).waitFor();
    await row.getByText('已提级').waitFor();
    leader = await loggedIn('leader', 'supervision-leader');
    await leader.page.goto('/supervision');
    await leader.page.locator('tr.ant-table-row', { hasText: notice.number }).waitFor();
    await settled(leader.page);
    keep(await leader.shot('leader-escalated'), 'supervision-leader.png');
    // And on the leader's 驾驶舱, among what is addressed to them.
    await leader.page.goto('/');
    await leader.page.getByLabel('领导督办事项').getByText(notice.number).waitFor();
    await settled(leader.page);
    keep(await leader.shot('cockpit'), 'cockpit-leader.png');

    // The unit answers; the office accepts.
    await row.click();
    await unit.page.locator('.ant-drawer input[type=file]').setInputFiles({
      name: '整改情况说明.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await toast(unit.page, '已上传证明材料');
    await unit.page.getByLabel('办结反馈').fill('已召开专题会议研究，整改措施已落实，预计下月底前完成。');
    await unit.page.getByRole('button', { name: '提交反馈' }).click();
    await toast(unit.page, '已提交办结反馈');
    await admin.page.goto('/supervision');
    await admin.page.locator('tr.ant-table-row', { hasText: notice.number }).click();
    await admin.page.getByText('已召开专题会议研究').waitFor();
    await admin.page.getByRole('button', { name: /整改情况说明\.pdf/ }).waitFor();
    keep(await admin.shot('notice-answered'), 'supervision-notice.png');
    await admin.page.getByRole('button', { name: '同意办结' }).click();
    await toast(admin.page, '已办结');
    const done = await adminApi.get<NoticeRow & { trail: { action: string }[] }>(`/supervision/${notice.id}`);
    expect(done).toMatchObject({ state: 'accepted', level: 'supervise', escalations: 1 });
    expect(done.trail.map((a) => a.action).reverse()).toEqual([
      'supervision.issue',
      'supervision.sign',
      'supervision.escalate',
      'supervision.evidence',
      'supervision.answer',
      'supervision.accept',
    ]);
    await adminApi.post('/test/clock', { offsetDays: daysToOverdue });
  });

  it('takes a 批示 from the leader to the unit’s answer', async () => {
    await leader.page.goto('/instructions');
    await leader.page.getByRole('heading', { name: '领导批示' }).waitFor();
    await leader.page.getByLabel('批示的任务').click();
    await leader.page.getByLabel('批示的任务').fill(String(task.seq));
    await leader.page
      .locator('.ant-select-item-option', { hasText: `${task.seq}. ` })
      .first()
      .click();
    await leader.page.getByLabel('批示内容').fill('请加快推进，月底前专题汇报一次。');
    await leader.page.getByRole('button', { name: '发出批示' }).click();
    await toast(leader.page, '批示已发出');

    // The unit sees it on the task's report form, next to the target.
    const workspace = new WorkspacePage(unit.page);
    await workspace.goto();
    await workspace.openTask(task.seq);
    await unit.page.getByRole('dialog').getByText('请加快推进，月底前专题汇报一次。').waitFor();
    keep(await unit.shot('report-form-instruction'), 'report-form-instruction.png');
    await unit.page.keyboard.press('Escape');

    await unit.page.goto('/workspace');
    const todo = unit.page.getByLabel('待办督办事项');
    await todo.getByText('请加快推进，月底前专题汇报一次。').waitFor();
    await todo.getByRole('button', { name: '已阅签收' }).click();
    await toast(unit.page, '已签收批示');
    await todo.getByPlaceholder('填写落实情况').fill('已按批示要求制定推进计划，定于本月28日专题汇报。');
    keep(await unit.shot('instruction-answer'), 'workspace-instruction.png');
    await todo.getByRole('button', { name: '答复' }).click();
    await toast(unit.page, '已答复');

    await leader.page.goto('/instructions');
    await leader.page.getByText('已按批示要求制定推进计划').waitFor();
    await settled(leader.page);
    keep(await leader.shot('instruction-answered'), 'instructions-leader.png');
    const mine = await leaderApi.get<{ items: { state: string; answeredByRole: string }[] }>('/instructions');
    expect(mine.items[0]).toMatchObject({ state: 'answered', answeredByRole: 'unit' });
  });

  it('shows the new pages on a phone', async () => {
    const phone = { width: 390, height: 844 };
    for (const [role, path, name] of [
      ['admin', '/overdue', 'phone-overdue-desk.png'],
      ['unit', '/supervision', 'phone-supervision.png'],
      ['leader', '/instructions', 'phone-instructions.png'],
    ] as const) {
      const s = await openSession(browser, server.baseUrl, `supervision-phone-${role}`, phone);
      sessions.push(s);
      await new LoginPage(s.page).goto();
      await new LoginPage(s.page).loginAs(demoAccount(role));
      await s.page.goto(path);
      await s.page.locator('h1').first().waitFor();
      await settled(s.page);
      const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} is wider than the phone`).toBeLessThanOrEqual(0);
      keep(await s.shot('phone'), name);
    }
  });

  it('shows the 大屏 on a meeting-room screen', async () => {
    const s = await openSession(browser, server.baseUrl, 'supervision-screen', { width: 1920, height: 1080 });
    sessions.push(s);
    await new LoginPage(s.page).goto();
    await new LoginPage(s.page).loginAs(demoAccount('admin'));
    s.errors.length = 0; // the login page's own "not logged in yet" answer
    // The quarter with the demo table's reports: a meeting reviews the period just past.
    const { planId } = await currentPlan(adminApi);
    const periods = await adminApi.get<{ id: number; state: string }[]>(`/plans/${planId}/periods`);
    const reviewed = periods.find((p) => p.state === 'closed')!;
    await s.page.goto(`/screen?periodId=${reviewed.id}`);
    await s.page.getByRole('heading', { name: /督办大屏/ }).waitFor();
    await s.page.getByLabel('逾期未报单位', { exact: false }).waitFor();
    await s.page.getByLabel('督办与批示').getByText('重点督办').waitFor();
    await settled(s.page);
    expect(s.errors, s.errors.join('\n')).toEqual([]);
    keep(await s.shot('big-screen'), 'big-screen.png');
  });
});
