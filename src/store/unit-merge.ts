// Merging units that are one organisation spelt two ways (区发展改革委 / 区发展改革局): every row that
// names a merged unit is moved to the unit kept, the merged names become its aliases (so a later
// import naming them lands on it), the merged units are deleted, all in one transaction.
// The dashboard's per-unit tallies follow by themselves: the report_tallies triggers (migration
// 0003) count each task_units update and delete.
import { sql, type Kysely } from 'kysely';
import { DubanError } from '../domain/index.js';
import { recordAudit, type Actor } from './audit.js';
import type { DB } from './schema.js';
import { inTransaction } from './transaction.js';
import { getUnit, type Unit } from './units.js';

export interface MergeUnitsInput {
  keepId: number;
  mergeIds: number[];
}

export interface MergeUnitsResult {
  unit: Unit;
  /** Every other name the kept unit now answers to, sorted. */
  aliases: string[];
  /** How many rows of each kind now name the kept unit instead of a merged one. */
  moved: Record<string, number>;
}

export async function mergeUnits(
  db: Kysely<DB>,
  actor: Actor,
  input: MergeUnitsInput,
  now = new Date().toISOString(),
): Promise<MergeUnitsResult> {
  const { keepId } = input;
  const mergeIds = [...new Set(input.mergeIds)];
  if (mergeIds.length === 0) throw new DubanError('bad_input', '请选择要合并的单位');
  if (mergeIds.includes(keepId)) throw new DubanError('bad_input', '不能把单位合并到它自己');
  return inTransaction(db, async (trx) => {
    const keep = await getUnit(trx, keepId);
    if (!keep) throw new DubanError('not_found', `单位 ${keepId} 不存在`);
    const merged = await trx
      .selectFrom('units')
      .select(['id', 'name', 'parent_id', 'position'])
      .where('id', 'in', mergeIds)
      .execute();
    const missing = mergeIds.filter((id) => !merged.some((m) => m.id === id));
    if (missing.length) throw new DubanError('not_found', `单位 ${missing.join('、')} 不存在`);

    const moved: Record<string, number> = {
      tasks: await moveTaskLinks(trx, keepId, mergeIds),
      acknowledgements: await moveAcknowledgements(trx, keepId, mergeIds),
    };
    for (const table of ['users', 'api_tokens', 'extensions', 'reminders', 'supervision_notices'] as const) {
      const r = await trx
        .updateTable(table)
        .set({ unit_id: keepId })
        .where('unit_id', 'in', mergeIds)
        .executeTakeFirst();
      moved[table] = Number(r.numUpdatedRows);
    }
    // Units under a merged one now sit under the kept one; the kept unit leaves a merged parent.
    await trx
      .updateTable('units')
      .set({ parent_id: keepId })
      .where('parent_id', 'in', mergeIds)
      .where('id', '<>', keepId)
      .execute();
    if (keep.parentId != null && mergeIds.includes(keep.parentId))
      await trx.updateTable('units').set({ parent_id: null }).where('id', '=', keepId).execute();
    // The official order (序列): the kept unit takes the first merged unit's place when it had none.
    const keepPosition = (
      await trx.selectFrom('units').select('position').where('id', '=', keepId).executeTakeFirstOrThrow()
    ).position;
    const positions = merged.map((m) => m.position).filter((p): p is number => p != null);
    if (keepPosition == null && positions.length)
      await trx
        .updateTable('units')
        .set({ position: Math.min(...positions) })
        .where('id', '=', keepId)
        .execute();

    // Aliases: the merged units' own aliases and names now point at the kept unit.
    await trx.updateTable('unit_aliases').set({ unit_id: keepId }).where('unit_id', 'in', mergeIds).execute();
    const names = merged.map((m) => m.name).filter((n) => n !== keep.name);
    if (names.length) {
      await trx.deleteFrom('unit_aliases').where('name', 'in', names).execute();
      await trx
        .insertInto('unit_aliases')
        .values(names.map((name) => ({ name, unit_id: keepId, created_at: now })))
        .execute();
    }
    await trx.deleteFrom('unit_aliases').where('name', '=', keep.name).execute();

    await trx.deleteFrom('units').where('id', 'in', mergeIds).execute();
    // The merged units' per-unit tallies are all zero by now (their task links moved above).
    await sql`delete from report_tallies where dim = 3 and key_id in (${sql.join(mergeIds)}) and n = 0`.execute(trx);

    const aliases = (
      await trx.selectFrom('unit_aliases').select('name').where('unit_id', '=', keepId).orderBy('name').execute()
    ).map((a) => a.name);
    await recordAudit(
      trx,
      actor,
      {
        action: 'unit.merge',
        entity: 'unit',
        entityId: keepId,
        before: { unit: keep, merged: merged.map((m) => ({ id: m.id, name: m.name })) },
        after: { unit: keep, aliases, moved },
      },
      now,
    );
    return { unit: keep, aliases, moved };
  });
}

/**
 * A task links each unit once (primary key task, unit): where the kept unit is already linked, the
 * merged unit's link goes (and makes the kept one lead if it was); otherwise one merged link is
 * moved to the kept unit. Returns the number of tasks whose links changed.
 */
async function moveTaskLinks(trx: Kysely<DB>, keepId: number, mergeIds: number[]): Promise<number> {
  const rows = await trx
    .selectFrom('task_units')
    .select(['task_id', 'unit_id', 'role', 'position'])
    .where('unit_id', 'in', [keepId, ...mergeIds])
    .orderBy('task_id')
    .orderBy('position')
    .execute();
  const byTask = new Map<number, typeof rows>();
  for (const r of rows) byTask.set(r.task_id, [...(byTask.get(r.task_id) ?? []), r]);
  let changed = 0;
  for (const [taskId, links] of byTask) {
    const others = links.filter((l) => l.unit_id !== keepId);
    if (others.length === 0) continue;
    changed++;
    const role = links.some((l) => l.role === 'lead') ? 'lead' : 'co';
    const kept = links.find((l) => l.unit_id === keepId) ?? others.find((l) => l.role === role)!;
    const drop = others.filter((l) => l !== kept).map((l) => l.unit_id);
    if (drop.length)
      await trx.deleteFrom('task_units').where('task_id', '=', taskId).where('unit_id', 'in', drop).execute();
    if (kept.unit_id !== keepId || kept.role !== role)
      await trx
        .updateTable('task_units')
        .set({ unit_id: keepId, role })
        .where('task_id', '=', taskId)
        .where('unit_id', '=', kept.unit_id)
        .execute();
  }
  return changed;
}

/** 签收 is once per (task, period, unit): a merged unit's receipt moves unless the kept unit has one. */
async function moveAcknowledgements(trx: Kysely<DB>, keepId: number, mergeIds: number[]): Promise<number> {
  const rows = await trx
    .selectFrom('acknowledgements')
    .select(['id', 'task_id', 'period_id', 'unit_id'])
    .where('unit_id', 'in', [keepId, ...mergeIds])
    .orderBy('id')
    .execute();
  const seen = new Set(rows.filter((r) => r.unit_id === keepId).map((r) => `${r.task_id}/${r.period_id}`));
  let moved = 0;
  for (const r of rows) {
    if (r.unit_id === keepId) continue;
    const key = `${r.task_id}/${r.period_id}`;
    if (seen.has(key)) {
      await trx.deleteFrom('acknowledgements').where('id', '=', r.id).execute();
      continue;
    }
    seen.add(key);
    await trx.updateTable('acknowledgements').set({ unit_id: keepId }).where('id', '=', r.id).execute();
    moved++;
  }
  return moved;
}
