// Crash safety of imports: a child process importing a 1 360-task plan in one transaction is
// killed with SIGKILL a third of the way through, on SQLite (WAL) and on PostgreSQL. Reopened, the
// database must pass its integrity check and show no part of the plan (no plan, task, unit,
// leader, report, version or audit row), and then accept the same import whole.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/db.js';
import { findPlanByTitle } from '../../src/store/plans.js';
import { describeEachStore } from '../helpers/stores.js';
import { childScript, runChild } from './helpers/child.js';

const figures: string[] = [];

async function integrityOk(store: Store): Promise<void> {
  if (store.dialect.name !== 'sqlite') return;
  const rows = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db);
  expect(rows.rows.map((r) => r.integrity_check)).toEqual(['ok']);
}

async function counts(store: Store) {
  const n = async (
    t:
      | 'plans'
      | 'tasks'
      | 'units'
      | 'leaders'
      | 'reports'
      | 'report_versions'
      | 'imports'
      | 'audit_log'
      | 'periods'
      | 'themes',
  ) =>
    Number(
      (
        await store.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    plans: await n('plans'),
    tasks: await n('tasks'),
    units: await n('units'),
    leaders: await n('leaders'),
    reports: await n('reports'),
    versions: await n('report_versions'),
    imports: await n('imports'),
    audit: await n('audit_log'),
    periods: await n('periods'),
    themes: await n('themes'),
  };
}

describeEachStore('crash during import', (ctx) => {
  it('shows nothing of an import killed with SIGKILL half-way, and imports it whole afterwards', async () => {
    const before = await counts(ctx.store);
    const title = `崩溃测试计划-${ctx.fixture.name}`;
    const child = runChild(childScript('import-table.ts'), [JSON.stringify(ctx.fixture.config), title, '10']);
    const start = await child.waitFor((l) => l.startsWith('start '));
    const total = Number(start.split(' ')[1]);
    const at = await child.waitFor((l) => l.startsWith('progress ') && Number(l.split(' ')[1]) >= total * 0.3);
    child.proc.kill('SIGKILL');
    await child.exited;
    expect(
      child.lines.some((l) => l.startsWith('committed')),
      'the import finished before the kill; the test proved nothing',
    ).toBe(false);

    const reopened = await ctx.fixture.reopen();
    await integrityOk(reopened);
    expect(await findPlanByTitle(reopened.db, title)).toBeNull();
    expect(await counts(reopened)).toEqual(before);

    // The database takes the same import afterwards, whole.
    const again = runChild(childScript('import-table.ts'), [JSON.stringify(ctx.fixture.config), title, '10']);
    const end = await again.exited;
    expect(end.code, again.stderr()).toBe(0);
    expect(again.lines.at(-1)).toBe(`committed ${total}`);
    const plan = await findPlanByTitle(reopened.db, title);
    expect(plan?.taskCount).toBe(total);
    figures.push(
      `  ${ctx.fixture.name}: import of ${total} tasks killed at "${at}"; afterwards 0 of its rows visible, re-import complete (${total} tasks)`,
    );
  }, 90_000);
});

describe('crash during import figures', () => {
  it('prints them', () => {
    console.log(`crash during import:\n${figures.join('\n')}`);
  });
});
