// Merging two spellings of one unit (区发展改革委 / 区发展改革局): every row naming the merged unit
// moves to the one kept, the dashboard's trigger-kept tallies still equal a recount, and the next
// import naming the old spelling lands on the kept unit.
import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/store/audit.js';
import { acknowledgeTasks, requestExtension } from '../../src/store/cycle.js';
import { directTallies, summaryTallies, type TallyRow } from '../../src/store/dashboard.js';
import { importParsedTable } from '../../src/store/import.js';
import { listPeriods, setDueDate } from '../../src/store/periods.js';
import { sendReminder } from '../../src/store/reminders.js';
import type { DB } from '../../src/store/schema.js';
import { raiseNotice } from '../../src/store/supervision.js';
import { createToken } from '../../src/store/tokens.js';
import { mergeUnits } from '../../src/store/unit-merge.js';
import { createUnit, listUnits, updateUnit } from '../../src/store/units.js';
import { findUnitByName } from '../../src/store/users.js';
import { describeEachStore } from '../helpers/stores.js';
import { smallTable, smallTasks } from '../fixtures/store/small-plan.js';

const NOW = '2024-04-01T08:00:00.000Z';

/** The table as a district office might write it: the same bureau spelt 委 in some rows, 局 in others. */
function twoSpellings() {
  const tasks = smallTasks().map((t) =>
    t.seq === 3
      ? { ...t, units: ['区发展改革局'], co_units: ['区发展改革委'] } // merged leads, kept co-operates
      : t.seq === 4
        ? { ...t, units: ['区发展改革委'], co_units: ['区发展改革局'] } // kept leads, merged co-operates
        : t.seq === 5
          ? { ...t, units: ['区住建局'], co_units: ['区发展改革局'] }
          : t,
  );
  return { ...smallTable(), tasks };
}

/** Lead-unit tallies as the triggers keep them, against a count made from the reports themselves. */
async function unitTallies(db: Kysely<DB>) {
  const kept = await sql<{ p: number; u: number; s: string; n: number }>`
    select period_id as p, key_id as u, status as s, n from report_tallies where dim = 3 and n <> 0`.execute(db);
  const recount = await sql<{ p: number; u: number; s: string; n: number }>`
    select r.period_id as p, tu.unit_id as u, r.status as s, count(*) as n from reports r
    join task_units tu on tu.task_id = r.task_id and tu.role = 'lead' group by r.period_id, tu.unit_id, r.status`.execute(
    db,
  );
  const key = (rows: { p: number; u: number; s: string; n: number }[]) =>
    rows.map((r) => `${r.p}|${r.u}|${r.s}|${Number(r.n)}`).sort();
  return { kept: key(kept.rows), recount: key(recount.rows) };
}

const sortedTallies = (rows: TallyRow[]) =>
  rows.map((r) => `${r.kind}|${r.id ?? ''}|${r.name ?? ''}|${r.status}|${Number(r.n)}`).sort();

