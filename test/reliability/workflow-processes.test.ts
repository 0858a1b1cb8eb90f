// Two server processes on one database (SQLite file and PostgreSQL schema), many writers on three
// reports through both: every answered save holds the text its writer sent (a write answers what its
// own transaction wrote, not a read after the commit that may be another writer's), every submit and
// return answers its own state, and nothing is lost. Then the period is closed while the writers go
// on: no save, submit or comment lands after the close (checked by the audit log's order), the
// writers are told 423 `closed_period` in Chinese, and nothing changes afterwards.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from '../helpers/stores.js';
import { PASSWORD, seed, type Seed } from '../server/helpers.js';
import { childScript, runChild, type ChildRun } from './helpers/child.js';
import { HttpClient } from './helpers/http.js';
import { expectNoLostUpdate, type SaveAck } from './helpers/report-invariants.js';

const CLIENTS_PER_SERVER = 5;
const STEPS_PER_CLIENT = 24;
const figures: string[] = [];
afterAll(() => console.log(`two processes, one database:\n${figures.join('\n')}`));

interface Answer {
  status: number;
  body: { text?: string; version?: number; state?: string; error?: { code: string; message: string } };
}

describeEachStore('the report workflow across two server processes', (ctx) => {
  let s: Seed;
  const servers: ChildRun[] = [];
  let clients: HttpClient[] = [];
  let ids: number[] = [];

  beforeAll(async () => {
    s = await seed(ctx.store);
    ids = [s.reports.gdpQ4, s.reports.schoolQ4, s.reports.roadQ4];
    for (let k = 0; k < 2; k++) servers.push(runChild(childScript('serve.ts'), [JSON.stringify(ctx.fixture.config)]));
    const bases = await Promise.all(
      servers.map(
        async (srv) => `http://127.0.0.1:${(await srv.waitFor((l) => l.startsWith('listening '))).split(' ')[1]}`,
      ),
    );
    clients = bases.flatMap((base) => Array.from({ length: CLIENTS_PER_SERVER }, () => new HttpClient(base)));
    for (const c of clients) expect((await c.login('admin', PASSWORD)).status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    for (const srv of servers) srv.proc.kill('SIGTERM');
    await Promise.all(servers.map((srv) => srv.exited));
  });

  it('answers every save, submit and return with what its own transaction wrote', async () => {
    const start = new Map(ids.map((id) => [id, 1]));
    const acks: SaveAck[] = [];
    const wrong: string[] = [];
    const unexpected: string[] = [];
    let conflicts = 0;
    let stateSteps = 0;
    const work = async (c: HttpClient, name: string) => {
      for (let k = 0; k < STEPS_PER_CLIENT; k++) {
        const id = ids[(k + name.length) % ids.length];
        const current = (await c.request('GET', `/api/reports/${id}`)).body as { version: number; state: string };
        const marker = `[${name}-${k}]`;
        let res: Answer;
        if (k % 6 === 5 && current.state !== 'submitted') {
          res = (await c.request('POST', `/api/reports/${id}/submit`, { version: current.version })) as Answer;
          if (res.status === 200) {
            stateSteps++;
            if (res.body.state !== 'submitted' || res.body.version !== current.version)
              wrong.push(`submit ${id} answered ${res.body.state} v${res.body.version}, sent v${current.version}`);
          }
        } else if (k % 6 === 5) {
          res = (await c.request('POST', `/api/reports/${id}/return`, { comment: `请补充${marker}` })) as Answer;
          if (res.status === 200) {
            stateSteps++;
            if (res.body.state !== 'returned') wrong.push(`return ${id} answered ${res.body.state}`);
          }
        } else {
          const text = `${marker} 1-11月完成投资${k}亿元，同比增长${k % 9}%。`;
          res = (await c.request('PUT', `/api/reports/${id}`, { text, version: current.version })) as Answer;
          if (res.status === 200) {
            acks.push({ id, version: res.body.version!, marker });
            if (res.body.text !== text || res.body.version !== current.version + 1)
              wrong.push(`save ${marker} answered v${res.body.version} «${res.body.text?.slice(0, 20)}»`);
          }
        }
        if (res.status === 409) conflicts++;
        else if (res.status !== 200) unexpected.push(`${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      }
    };
    const t0 = performance.now();
    await Promise.all(clients.map((c, i) => work(c, `w${i}`)));
    const ms = performance.now() - t0;
    expect(unexpected).toEqual([]);
    expect(wrong).toEqual([]);
    expect(acks.length).toBeGreaterThanOrEqual(10);
    const kept = await expectNoLostUpdate(ctx.store, acks, start, 'admin');
    expect(kept).toBe(acks.length);
    figures.push(
      `  ${ctx.fixture.name}: ${clients.length} clients on 2 processes, ${acks.length} saves + ${stateSteps} submits/returns answered with their own write, ${conflicts} × 409, ${Math.round(ms)} ms`,
    );
  }, 120_000);

  it('lands no write after the period is closed, and tells the writers in Chinese', async () => {
    const stop = { now: false };
    const closedAnswers: Answer[] = [];
    const work = async (c: HttpClient, name: string) => {
      for (let k = 0; !stop.now && k < 400; k++) {
        const id = ids[k % ids.length];
        const current = (await c.request('GET', `/api/reports/${id}`)).body as { version: number; state: string };
        const res = (
          k % 4 === 3
            ? await c.request('POST', `/api/reports/${id}/comments`, { body: `意见[${name}-${k}]` })
            : await c.request('PUT', `/api/reports/${id}`, {
                text: `[close-${name}-${k}] 完成投资${k}亿元。`,
                version: current.version,
              })
        ) as Answer;
        if (res.status === 423) {
          closedAnswers.push(res);
          return;
        }
      }
    };
    const writers = Promise.all(clients.map((c, i) => work(c, `c${i}`)));
    await new Promise((r) => setTimeout(r, 400));
    const closed = await clients[0].request('PATCH', `/api/periods/${s.periods.q4}`, { state: 'closed' });
    expect(closed.status).toBe(200);
    const at = await ctx.store.db.selectFrom('reports').select(['id', 'version']).where('id', 'in', ids).execute();
    const comments = await ctx.store.db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    setTimeout(() => (stop.now = true), 3000);
    await writers;

    // Every writer was told, in Chinese, that the period is closed.
    expect(closedAnswers.length).toBe(clients.length);
    for (const a of closedAnswers) {
      expect(a.body.error?.code).toBe('closed_period');
      expect(a.body.error?.message).toMatch(/报告期已关闭/);
    }
    // Nothing changed after the close was answered…
    const after = await ctx.store.db.selectFrom('reports').select(['id', 'version']).where('id', 'in', ids).execute();
    expect(after.sort((a, b) => a.id - b.id)).toEqual(at.sort((a, b) => a.id - b.id));
    expect(
      Number(
        (
          await ctx.store.db
            .selectFrom('comments')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(Number(comments.n));
    // …and no write committed after the close committed (audit ids follow commit order here).
    const close = await ctx.store.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'period.close')
      .executeTakeFirstOrThrow();
    const later = await ctx.store.db
      .selectFrom('audit_log')
      .select(['id', 'action'])
      .where('id', '>', close.id)
      .where('action', 'in', ['report.save', 'comment.create', 'report.submit'])
      .execute();
    expect(later).toEqual([]);
    figures.push(
      `  ${ctx.fixture.name}: period closed under ${clients.length} writers → every one told 423, none landed`,
    );
  }, 120_000);
});
