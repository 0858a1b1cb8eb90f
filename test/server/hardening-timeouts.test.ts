// Slow clients cannot hold the server: a body sent a byte at a time is cut off with a 408 and the
// connection closed, headers that never end are cut off, an idle keep-alive connection is closed;
// an upload route gets its longer deadline. Real TCP sockets, deadlines shortened for the test.
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { freshStore } from '../helpers/stores.js';
import { login, seed } from './helpers.js';

const TIMEOUTS = {
  headersMs: 600,
  bodyMs: 500,
  uploadMs: 2500,
  keepAliveMs: 400,
  idleMs: 10_000,
  checkIntervalMs: 100,
};

interface Outcome {
  /** What the server wrote before closing. */
  response: string;
  /** Milliseconds from the first byte sent until the server closed the connection. */
  closedAfterMs: number;
}

/** Opens a socket, writes `head`, then one byte of `body` every `gapMs`, until the server closes. */
function slowRequest(port: number, head: string, body: string, gapMs: number, giveUpMs = 8000): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1');
    const started = Date.now();
    let response = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept the connection open for ${giveUpMs} ms; got: ${response}`));
    }, giveUpMs);
    socket.on('data', (d) => (response += d.toString()));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(giveUp);
      clearInterval(timer);
      resolve({ response, closedAfterMs: Date.now() - started });
    });
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (sent < body.length && !socket.destroyed) socket.write(body[sent++]);
      }, gapMs);
    });
  });
}

describe('request deadlines on a listening server', () => {
  let env: Awaited<ReturnType<typeof freshStore>>;
  let app: FastifyInstance;
  let port = 0;
  let cookie = '';
  let csrf = '';

  beforeAll(async () => {
    env = await freshStore('sqlite');
    await seed(env.store);
    app = await buildApp(env.store, { webRoot: null, timeouts: TIMEOUTS });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
    const admin = await login(app, 'admin');
    cookie = `duban_session=${admin.cookie}`;
    csrf = admin.csrf;
  });
  afterAll(async () => {
    await app?.close();
    await env?.dispose();
  });

  it('answers 408 in the JSON error shape and closes the connection when a login body trickles in', async () => {
    const body = JSON.stringify({ username: 'admin', password: 'x'.repeat(40) });
    const head =
      'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${body.length}\r\n\r\n`;
    const out = await slowRequest(port, head, body, 100);
    expect(out.response).toMatch(/^HTTP\/1\.1 408 /);
    expect(JSON.parse(out.response.slice(out.response.indexOf('\r\n\r\n') + 4))).toEqual({
      error: { code: 'request_timeout', message: expect.stringContaining('超时') },
    });
    expect(out.closedAfterMs).toBeGreaterThanOrEqual(TIMEOUTS.bodyMs - 50);
    expect(out.closedAfterMs).toBeLessThan(TIMEOUTS.bodyMs + 1500);
  });

  it('closes a connection whose headers never end', async () => {
    const out = await slowRequest(
      port,
      'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n',
      'X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      100,
    );
    expect(out.closedAfterMs).toBeLessThan(TIMEOUTS.headersMs + 1500);
    expect(out.response).not.toMatch(/^HTTP\/1\.1 200/);
  });

  it('closes an idle keep-alive connection', async () => {
    const out = await slowRequest(port, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', '', 1000);
    expect(out.response).toMatch(/^HTTP\/1\.1 200/);
    expect(out.closedAfterMs).toBeLessThan(TIMEOUTS.keepAliveMs + 1500);
  });

  it('cuts off an unauthenticated slow body too (auth answers first, the rest is not waited for)', async () => {
    const body = JSON.stringify({ text: '一季度完成投资'.repeat(5), expectedVersion: 1 });
    const head =
      'PUT /api/reports/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    const out = await slowRequest(port, head, body, 100);
    expect(out.closedAfterMs).toBeLessThan(TIMEOUTS.bodyMs + 1500);
  });

  it('gives an upload route its longer deadline, and cuts it off after that', async () => {
    const boundary = 'dubanslow';
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="jindu.txt"\r\n` +
      'Content-Type: text/plain\r\n\r\n序号\t重点工作任务\n' +
      'x'.repeat(60);
    const head =
      `POST /api/imports/preview HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\nX-CSRF-Token: ${csrf}\r\n` +
      `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${Buffer.byteLength(body) + 100}\r\n\r\n`;
    const out = await slowRequest(port, head, body, 100);
    // Still receiving well past the ordinary body deadline …
    expect(out.closedAfterMs).toBeGreaterThan(TIMEOUTS.bodyMs * 3);
    // … but not for ever.
    expect(out.closedAfterMs).toBeLessThan(TIMEOUTS.uploadMs + 2500);
  });

  it('still serves a body that arrives in time', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'duban-test-123' }),
    });
    expect(res.status).toBe(200);
  });

  it('leaves no listener behind on a keep-alive connection after each request with a body', async () => {
    const server: Socket[] = [];
    const onConnection = (socket: Socket) => server.push(socket);
    app.server.on('connection', onConnection);
    // Thirty requests with a body, pipelined on one connection (logout: public and quick).
    const one =
      'POST /api/auth/logout HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}';
    const client = connect(port, '127.0.0.1');
    try {
      const answered = await new Promise<number>((resolve, reject) => {
        let text = '';
        client.on('error', reject);
        client.on('data', (d) => {
          text += d.toString();
          const count = text.split('HTTP/1.1 200').length - 1;
          if (count === 30) resolve(count);
        });
        client.on('connect', () => client.write(one.repeat(30)));
      });
      expect(answered).toBe(30);
      expect(server).toHaveLength(1);
      expect(server[0]!.listenerCount('close')).toBeLessThan(5);
    } finally {
      client.destroy();
      app.server.off('connection', onConnection);
    }
  });
});
