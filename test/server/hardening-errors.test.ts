// Every answer the server gives to a broken request has the API's `{error:{code,message}}` shape with
// a Chinese message, over a real socket where Node's parser answers before Fastify (431, garbage)
// and through Fastify (bad JSON, bad URL encoding, unsupported type, too large, 404); bodies are not
// type-coerced and numbers in URLs are plain decimal; a multipart body cut short is the client's
// 400, not a logged 500; evidence names lose bidi and control characters.
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from '../helpers/stores.js';
import { login, multipart, seed, testApp, TINY_PDF, type Client, type Seed } from './helpers.js';

const CHINESE = /[\u4e00-\u9fff]/;

/** As a piece of a raw request: the client stops sending (half-closes its socket). */
const HANG_UP = Symbol('hang up');

/**
 * Sends raw bytes to the app's port (pieces 100 ms apart, so the server is mid-body when the next
 * arrives) and returns the status code and body of its one answer.
 */
function rawRequest(
  port: number,
  ...pieces: (Buffer | string | typeof HANG_UP)[]
): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', async () => {
      for (const [i, piece] of pieces.entries()) {
        if (i > 0) await new Promise((r) => setTimeout(r, 100));
        if (piece === HANG_UP) socket.end();
        else socket.write(piece);
      }
    });
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        type: /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '',
        body: rest.join('\r\n\r\n'),
      });
    });
    setTimeout(() => socket.destroy(), 5000).unref();
  });
}

function expectErrorShape(status: number, type: string, body: string, label: string): { code: string } {
  expect(type, label).toMatch(/application\/json/);
  const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
  expect(Object.keys(parsed), `${label}: ${body}`).toEqual(['error']);
  expect(typeof parsed.error?.code, label).toBe('string');
  expect(parsed.error?.message, label).toMatch(CHINESE);
  expect(status, label).toBeGreaterThanOrEqual(400);
  return parsed.error as { code: string };
}

const shapeOf = (res: LightMyRequestResponse, label: string) =>
  expectErrorShape(res.statusCode, String(res.headers['content-type'] ?? ''), res.body, label);

