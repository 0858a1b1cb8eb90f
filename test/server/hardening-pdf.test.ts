// PDF exports wait in a small queue instead of each starting a browser: at most `concurrency`
// print at once, one person may have two running or waiting, the rest get 429 in Chinese at once.
// The printer is a fake that prints only when the test lets it, so no Chromium is needed here.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfPrinter } from '../../src/server/routes/publish/pdf.js';
import { freshStore } from '../helpers/stores.js';
import { login, seed, testApp, type Client, type Seed } from './helpers.js';

/** A printer whose prints finish only when released; it records how many ran at once. */
function gatedPrinter() {
  let open: () => void = () => {};
  let gate = new Promise<void>((r) => (open = r));
  const state = { printing: 0, mostAtOnce: 0, printed: 0 };
  const printer: PdfPrinter = {
    unavailable: async () => null,
    print: async (html) => {
      state.printing++;
      state.mostAtOnce = Math.max(state.mostAtOnce, state.printing);
      await gate;
      state.printing--;
      state.printed++;
      return new TextEncoder().encode(`%PDF-1.7 fake ${html.length}`);
    },
  };
  return {
    printer,
    state,
    release: () => open(),
    reset: () => (gate = new Promise<void>((r) => (open = r))),
  };
}

const until = async (check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('PDF export queue', () => {
  let env: Awaited<ReturnType<typeof freshStore>>;
  let app: FastifyInstance;
  let s: Seed;
  const fake = gatedPrinter();
  const c = {} as Record<'admin' | 'viewer' | 'leader' | 'unit', Client>;

  beforeAll(async () => {
    env = await freshStore('sqlite');
    s = await seed(env.store);
    app = await testApp(env.store, {
      pdf: { printer: fake.printer, queue: { concurrency: 1, perCaller: 2, maxWaiting: 2 } },
    });
    c.admin = await login(app, 'admin');
    c.viewer = await login(app, 'viewer');
    c.leader = await login(app, 'taofeng');
    c.unit = await login(app, 'fagai');
  });
  afterAll(async () => {
    fake.release();
    await app?.close();
    await env?.dispose();
  });

  const exportPdf = (client: Client) =>
    client.request({
      method: 'GET',
      url: `/api/export?planId=${s.planId}&periodId=${s.periods.q4}&format=pdf`,
    });

  /** Starts the requests; resolves once `settled` of them have answered (the others wait in the queue). */
  async function fire(clients: Client[], settled: number) {
    const answers: (LightMyRequestResponse | null)[] = clients.map(() => null);
    const all = clients.map((client, i) => exportPdf(client).then((r) => (answers[i] = r)));
    await until(() => answers.filter(Boolean).length >= settled && fake.state.printing === 1);
    return { answers, all: Promise.all(all) };
  }

  it('lets one person have two PDF exports in the queue and answers the third with 429 in Chinese', async () => {
    fake.reset();
    const { answers, all } = await fire([c.admin, c.admin, c.admin, c.admin], 2);
    const refused = answers.filter((a): a is LightMyRequestResponse => a !== null);
    expect(refused.map((r) => r.statusCode)).toEqual([429, 429]);
    expect(refused[0].json()).toEqual({ error: { code: 'rate_limited', message: '导出排队已满，请稍后再试' } });
    expect(Number(refused[0].headers['retry-after'])).toBeGreaterThan(0);
    fake.release();
    const done = await all;
    expect(done.filter((r) => r.statusCode === 200)).toHaveLength(2);
    expect(done.find((r) => r.statusCode === 200)!.headers['content-type']).toBe('application/pdf');
    expect(fake.state.mostAtOnce).toBe(1);
  });

  it('prints one at a time for everybody and refuses beyond the waiting room', async () => {
    fake.reset();
    fake.state.mostAtOnce = 0;
    // One prints, two wait (maxWaiting 2), the fourth person is refused.
    const { answers, all } = await fire([c.admin, c.viewer, c.leader, c.unit], 1);
    expect(answers.filter((a) => a?.statusCode === 429)).toHaveLength(1);
    fake.release();
    const done = await all;
    expect(done.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 429]);
    expect(fake.state.mostAtOnce).toBe(1);
  });

  it('takes the next export once the queue has room again', async () => {
    fake.release();
    const res = await exportPdf(c.admin);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('export queue', () => {
  it('drops a waiting export whose caller hung up, and gives the slot to the next one', async () => {
    const { ExportQueue } = await import('../../src/server/export-queue.js');
    const queue = new ExportQueue({ concurrency: 1, perCaller: 2, maxWaiting: 4, retryAfterSeconds: 5 });
    let finishFirst: () => void = () => {};
    const first = queue.run('user:1', () => new Promise<string>((r) => (finishFirst = () => r('一'))));
    const hangUp = new AbortController();
    const gone = queue.run('user:2', async () => '二', hangUp.signal);
    const third = queue.run('user:3', async () => '三');
    expect(queue.size).toEqual({ running: 1, waiting: 2 });
    hangUp.abort(new Error('client closed the connection'));
    await expect(gone).rejects.toThrow('client closed the connection');
    expect(queue.size).toEqual({ running: 1, waiting: 1 });
    finishFirst();
    expect(await Promise.all([first, third])).toEqual(['一', '三']);
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });
});
