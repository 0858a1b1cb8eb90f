// 系统管理's channels, API tokens and settings pages, as the office uses them: a channel is added,
// receives a reminder's delivery, is switched off and deleted; a token's secret is shown once, works,
// is gone when the modal closes and stops working once revoked; a light threshold is changed and
// stays changed. Each step is checked against the API, not only the page.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, demoAccount } from './helpers/api.js';
import type { ApiClient } from './helpers/api.js';
import { launchBrowser, openSession } from './helpers/browser.js';
import type { Session } from './helpers/browser.js';
import { currentPlan, listTasks } from './helpers/scenario.js';
import { REPO_ROOT, startServer } from './helpers/server.js';
import type { RunningServer } from './helpers/server.js';
import { LoginPage } from './page-models/LoginPage.js';

let server: RunningServer;
let browser: Browser;
let adminApi: ApiClient;
let s: Session;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  adminApi = await apiLogin(server.baseUrl, 'admin');
  s = await openSession(browser, server.baseUrl, 'admin-pages');
  await new LoginPage(s.page).goto();
  await new LoginPage(s.page).loginAs(demoAccount('admin'));
});
afterAll(async () => {
  await s?.close();
  await browser?.close();
  await server?.stop();
});

/**
 * Keeps a screenshot for the documentation (docs/screenshots) when asked
 * (`DUBAN_DOC_SCREENSHOTS=1 npm run test:e2e -- e2e/admin-pages.e2e.ts`); a plain run leaves the tree alone.
 */
const keep = (file: string, name: string) => {
  if (process.env.DUBAN_DOC_SCREENSHOTS !== '1') return;
  const dir = join(REPO_ROOT, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, join(dir, name));
};

/**
 * Waits until no spinner, no modal still animating and no toast is left (for screenshots of the finished
 * page; a toast lasts 3 s).
 */
const settled = (page: Page) =>
  page.waitForFunction(
    () =>
      document.querySelectorAll(
        '.ant-spin-spinning, .ant-zoom-appear, .ant-zoom-enter, .ant-zoom-leave, .ant-message-notice',
      ).length === 0,
  );

interface ChannelRow {
  id: number;
  name: string;
  kind: string;
  url: string;
  events: string[];
  enabled: boolean;
  hasSecret: boolean;
}

