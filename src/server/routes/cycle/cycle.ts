// The reporting cycle around the reports: 签收, 延期申请 and its decision, overdue lists, 催办
// (reminders, escalated to the leader after two), and unit scores (考核).
import type { FastifyInstance } from 'fastify';
import * as Cycle from '../../../domain/api/cycle.js';
import {
  acknowledgeTasks,
  decideExtension,
  listAcknowledgements,
  listExtensions,
  requestExtension,
} from '../../../store/cycle.js';
import type { Store } from '../../../store/db.js';
import { getPeriod } from '../../../store/periods.js';
import { listOverdue, listReminders, markReminderRead, sendReminder } from '../../../store/reminders.js';
import { unitScores } from '../../../store/scores.js';
import { clockIso } from '../../clock.js';
import { actorOf, assertPeriodOpen, periodRef, requireRole } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { HttpError, notFound } from '../../errors.js';
import { typed } from '../common.js';
import { today } from '../reports/detail.js';

export function cycleRoutes(store: Store) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const admin = { access: ['admin'] as const };

    app.post(
      '/periods/:id/acknowledge',
      { config: { access: ['unit'] }, schema: Cycle.acknowledge },
      async (request) => {
        const caller = callerOf(request);
        const period = await periodRef(store.db, request.params.id);
        assertPeriodOpen(period.state);
        const acknowledged = await acknowledgeTasks(store.db, actorOf(caller), {
          periodId: period.id,
          unitId: caller.unitId!,
          taskIds: request.body?.taskIds,
        });
        return { acknowledged };
      },
    );

    app.get('/periods/:id/acknowledgements', { config: admin, schema: Cycle.acknowledgements }, async (request) => {
      await periodRef(store.db, request.params.id);
      return listAcknowledgements(store.db, request.params.id);
    });

    app.get('/extensions', { config: { access: ['admin', 'unit'] }, schema: Cycle.extensions }, async (request) => {
      const caller = callerOf(request);
      return listExtensions(store.db, {
        ...request.query,
        unitId: caller.role === 'unit' ? caller.unitId! : undefined,
      });
    });

    app.post('/extensions', { config: { access: ['unit'] }, schema: Cycle.requestExtension }, async (request) => {
      const caller = callerOf(request);
      const period = await periodRef(store.db, request.body.periodId);
      assertPeriodOpen(period.state);
      return requestExtension(store.db, actorOf(caller), { ...request.body, unitId: caller.unitId! });
    });

    app.post('/extensions/:id/decide', { config: admin, schema: Cycle.decideExtension }, async (request) =>
      decideExtension(store.db, actorOf(callerOf(request)), request.params.id, request.body),
    );

    app.get(
      '/overdue',
      { config: { access: ['admin', 'viewer', 'leader'] }, schema: Cycle.overdue },
      async (request) => {
        const caller = callerOf(request);
        const period = await getPeriod(store.db, request.query.periodId);
        if (!period || (request.query.planId != null && period.planId !== request.query.planId))
          throw notFound('报告期');
        return listOverdue(store.db, {
          periodId: period.id,
          today: today(),
          leaderId: caller.role === 'leader' ? (caller.leaderId ?? -1) : undefined,
        });
      },
    );

    app.post('/reminders', { config: admin, schema: Cycle.remind }, async (request) => {
      const period = await periodRef(store.db, request.body.periodId);
      assertPeriodOpen(period.state);
      return sendReminder(store.db, actorOf(callerOf(request)), request.body, clockIso());
    });

    app.get(
      '/reminders',
      { config: { access: ['admin', 'unit', 'leader'] }, schema: Cycle.reminders },
      async (request) => {
        const caller = callerOf(request);
        const q = { periodId: request.query.periodId, unread: request.query.unread === 1 };
        if (caller.role === 'unit') return listReminders(store.db, { ...q, unitId: caller.unitId ?? -1 });
        if (caller.role === 'leader')
          return listReminders(store.db, { ...q, leaderId: caller.leaderId ?? -1, escalatedOnly: true });
        return listReminders(store.db, q);
      },
    );

    app.post(
      '/reminders/:id/read',
      { config: { access: ['unit'] }, schema: Cycle.markReminderRead },
      async (request) => {
        const caller = callerOf(request);
        await markReminderRead(store.db, actorOf(caller), request.params.id, caller.unitId ?? -1);
        return { ok: true };
      },
    );

    app.get('/scores', { config: { access: ['admin', 'viewer', 'leader'] }, schema: Cycle.scores }, async (request) => {
      if (request.query.periodId == null && request.query.year == null)
        throw new HttpError('validation', '请指定 periodId 或 year');
      const caller = callerOf(request);
      requireRole(caller, 'admin', 'viewer', 'leader');
      // A leader sees the units' scores over the tasks they lead only, as in /overdue.
      const leaderId = caller.role === 'leader' ? (caller.leaderId ?? -1) : undefined;
      return unitScores(store.db, { ...request.query, leaderId });
    });
  };
}