describeEachStore('errors: one shape, no coercion, clean uploads', (ctx) => {
  let app: FastifyInstance;
  let s: Seed;
  let unit: Client;
  let admin: Client;
  let port: number;
  const logged: { level: number; msg?: string; err?: { message?: string } }[] = [];
  beforeAll(async () => {
    s = await seed(ctx.store);
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logged.push(JSON.parse(line));
        done();
      },
    });
    app = await testApp(ctx.store, { logger: { level: 'warn', stream: sink } });
    unit = await login(app, 'fagai');
    admin = await login(app, 'admin');
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(async () => app?.close());

  const reportText = async (id: number) =>
    (
      await ctx.store.db
        .selectFrom('reports')
        .select(['text', 'version'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).text;

  it('answers headers over the limit with 431 in the error shape', async () => {
    const res = await rawRequest(
      port,
      `GET /api/auth/me HTTP/1.1\r\nHost: localhost\r\nCookie: duban_session=${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(res.status).toBe(431);
    expect(expectErrorShape(res.status, res.type, res.body, '431').code).toBe('headers_too_large');
  });

  it('answers a request that is not HTTP with 400 in the error shape', async () => {
    const res = await rawRequest(port, 'HELLO WORLD\r\n\r\n');
    expect(res.status).toBe(400);
    expectErrorShape(res.status, res.type, res.body, 'not HTTP');
  });

  it("answers Fastify's own errors (bad JSON, bad URL, wrong type, too large, 404) in Chinese", async () => {
    const url = `/api/reports/${s.reports.gdpQ4}`;
    const cases: [string, Parameters<Client['request']>[0], number][] = [
      [
        'bad JSON',
        { method: 'PUT', url, payload: '{"text": "增长', headers: { 'content-type': 'application/json' } },
        400,
      ],
      ['empty JSON', { method: 'PUT', url, payload: '', headers: { 'content-type': 'application/json' } }, 400],
      ['bad URL encoding', { method: 'GET', url: '/api/reports/%E0%A4%A' }, 400],
      ['unsupported type', { method: 'PUT', url, payload: '<a/>', headers: { 'content-type': 'text/xml' } }, 415],
      ['body too large', { method: 'PUT', url, payload: { text: '进展'.repeat(400_000), version: 1 } }, 413],
      ['no such API', { method: 'GET', url: '/api/no-such-thing' }, 404],
      ['no such page for POST', { method: 'POST', url: '/no-such-page', payload: {} }, 404],
    ];
    for (const [label, opts, status] of cases) {
      const res = await unit.request(opts);
      expect(res.statusCode, `${label}: ${res.body}`).toBe(status);
      shapeOf(res, label);
      expect(res.body, label).not.toMatch(/content-type is set|is not a valid url|Body cannot be empty/);
    }
  });

  it('refuses a JSON body whose number is a string instead of reading it as a number', async () => {
    const before = await reportText(s.reports.gdpQ4);
    const res = await unit.request({
      method: 'PUT',
      url: `/api/reports/${s.reports.gdpQ4}`,
      payload: { text: '前三季度地区生产总值增长6.1%。', version: '1' },
    });
    expect(res.statusCode).toBe(400);
    expect(shapeOf(res, 'coerced version').code).toBe('validation');
    expect(await reportText(s.reports.gdpQ4)).toBe(before);
  });

  it('reads numbers in paths and query strings only as plain decimal digits', async () => {
    const id = s.reports.gdpQ4;
    expect((await unit.request({ method: 'GET', url: `/api/reports/${id}` })).statusCode).toBe(200);
    for (const spelled of [
      `0x${id.toString(16)}`,
      `${id}e0`,
      `${id}.0`,
      `%20${id}`,
      `%2B${id}`,
      `0b${id.toString(2)}`,
    ]) {
      const res = await unit.request({ method: 'GET', url: `/api/reports/${spelled}` });
      expect(res.statusCode, `/api/reports/${spelled}: ${res.body.slice(0, 100)}`).toBe(400);
      expect(shapeOf(res, spelled).code).toBe('validation');
    }
    const query = await unit.request({ method: 'GET', url: `/api/tasks?planId=0x${s.planId.toString(16)}` });
    expect(query.statusCode).toBe(400);
    expect((await unit.request({ method: 'GET', url: `/api/tasks?planId=${s.planId}` })).statusCode).toBe(200);
  });

  it('answers a multipart body cut short with 400 and logs no error', async () => {
    const upload = multipart('三季度核算说明.pdf', Buffer.concat([TINY_PDF, Buffer.alloc(64 * 1024, 0x20)]));
    const cut = upload.payload.subarray(0, 300);
    for (const url of [`/api/reports/${s.reports.gdpQ4}/attachments`, '/api/imports/preview']) {
      const before = logged.length;
      const res = await rawRequest(
        port,
        Buffer.concat([
          Buffer.from(
            `POST ${url} HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${upload.headers['content-type']}\r\n` +
              `Content-Length: ${cut.length}\r\nCookie: duban_session=${admin.cookie}\r\n` +
              `x-csrf-token: ${admin.csrf}\r\nConnection: close\r\n\r\n`,
          ),
          cut.subarray(0, 250),
        ]),
        // The rest arrives while the file is being read, and the body ends before the part does.
        cut.subarray(250),
      );
      expect(res.status, `${url}: ${res.body}`).toBe(400);
      expect(expectErrorShape(res.status, res.type, res.body, url).code).toBe('bad_request');
      expect(logged.slice(before).filter((l) => l.level >= 50)).toEqual([]);
    }
  });

  it('answers an upload whose client hangs up mid-body with 400 and logs no error', async () => {
    const upload = multipart('三季度核算说明.pdf', Buffer.concat([TINY_PDF, Buffer.alloc(64 * 1024, 0x20)]));
    const before = logged.length;
    const res = await rawRequest(
      port,
      Buffer.concat([
        Buffer.from(
          `POST /api/reports/${s.reports.gdpQ4}/attachments HTTP/1.1\r\nHost: localhost\r\n` +
            `Content-Type: ${upload.headers['content-type']}\r\nContent-Length: ${upload.payload.length}\r\n` +
            `Cookie: duban_session=${admin.cookie}\r\nx-csrf-token: ${admin.csrf}\r\n\r\n`,
        ),
        upload.payload.subarray(0, 250),
      ]),
      HANG_UP,
    );
    expect(res.status).toBe(400);
    expectErrorShape(res.status, res.type, res.body, 'hang-up');
    await new Promise((r) => setTimeout(r, 200));
    expect(logged.slice(before).filter((l) => l.level >= 50)).toEqual([]);
  });

  it('stores evidence names without bidi and control characters', async () => {
    // Shown as "三季度核算exe.pdf" in a right-to-left override; really a PDF named …fdp.exe.pdf.
    const name = '三季度\u2066核算\u202Efdp.exe\u200B\u0085\u007F.pdf';
    const upload = multipart(name, TINY_PDF);
    const res = await admin.request({
      method: 'POST',
      url: `/api/reports/${s.reports.gdpQ4}/attachments`,
      payload: upload.payload,
      headers: upload.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().fileName).toBe('三季度核算fdp.exe__.pdf');
    // A file stored before names were cleaned still downloads under a clean name.
    const old = await ctx.store.db
      .insertInto('attachments')
      .values({
        report_id: s.reports.gdpQ4,
        file_name: name,
        mime: 'application/pdf',
        size: TINY_PDF.length,
        sha256: 'x',
        content: TINY_PDF,
        uploaded_by: s.users.admin,
        uploaded_by_token: null,
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const id of [res.json().id, old.id]) {
      const download = await admin.request({ method: 'GET', url: `/api/attachments/${id}` });
      expect(download.statusCode).toBe(200);
      expect(decodeURIComponent(String(download.headers['content-disposition']))).toContain('三季度核算fdp.exe__.pdf');
    }
  });
});
