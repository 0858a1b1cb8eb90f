// Phones (issue 16): the header with two plans from 360 px up, 任务清单 as cards, the 驾驶舱's
// behind list on a leader's phone, and every page of the README's page table on a phone and at
// 1366×768 (no page wider than the screen). With DUBAN_DOC_SCREENSHOTS=1 the pages' screenshots
// are kept in docs/screenshots (`DUBAN_DOC_SCREENSHOTS=1 npx vitest run --config
// e2e/vitest.config.ts e2e/phone.e2e.ts`); a plain run leaves the tree alone.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../src/server/demo.js';
import { apiLogin, demoAccount } from './helpers/api.js';
import type { ApiClient, DemoRole } from './helpers/api.js';
import { launchBrowser, openSession } from './helpers/browser.js';
import type { Session } from './helpers/browser.js';
import { listTasks } from './helpers/scenario.js';
import type { PeriodRow, TaskRow } from './helpers/scenario.js';
import { REPO_ROOT, startServer } from './helpers/server.js';
import type { RunningServer } from './helpers/server.js';
import { LoginPage } from './page-models/LoginPage.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };
const SECOND_TABLE = fileURLToPath(new URL('./fixtures/linping-2024-q1.txt', import.meta.url));
const SECOND_PLAN = '2024年临平区政府工作报告重点工作任务';

let server: RunningServer;
let browser: Browser;
const sessions: Session[] = [];

const keep = (file: string, name: string) => {
  if (process.env.DUBAN_DOC_SCREENSHOTS !== '1') return;
  const dir = join(REPO_ROOT, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, join(dir, name));
};

/** Chart animations and fades finish before a screenshot for the documentation. */
const stillForDocs = (page: Page) =>
  process.env.DUBAN_DOC_SCREENSHOTS === '1' ? page.waitForTimeout(1200) : Promise.resolve();

/** A screenshot of what is on the screen (not the whole page), kept for the documentation when asked. */
async function keepScreen(s: Session, name: string): Promise<void> {
  await stillForDocs(s.page);
  const file = join(REPO_ROOT, 'test-results', 'e2e', `phone-${name}`);
  await s.page.screenshot({ path: file });
  keep(file, name);
}

async function signIn(role: DemoRole, name: string, viewport = PHONE): Promise<Session> {
  const s = await openSession(browser, server.baseUrl, name, viewport);
  sessions.push(s);
  await new LoginPage(s.page).goto();
  await new LoginPage(s.page).loginAs(demoAccount(role));
  return s;
}

/** Waits until no spinner is left on the page. */
const settled = (page: Page) =>
  page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0);