describe('系统管理 pages', () => {
  it('adds a channel, shows its deliveries, switches it off and deletes it', async () => {
    const page = s.page;
    await page.goto('/admin?tab=channels');
    await page.getByRole('button', { name: '新增通知渠道' }).click();
    const dialog = page.getByRole('dialog', { name: '新增通知渠道' });
    // A URL without a scheme is refused in the form, before the server sees it.
    await dialog.getByLabel('名称', { exact: true }).fill('督查科工作群');
    await dialog.getByLabel('推送地址').fill('oapi.dingtalk.com/robot/send');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('推送地址必须以 http:// 或 https:// 开头').waitFor();
    // Port 9 on this machine refuses at once: the delivery fails without leaving 127.0.0.1.
    await dialog.getByLabel('推送地址').fill('http://127.0.0.1:9/robot/send?access_token=e2e');
    await dialog.getByLabel('签名密钥（可选）').fill('SEC0123456789');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('通知渠道已保存').waitFor();
    await page.getByRole('cell', { name: '督查科工作群', exact: true }).waitFor();

    const created = (await adminApi.get<ChannelRow[]>('/channels')).find((c) => c.name === '督查科工作群');
    expect(created).toMatchObject({
      kind: 'dingtalk',
      url: 'http://127.0.0.1:9/robot/send?access_token=e2e',
      events: ['reminder'],
      enabled: true,
      hasSecret: true,
    });
    await s.shot('channel-added');

    // Editing with the secret field left empty keeps the secret; 清除 removes it.
    await page.getByRole('row').filter({ hasText: '督查科工作群' }).getByRole('button', { name: '编辑' }).click();
    const edit = page.getByRole('dialog', { name: '编辑通知渠道' });
    await edit.getByText('已设置密钥；留空则保持不变。').waitFor();
    await edit.getByRole('checkbox', { name: '督办单' }).check();
    await edit.getByRole('button', { name: '保存' }).click();
    await page.getByText('通知渠道已保存').first().waitFor();
    await expect
      .poll(async () => (await adminApi.get<ChannelRow[]>('/channels')).find((c) => c.id === created!.id))
      .toMatchObject({ events: ['reminder', 'supervision'], hasSecret: true });
    await edit.waitFor({ state: 'hidden' }); // reopened while still closing, the form would be reset under the click
    await page.getByRole('row').filter({ hasText: '督查科工作群' }).getByRole('button', { name: '编辑' }).click();
    await edit.getByRole('checkbox', { name: '清除已设置的密钥' }).check();
    await edit.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(async () => (await adminApi.get<ChannelRow[]>('/channels')).find((c) => c.id === created!.id)?.hasSecret)
      .toBe(false);
    await edit.waitFor({ state: 'hidden' });

    // A reminder goes out on the channel; its delivery is listed with its state.
    const { planId, period } = await currentPlan(adminApi);
    const task = (await listTasks(adminApi, planId, period.id)).find((t) => t.units.length > 0)!;
    await adminApi.post('/reminders', { taskId: task.id, periodId: period.id, channelIds: [created!.id] });
    await page.getByRole('button', { name: '刷新' }).click();
    const delivery = page.getByRole('row').filter({ hasText: '督查科工作群' }).filter({ hasText: '催办' }).last();
    await delivery.getByText(/^(待发送|待重试|发送失败|已送达)$/).waitFor();
    // The server's worker (every 5 s) tries it; port 9 refuses, and the page says so and when it retries.
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: '刷新' }).click();
          const explained = await delivery.getByText(/^第 1 次发送未成功（无法连接到推送地址），将于 .* 重试$/).count();
          return explained + (await delivery.getByText('待重试', { exact: true }).count());
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(2);
    await settled(page);
    keep(await s.shot('channel-delivery'), 'admin-channels.png');

    await page.getByRole('switch', { name: '启用督查科工作群' }).click();
    await page.getByText('已停用“督查科工作群”').waitFor();
    expect((await adminApi.get<ChannelRow[]>('/channels')).find((c) => c.id === created!.id)?.enabled).toBe(false);

    await page
      .getByRole('row')
      .filter({ hasText: '督查科工作群' })
      .first()
      .getByRole('button', { name: '删除' })
      .click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await page.getByText('已删除“督查科工作群”').waitFor();
    expect((await adminApi.get<ChannelRow[]>('/channels')).some((c) => c.id === created!.id)).toBe(false);
  });

  it('creates a token whose secret is shown once, works, and stops working when revoked', async () => {
    const page = s.page;
    await page.goto('/admin?tab=tokens');
    await page.getByRole('button', { name: '新建令牌' }).click();
    const form = page.getByRole('dialog', { name: '新建 API 令牌' });
    await form.getByLabel('名称', { exact: true }).fill('市大数据平台');
    await form.getByRole('button', { name: '创建' }).click();

    const shown = page.getByRole('dialog', { name: '令牌“市大数据平台”已创建' });
    await shown.getByText('令牌只显示这一次，关闭后无法再次查看', { exact: false }).waitFor();
    await shown.getByRole('button', { name: '复制令牌' }).waitFor();
    const secret = (await shown.getByTestId('new-token').innerText()).trim();
    expect(secret).toMatch(/^dbt_/);
    await settled(page);
    keep(await s.shot('token-shown-once'), 'admin-token-created.png');

    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    await shown.getByRole('button', { name: '复制令牌' }).click();
    await page.getByText('已复制到剪贴板').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    const asToken = (path: string) =>
      fetch(`${server.baseUrl}/api${path}`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await asToken('/plans')).status).toBe(200);

    await shown.getByRole('button', { name: '我已妥善保存' }).click();
    await shown.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: '市大数据平台' });
    await row.getByText('有效').waitFor();
    expect(await page.getByText(secret).count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    await row.getByRole('button', { name: '吊销' }).click();
    await page.getByText('吊销后使用该令牌的系统将立即无法访问').waitFor();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '吊销' }).click();
    await page.getByText('已吊销“市大数据平台”').waitFor();
    await row.getByText(/已吊销（/).waitFor();
    expect((await asToken('/plans')).status).toBe(401);
    await s.shot('token-revoked');
  });

  it('creates a token scoped to one unit', async () => {
    const page = s.page;
    const unit = (await adminApi.get<{ id: number; name: string }[]>('/units'))[0];
    await page.goto('/admin?tab=tokens');
    await page.getByRole('button', { name: '新建令牌' }).click();
    const form = page.getByRole('dialog', { name: '新建 API 令牌' });
    await form.getByLabel('名称', { exact: true }).fill('单位报送接口');
    await form.getByLabel('角色').click();
    await page.locator('.ant-select-item-option', { hasText: '责任单位' }).click();
    // A unit token without its unit is refused in the form.
    await form.getByRole('button', { name: '创建' }).click();
    await form.getByText('单位令牌必须指定单位').waitFor();
    await form.getByLabel('所属单位').fill(unit.name);
    await page.locator('.ant-select-item-option', { hasText: unit.name }).first().click();
    await form.getByRole('button', { name: '创建' }).click();
    const shown = page.getByRole('dialog', { name: '令牌“单位报送接口”已创建' });
    await shown.getByRole('button', { name: '我已妥善保存' }).click();

    const tokens = await adminApi.get<{ name: string; role: string; unitId: number | null }[]>('/tokens');
    expect(tokens.find((t) => t.name === '单位报送接口')).toMatchObject({ role: 'unit', unitId: unit.id });
    await page.getByRole('row').filter({ hasText: '单位报送接口' }).getByText(unit.name).waitFor();
  });

  it('imports accounts from a table: a preview per row, then the new password shown once, and it logs in', async () => {
    const page = s.page;
    await page.goto('/admin?tab=users');
    const username = `e2e${Date.now() % 100000}`;
    const csv = `用户名,姓名,角色\r\n${username},人大代表联络员,查看\r\ne2ebad,某科长,科长\r\n`;
    await page.getByTestId('account-import-file').setInputFiles({
      name: '账号.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    const preview = page.getByRole('dialog', { name: '导入账号预览' });
    await preview.getByText('新建 1').waitFor();
    await preview.getByText('错误 1').waitFor();
    await preview.getByText('科长', { exact: false }).first().waitFor();
    await preview.getByRole('button', { name: '开通 1 个账号' }).click();

    const shown = page.getByRole('dialog', { name: '已开通 1 个账号' });
    await shown.getByText('初始密码只显示这一次', { exact: false }).waitFor();
    const row = shown.getByRole('row').filter({ hasText: username });
    const password = (await row.locator('code').innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(8);
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(login.status).toBe(200);
    await shown.getByRole('button', { name: '我已保存，关闭' }).click();
    await shown.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: username }).waitFor();
  });

  it('changes the yellow-light threshold and keeps it', async () => {
    const page = s.page;
    const before = await adminApi.get<{ lights: { yellowWithinPoints: number } }>('/settings');
    expect(before.lights.yellowWithinPoints).not.toBe(20);
    await page.goto('/admin?tab=settings');
    const threshold = page.getByLabel('黄灯阈值（百分点）');
    await expect.poll(() => threshold.inputValue()).toBe(String(before.lights.yellowWithinPoints));

    // Out of the server's bounds: the form says so and nothing is saved.
    await threshold.fill('120');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('黄灯阈值应在 0 到 100 之间').waitFor();
    expect((await adminApi.get<typeof before>('/settings')).lights.yellowWithinPoints).toBe(
      before.lights.yellowWithinPoints,
    );

    await threshold.fill('20');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('设置已保存').waitFor();
    expect((await adminApi.get<typeof before>('/settings')).lights.yellowWithinPoints).toBe(20);

    await page.reload();
    await expect.poll(() => page.getByLabel('黄灯阈值（百分点）').inputValue()).toBe('20');
    await settled(page);
    keep(await s.shot('settings-saved'), 'admin-settings.png');
    // The login page's 401 from /api/auth/me before logging in is expected; nothing else is.
    expect(s.errors.filter((e) => !/status of 401 \(Unauthorized\)/.test(e))).toEqual([]);
  });

  it('the three pages fit a phone: only the tables scroll sideways, not the page', async () => {
    const phone = await openSession(browser, server.baseUrl, 'admin-pages-phone', { width: 390, height: 844 });
    await new LoginPage(phone.page).goto();
    await new LoginPage(phone.page).loginAs(demoAccount('admin'));
    for (const [tab, ready] of [
      ['channels', '新增通知渠道'],
      ['tokens', '新建令牌'],
      ['settings', '保存设置'],
    ] as const) {
      await phone.page.goto(`/admin?tab=${tab}`);
      await phone.page.getByRole('button', { name: ready }).waitFor();
      await settled(phone.page);
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${tab}: the page is wider than the phone`).toBeLessThanOrEqual(0);
      keep(await phone.shot(tab), `phone-admin-${tab}.png`);
    }
    await phone.close();
  });
});
