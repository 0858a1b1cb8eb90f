// Dashboard, trend and search. A unit sees its own tasks, a leader the tasks they lead, whatever
// they ask for. Publishing (export, briefings, notices, period comparison) is in ../publish.
import type { FastifyInstance } from 'fastify';
import * as Dashboard from '../../../domain/api/dashboard.js';
import { dashboardCounts, trend } from '../../../store/dashboard.js';
import type { Store } from '../../../store/db.js';
import { getPeriod } from '../../../store/periods.js';
import { searchTasks } from '../../../store/search.js';
import { getSettings } from '../../../store/settings.js';
import { publishedStates, seesUnpublished } from '../../../workflow/rules.js';
import { taskScopeOf } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { notFound } from '../../errors.js';
import { typed } from '../common.js';
import { scopedFilter } from '../scope.js';

export function dashboardRoutes(store: Store) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    app.get(
      '/dashboard',
      { config: { access: 'any', readCache: true }, schema: Dashboard.dashboard },
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

    app.get(
      '/dashboard/trend',
      { config: { access: 'any', readCache: true }, schema: Dashboard.trend },
      async (request) => trend(store.db, request.query.planId, scopedFilter(callerOf(request), request.query)),
    );

    // Always within one plan: a search across every plan ranks every matching text of the province
    // (seconds at 400,000 reports), and no screen needs it. `duban search` without --plan still can.
    app.get('/search', { config: { access: 'any' }, schema: Dashboard.search }, async (request) => {
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
    });
  };
}
