// The leader/unit filter a caller is held to on the dashboard and in publishing: a unit account
// sees its own unit's tasks, a leader account the tasks they lead, whatever they ask for; asking
// for someone else's is refused (403), not silently narrowed.
import type { Caller } from '../access.js';
import { forbidden } from '../errors.js';

export interface LeaderUnitFilter {
  leaderId?: number;
  unitId?: number;
}

export function scopedFilter(caller: Caller, asked: LeaderUnitFilter): LeaderUnitFilter {
  if (caller.role === 'unit') {
    if (asked.unitId != null && asked.unitId !== caller.unitId) throw forbidden('只能查看本单位的数据');
    return { unitId: caller.unitId ?? -1, leaderId: asked.leaderId };
  }
  if (caller.role === 'leader') {
    if (asked.leaderId != null && asked.leaderId !== caller.leaderId) throw forbidden('只能查看本人分管的任务');
    return { leaderId: caller.leaderId ?? -1, unitId: asked.unitId };
  }
  return { leaderId: asked.leaderId, unitId: asked.unitId };
}
