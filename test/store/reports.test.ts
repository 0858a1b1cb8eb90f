import { expect, it } from 'vitest';
import { listAudit, SYSTEM_ACTOR } from '../../src/store/audit.js';
import { importParsedTable } from '../../src/store/import.js';
import { findReport, getReport, listTaskReports, listVersions, saveReport } from '../../src/store/reports.js';
import { describeEachStore } from '../helpers/stores.js';
import { smallTable } from '../fixtures/store/small-plan.js';

async function reportOfSeq(ctx: { store: { db: any } }, seq: number) {
  const task = await ctx.store.db.selectFrom('tasks').select('id').where('seq', '=', seq).executeTakeFirstOrThrow();
  const period = await ctx.store.db.selectFrom('periods').select('id').executeTakeFirstOrThrow();
  return (await findReport(ctx.store.db, task.id, period.id))!;
}

describeEachStore('saving reports', (ctx) => {
  it('assesses the text, bumps the version and keeps every version', async () => {
    const user = await ctx.store.db
      .insertInto('users')
      .values({
        username: 'fgj',
        display_name: '区发展改革局填报员',
        password_hash: 'x',
        role: 'unit',
        unit_id: null,
        leader_id: null,
        created_at: '2024-01-01T00:00:00Z',
        updated_at: '2024-01-01T00:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const author = { id: user.id, name: '区发展改革局填报员' };
    await importParsedTable(ctx.store, SYSTEM_ACTOR, { table: smallTable(), fileName: 'q1.txt', sha256: 'a' });
    const before = await reportOfSeq(ctx, 4); // 光伏: empty in the table
    expect(before).toMatchObject({ text: '', status: 'no_report', version: 1 });

    const first = await saveReport(ctx.store.db, author, {
      reportId: before.id,
      text: '一季度新增光伏装机容量1.2万千瓦。',
      expectedVersion: 1,
    });
    expect(first.version).toBe(2);
    expect(first.status).not.toBe('no_report');
    expect(first.machineStatus).toBe(first.status);
    expect(first.assessment.indicators.length).toBeGreaterThan(0);
    expect(first.authorName).toBe('区发展改革局填报员');

    const second = await saveReport(ctx.store.db, author, {
      reportId: before.id,
      text: '截至3月底，新增光伏装机容量5.3万千瓦，已完成全年目标。',
      expectedVersion: 2,
    });
    expect(second.version).toBe(3);
    const stored = await getReport(ctx.store.db, before.id);
    expect(stored).toEqual(second);
    expect(stored!.assessment.status).toBe(stored!.machineStatus);

    const versions = await listVersions(ctx.store.db, before.id);
    expect(versions.map((v) => [v.version, v.text])).toEqual([
      [3, '截至3月底，新增光伏装机容量5.3万千瓦，已完成全年目标。'],
      [2, '一季度新增光伏装机容量1.2万千瓦。'],
    ]);
    const audit = await listAudit(ctx.store.db, { entity: 'report', entityId: before.id });
    expect(audit.items.map((a) => a.action)).toEqual(['report.save', 'report.save']);
    expect(audit.items[0].before).toMatchObject({ version: 2 });
  });

  it('keeps a human override as the status while the machine status follows the text', async () => {
    const r = await reportOfSeq(ctx, 1);
    await ctx.store.db
      .updateTable('reports')
      .set({ override_status: 'on_track', override_reason: '一季度数据受春节影响', status: 'on_track' })
      .where('id', '=', r.id)
      .execute();
    const saved = await saveReport(ctx.store.db, SYSTEM_ACTOR, {
      reportId: r.id,
      text: '一季度地区生产总值增长3.9%。',
      expectedVersion: r.version,
    });
    expect(saved.machineStatus).toBe('behind');
    expect(saved.status).toBe('on_track');
    expect(saved.override).toMatchObject({ status: 'on_track', reason: '一季度数据受春节影响' });
  });

  it('gives the second of two writers from the same version a conflict and keeps the first text', async () => {
    const r = await reportOfSeq(ctx, 3);
    const countBefore = (await listVersions(ctx.store.db, r.id)).length;
    const a = { id: null, name: '甲' };
    const b = { id: null, name: '乙' };
    const results = await Promise.allSettled([
      saveReport(ctx.store.db, a, {
        reportId: r.id,
        text: '生物医药产业园一期主体结顶，新引进医药企业6家。',
        expectedVersion: r.version,
      }),
      saveReport(ctx.store.db, b, { reportId: r.id, text: '新引进医药企业5家。', expectedVersion: r.version }),
    ]);
    const won = results.filter((x) => x.status === 'fulfilled');
    const lost = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({ code: 'conflict' });
    const winner = (won[0] as PromiseFulfilledResult<{ text: string }>).value.text;
    const now = await getReport(ctx.store.db, r.id);
    expect(now!.text).toBe(winner);
    expect(now!.version).toBe(r.version + 1);
    expect(await listVersions(ctx.store.db, r.id)).toHaveLength(countBefore + 1);

    // A writer who never refreshed keeps failing; one who did succeeds.
    await expect(
      saveReport(ctx.store.db, b, { reportId: r.id, text: '新引进医药企业5家。', expectedVersion: r.version }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      saveReport(ctx.store.db, b, { reportId: r.id, text: '新引进医药企业7家。', expectedVersion: r.version + 1 }),
    ).resolves.toMatchObject({ version: r.version + 2 });
  });

  it('refuses to save a report that does not exist', async () => {
    await expect(
      saveReport(ctx.store.db, SYSTEM_ACTOR, { reportId: 999999, text: 'x', expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it("lists a task's reports per period, newest period first", async () => {
    const r = await reportOfSeq(ctx, 5);
    const rows = await listTaskReports(ctx.store.db, r.taskId);
    expect(rows.map((x) => [x.period.label, x.report?.id])).toEqual([['2024Q1', r.id]]);
  });
});

describeEachStore('two store handles on one database', (ctx) => {
  it('lets only one of two processes win a race on the same version', async () => {
    await importParsedTable(ctx.store, SYSTEM_ACTOR, { table: smallTable(), fileName: 'q1.txt', sha256: 'a' });
    const other = await ctx.fixture.reopen();
    const r = await reportOfSeq(ctx, 2);
    const first = () =>
      saveReport(
        ctx.store.db,
        { id: null, name: '甲' },
        { reportId: r.id, text: '1-2月规上工业增加值增长9.5%。', expectedVersion: r.version },
      );
    const second = () =>
      saveReport(
        other.db,
        { id: null, name: '乙' },
        { reportId: r.id, text: '1-2月规上工业增加值增长9.6%。', expectedVersion: r.version },
      );
    // PostgreSQL: truly concurrent connections. SQLite: better-sqlite3 is synchronous, so two
    // handles in one process cannot overlap a write; the second writes after the first commits.
    const results =
      ctx.fixture.name === 'postgres'
        ? await Promise.allSettled([first(), second()])
        : [
            await first().then((v) => ({ status: 'fulfilled', value: v }) as const),
            await second().then(
              (v) => ({ status: 'fulfilled', value: v }) as const,
              (reason) => ({ status: 'rejected', reason }) as const,
            ),
          ];
    expect(results.filter((x) => x.status === 'rejected').map((x) => (x as PromiseRejectedResult).reason.code)).toEqual(
      ['conflict'],
    );
    expect((await getReport(ctx.store.db, r.id))!.version).toBe(r.version + 1);
  });
});
