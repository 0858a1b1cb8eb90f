// Web app figures: the gzipped JavaScript the login page and the dashboard load (from the Vite
// manifest, and as recorded on the network by Chromium), and the time from navigation to a
// rendered dashboard (cards and every chart drawn) on the province-scale data set when its generator
// (bench/lib/province.ts) is present, else on the demo data (and it says so): cold, warm, and cold
// with the page's CPU slowed down as on a slower office PC.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { apiLogin, demoAccount } from '../e2e/helpers/api.js';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/helpers/browser.js';
import { REPO_ROOT, startServer } from '../e2e/helpers/server.js';
import { waitForBrowserIdle } from './lib/browser-idle.js';

export const title = 'web app: JavaScript size and dashboard time';

const DIST = join(REPO_ROOT, 'web/dist');

interface SeededData {
  /** Environment for `duban demo` (a prepared database file). */
  env: Record<string, string>;
  description: string;
  /** The plan whose dashboard is timed (a province district), when the province set is loaded. */
  planId?: number;
  cleanup: () => Promise<void>;
}

const PLANS = Number(process.env.DUBAN_BENCH_PLANS ?? 100);
const RUNS = Number(process.env.DUBAN_BENCH_RUNS ?? 9);
/** CPU slowdown of the extra cold loads that stand for a slower office PC (DUBAN_BENCH_SLOWDOWN). */
const SLOWDOWN = Number(process.env.DUBAN_BENCH_SLOWDOWN ?? 2);

/**
 * The province-scale set (bench/lib/province.ts: PLANS districts × 200 tasks × 20 periods) in a
 * temporary SQLite file that `duban demo` then adds its accounts to; the demo data alone when the
 * generator is missing.
 */