describeEachStore('merging units spelt two ways', (ctx) => {
  it('moves every reference to the kept unit, keeps the old name as an alias, and the dashboard agrees with a recount', async () => {
    const db = ctx.store.db;
    const actor = SYSTEM_ACTOR;
    const s = await importParsedTable(ctx.store, actor, { table: twoSpellings(), fileName: 'q1.txt', sha256: 'a' });
    await setDueDate(db, actor, s.periodId, '2024-04-10');
    const unitId = async (name: string) => (await listUnits(db)).find((u) => u.name === name)!.id;
    const keepId = await unitId('区发展改革委');
    const mergeId = await unitId('区发展改革局');
    const task = async (seq: number) =>
      (await db.selectFrom('tasks').select('id').where('seq', '=', seq).executeTakeFirstOrThrow()).id;

    // Everything that can name a unit names the merged one.
    const child = await createUnit(db, actor, { name: '区发展改革局价格科', parentId: mergeId });
    await db
      .insertInto('users')
      .values({
        username: 'fagaiju',
        display_name: '发改局填报员',
        password_hash: 'x',
        role: 'unit',
        unit_id: mergeId,
        leader_id: null,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    await createToken(db, actor, { name: '发改局接口', role: 'unit', unitId: mergeId, tokenHash: 'h1' });
    await acknowledgeTasks(db, actor, { periodId: s.periodId, unitId: mergeId }); // tasks 1 and 3
    await acknowledgeTasks(db, actor, { periodId: s.periodId, unitId: keepId }); // task 4
    await requestExtension(db, actor, {
      taskId: await task(1),
      periodId: s.periodId,
      unitId: mergeId,
      reason: '统计数据尚未发布',
      requestedDue: '2024-04-30',
    });
    await sendReminder(
      db,
      actor,
      { taskId: await task(3), periodId: s.periodId, unitId: mergeId, channelIds: [] },
      NOW,
    );
    await raiseNotice(
      db,
      actor,
      {
        planId: s.planId,
        unitId: mergeId,
        taskIds: [await task(1)],
        level: 'hint',
        deadline: '2024-04-20',
        feedbackRequired: '说明增速偏低的原因',
      },
      NOW,
    );
    const before = await unitTallies(db);
    expect(before.kept).toEqual(before.recount);
    expect(before.kept.some((k) => k.split('|')[1] === String(mergeId))).toBe(true);

    const result = await mergeUnits(db, { id: null, name: '管理员' }, { keepId, mergeIds: [mergeId] });
    expect(result.aliases).toEqual(['区发展改革局']);

    // No row names the merged unit any more; each moved to the kept one.
    for (const table of [
      'users',
      'api_tokens',
      'extensions',
      'reminders',
      'supervision_notices',
      'acknowledgements',
    ] as const) {
      const rows = await db.selectFrom(table).select('unit_id').execute();
      expect(
        rows.filter((r) => r.unit_id === mergeId),
        table,
      ).toEqual([]);
      expect(
        rows.some((r) => r.unit_id === keepId),
        table,
      ).toBe(true);
    }
    expect(await db.selectFrom('units').select('id').where('id', '=', mergeId).execute()).toEqual([]);
    expect(
      (await db.selectFrom('units').select('parent_id').where('id', '=', child.id).executeTakeFirstOrThrow()).parent_id,
    ).toBe(keepId);
    // Tasks 1, 3 and 4 are led by the kept unit (3 was led by the merged one, co-operated by the kept);
    // task 5 keeps it as co-operating unit, and no task links it twice.
    const links = await db
      .selectFrom('task_units as tu')
      .innerJoin('tasks as t', 't.id', 'tu.task_id')
      .select(['t.seq', 'tu.role'])
      .where('tu.unit_id', '=', keepId)
      .orderBy('t.seq')
      .execute();
    expect(links).toEqual([
      { seq: 1, role: 'lead' },
      { seq: 3, role: 'lead' },
      { seq: 4, role: 'lead' },
      { seq: 5, role: 'co' },
    ]);
    // 签收 is once per task and period: task 4's receipt stays single.
    const acks = await db.selectFrom('acknowledgements').select('task_id').where('unit_id', '=', keepId).execute();
    expect(acks.map((a) => a.task_id).sort()).toEqual([await task(1), await task(3), await task(4)].sort());

    // The dashboard: the trigger-kept tallies equal a recount, and the summary equals a direct count.
    const after = await unitTallies(db);
    expect(after.kept).toEqual(after.recount);
    expect(after.kept.some((k) => k.split('|')[1] === String(mergeId))).toBe(false);
    for (const period of await listPeriods(db, s.planId)) {
      const f = { planId: s.planId, periodId: period.id };
      expect(sortedTallies(await summaryTallies(db, f))).toEqual(sortedTallies(await directTallies(db, f)));
    }

    // The trail says who merged what.
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'unit.merge').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_name: '管理员', entity_id: String(keepId) });
    expect(audit[0].before).toContain('区发展改革局');

    // The next table still says 区发展改革局 for task 2: it lands on the kept unit, no unit is created.
    const q2 = await importParsedTable(ctx.store, actor, {
      table: {
        ...twoSpellings(),
        period: '2024Q2',
        tasks: twoSpellings().tasks.map((t) => (t.seq === 2 ? { ...t, units: ['区发展改革局'] } : t)),
      },
      fileName: 'q2.txt',
      sha256: 'b',
    });
    expect(q2.unitsCreated).toBe(0);
    expect((await listUnits(db)).map((u) => u.name)).not.toContain('区发展改革局');
    const task2 = await db
      .selectFrom('task_units')
      .select(['unit_id', 'role'])
      .where('task_id', '=', await task(2))
      .execute();
    expect(task2).toEqual([{ unit_id: keepId, role: 'lead' }]);
    expect(await findUnitByName(db, '区发展改革局')).toEqual({ id: keepId, name: '区发展改革委' });
    const last = await unitTallies(db);
    expect(last.kept).toEqual(last.recount);
  });

  it('refuses a new unit named as another unit’s alias, and lets the unit take its alias back as its name', async () => {
    const db = ctx.store.db;
    const keep = await createUnit(db, SYSTEM_ACTOR, { name: '区卫生健康委' });
    const merged = await createUnit(db, SYSTEM_ACTOR, { name: '区卫健局' });
    await mergeUnits(db, SYSTEM_ACTOR, { keepId: keep.id, mergeIds: [merged.id] });
    await expect(createUnit(db, SYSTEM_ACTOR, { name: '区卫健局' })).rejects.toMatchObject({ code: 'conflict' });
    await updateUnit(db, SYSTEM_ACTOR, keep.id, { name: '区卫健局' });
    expect(await db.selectFrom('unit_aliases').select('name').where('unit_id', '=', keep.id).execute()).toEqual([]);
    expect(await findUnitByName(db, '区卫健局')).toEqual({ id: keep.id, name: '区卫健局' });
  });

  it('refuses to merge a unit into itself or a unit that does not exist, changing nothing', async () => {
    const db = ctx.store.db;
    const a = await createUnit(db, SYSTEM_ACTOR, { name: '区市场监督管理局' });
    const b = await createUnit(db, SYSTEM_ACTOR, { name: '区市场监管局' });
    await expect(mergeUnits(db, SYSTEM_ACTOR, { keepId: a.id, mergeIds: [a.id] })).rejects.toMatchObject({
      code: 'bad_input',
    });
    await expect(mergeUnits(db, SYSTEM_ACTOR, { keepId: a.id, mergeIds: [b.id, 99999] })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await listUnits(db)).map((u) => u.name)).toEqual(
      expect.arrayContaining(['区市场监督管理局', '区市场监管局']),
    );
  });
});
