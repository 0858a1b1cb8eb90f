// Dashboard, trend, search, period comparison and publishing (progress table, leader briefing,
// reminder notice). A unit sees its own tasks, a leader the tasks they lead, whatever they ask for.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { STATUSES, type Result, type Status } from '../../../domain/index.js';
import { exportProgressTable, loadBriefing, loadDiff, loadNotice, loadProgressTable, safeFileName, writeBriefingDocx, writeNoticeDocx, type ProgressFormat } from '../../../export/index.js';
import { dashboardCounts, trend } from '../../../store/dashboard.js';
import type { Store } from '../../../store/db.js';
import { getPeriod } from '../../../store/periods.js';
import { searchTasks } from '../../../store/search.js';
import { getSettings } from '../../../store/settings.js';
import type { Caller } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { HttpError, forbidden, notFound } from '../../errors.js';
import { object, statusSchema } from '../common.js';
import { today } from '../reports/detail.js';

const id = { type: 'integer', minimum: 1 } as const;

/** The leader/unit filter a caller is held to: their own for unit and leader accounts. */
function scopedFilter(caller: Caller, asked: { leaderId?: number; unitId?: number }): { leaderId?: number; unitId?: number } {
  if (caller.role === 'unit') {
    if (asked.unitId != null && asked.unitId !== caller.unitId) throw forbidden('只能查看本单位的数据');
    return { unitId: caller.unitId ?? -1, leaderId: asked.leaderId };
  }
  if (caller.role === 'leader') {
    if (asked.leaderId != null && asked.leaderId !== caller.leaderId) throw forbidden('只能查看本人分管的任务');
    return { leaderId: caller.leaderId ?? -1, unitId: asked.unitId };
  }
  return asked;
}

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new HttpError(r.error.code === 'not_found' ? 'not_found' : r.error.code === 'unsupported_format' ? 'unsupported_format' : 'bad_input', r.error.message);
  return r.value;
}

