// Plans, periods, themes, units and leaders: everyone reads; admins open and close periods and
// edit units and leaders.
import type { FastifyInstance } from 'fastify';
import * as Reference from '../../../domain/api/reference.js';
import type { Store } from '../../../store/db.js';
import { createLeader, listLeaders, updateLeader } from '../../../store/leaders.js';
import { getPeriod, listPeriods, openPeriod, setDueDate, setPeriodState } from '../../../store/periods.js';
import { getPlan, listPlans, listThemes } from '../../../store/plans.js';
import { createUnit, listUnits, updateUnit } from '../../../store/units.js';
import { mergeUnits } from '../../../store/unit-merge.js';
import { planIdsInScope } from '../../../store/tasks.js';
import { actorOf, taskScopeOf } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { notFound } from '../../errors.js';
import { typed } from '../common.js';

const admin = { access: ['admin'] as const };

export function referenceRoutes(store: Store) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    app.get('/plans', { config: { access: 'any' }, schema: Reference.plans }, async (request) => {
      const plans = await listPlans(store.db);
      // A unit or a leader is offered only the plans they have tasks in (a new plan imported for
      // other units does not become theirs, nor their default).
      const scope = taskScopeOf(callerOf(request));
      if (scope.kind === 'all') return plans;
      const mine = new Set(await planIdsInScope(store.db, scope));
      return plans.filter((p) => mine.has(p.id));
    });

    app.get('/plans/:planId/periods', { config: { access: 'any' }, schema: Reference.periods }, async (request) => {
      if (!(await getPlan(store.db, request.params.planId))) throw notFound('计划');
      return listPeriods(store.db, request.params.planId);
    });

    app.post('/plans/:planId/periods', { config: admin, schema: Reference.openPeriod }, async (request) =>
      openPeriod(store.db, actorOf(callerOf(request)), {
        planId: request.params.planId,
        label: request.body.label,
        dueDate: request.body.dueDate ?? null,
      }),
    );

    app.patch('/periods/:id', { config: admin, schema: Reference.updatePeriod }, async (request) => {
      const actor = actorOf(callerOf(request));
      if (request.body.dueDate !== undefined)
        await setDueDate(store.db, actor, request.params.id, request.body.dueDate);
      if (request.body.state !== undefined)
        await setPeriodState(store.db, actor, request.params.id, request.body.state);
      const period = await getPeriod(store.db, request.params.id);
      if (!period) throw notFound('报告期');
      return period;
    });

    app.get('/plans/:planId/themes', { config: { access: 'any' }, schema: Reference.themes }, async (request) =>
      listThemes(store.db, request.params.planId),
    );

    app.get('/units', { config: { access: 'any' }, schema: Reference.units }, async () => listUnits(store.db));
    app.get('/leaders', { config: { access: 'any' }, schema: Reference.leaders }, async () => listLeaders(store.db));

    app.post('/units', { config: admin, schema: Reference.createUnit }, async (request) =>
      createUnit(store.db, actorOf(callerOf(request)), request.body),
    );
    app.patch('/units/:id', { config: admin, schema: Reference.updateUnit }, async (request) =>
      updateUnit(store.db, actorOf(callerOf(request)), request.params.id, request.body),
    );
    app.post('/units/:id/merge', { config: admin, schema: Reference.mergeUnits }, async (request) =>
      mergeUnits(store.db, actorOf(callerOf(request)), {
        keepId: request.params.id,
        mergeIds: request.body.mergeIds,
      }),
    );
    app.post('/leaders', { config: admin, schema: Reference.createLeader }, async (request) =>
      createLeader(store.db, actorOf(callerOf(request)), request.body),
    );
    app.patch('/leaders/:id', { config: admin, schema: Reference.updateLeader }, async (request) =>
      updateLeader(store.db, actorOf(callerOf(request)), request.params.id, request.body),
    );
  };
}
