// Plans, periods, themes, units and leaders: everyone reads; admins open and close periods and
// edit units and leaders.
import type { FastifyInstance } from 'fastify';
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
import { dateSchema, idParams, object } from '../common.js';

const planParams = object({ planId: { type: 'integer', minimum: 1 } }, ['planId']);
const admin = { access: ['admin'] as const };

export function referenceRoutes(store: Store) {
  return async (app: FastifyInstance) => {
    app.get(
      '/plans',
      { config: { access: 'any' }, schema: { tags: ['reference'], summary: '计划列表（单位、领导只见有任务的计划）' } },
      async (request) => {
        const plans = await listPlans(store.db);
        // A unit or a leader is offered only the plans they have tasks in (a new plan imported for
        // other units does not become theirs, nor their default).
        const scope = taskScopeOf(callerOf(request));
        if (scope.kind === 'all') return plans;
        const mine = new Set(await planIdsInScope(store.db, scope));
        return plans.filter((p) => mine.has(p.id));
      },
    );

    app.get<{ Params: { planId: number } }>(
      '/plans/:planId/periods',
      { config: { access: 'any' }, schema: { tags: ['reference'], summary: '报告期（新的在前）', params: planParams } },
      async (request) => {
        if (!(await getPlan(store.db, request.params.planId))) throw notFound('计划');
        return listPeriods(store.db, request.params.planId);
      },
    );

    app.post<{ Params: { planId: number }; Body: { label: string; dueDate?: string | null } }>(
      '/plans/:planId/periods',
      {
        config: admin,
        schema: {
          tags: ['cycle'],
          summary: '开启报告期',
          params: planParams,
          body: object(
            {
              label: { type: 'string', minLength: 4, maxLength: 20 },
              dueDate: { anyOf: [dateSchema, { type: 'null' }] },
            },
            ['label'],
          ),
        },
      },
      async (request) =>
        openPeriod(store.db, actorOf(callerOf(request)), {
          planId: request.params.planId,
          label: request.body.label,
          dueDate: request.body.dueDate ?? null,
        }),
    );

    app.patch<{ Params: { id: number }; Body: { dueDate?: string | null; state?: 'open' | 'closed' } }>(
      '/periods/:id',
      {
        config: admin,
        schema: {
          tags: ['cycle'],
          summary: '修改截止日期、关闭或重新开启报告期',
          params: idParams,
          body: object({
            dueDate: { anyOf: [dateSchema, { type: 'null' }] },
            state: { type: 'string', enum: ['open', 'closed'] },
          }),
        },
      },
      async (request) => {
        const actor = actorOf(callerOf(request));
        if (request.body.dueDate !== undefined)
          await setDueDate(store.db, actor, request.params.id, request.body.dueDate);
        if (request.body.state !== undefined)
          await setPeriodState(store.db, actor, request.params.id, request.body.state);
        const period = await getPeriod(store.db, request.params.id);
        if (!period) throw notFound('报告期');
        return period;
      },
    );

    app.get<{ Params: { planId: number } }>(
      '/plans/:planId/themes',
      { config: { access: 'any' }, schema: { tags: ['reference'], summary: '任务分类', params: planParams } },
      async (request) => listThemes(store.db, request.params.planId),
    );

    app.get('/units', { config: { access: 'any' }, schema: { tags: ['reference'], summary: '单位' } }, async () =>
      listUnits(store.db),
    );
    app.get('/leaders', { config: { access: 'any' }, schema: { tags: ['reference'], summary: '区领导' } }, async () =>
      listLeaders(store.db),
    );

    const unitBody = object({
      name: { type: 'string', minLength: 1, maxLength: 100 },
      parentId: { type: ['integer', 'null'], minimum: 1 },
    });
    app.post<{ Body: { name: string; parentId?: number | null } }>(
      '/units',
      {
        config: admin,
        schema: { tags: ['reference'], summary: '新增单位', body: { ...unitBody, required: ['name'] } },
      },
      async (request) => createUnit(store.db, actorOf(callerOf(request)), request.body),
    );
    app.patch<{ Params: { id: number }; Body: { name?: string; parentId?: number | null } }>(
      '/units/:id',
      { config: admin, schema: { tags: ['reference'], summary: '修改单位', params: idParams, body: unitBody } },
      async (request) => updateUnit(store.db, actorOf(callerOf(request)), request.params.id, request.body),
    );
    app.post<{ Params: { id: number }; Body: { mergeIds: number[] } }>(
      '/units/:id/merge',
      {
        config: admin,
        schema: {
          tags: ['reference'],
          summary: '合并单位（被合并单位的名称保留为别名，以后导入时自动对应）',
          params: idParams,
          body: object(
            {
              mergeIds: {
                type: 'array',
                items: { type: 'integer', minimum: 1 },
                minItems: 1,
                maxItems: 100,
                uniqueItems: true,
              },
            },
            ['mergeIds'],
          ),
        },
      },
      async (request) =>
        mergeUnits(store.db, actorOf(callerOf(request)), {
          keepId: request.params.id,
          mergeIds: request.body.mergeIds,
        }),
    );
    const leaderBody = object({
      name: { type: 'string', minLength: 1, maxLength: 100 },
      title: { type: ['string', 'null'], maxLength: 100 },
    });
    app.post<{ Body: { name: string; title?: string | null } }>(
      '/leaders',
      {
        config: admin,
        schema: { tags: ['reference'], summary: '新增区领导', body: { ...leaderBody, required: ['name'] } },
      },
      async (request) => createLeader(store.db, actorOf(callerOf(request)), request.body),
    );
    app.patch<{ Params: { id: number }; Body: { name?: string; title?: string | null } }>(
      '/leaders/:id',
      { config: admin, schema: { tags: ['reference'], summary: '修改区领导', params: idParams, body: leaderBody } },
      async (request) => updateLeader(store.db, actorOf(callerOf(request)), request.params.id, request.body),
    );
  };
}
