// Publishing in the browser: 导出当前视图 on a filtered task list downloads a workbook holding
// exactly the rows the list shows; a leader downloads only their own 领导专报 from the dashboard;
// 期间对比 shows the same moves as /api/diff and each row opens its task.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, demoAccount } from './helpers/api.js';
import { foreignRequests, launchBrowser, openSession } from './helpers/browser.js';
import { currentPlan, listTasks } from './helpers/scenario.js';
import type { PeriodRow } from './helpers/scenario.js';
import { startServer } from './helpers/server.js';
import type { RunningServer } from './helpers/server.js';
import { LoginPage } from './page-models/LoginPage.js';

let server: RunningServer;
let browser: Browser;
let downloads: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  downloads = mkdtempSync(join(tmpdir(), 'duban-e2e-downloads-'));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

/** Console and page errors, less the login page's expected 401 from /api/auth/me before logging in. */
const pageErrors = (errors: string[]) => errors.filter((e) => !/status of 401 \(Unauthorized\)/.test(e));

/** Clicks what starts a download and saves the file; returns its path and suggested name. */
async function download(page: Page, start: () => Promise<void>): Promise<{ file: string; name: string }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), start()]);
  const file = join(downloads, `${Date.now()}-${d.suggestedFilename().replace(/[\\/]/g, '_')}`);
  await d.saveAs(file);
  return { file, name: d.suggestedFilename() };
}

describe('publishing', () => {
  it('downloads the task list’s current view as .xlsx with exactly the rows on screen', async () => {
    const api = await apiLogin(server.baseUrl, 'admin');
    const { planId } = await currentPlan(api);
    const periods = await api.get<PeriodRow[]>(`/plans/${planId}/periods`);
    // A period with reports in it (the demo's imported quarter), and its first theme.
    const period = periods.find((p) => p.state === 'closed') ?? periods[0];
    const themes = await api.get<{ id: number; name: string }[]>(`/plans/${planId}/themes`);
    const theme = themes[0];
    // Two filters at once: the first theme and the status most of its tasks have (so the view is not empty).
    const inTheme = await listTasks(api, planId, period.id, `&themeId=${theme.id}`);
    const tally = new Map<string, number>();
    for (const t of inTheme) if (t.report) tally.set(t.report.status, (tally.get(t.report.status) ?? 0) + 1);
    const status = [...tally.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const filter = `&themeId=${theme.id}&status=${status}`;
    const expected = (await listTasks(api, planId, period.id, filter)).map((t) => t.seq);
    const query = `?planId=${planId}&periodId=${period.id}${filter}`;
    expect(expected.length).toBeGreaterThan(0);

    const s = await openSession(browser, server.baseUrl, 'publish-export');
    await new LoginPage(s.page).goto();
    await new LoginPage(s.page).loginAs(demoAccount('admin'));
    await s.page.goto(`/tasks${query}`);
    await s.page.getByText(`共 ${expected.length} 项`).waitFor();
    await s.page.getByRole('button', { name: '导出当前视图（选择格式）' }).hover();
    const item = s.page.getByRole('menuitem', { name: 'Excel（.xlsx）' });
    await item.waitFor();
    await s.page.waitForTimeout(400); // let the menu finish fading in for the screenshot
    await s.shot('tasks-export-menu');
    const { file, name } = await download(s.page, () => item.click());
    expect(name).toMatch(new RegExp(`进展情况表\\.xlsx$`));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const seqs: number[] = [];
    wb.worksheets[0].eachRow((row) => {
      const v = row.getCell(1).value;
      if (typeof v === 'number') seqs.push(v);
    });
    expect(seqs).toEqual([...expected].sort((a, b) => a - b));
    expect(pageErrors(s.errors)).toEqual([]);
    expect(foreignRequests(s.requests, server.baseUrl)).toEqual([]);
    await s.close();
  });

  it('gives a leader a download of their own 领导专报 only', async () => {
    const api = await apiLogin(server.baseUrl, 'leader');
    const me = (await api.get<{ user: { leader: { id: number; name: string } } }>('/auth/me')).user;
    const { planId } = await currentPlan(api);
    const periods = await api.get<PeriodRow[]>(`/plans/${planId}/periods`);
    const period = periods.find((p) => p.state === 'closed') ?? periods[0];

    const s = await openSession(browser, server.baseUrl, 'publish-briefing');
    await new LoginPage(s.page).goto();
    await new LoginPage(s.page).loginAs(demoAccount('leader'));
    await s.page.goto(`/?periodId=${period.id}`);
    await s.page.getByRole('heading', { name: '驾驶舱' }).waitFor();
    const own = s.page.getByRole('button', { name: '我的领导专报' });
    await own.waitFor();
    // The admin's per-leader menu is not offered to a leader.
    expect(await s.page.getByRole('button', { name: '领导专报（选择领导）' }).count()).toBe(0);
    await s.shot('dashboard-leader');
    const { file, name } = await download(s.page, () => own.click());
    expect(name).toBe(`领导专报-${me.leader.name}-${period.label}.docx`);
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
    expect(xml).toContain(me.leader.name);
    expect(pageErrors(s.errors)).toEqual([]);
    await s.close();
  });

  it('shows 期间对比 with the moves /api/diff reports, each row opening its task', async () => {
    const api = await apiLogin(server.baseUrl, 'admin');
    const { planId } = await currentPlan(api);
    const periods = await api.get<PeriodRow[]>(`/plans/${planId}/periods`);
    const closed = periods.filter((p) => p.state === 'closed');
    expect(closed.length).toBeGreaterThanOrEqual(2);
    const [to, from] = closed; // newest first
    const diff = await api.get<{
      up: { taskId: number; target: string }[];
      down: unknown[];
      new: unknown[];
      same: number;
    }>(`/diff?planId=${planId}&from=${from.label}&to=${to.label}`);

    const s = await openSession(browser, server.baseUrl, 'publish-compare');
    await new LoginPage(s.page).goto();
    await new LoginPage(s.page).loginAs(demoAccount('admin'));
    // From the dashboard's publishing bar (the menu has the page too).
    await s.page.getByRole('heading', { name: '驾驶舱' }).waitFor();
    await s.page.getByRole('button', { name: '期间对比' }).click();
    await s.page.getByRole('heading', { name: '期间对比' }).waitFor();
    await s.page.getByTestId('diff-up').waitFor();
    const count = async (key: string) =>
      Number(
        (await s.page.getByTestId(`diff-${key}`).locator('.ant-statistic-content-value').innerText()).replace(
          /\D/g,
          '',
        ),
      );
    expect({
      up: await count('up'),
      down: await count('down'),
      new: await count('new'),
      same: await count('same'),
    }).toEqual({
      up: diff.up.length,
      down: diff.down.length,
      new: diff.new.length,
      same: diff.same,
    });
    await s.shot('compare');
    if (diff.up.length > 0) {
      const first = diff.up[0];
      await s.page.getByRole('tabpanel').getByRole('link', { name: first.target }).first().click();
      await s.page.waitForURL(new RegExp(`/tasks/${first.taskId}$`));
      await s.shot('compare-task');
    }
    expect(pageErrors(s.errors)).toEqual([]);
    expect(foreignRequests(s.requests, server.baseUrl)).toEqual([]);
    await s.close();
  });
});
