// The bundled demo (idempotent, one account per role, three periods) and the answer when the
// database goes away under a running app (503 db_unavailable, JSON, no stack).
import { afterAll, expect, it } from 'vitest';
import { seedDemo } from '../../src/server/demo.js';
import { demoCalendar } from '../../src/server/demo-calendar.js';
import { describeEachStore, freshStore } from '../helpers/stores.js';
import { login, testApp } from './helpers.js';

describeEachStore('demo data', (ctx) => {
  it('imports the demo plan with three periods and logs in every demo account; a second run changes nothing', async () => {
    const first = await seedDemo(ctx.store);
    expect(first.created).toBe(true);
    expect(first.accounts.map((a) => a.role)).toEqual(['admin', 'unit', 'leader', 'viewer']);
    const app = await testApp(ctx.store);
    for (const a of first.accounts) await login(app, a.username, a.password);
    const admin = await login(app, 'admin', first.accounts[0].password);
    const periods = (await admin.request({ method: 'GET', url: `/api/plans/${first.planId}/periods` })).json();
    const cal = demoCalendar(new Date());
    expect(periods.map((p: { label: string; state: string }) => `${p.label}:${p.state}`)).toEqual([
      `${cal.open.label}:open`,
      `${cal.table.label}:closed`,
      `${cal.earlier.label}:closed`,
    ]);
    const trend = (await admin.request({ method: 'GET', url: `/api/dashboard/trend?planId=${first.planId}` })).json();
    // Oldest first: the earlier period has reports for part of the tasks only, the table's for nearly all.
    expect(trend.map((p: { label: string }) => p.label)).toEqual([cal.earlier.label, cal.table.label, cal.open.label]);
    expect(trend[0].counts.no_report).toBeGreaterThan(trend[1].counts.no_report);
    expect(trend[0].counts.on_track + trend[0].counts.done).toBeGreaterThan(0);
    const unit = await login(app, 'fagai', 'duban-unit');
    const own = (await unit.request({ method: 'GET', url: `/api/tasks?planId=${first.planId}&pageSize=200` })).json();
    expect(own.total).toBeGreaterThan(0);
    expect(
      own.items.every((t: { units: { name: string }[]; coUnits: { name: string }[] }) =>
        [...t.units, ...t.coUnits].some((u) => u.name === '区发展改革局'),
      ),
    ).toBe(true);
    await app.close();
    const auditBefore = await ctx.store.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const second = await seedDemo(ctx.store);
    expect(second.created).toBe(false);
    const auditAfter = await ctx.store.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));
  }, 180_000);
});

const disposers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const d of disposers) await d();
});

for (const name of ['sqlite', 'postgres'] as const) {
  it(`answers 503 db_unavailable when the ${name} database goes away`, async (t) => {
    let fresh;
    try {
      fresh = await freshStore(name);
    } catch {
      t.skip();
      return;
    }
    disposers.push(fresh.dispose);
    const app = await testApp(fresh.store);
    await fresh.store.close();
    const res = await app.inject({ method: 'GET', url: '/api/plans', cookies: { duban_session: 'x'.repeat(43) } });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ error: { code: 'db_unavailable', message: expect.any(String) } });
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(503);
    await app.close();
  });
}
