// A task's people and organisations (lead leaders, lead units, co-units), in table order.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from './schema.js';

export interface TaskLinks {
  leaders: number[];
  units: number[];
  coUnits: number[];
}

export async function loadTaskLinks(db: Kysely<DB>, taskIds: number[]): Promise<Map<number, TaskLinks>> {
  const out = new Map<number, TaskLinks>(taskIds.map((id) => [id, { leaders: [], units: [], coUnits: [] }]));
  for (let i = 0; i < taskIds.length; i += 500) {
    const slice = taskIds.slice(i, i + 500);
    const leaders = await db
      .selectFrom('task_leaders')
      .select(['task_id', 'leader_id'])
      .where('task_id', 'in', slice)
      .orderBy('position')
      .execute();
    for (const l of leaders) out.get(l.task_id)!.leaders.push(l.leader_id);
    const units = await db
      .selectFrom('task_units')
      .select(['task_id', 'unit_id', 'role'])
      .where('task_id', 'in', slice)
      .orderBy('position')
      .execute();
    for (const u of units)
      (u.role === 'lead' ? out.get(u.task_id)!.units : out.get(u.task_id)!.coUnits).push(u.unit_id);
  }
  return out;
}

/** Replaces a task's links with the given ones (a unit both lead and co is kept as lead). */
export async function setTaskLinks(db: Kysely<DB>, taskId: number, links: TaskLinks): Promise<void> {
  await db.deleteFrom('task_leaders').where('task_id', '=', taskId).execute();
  await db.deleteFrom('task_units').where('task_id', '=', taskId).execute();
  if (links.leaders.length) {
    await db
      .insertInto('task_leaders')
      .values(links.leaders.map((leader_id, position) => ({ task_id: taskId, leader_id, position })))
      .execute();
  }
  const lead = new Set(links.units);
  const units = [
    ...links.units.map((unit_id) => ({ unit_id, role: 'lead' as const })),
    ...links.coUnits.filter((u) => !lead.has(u)).map((unit_id) => ({ unit_id, role: 'co' as const })),
  ];
  if (units.length)
    await db
      .insertInto('task_units')
      .values(units.map((u, position) => ({ task_id: taskId, ...u, position })))
      .execute();
}

/** A condition for any query: the task whose id is in `taskId` (e.g. `t.id`) is led by the leader. */
export function taskHasLeader(taskId: string, leaderId: number): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from task_leaders tl where tl.task_id = ${sql.ref(taskId)} and tl.leader_id = ${leaderId})`;
}

/** A condition for any query: the unit leads or co-leads the task whose id is in `taskId`. */
export function taskHasUnit(taskId: string, unitId: number): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from task_units tu where tu.task_id = ${sql.ref(taskId)} and tu.unit_id = ${unitId})`;
}