function sendFile(reply: FastifyReply, bytes: Uint8Array, mime: string, fileName: string) {
  reply
    .header('content-type', mime)
    .header('content-disposition', `attachment; filename="export"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'private, no-store');
  return reply.send(Buffer.from(bytes));
}

export function dashboardRoutes(store: Store) {
  return async (app: FastifyInstance) => {
    const tags = ['dashboard'];
    app.get<{ Querystring: { planId: number; periodId: number; leaderId?: number; unitId?: number } }>(
      '/dashboard',
      { schema: { tags, summary: '按主题、领导、单位的状态统计与滞后清单', querystring: object({ planId: id, periodId: id, leaderId: id, unitId: id }, ['planId', 'periodId']) } },
      async (request) => {
        const q = request.query;
        const period = await getPeriod(store.db, q.periodId);
        if (!period || period.planId !== q.planId) throw notFound('报告期');
        const settings = await getSettings(store.db);
        return dashboardCounts(store.db, { planId: q.planId, periodId: q.periodId, ...scopedFilter(callerOf(request), q), lightThresholds: settings.lights });
      },
    );

    app.get<{ Querystring: { planId: number; leaderId?: number; unitId?: number } }>(
      '/dashboard/trend',
      { schema: { tags, summary: '各期状态趋势', querystring: object({ planId: id, leaderId: id, unitId: id }, ['planId']) } },
      async (request) => trend(store.db, request.query.planId, scopedFilter(callerOf(request), request.query)),
    );

    app.get<{ Querystring: { q: string; planId?: number; periodId?: number; page?: number; pageSize?: number } }>(
      '/search',
      { schema: { tags, summary: '全文检索', querystring: object({ q: { type: 'string', minLength: 1, maxLength: 100 }, planId: id, periodId: id, page: { type: 'integer', minimum: 1, default: 1 }, pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 20 } }, ['q']) } },
      async (request) => {
        const caller = callerOf(request);
        const q = request.query;
        if (caller.role === 'admin' || caller.role === 'viewer') return searchTasks(store.db, q);
        // Scoped callers: search, then keep only what they may read.
        const visible = await visibleTaskIds(store, caller);
        const all = await searchTasks(store.db, { ...q, page: 1, pageSize: 200 });
        const items = all.items.filter((h) => visible.has(h.taskId));
        const size = q.pageSize ?? 20;
        const page = q.page ?? 1;
        return { items: items.slice((page - 1) * size, page * size), total: items.length };
      },
    );

    app.get<{ Querystring: { planId: number; from: string; to: string } }>(
      '/diff',
      { config: { access: ['admin', 'viewer'] }, schema: { tags, summary: '两期比较', querystring: object({ planId: id, from: { type: 'string', maxLength: 20 }, to: { type: 'string', maxLength: 20 } }, ['planId', 'from', 'to']) } },
      async (request) => unwrap(await loadDiff(store.db, { plan: request.query.planId, from: request.query.from, to: request.query.to })),
    );

    app.get<{ Querystring: { planId: number; periodId: number; format: ProgressFormat; withStatus?: number; unitId?: number; leaderId?: number; status?: Status[] } }>(
      '/export',
      {
        schema: {
          tags, summary: '导出进展情况表',
          querystring: object({ planId: id, periodId: id, format: { type: 'string', enum: ['xlsx', 'docx', 'csv', 'pdf'] }, withStatus: { type: 'integer', enum: [0, 1] }, unitId: id, leaderId: id, status: { type: 'array', items: statusSchema, maxItems: STATUSES.length } }, ['planId', 'periodId', 'format']),
        },
      },
      async (request, reply) => {
        const q = request.query;
        const f = scopedFilter(callerOf(request), q);
        const table = unwrap(await loadProgressTable(store.db, { plan: q.planId, period: q.periodId, withStatus: q.withStatus === 1, statuses: q.status, unit: f.unitId, leader: f.leaderId, today: today() }));
        const file = await exportProgressTable(table, q.format);
        return sendFile(reply, file.bytes, file.mime, file.fileName);
      },
    );

    app.get<{ Params: { leaderId: number }; Querystring: { planId: number; periodId: number } }>(
      '/briefings/:leaderId',
      { config: { access: ['admin', 'viewer', 'leader'] }, schema: { tags, summary: '领导专报（.docx）', params: object({ leaderId: id }, ['leaderId']), querystring: object({ planId: id, periodId: id }, ['planId', 'periodId']) } },
      async (request, reply) => {
        const f = scopedFilter(callerOf(request), { leaderId: request.params.leaderId });
        const briefing = unwrap(await loadBriefing(store.db, { plan: request.query.planId, period: request.query.periodId, leader: f.leaderId!, today: today() }));
        return sendFile(reply, await writeBriefingDocx(briefing), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', `${safeFileName(`领导专报-${request.params.leaderId}`)}.docx`);
      },
    );

    app.get<{ Params: { unitId: number }; Querystring: { planId: number; periodId: number } }>(
      '/notices/:unitId',
      { config: { access: ['admin', 'unit'] }, schema: { tags, summary: '催办通知（.docx）', params: object({ unitId: id }, ['unitId']), querystring: object({ planId: id, periodId: id }, ['planId', 'periodId']) } },
      async (request, reply) => {
        const f = scopedFilter(callerOf(request), { unitId: request.params.unitId });
        const notice = unwrap(await loadNotice(store.db, { plan: request.query.planId, period: request.query.periodId, unit: f.unitId!, today: today() }));
        return sendFile(reply, await writeNoticeDocx(notice), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', `${safeFileName(`催办通知-${request.params.unitId}`)}.docx`);
      },
    );
  };
}

async function visibleTaskIds(store: Store, caller: Caller): Promise<Set<number>> {
  if (caller.role === 'unit') {
    const rows = await store.db.selectFrom('task_units').select('task_id').where('unit_id', '=', caller.unitId ?? -1).execute();
    return new Set(rows.map((r) => r.task_id));
  }
  const rows = await store.db.selectFrom('task_leaders').select('task_id').where('leader_id', '=', caller.leaderId ?? -1).execute();
  return new Set(rows.map((r) => r.task_id));
}
