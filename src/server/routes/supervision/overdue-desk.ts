// The overdue desk over HTTP: GET /overdue/desk (one row per unit, paged, sorted and filtered on
// the server) and GET /overdue/desk/:unitId (that unit's overdue tasks). A leader sees only the
// tasks they lead, whatever leaderId they send. "Today" is the server clock (src/server/clock.ts).
// PUT /units/order sets the units' official order (序列) the desk follows. Request and answer
// shapes: src/domain/api/supervision.ts.
import type { FastifyInstance } from 'fastify';
import * as Supervision from '../../../domain/api/supervision.js';
import type { Store } from '../../../store/db.js';
import { overdueDesk, unitOverdueTasks } from '../../../store/overdue-desk.js';
import { getPeriod } from '../../../store/periods.js';
import { setUnitOrder } from '../../../store/unit-order.js';
import { actorOf, type Caller } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { clockIso, clockToday } from '../../clock.js';
import { notFound } from '../../errors.js';
import { typed } from '../common.js';

const leaderOf = (caller: Caller, asked?: number) => (caller.role === 'leader' ? (caller.leaderId ?? -1) : asked);

export function overdueDeskRoutes(store: Store) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const access = { access: ['admin', 'viewer', 'leader'] as const };
    const period = async (periodId: number) => {
      const p = await getPeriod(store.db, periodId);
      if (!p) throw notFound('报告期');
      return p;
    };

    app.get('/overdue/desk', { config: access, schema: Supervision.desk }, async (request) => {
      const q = request.query;
      const p = await period(q.periodId);
      return overdueDesk(store.db, {
        ...q,
        periodId: p.id,
        leaderId: leaderOf(callerOf(request), q.leaderId),
        today: clockToday(),
      });
    });

    app.get('/overdue/desk/:unitId', { config: access, schema: Supervision.deskUnit }, async (request) => {
      const q = request.query;
      const p = await period(q.periodId);
      return unitOverdueTasks(store.db, {
        ...q,
        periodId: p.id,
        unitId: request.params.unitId,
        leaderId: leaderOf(callerOf(request), q.leaderId),
        today: clockToday(),
      });
    });

    app.put('/units/order', { config: { access: ['admin'] }, schema: Supervision.unitOrder }, async (request) => {
      await setUnitOrder(store.db, actorOf(callerOf(request)), request.body.unitIds, clockIso());
      return { ok: true };
    });
  };
}
