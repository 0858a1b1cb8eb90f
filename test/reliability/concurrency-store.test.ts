// Concurrency through the store, on SQLite and PostgreSQL: thirty writers saving the same report
// from the same version (one wins, twenty-nine are told `conflict`); twenty clients saving,
// re-reading and retrying on five shared reports; and three separate processes saving, submitting
// and returning the same six reports at once. Afterwards: no lost update, versions = start +
// successful saves, one audit entry per save, and no error other than a conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DubanError } from '../../src/domain/index.js';
import { saveReport } from '../../src/store/reports.js';
import { describeEachStore } from '../helpers/stores.js';
import { childScript, runChild } from './helpers/child.js';
import { expectNoLostUpdate, type SaveAck } from './helpers/report-invariants.js';
import { importSeed, reportsOf } from './helpers/seed-store.js';

const figures: string[] = [];
const OPS_PER_PROCESS = 90;
afterAll(() => console.log(`store concurrency:\n${figures.join('\n')}`));

describeEachStore('concurrent saves through the store', (ctx) => {
  let reports: { id: number; version: number; seq: number }[] = [];
  const versionsNow = async (ids: number[]) =>
    new Map(
      (await ctx.store.db.selectFrom('reports').select(['id', 'version']).where('id', 'in', ids).execute()).map((r) => [
        r.id,
        r.version,
      ]),
    );

  beforeAll(async () => {
    reports = await reportsOf(ctx.store, (await importSeed(ctx.store)).periodId);
  });

  it('lets exactly one of 30 writers from the same version win, and tells the others', async () => {
    const r = reports[0];
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        saveReport(
          ctx.store.db,
          { id: null, name: `same-${i}` },
          { reportId: r.id, text: `[same-${i}] 完成投资${i}亿元`, expectedVersion: r.version },
        ),
      ),
    );
    const won = results.filter((x) => x.status === 'fulfilled');
    const lost = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((x) => (x.reason as DubanError).code)).toEqual(Array(29).fill('conflict'));
    const winner = (won[0] as PromiseFulfilledResult<{ version: number; text: string }>).value;
    await expectNoLostUpdate(
      ctx.store,
      [{ id: r.id, version: winner.version, marker: winner.text.slice(0, winner.text.indexOf(']') + 1) }],
      new Map([[r.id, r.version]]),
      'same-',
    );
    figures.push(`  ${ctx.fixture.name}: 30 writers on one version → 1 saved, 29 conflicts`);
  });

  it('keeps every save of 20 clients retrying on 5 shared reports (counts add up)', async () => {
    const ids = reports.slice(1, 6).map((r) => r.id);
    const start = await versionsNow(ids);
    const acks: SaveAck[] = [];
    let conflicts = 0;
    await Promise.all(
      Array.from({ length: 20 }, async (_, c) => {
        for (let k = 0; k < 12; k++) {
          const id = ids[(c + k) % ids.length];
          for (;;) {
            const { version } = await ctx.store.db
              .selectFrom('reports')
              .select('version')
              .where('id', '=', id)
              .executeTakeFirstOrThrow();
            const marker = `[c${c}-${k}]`;
            try {
              const saved = await saveReport(
                ctx.store.db,
                { id: null, name: `client-${c}` },
                { reportId: id, text: `${marker} 累计完成${k}个`, expectedVersion: version },
              );
              acks.push({ id, version: saved.version, marker });
              break;
            } catch (err) {
              if (!(err instanceof DubanError && err.code === 'conflict')) throw err;
              conflicts++;
            }
          }
        }
      }),
    );
    expect(acks).toHaveLength(20 * 12);
    const total = await expectNoLostUpdate(ctx.store, acks, start, 'client-');
    figures.push(
      `  ${ctx.fixture.name}: 20 clients × 12 saves on 5 reports → ${total} saved, ${conflicts} conflicts retried, 0 lost`,
    );
  });

  it('keeps every save when three processes save, submit and return the same reports at once', async () => {
    const ids = reports.slice(10, 16).map((r) => r.id);
    const start = await versionsNow(ids);
    const children = ['p1', 'p2', 'p3'].map((tag) =>
      runChild(childScript('contend.ts'), [
        JSON.stringify(ctx.fixture.config),
        JSON.stringify(ids),
        String(OPS_PER_PROCESS),
        tag,
      ]),
    );
    const ends = await Promise.all(children.map((c) => c.exited));
    const acks: SaveAck[] = [];
    const sum = { saves: 0, submits: 0, returns: 0, conflicts: 0, other: 0, otherErrors: {} as Record<string, number> };
    for (const [i, c] of children.entries()) {
      expect(ends[i].code, c.stderr()).toBe(0);
      for (const line of c.lines) {
        const [kind, id, version, marker] = line.split(' ');
        if (kind === 'save') acks.push({ id: Number(id), version: Number(version), marker: `[${marker}]` });
        if (kind === 'summary') {
          const s = JSON.parse(line.slice('summary '.length)) as typeof sum;
          for (const k of ['saves', 'submits', 'returns', 'conflicts', 'other'] as const) sum[k] += s[k];
          for (const [what, n] of Object.entries(s.otherErrors))
            sum.otherErrors[what] = (sum.otherErrors[what] ?? 0) + n;
        }
      }
    }
    figures.push(
      `  ${ctx.fixture.name}: 3 processes × ${OPS_PER_PROCESS} operations on 6 reports → ${sum.saves} saves, ${sum.submits} submits, ${sum.returns} returns, ${sum.conflicts} conflicts, ${sum.other} other errors${
        sum.other
          ? ` (${Object.entries(sum.otherErrors)
              .map(([w, n]) => `${n}× ${w}`)
              .join('; ')})`
          : ''
      }`,
    );
    expect(sum.otherErrors, 'errors other than a conflict').toEqual({});
    expect(sum.saves).toBe(acks.length);
    await expectNoLostUpdate(ctx.store, acks, start, 'contend-');
  }, 90_000);
});

describe('store concurrency', () => {
  it('has run on every store', () => expect(figures.length).toBeGreaterThan(0));
});
