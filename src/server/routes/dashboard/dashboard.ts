// Dashboard, trend and search. A unit sees its own tasks, a leader the tasks they lead, whatever
// they ask for. Publishing (export, briefings, notices, period comparison) is in ../publish.
import type { FastifyInstance } from 'fastify';
import { dashboardCounts, trend } from '../../../store/dashboard.js';
import type { Store } from '../../../store/db.js';
import { getPeriod } from '../../../store/periods.js';
import { searchTasks } from '../../../store/search.js';
import { getSettings } from '../../../store/settings.js';
import { publishedStates, seesUnpublished } from '../../../workflow/rules.js';
import { taskScopeOf } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { notFound } from '../../errors.js';
import { object } from '../common.js';
import { scopedFilter } from '../scope.js';

const id = { type: 'integer', minimum: 1 } as const;

export function dashboardRoutes(store: Store) {
  return async (app: FastifyInstance) => {
    const tags = ['dashboard'];
    app.get<{ Querystring: { planId: number; periodId: number; leaderId?: number; unitId?: number } }>(
      '/dashboard',
      {
        config: { access: 'any', readCache: true },
        schema: {
          tags,
          summary: '按主题、领导、单位的状态统计与滞后清单',
          querystring: object({ planId: id, periodId: id, leaderId: id, unitId: id }, ['planId', 'periodId']),
        },
      },
      async (request) => {
        const q = request.query;
        const period = await getPeriod(store.db, q.periodId);
        if (!period || period.planId !== q.planId) throw notFound('报告期');
        const settings = await getSettings(store.db);
        return dashboardCounts(store.db, {
          planId: q.planId,
          periodId: q.periodId,
          ...scopedFilter(callerOf(request), q),
          lightThresholds: settings.lights,
        });
      },
    );

    app.get<{ Querystring: { planId: number; leaderId?: number; unitId?: number } }>(
      '/dashboard/trend',
      {
        config: { access: 'any', readCache: true },
        schema: {
          tags,
          summary: '各期状态趋势',
          querystring: object({ planId: id, leaderId: id, unitId: id }, ['planId']),
        },
      },
      async (request) => trend(store.db, request.query.planId, scopedFilter(callerOf(request), request.query)),
    );

    // Always within one plan: a search across every plan ranks every matching text of the province
    // (seconds at 400,000 reports), and no screen needs it. `duban search` without --plan still can.
    app.get<{ Querystring: { q: string; planId: number; periodId?: number; page?: number; pageSize?: number } }>(
      '/search',
      {
        config: { access: 'any' },
        schema: {
          tags,
          summary: '全文检索（限定计划）',
          querystring: object(
            {
              q: { type: 'string', minLength: 1, maxLength: 100 },
              planId: id,
              periodId: id,
              page: { type: 'integer', minimum: 1, default: 1 },
              pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
            },
            ['q', 'planId'],
          ),
        },
      },
      async (request) => {
        // Scoped callers search only what they may read: the scope is part of the query itself.
        const caller = callerOf(request);
        const scope = taskScopeOf(caller);
        return searchTasks(store.db, {
          ...request.query,
          unitId: scope.kind === 'unit' ? scope.unitId : undefined,
          leaderId: scope.kind === 'leader' ? scope.leaderId : undefined,
          // A unit's draft is not published: leaders and viewers do not find it by its words either.
          publishedStates: seesUnpublished(caller.role)
            ? undefined
            : publishedStates((await getSettings(store.db)).publish.approvedOnly),
        });
      },
    );
  };
}