/** How far the page reaches past the right edge of the window (0 when it fits). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
async function box(locator: Locator, what: string): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${what} is not on the screen`);
  return b;
}
const intersect = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Logs in with fetch for what the shared ApiClient does not do (PUT, multipart upload). */
async function rawApi(role: DemoRole) {
  const { username, password } = demoAccount(role);
  const r = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!r.ok) throw new Error(`login ${username}: HTTP ${r.status}`);
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const json = body !== undefined && !(body instanceof FormData);
    const res = await fetch(`${server.baseUrl}/api${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(json ? { 'content-type': 'application/json' } : {}) },
      body: body instanceof FormData ? body : json ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/** A second plan (the 临平区 table), through the import API as the wizard sends it. */
async function importSecondPlan(): Promise<void> {
  const call = await rawApi('admin');
  const form = new FormData();
  form.append('file', new Blob([readFileSync(SECOND_TABLE)]), 'linping-2024-q1.txt');
  const preview = await call<{ fileName: string; sha256: string; table: { tasks: unknown[] } }>(
    'POST',
    '/imports/preview',
    form,
  );
  await call('POST', '/imports/confirm', {
    fileName: preview.fileName,
    sha256: preview.sha256,
    planTitle: SECOND_PLAN,
    region: '临平区',
    year: 2024,
    period: '2024Q1',
    tasks: preview.table.tasks,
  });
}

let adminApi: ApiClient;
let demoPlanId: number;
let periods: PeriodRow[];
/** The newest closed period: the demo table's reports, with statuses of every kind. */
let reviewed: PeriodRow;
let open: PeriodRow;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  adminApi = await apiLogin(server.baseUrl, 'admin');
  const [demo] = await adminApi.get<{ id: number }[]>('/plans');
  demoPlanId = demo.id;
  await importSecondPlan();
  periods = await adminApi.get<PeriodRow[]>(`/plans/${demoPlanId}/periods`);
  reviewed = periods.filter((p) => p.state === 'closed').sort((a, b) => b.label.localeCompare(a.label))[0];
  open = periods.find((p) => p.state === 'open')!;
  expect(reviewed && open, 'the demo has a closed and an open period').toBeTruthy();
});
afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

describe('on a phone', () => {
  it('keeps the header’s plan picker, menu button and user name apart from 360 px up with two plans', async () => {
    const plans = await adminApi.get<{ title: string }[]>('/plans');
    expect(plans.map((p) => p.title)).toContain(SECOND_PLAN);
    const s = await signIn('admin', 'phone-header', { width: 360, height: 740 });
    const header = s.page.locator('header');
    const picker = header.locator('.ant-select');
    const user = header.getByRole('button', { name: '用户菜单' });
    const name = user.getByText(DEMO_ACCOUNTS.find((a) => a.role === 'admin')!.displayName);
    for (const width of [360, 375, 390, 414, 600, 767, 768, 1024, 1366]) {
      await s.page.setViewportSize({ width, height: 740 });
      await picker.waitFor();
      const parts: [string, Box][] = [
        ['the plan picker', await box(picker, 'the plan picker')],
        ['the user menu', await box(user, 'the user menu')],
        ['the user name', await box(name, 'the user name')],
      ];
      if (width < 768) parts.push(['the menu button', await box(header.getByLabel('打开菜单'), 'the menu button')]);
      for (const [what, b] of parts) {
        expect(b.x, `${what} at ${width} px`).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width, `${what} at ${width} px`).toBeLessThanOrEqual(width);
        expect(b.width, `${what} at ${width} px`).toBeGreaterThan(0);
      }
      const [pickerBox, userBox, , menuBox] = parts.map(([, b]) => b);
      expect(intersect(pickerBox, userBox), `the plan picker runs into the user menu at ${width} px`).toBe(false);
      if (menuBox) expect(intersect(pickerBox, menuBox), `the plan picker covers the menu at ${width} px`).toBe(false);
      // The picker has room to say which plan it is: the year and the region at least.
      expect(pickerBox.width, `the plan picker at ${width} px`).toBeGreaterThanOrEqual(140);
      expect(await overflow(s.page), `the page is wider than ${width} px`).toBeLessThanOrEqual(0);
    }

    // On a phone the picker still switches plans, and its list stays on the screen.
    await s.page.setViewportSize(PHONE);
    await picker.click();
    const option = s.page.locator('.ant-select-dropdown .ant-select-item-option', { hasText: SECOND_PLAN });
    await option.waitFor();
    const list = await box(s.page.locator('.ant-select-dropdown:visible'), 'the plan list');
    expect(list.x).toBeGreaterThanOrEqual(0);
    expect(list.x + list.width).toBeLessThanOrEqual(PHONE.width);
    await option.click();
    await header.getByTitle(SECOND_PLAN).waitFor();
    expect(intersect(await box(picker, 'the plan picker'), await box(user, 'the user menu'))).toBe(false);
    await s.page.evaluate(() => window.scrollTo(0, 0));
    await keepScreen(s, 'phone-header-two-plans.png');
    // Back to the demo plan for the other tests' sessions (the choice is remembered per user).
    await picker.click();
    await s.page
      .locator('.ant-select-dropdown .ant-select-item-option')
      .filter({ hasNotText: SECOND_PLAN })
      .first()
      .click();
    await header.getByTitle(SECOND_PLAN).waitFor({ state: 'detached' });
  });

  it('lists 任务清单 as cards with the status on screen, the same filters, sorting and paging', async () => {
    const s = await signIn('admin', 'phone-tasks');
    const base = `/tasks?planId=${demoPlanId}&periodId=${reviewed.id}`;
    const page1 = await adminApi.get<{ items: TaskRow[]; total: number }>(
      `/tasks?planId=${demoPlanId}&periodId=${reviewed.id}&page=1&pageSize=20`,
    );
    await s.page.goto(base);
    const cards = s.page.getByRole('list', { name: '任务列表' }).getByRole('listitem');
    await expect.poll(() => cards.count()).toBe(page1.items.length);
    await settled(s.page);
    expect(await s.page.locator('.ant-table').count(), 'no table on a phone').toBe(0);
    const seqs = () => cards.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.seq)));
    expect(await seqs()).toEqual(page1.items.map((t) => t.seq));
    // Every card shows the task's status, inside the screen (the squeezed table cut it off).
    for (const [i, task] of page1.items.entries()) {
      const card = cards.nth(i);
      const tag = card.locator('[data-status]');
      expect(await tag.getAttribute('data-status'), `第 ${task.seq} 项`).toBe(task.report?.status);
      const b = await box(tag, `第 ${task.seq} 项's status`);
      expect(b.x + b.width, `第 ${task.seq} 项's status`).toBeLessThanOrEqual(PHONE.width);
      expect(await card.innerText()).toContain(task.units[0]!.name);
    }
    expect(await overflow(s.page)).toBeLessThanOrEqual(0);
    await keepScreen(s, 'phone-tasks.png');

    // The status filter: the cards are the API's behind tasks.
    const behind = await adminApi.get<{ items: TaskRow[]; total: number }>(
      `/tasks?planId=${demoPlanId}&periodId=${reviewed.id}&status=behind&pageSize=20`,
    );
    expect(behind.total, 'the reviewed quarter has tasks behind').toBeGreaterThan(0);
    await s.page.getByRole('combobox', { name: '状态', exact: true }).click();
    await s.page.locator('.ant-select-dropdown .ant-select-item-option', { hasText: '进度滞后' }).click();
    await expect.poll(() => seqs()).toEqual(behind.items.map((t) => t.seq));
    expect(s.page.url()).toContain('status=behind');

    // Sorting: 序号 from the highest.
    await s.page.goto(base);
    await expect.poll(() => cards.count()).toBe(page1.items.length);
    const desc = await adminApi.get<{ items: TaskRow[] }>(
      `/tasks?planId=${demoPlanId}&periodId=${reviewed.id}&sort=seq&order=desc&pageSize=20`,
    );
    await s.page.getByRole('combobox', { name: '排序' }).click();
    await s.page.locator('.ant-select-dropdown .ant-select-item-option', { hasText: '按序号倒序' }).click();
    await expect.poll(() => seqs()).toEqual(desc.items.map((t) => t.seq));

    // A search lists the hits best first, as the API does, and says so.
    const words = encodeURIComponent('医药');
    const hits = await adminApi.get<{ items: TaskRow[] }>(
      `/tasks?planId=${demoPlanId}&periodId=${reviewed.id}&q=${words}&pageSize=20`,
    );
    expect(hits.items.length, 'the demo has tasks about 医药').toBeGreaterThan(1);
    await s.page.goto(`${base}&q=${words}`);
    await expect.poll(() => seqs()).toEqual(hits.items.map((t) => t.seq));
    await s.page
      .locator('.ant-select', { has: s.page.getByRole('combobox', { name: '排序' }) })
      .getByText('按相关度')
      .waitFor();
    expect(await cards.first().locator('mark.hit').count()).toBeGreaterThan(0);

    // Paging: the next page is the API's second page.
    await s.page.goto(base);
    await expect.poll(() => cards.count()).toBe(page1.items.length);
    const page2 = await adminApi.get<{ items: TaskRow[] }>(
      `/tasks?planId=${demoPlanId}&periodId=${reviewed.id}&page=2&pageSize=20`,
    );
    await s.page.getByText(`共 ${page1.total} 项`).waitFor();
    await s.page.locator('.ant-pagination-next').click();
    await expect.poll(() => seqs()).toEqual(page2.items.map((t) => t.seq));
    expect(s.page.url()).toContain('page=2');

    // A tap on a card opens its task.
    const first = page2.items[0];
    await cards.first().click();
    await s.page.waitForURL(`**/tasks/${first.id}`);
    await s.page.getByRole('heading', { name: `任务 ${first.seq}` }).waitFor();

    // A desktop window of the same session still gets the table.
    await s.page.goto(base);
    await s.page.setViewportSize(DESKTOP);
    await s.page.locator('.ant-table-row').first().waitFor();
    expect(await s.page.getByRole('list', { name: '任务列表' }).count()).toBe(0);
  });

  it('shows the leader’s 驾驶舱 behind list and what waits for the leader within the phone’s width', async () => {
    const leaderApi = await apiLogin(server.baseUrl, 'leader');
    // The period with the most of the leader's tasks behind.
    let best: { period: PeriodRow; behind: { taskId: number; seq: number; target: string; reason: string }[] } | null =
      null;
    for (const period of periods) {
      const board = await leaderApi.get<{ behind: { taskId: number; seq: number; target: string; reason: string }[] }>(
        `/dashboard?planId=${demoPlanId}&periodId=${period.id}`,
      );
      if (!best || board.behind.length > best.behind.length) best = { period, behind: board.behind };
    }
    expect(best!.behind.length, 'the demo leader has tasks behind in some period').toBeGreaterThan(0);
    const { period, behind } = best!;

    // Something addressed to the leader: a 督办单 on one of their tasks and an instruction of theirs.
    const task = (await listTasks(leaderApi, demoPlanId, open.id))[0]!;
    const notice = await adminApi.post<{ number: string }>('/supervision', {
      planId: demoPlanId,
      unitId: task.units[0]!.id,
      taskIds: [task.id],
      level: 'supervise',
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      feedbackRequired: '说明滞后原因、整改措施和完成时限',
    });
    await leaderApi.post('/instructions', { taskId: task.id, body: '请加快推进，月底前专题汇报一次。' });

    const s = await signIn('leader', 'phone-cockpit');
    await s.page.goto(`/?periodId=${period.id}`);
    const list = s.page.getByRole('region', { name: '进度滞后任务' });
    const items = list.locator('[data-task-id]');
    await expect.poll(() => items.count()).toBe(Math.min(10, behind.length));
    await settled(s.page);
    for (const [i, item] of behind.slice(0, 10).entries()) {
      const entry = items.nth(i);
      expect(await entry.getAttribute('data-task-id')).toBe(String(item.taskId));
      const reason = entry.getByText(item.reason);
      expect(await reason.isVisible(), `第 ${item.seq} 项's reason`).toBe(true);
      for (const [what, el] of [
        ['entry', entry],
        ['reason', reason],
        ['target', entry.getByRole('link')],
      ] as const) {
        const b = await box(el, `第 ${item.seq} 项's ${what}`);
        expect(b.x, `第 ${item.seq} 项's ${what}`).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width, `第 ${item.seq} 项's ${what}`).toBeLessThanOrEqual(PHONE.width);
      }
      // Nothing inside is cut off or scrolls sideways.
      expect(await entry.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    const desk = s.page.getByLabel('领导督办事项');
    await desk.getByText(notice.number).waitFor();
    await desk.getByText('请加快推进，月底前专题汇报一次。').waitFor();
    const deskBox = await box(desk, 'the leader’s desk');
    expect(deskBox.x + deskBox.width).toBeLessThanOrEqual(PHONE.width);
    expect(await overflow(s.page)).toBeLessThanOrEqual(0);
    await stillForDocs(s.page);
    keep(await s.shot('cockpit-leader'), 'phone-cockpit-leader.png');

    // On a desktop the behind list is the table with its 滞后原因 column.
    await s.page.setViewportSize(DESKTOP);
    await s.page.getByRole('columnheader', { name: '滞后原因' }).waitFor();
  });

  it('fits every page of the README’s page table on a phone, and keeps its screenshots when asked', async () => {
    // Reports handed in, so that 审核 has a queue: the unit submits three of its open reports.
    const unitCall = await rawApi('unit');
    const unitApi = await apiLogin(server.baseUrl, 'unit');
    const openTasks = await listTasks(unitApi, demoPlanId, open.id);
    const earlier = new Map((await listTasks(unitApi, demoPlanId, reviewed.id)).map((t) => [t.id, t.report?.text]));
    let handedIn = 0;
    for (const t of openTasks) {
      const text = earlier.get(t.id);
      if (!t.report || t.report.state !== 'draft' || !text || handedIn === 3) continue;
      const { version } = await unitCall<{ version: number }>('GET', `/reports/${t.report.id}`);
      const saved = await unitCall<{ version: number }>('PUT', `/reports/${t.report.id}`, { text, version });
      await unitCall('POST', `/reports/${t.report.id}/submit`, { version: saved.version });
      handedIn++;
    }
    expect(handedIn).toBe(3);
    const aTask = openTasks[0]!;

    const pages: { role: DemoRole; path: string; ready: (p: Page) => Promise<unknown>; name: string }[] = [
      { role: 'admin', path: '/login', ready: (p) => p.getByLabel('用户名').waitFor(), name: 'login' },
      {
        role: 'admin',
        path: `/tasks/${aTask.id}`,
        ready: (p) => p.getByRole('heading', { name: `任务 ${aTask.seq}` }).waitFor(),
        name: 'task-detail',
      },
      {
        role: 'admin',
        path: '/review',
        ready: (p) => p.getByText('共 3 份待审核').waitFor(),
        name: 'review',
      },
      {
        role: 'admin',
        path: '/compare',
        ready: (p) => p.getByRole('tab', { name: /上升/ }).waitFor(),
        name: 'compare',
      },
      {
        role: 'admin',
        path: '/admin',
        ready: (p) => p.getByText('年度计划').first().waitFor(),
        name: 'admin-periods',
      },
      {
        role: 'admin',
        path: '/import',
        ready: (p) => p.getByText('点击或拖拽进展表到这里').waitFor(),
        name: 'import',
      },
      {
        role: 'unit',
        path: '/workspace',
        ready: (p) => p.getByRole('heading', { name: '我的填报' }).waitFor(),
        name: 'workspace',
      },
      { role: 'admin', path: '/', ready: (p) => p.getByTestId('count-done').waitFor(), name: 'dashboard' },
    ];
    const signedIn = new Map<string, Session>();
    for (const viewport of [PHONE, DESKTOP]) {
      const phone = viewport === PHONE;
      for (const pg of pages) {
        const key = `${pg.role}-${viewport.width}`;
        let s = signedIn.get(key);
        if (!s) {
          s = await signIn(pg.role, `phone-pages-${key}`, viewport);
          signedIn.set(key, s);
        }
        if (pg.path === '/login') {
          const fresh = await openSession(browser, server.baseUrl, `phone-pages-login-${viewport.width}`, viewport);
          sessions.push(fresh);
          s = fresh;
        }
        await s.page.goto(pg.path);
        await pg.ready(s.page);
        await settled(s.page);
        expect(await overflow(s.page), `${pg.path} at ${viewport.width} px`).toBeLessThanOrEqual(0);
        if (phone && pg.name === 'review') await reviewCardsFit(s.page, 3);
        if (phone && pg.name === 'admin-periods') await tablesFit(s.page);
        // The desktop screenshots of the other pages come from their own tests.
        if (phone || ['compare', 'review'].includes(pg.name))
          await keepScreen(s, phone ? `phone-${pg.name}.png` : `${pg.name}.png`);
      }
    }

    // 审核 on a phone: a card's 通过 approves its report, and the queue shrinks.
    const office = signedIn.get(`admin-${PHONE.width}`)!;
    await office.page.goto('/review');
    await reviewCardsFit(office.page, 3);
    await office.page
      .getByRole('list', { name: '待审核列表' })
      .getByRole('button', { name: /^通过任务/ })
      .first()
      .click();
    await office.page.getByText('共 2 份待审核').waitFor();
    await reviewCardsFit(office.page, 2);
  });

  /** Every table on the page shows all its columns without scrolling sideways, and each input in
   * them (a 截止日期) its whole value. */
  async function tablesFit(page: Page) {
    const tables = page.locator('.ant-table-content');
    expect(await tables.count()).toBeGreaterThan(0);
    for (const fits of await tables.evaluateAll((els) => els.map((el) => el.scrollWidth <= el.clientWidth)))
      expect(fits).toBe(true);
    const inputs = page.locator('.ant-table-content input');
    expect(await inputs.count()).toBeGreaterThan(0);
    for (const [value, fits] of await inputs.evaluateAll((els) =>
      els.map((el) => [(el as HTMLInputElement).value, el.scrollWidth <= el.clientWidth] as const),
    ))
      expect(fits, `${value} shows whole`).toBe(true);
  }

  /** 审核 on a phone lists `count` cards, each with its status and its three actions inside the screen. */
  async function reviewCardsFit(page: Page, count: number) {
    const cards = page.getByRole('list', { name: '待审核列表' }).locator('li');
    await expect.poll(() => cards.count()).toBe(count);
    for (let i = 0; i < count; i++) {
      const card = cards.nth(i);
      const seq = await card.getAttribute('data-seq');
      for (const name of [/^通过任务/, /^退回任务/, '调整'])
        expect(await card.getByRole('button', { name }).isVisible(), `第 ${seq} 项 ${String(name)}`).toBe(true);
      for (const el of [card, card.locator('.ant-tag').first(), card.getByRole('button', { name: '调整' })]) {
        const b = await box(el, `第 ${seq} 项`);
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width, `第 ${seq} 项`).toBeLessThanOrEqual(PHONE.width);
      }
      expect(await card.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
  }
});