async function seedProvinceIfAvailable(): Promise<SeededData> {
  if (!existsSync(join(REPO_ROOT, 'bench/lib/province.ts'))) {
    return { env: {}, description: 'demo data only (bench/lib/province.ts not present)', cleanup: async () => {} };
  }
  const { loadProvince } = await import('./lib/province.js');
  const { openStore } = await import('../src/store/db.js');
  const dir = mkdtempSync(join(tmpdir(), 'duban-web-bench-'));
  const file = join(dir, 'province.db');
  const store = await openStore({ file });
  const t0 = performance.now();
  const data = await loadProvince(store, { plans: PLANS });
  // A benchmark database: `duban demo` may add its public-password accounts to it.
  await (await import('../src/server/demo.js')).markDemoDatabase(store);
  await store.close();
  const seconds = ((performance.now() - t0) / 1000).toFixed(0);
  return {
    env: { DUBAN_DB: file, DUBAN_DEMO_DB: file },
    description: `province set: ${PLANS} districts, ${data.reports} reports (loaded in ${seconds} s) + demo`,
    planId: data.planIds[Math.floor(data.planIds.length / 2)],
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
  css?: string[];
}

function readManifest(): Record<string, ManifestChunk> {
  const file = [join(DIST, '.vite/manifest.json'), join(DIST, 'manifest.json')].find(existsSync);
  if (!file) throw new Error('web/dist has no Vite manifest: run `npm run build:web` first');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>;
}

/** The files a set of chunks loads before they run: the chunks and their static imports. */
function staticClosure(manifest: Record<string, ManifestChunk>, keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no chunk ${key}`);
    files.add(chunk.file);
    for (const imp of chunk.imports ?? []) visit(imp);
  };
  keys.forEach(visit);
  return files;
}

const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 6 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function manifestSizes(): { login: number; dashboard: number } {
  const manifest = readManifest();
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)!;
  const find = (suffix: string) => {
    const key = Object.keys(manifest).find((k) => k.endsWith(suffix));
    if (!key) throw new Error(`manifest has no ${suffix}`);
    return key;
  };
  const sum = (files: Set<string>) => [...files].filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(f), 0);
  // The entry only starts the loading: the app (src/start.tsx), the route's chunks and ECharts are
  // dynamic imports that every visit to these pages makes, so they count.
  const app = [entry, find('src/start.tsx')];
  return {
    login: sum(staticClosure(manifest, [...app, find('pages/login/LoginPage.tsx')])),
    dashboard: sum(
      staticClosure(manifest, [
        ...app,
        find('layout/AppLayout.tsx'),
        find('pages/dashboard/DashboardPage.tsx'),
        find('components/charts/echarts.ts'),
      ]),
    ),
  };
}

/** Gzipped size of the JavaScript a page actually requested (files under /assets/). */
function networkJs(urls: string[]): number {
  const files = new Set(urls.map((u) => new URL(u).pathname).filter((p) => p.endsWith('.js')));
  return [...files].reduce((n, p) => n + gz(p.replace(/^\//, '')), 0);
}

/**
 * Every chart of the dashboard has its canvas: the ring, the trend and the bars of the open tab
 * (at least three). A string, not a function: tsx would wrap a function's inner helpers.
 */
const CHARTS_DRAWN = `(() => {
  const charts = [...document.querySelectorAll('[data-chart]')];
  return charts.length >= 3 && charts.every((c) => c.querySelector('canvas'));
})()`;

/** Navigates to the dashboard and resolves once its cards and every chart are drawn. */
async function drawDashboard(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('count-done').waitFor({ timeout: 60_000 });
  await page.waitForFunction(CHARTS_DRAWN, undefined, { timeout: 60_000 });
  // Two frames after the canvases exist, so ECharts has drawn.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<void> {
  const fromManifest = manifestSizes();
  const seeded = await seedProvinceIfAvailable();
  const server = await startServer(seeded.env);
  const browser = await launchBrowser();
  try {
    const api = await apiLogin(server.baseUrl, 'admin');
    const plans = await api.get<{ id: number; title: string; taskCount: number }[]>('/plans');
    const tasks = plans.reduce((n, p) => n + p.taskCount, 0);

    // Login page, cold.
    const loginContext = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1366, height: 768 } });
    const loginPage = await loginContext.newPage();
    const loginUrls: string[] = [];
    loginPage.on('request', (r) => loginUrls.push(r.url()));
    await loginPage.goto('/login');
    await loginPage.getByLabel('用户名').waitFor();
    const loginJs = networkJs(loginUrls);
    await loginPage.getByLabel('用户名').fill(demoAccount('admin').username);
    await loginPage.getByLabel('密码').fill(demoAccount('admin').password);
    await loginPage.getByRole('button', { name: '登录' }).click();
    await loginPage.getByRole('button', { name: '用户菜单' }).waitFor();
    // Let the first dashboard render once, as a returning user's browser would have (it remembers
    // the plan and period, so the next visit requests their data at once).
    if (seeded.planId)
      await loginPage.evaluate((id) => localStorage.setItem('duban.planId', String(id)), seeded.planId);
    await loginPage.goto('/');
    await loginPage.getByTestId('count-done').waitFor({ timeout: 60_000 });
    const storage = await loginContext.storageState();
    await loginContext.close();

    // Dashboard: a fresh context per run (cold cache), logged in; navigation → cards and charts drawn.
    const times: number[] = [];
    const warm: number[] = [];
    const scriptsDone: number[] = [];
    const apiDone: number[] = [];
    let wire = { wire: 0, decoded: 0, requests: 0 };
    let dashboardJs = 0;
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({
        baseURL: server.baseUrl,
        viewport: { width: 1366, height: 768 },
        storageState: storage,
      });
      const page = await context.newPage();
      const urls: string[] = [];
      page.on('request', (r) => urls.push(r.url()));
      // The new window first loads the browser's own pages (omnibox); the user's window is already open.
      await waitForBrowserIdle();
      const t0 = performance.now();
      await drawDashboard(page);
      times.push(performance.now() - t0);
      // Where the time went, from the page's own resource timing (ms since navigation start).
      // A string, not a function: tsx would wrap a function's inner helpers in its own `__name`.
      const marks = (await page.evaluate(`(() => {
        const end = (re) => Math.max(0, ...performance.getEntriesByType('resource').filter((e) => re.test(e.name)).map((e) => e.responseEnd));
        const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
        return {
          scripts: end(/\\/assets\\/.*\\.js$/),
          dashboardApi: end(/\\/api\\/dashboard\\?/),
          wire: entries.reduce((n, e) => n + e.transferSize, 0),
          decoded: entries.reduce((n, e) => n + e.decodedBodySize, 0),
          requests: entries.length,
        };
      })()`)) as { scripts: number; dashboardApi: number; wire: number; decoded: number; requests: number };
      scriptsDone.push(marks.scripts);
      apiDone.push(marks.dashboardApi);
      if (i === 0) wire = marks;
      if (i === 0) dashboardJs = networkJs(urls);
      // The same user coming back (scripts in the browser cache, revalidated).
      const w0 = performance.now();
      await drawDashboard(page);
      warm.push(performance.now() - w0);
      await context.close();
    }

    // An office PC slower than this machine: Chromium's CPU throttling slows the page's own work.
    const slowed: number[] = [];
    for (let i = 0; i < Math.min(RUNS, 5); i++) {
      const context = await browser.newContext({
        baseURL: server.baseUrl,
        viewport: { width: 1366, height: 768 },
        storageState: storage,
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
      await waitForBrowserIdle();
      const t0 = performance.now();
      await drawDashboard(page);
      slowed.push(performance.now() - t0);
      await context.close();
    }

    console.log(
      `data set: ${seeded.description}; ${plans.length} plan(s), ${tasks} tasks; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on 2 cores`,
    );
    console.log(`login page JS (gzip, manifest):      ${kb(fromManifest.login)}   (aim ≤ 300 KB)`);
    console.log(`login page JS (gzip, network):       ${kb(loginJs)}`);
    console.log(`dashboard JS (gzip, manifest):       ${kb(fromManifest.dashboard)}   (aim ≤ 700 KB)`);
    console.log(`dashboard JS (gzip, network):        ${kb(dashboardJs)}`);
    console.log(
      `dashboard cold load on the wire:     ${kb(wire.wire)} in ${wire.requests} requests (${kb(wire.decoded)} uncompressed)`,
    );
    console.log(
      `navigation → rendered dashboard:     median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${times.length} cold loads (aim < 1500 ms)`,
    );
    console.log(
      `  of which: last script received at ${median(scriptsDone).toFixed(0)} ms, /api/dashboard answered at ${median(apiDone).toFixed(0)} ms (medians)`,
    );
    console.log(
      `navigation → rendered dashboard, warm: median ${median(warm).toFixed(0)} ms (scripts cached, same user returning)`,
    );
    console.log(
      `navigation → rendered dashboard, cold, page CPU slowed ${SLOWDOWN}×: median ${median(slowed).toFixed(0)} ms over ${slowed.length} loads`,
    );
  } finally {
    await browser.close();
    await server.stop();
    await seeded.cleanup();
  }
}
