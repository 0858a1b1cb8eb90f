// The closed-network install: `npm run bundle` makes one archive; unpacked in an empty directory on
// a machine where npm, npx and a system Node are unusable (fake ones that record being called), its
// start script serves the API and the web app from the bundled Node and modules.
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const built = existsSync(join(root, 'dist/cli/main.js')) && existsSync(join(root, 'web/dist/index.html'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (!built) console.warn('NOTICE: dist/ or web/dist/ not built (npm run build); skipping the bundle test');

describe.skipIf(!built)('npm run bundle', () => {
  const work = mkdtempSync(join(tmpdir(), 'duban-bundle-test-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('unpacks in an empty directory and serves without npm, npx or a system Node', { timeout: 900_000 }, async () => {
    const out = join(work, 'out');
    const archive = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts/bundle.ts'), '--no-build', '--out', out],
      {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    ).trim();
    expect(archive).toMatch(/duban-\d+\.\d+\.\d+-linux-x64\.tar\.gz$/);

    const site = join(work, 'site');
    mkdirSync(site);
    execFileSync('tar', ['-xzf', archive, '-C', site]);
    const [dir] = readdirSync(site);
    const app = join(site, dir);
    for (const part of ['duban', 'node/bin/node', 'dist/cli/main.js', 'web/dist/index.html', 'node_modules/fastify'])
      expect(existsSync(join(app, part)), part).toBe(true);
    // Production modules only.
    for (const dev of ['vitest', 'typescript', 'vite', 'antd', 'oidc-provider'])
      expect(existsSync(join(app, 'node_modules', dev)), dev).toBe(false);

    // Tools that would reach the network (or a Node other than the bundled one) fail and leave a mark.
    const fake = join(work, 'fake-bin');
    mkdirSync(fake);
    const calls = join(work, 'calls.log');
    for (const tool of ['npm', 'npx', 'node', 'node-gyp', 'pnpm', 'yarn'])
      writeFileSync(join(fake, tool), `#!/bin/sh\necho ${tool} "$@" >> ${calls}\nexit 99\n`);
    for (const tool of readdirSync(fake)) chmodSync(join(fake, tool), 0o755);
    const home = join(work, 'home');
    mkdirSync(home);
    const env = { PATH: `${fake}:/usr/bin:/bin`, HOME: home, npm_config_offline: 'true' };

    const check = execFileSync(join(app, 'duban'), ['config', 'check'], { cwd: site, env, encoding: 'utf8' });
    expect(check).toMatch(/config ok/);

    const server = spawn(join(app, 'duban'), ['serve', '--port', '0', '--db', join(site, 'duban.db')], {
      cwd: site,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    server.stderr.on('data', (d) => (stderr += d));
    server.stdout.resume();
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 60_000;
      while (!/serving on (http:\/\/\S+) /.test(stderr) && Date.now() < deadline && server.exitCode === null)
        await sleep(100);
      const url = /serving on (http:\/\/\S+) /.exec(stderr)?.[1];
      expect(url, stderr).toBeTruthy();
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', database: 'sqlite' });
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    expect(existsSync(calls) ? readFileSync(calls, 'utf8') : '').toBe('');
  });
});
