// The server's JSON log: one object per line with a request id, and never a password, a session
// cookie, a CSRF token, a report's text or a search's words.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loggerOptions } from '../../src/server/logging.js';
import { freshStore } from '../helpers/stores.js';
import { PASSWORD, login, seed, testApp, type Client, type Seed } from '../server/helpers.js';

const REPORT_TEXT = '新建九年一贯制学校主体结构已封顶，完成投资1.2亿元，机密进度说明甲乙丙';
const WRONG_PASSWORD = '错误口令-Guess-7731';
const SEARCH_WORDS = '封顶机密检索词';

describe('request log', () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  let s: Seed;
  let unit: Client;

  beforeAll(async () => {
    const fresh = await freshStore('sqlite');
    dispose = fresh.dispose;
    s = await seed(fresh.store);
    app = await testApp(fresh.store, { logger: loggerOptions({ level: 'info', stream }) });
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'fagai', password: WRONG_PASSWORD },
    });
    unit = await login(app, 'fagai', PASSWORD);
    const report = await unit.request({ url: `/api/reports/${s.reports.gdpQ4}` });
    const saved = await unit.request({
      method: 'PUT',
      url: `/api/reports/${s.reports.gdpQ4}`,
      payload: { text: REPORT_TEXT, version: report.json().version },
    });
    expect(saved.statusCode).toBe(200);
    await unit.request({ url: `/api/search?q=${encodeURIComponent(SEARCH_WORDS)}&planId=${s.planId}` });
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  it('writes one JSON object per line, each request line carrying its request id', () => {
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = entries.filter((e) => e.msg === 'incoming request');
    expect(requests.length).toBeGreaterThanOrEqual(4);
    for (const e of entries.filter((e) => e.reqId !== undefined)) expect(e.reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(requests.find((e) => (e.req as { route: string }).route === '/api/reports/:id')).toBeTruthy();
    expect(entries.every((e) => typeof e.time === 'string' && typeof e.level === 'string')).toBe(true);
  });

  it('holds no password, cookie, CSRF token, report text or search words', () => {
    const log = lines.join('\n');
    expect(log).toContain('/api/auth/login');
    for (const secret of [PASSWORD, WRONG_PASSWORD, unit.cookie, unit.csrf, REPORT_TEXT, '机密进度说明', SEARCH_WORDS])
      expect(log).not.toContain(secret);
    expect(log).not.toContain(encodeURIComponent(SEARCH_WORDS));
  });
});
