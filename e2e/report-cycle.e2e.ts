// The reporting cycle in a real browser: a unit writes a report and watches the live status
// move from 未报送 to 进度滞后 to 已完成 as the figure changes, submits; the office returns it
// with a comment; the unit sees the comment and resubmits; the office approves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiLogin, demoAccount } from './helpers/api.js';
import { foreignRequests, launchBrowser, openSession } from './helpers/browser.js';
import { findLiveScenario, currentPlan, listTasks } from './helpers/scenario.js';
import { startServer } from './helpers/server.js';
import type { RunningServer } from './helpers/server.js';
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

describe('reporting cycle', () => {
  it('a unit reports with a live assessment, the office returns it, the unit resubmits, the office approves', async () => {
    const unitApi = await apiLogin(server.baseUrl, 'unit');
    const { planId, period } = await currentPlan(unitApi);
    expect(period.state, 'the demo should leave one period open for reporting').toBe('open');
    const scenario = findLiveScenario(await listTasks(unitApi, planId, period.id), period.label);
    expect(scenario, 'no editable task of the demo unit has a single rate indicator').not.toBeNull();
    const { task, behindText, doneText } = scenario!;

    const unit = await openSession(browser, server.baseUrl, 'cycle-unit');
    await new LoginPage(unit.page).goto();
    await unit.shot('login');
    await new LoginPage(unit.page).loginAs(demoAccount('unit'));
    const workspace = new WorkspacePage(unit.page);
    await workspace.goto();
    await unit.shot('workspace');

    await workspace.openTask(task.seq);
    await workspace.reportText.fill('');
    await workspace.waitForLiveStatus('no_report');
    await unit.shot('form-empty');
    await workspace.type(behindText);
    await workspace.waitForLiveStatus('behind');
    await unit.shot('form-behind');
    await workspace.type(doneText);
    await workspace.waitForLiveStatus('done');
    await unit.shot('form-done');
    await workspace.saveDraft();
    await workspace.submit();
    await unit.shot('submitted');

    const afterSubmit = await unitApi.get<{ state: string; text: string; status: string }>(
      `/reports/${task.report!.id}`,
    );
    expect(afterSubmit.state).toBe('submitted');
    expect(afterSubmit.text).toBe(doneText);

    // The office returns it with a comment.
    const comment = `请补充数据来源（e2e ${Date.now() % 100000}）`;
    const admin = await openSession(browser, server.baseUrl, 'cycle-admin');
    await new LoginPage(admin.page).goto();
    await new LoginPage(admin.page).loginAs(demoAccount('admin'));
    const review = new ReviewPage(admin.page);
    await review.goto();
    await admin.shot('review-queue');
    await review.returnTask(task.seq, comment);
    await admin.shot('returned');
    expect((await unitApi.get<{ state: string }>(`/reports/${task.report!.id}`)).state).toBe('returned');

    // The unit sees the comment and resubmits.
    await unit.page.reload();
    await workspace.goto();
    await unit.page.getByText(/被督查科退回/).waitFor();
    await workspace.openTask(task.seq);
    await workspace.returnedComment(comment).waitFor();
    await unit.shot('returned-comment');
    await workspace.type(`${doneText}数据来源：区统计局。`);
    await workspace.waitForLiveStatus('done');
    await workspace.submit();
    expect((await unitApi.get<{ state: string }>(`/reports/${task.report!.id}`)).state).toBe('submitted');

    // The office approves.
    await review.goto();
    await review.approveTask(task.seq);
    await admin.shot('approved');
    expect(await review.hasTask(task.seq)).toBe(false);
    const final = await unitApi.get<{ state: string; status: string }>(`/reports/${task.report!.id}`);
    expect(final.state).toBe('approved');
    expect(final.status).toBe('done');

    expect(foreignRequests([...unit.requests, ...admin.requests], server.baseUrl)).toEqual([]);
    expect(unit.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await unit.close();
    await admin.close();
  });
});
