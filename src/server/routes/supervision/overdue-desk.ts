// The overdue desk over HTTP: GET /overdue/desk (one row per unit, paged, sorted and filtered on
// the server) and GET /overdue/desk/:unitId (that unit's overdue tasks). A leader sees only the
// tasks they lead, whatever leaderId they send. "Today" is the server clock (src/server/clock.ts).
// PUT /units/order sets the units' official order (序列) the desk follows.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../../store/db.js';
import { overdueDesk, unitOverdueTasks, type DeskSort } from '../../../store/overdue-desk.js';
import { getPeriod } from '../../../store/periods.js';
import { setUnitOrder } from '../../../store/unit-order.js';
import { SUPERVISION_LEVELS, type Level } from '../../../store/supervision-ladder.js';
import { actorOf, type Caller } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { clockIso, clockToday } from '../../clock.js';
import { notFound } from '../../errors.js';
import { object, paging } from '../common.js';

const id = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;
const filters = {
  periodId: id,
  leaderId: id,
  themeId: id,
  urgency: { type: 'string', enum: [...SUPERVISION_LEVELS, 'none'] },
} as const;

interface Filters {
  periodId: number;
  leaderId?: number;
  themeId?: number;
  urgency?: Level | 'none';
}

const leaderOf = (caller: Caller, asked?: number) => (caller.role === 'leader' ? (caller.leaderId ?? -1) : asked);

export function overdueDeskRoutes(store: Store) {
  return async (app: FastifyInstance) => {
    const tags = ['cycle'];
    const access = { access: ['admin', 'viewer', 'leader'] as const };
    const period = async (periodId: number) => {
      const p = await getPeriod(store.db, periodId);
      if (!p) throw notFound('报告期');
      return p;
    };

    app.get<{ Querystring: Filters & { sort?: DeskSort; order?: 'asc' | 'desc'; page?: number; pageSize?: number } }>(
      '/overdue/desk',
      {
        config: access,
        schema: {
          tags,
          summary: '逾期/催办台：每个单位一行（逾期项数、最长逾期天数、催办次数、已提级）',
          querystring: object(
            {
              ...filters,
              sort: { type: 'string', enum: ['order', 'overdue', 'days', 'reminders', 'escalated'] },
              order: { type: 'string', enum: ['asc', 'desc'] },
              ...paging,
            },
            ['periodId'],
          ),
        },
      },
      async (request) => {
        const q = request.query;
        const p = await period(q.periodId);
        return overdueDesk(store.db, {
          ...q,
          periodId: p.id,
          leaderId: leaderOf(callerOf(request), q.leaderId),
          today: clockToday(),
        });
      },
    );

    app.get<{ Params: { unitId: number }; Querystring: Filters }>(
      '/overdue/desk/:unitId',
      {
        config: access,
        schema: {
          tags,
          summary: '逾期/催办台：一个单位的逾期任务',
          params: object({ unitId: id }, ['unitId']),
          querystring: object(filters, ['periodId']),
        },
      },
      async (request) => {
        const q = request.query;
        const p = await period(q.periodId);
        return unitOverdueTasks(store.db, {
          ...q,
          periodId: p.id,
          unitId: request.params.unitId,
          leaderId: leaderOf(callerOf(request), q.leaderId),
          today: clockToday(),
        });
      },
    );

    app.put<{ Body: { unitIds: number[] } }>(
      '/units/order',
      {
        config: { access: ['admin'] },
        schema: {
          tags: ['reference'],
          summary: '设置单位序列（逾期/催办台按此排序，未列入的单位按拼音排在后面）',
          body: object({ unitIds: { type: 'array', items: id, maxItems: 5000 } }, ['unitIds']),
        },
      },
      async (request) => {
        await setUnitOrder(store.db, actorOf(callerOf(request)), request.body.unitIds, clockIso());
        return { ok: true };
      },
    );
  };
}
