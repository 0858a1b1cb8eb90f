// A webhook receiver that answers with an endless body must not make the delivery worker read it
// all into memory (or hang until the timeout): the answer is read up to a bound, then dropped.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RESPONSE_BYTES } from '../../src/server/notify/bounded-body.js';
import { deliverDue } from '../../src/server/notify/worker.js';
import { createChannel, enqueueNotification, listDeliveries } from '../../src/store/notifications.js';
import { freshStore } from '../helpers/stores.js';

describe('webhook delivery against a receiver that never stops answering', () => {
  let receiver: Server;
  let base = '';
  let bytesSent = 0;
  let env: Awaited<ReturnType<typeof freshStore>>;
  const chunk = Buffer.alloc(64 * 1024, '催');

  beforeAll(async () => {
    env = await freshStore('sqlite');
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"pad":"');
        // Writes as fast as the client reads, until the client goes away.
        const pump = () => {
          while (!res.destroyed && bytesSent < 512 * 1024 * 1024) {
            bytesSent += chunk.byteLength;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
        };
        res.on('close', () => res.destroy());
        pump();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    receiver?.closeAllConnections();
    await new Promise((r) => receiver?.close(r));
    await env?.dispose();
  });

  it('reads a bounded part of the answer, records the delivery and stops the transfer', async () => {
    const actor = { id: null, name: 'test' };
    await createChannel(env.store.db, actor, {
      name: '督查系统',
      kind: 'webhook',
      url: `${base}/hook`,
      events: ['reminder'],
    });
    await enqueueNotification(env.store.db, {
      event: 'reminder',
      title: '催办',
      text: '请尽快报送学位建设进展',
      data: {},
      at: new Date().toISOString(),
    });
    const started = Date.now();
    expect(await deliverDue(env.store, { timeoutMs: 20_000 })).toBe(1);
    const elapsed = Date.now() - started;
    const [delivery] = await listDeliveries(env.store.db);
    expect(delivery.state).toBe('delivered');
    expect(elapsed).toBeLessThan(5_000);
    // What the receiver got out before the worker hung up: the bound plus socket buffers, not 512 MiB.
    expect(bytesSent).toBeLessThan(MAX_RESPONSE_BYTES + 16 * 1024 * 1024);
  });
});
