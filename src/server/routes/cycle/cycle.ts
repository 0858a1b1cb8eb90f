// The reporting cycle around the reports: 签收, 延期申请 and its decision, overdue lists, 催办
// (reminders, escalated to the leader after two), and unit scores (考核).
import type { FastifyInstance } from 'fastify';
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
import { dateSchema, idParams, object } from '../common.js';
import { today } from '../reports/detail.js';

type P = { Params: { id: number } };

export function cycleRoutes(store: Store) {
  return async (app: FastifyInstance) => {
    const tags = ['cycle'];
    const admin = { access: ['admin'] as const };

    app.post<P & { Body: { taskIds?: number[] } }>(
      '/periods/:id/acknowledge',
      {
        config: { access: ['unit'] },
        schema: {
          tags,
          summary: '签收本单位任务',
          params: idParams,
          body: object({ taskIds: { type: 'array', items: { type: 'integer', minimum: 1 }, maxItems: 1000 } }),
        },
      },
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

    app.get<P>(
      '/periods/:id/acknowledgements',
      { config: admin, schema: { tags, summary: '签收情况', params: idParams } },
      async (request) => {
        await periodRef(store.db, request.params.id);
        return listAcknowledgements(store.db, request.params.id);
      },
    );

    app.get<{ Querystring: { periodId?: number; state?: string } }>(
      '/extensions',
      {
        config: { access: ['admin', 'unit'] },
        schema: {
          tags,
          summary: '延期申请（单位只见本单位）',
          querystring: object({
            periodId: { type: 'integer', minimum: 1 },
            state: { type: 'string', enum: ['pending', 'approved', 'refused'] },
          }),
        },
      },
      async (request) => {
        const caller = callerOf(request);
        return listExtensions(store.db, {
          ...request.query,
          unitId: caller.role === 'unit' ? caller.unitId! : undefined,
        });
      },
    );

    app.post<{ Body: { taskId: number; periodId: number; reason: string; requestedDue: string } }>(
      '/extensions',
      {
        config: { access: ['unit'] },
        schema: {
          tags,
          summary: '申请延期',
          body: object(
            {
              taskId: { type: 'integer', minimum: 1 },
              periodId: { type: 'integer', minimum: 1 },
              reason: { type: 'string', minLength: 1, maxLength: 2000 },
              requestedDue: dateSchema,
            },
            ['taskId', 'periodId', 'reason', 'requestedDue'],
          ),
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const period = await periodRef(store.db, request.body.periodId);
        assertPeriodOpen(period.state);
        return requestExtension(store.db, actorOf(caller), { ...request.body, unitId: caller.unitId! });
      },
    );

    app.post<P & { Body: { approve: boolean; comment?: string } }>(
      '/extensions/:id/decide',
      {
        config: admin,
        schema: {
          tags,
          summary: '审批延期申请',
          params: idParams,
          body: object({ approve: { type: 'boolean' }, comment: { type: 'string', maxLength: 2000 } }, ['approve']),
        },
      },
      async (request) => decideExtension(store.db, actorOf(callerOf(request)), request.params.id, request.body),
    );

    app.get<{ Querystring: { planId?: number; periodId: number } }>(
      '/overdue',
      {
        config: { access: ['admin', 'viewer', 'leader'] },
        schema: {
          tags,
          summary: '逾期未报',
          querystring: object({ planId: { type: 'integer', minimum: 1 }, periodId: { type: 'integer', minimum: 1 } }, [
            'periodId',
          ]),
        },
      },
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

    app.post<{
      Body: {
        taskId: number;
        periodId: number;
        unitId?: number;
        message?: string;
        replyBy?: string;
        channelIds?: number[];
      };
    }>(
      '/reminders',
      {
        config: admin,
        schema: {
          tags,
          summary: '催办',
          body: object(
            {
              taskId: { type: 'integer', minimum: 1 },
              periodId: { type: 'integer', minimum: 1 },
              unitId: { type: 'integer', minimum: 1 },
              message: { type: 'string', maxLength: 2000 },
              replyBy: dateSchema,
              channelIds: { type: 'array', items: { type: 'integer', minimum: 1 }, maxItems: 50 },
            },
            ['taskId', 'periodId'],
          ),
        },
      },
      async (request) => {
        const period = await periodRef(store.db, request.body.periodId);
        assertPeriodOpen(period.state);
        return sendReminder(store.db, actorOf(callerOf(request)), request.body, clockIso());
      },
    );

    app.get<{ Querystring: { periodId?: number; unread?: number } }>(
      '/reminders',
      {
        config: { access: ['admin', 'unit', 'leader'] },
        schema: {
          tags,
          summary: '催办：单位收件箱、领导提级、管理员全部',
          querystring: object({ periodId: { type: 'integer', minimum: 1 }, unread: { type: 'integer', enum: [0, 1] } }),
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const q = { periodId: request.query.periodId, unread: request.query.unread === 1 };
        if (caller.role === 'unit') return listReminders(store.db, { ...q, unitId: caller.unitId ?? -1 });
        if (caller.role === 'leader')
          return listReminders(store.db, { ...q, leaderId: caller.leaderId ?? -1, escalatedOnly: true });
        return listReminders(store.db, q);
      },
    );

    app.post<P>(
      '/reminders/:id/read',
      { config: { access: ['unit'] }, schema: { tags, summary: '标记催办已读', params: idParams } },
      async (request) => {
        const caller = callerOf(request);
        await markReminderRead(store.db, actorOf(caller), request.params.id, caller.unitId ?? -1);
        return { ok: true };
      },
    );

    app.get<{ Querystring: { planId?: number; periodId?: number; year?: number } }>(
      '/scores',
      {
        config: { access: ['admin', 'viewer', 'leader'] },
        schema: {
          tags,
          summary: '单位考核',
          querystring: object({
            planId: { type: 'integer', minimum: 1 },
            periodId: { type: 'integer', minimum: 1 },
            year: { type: 'integer', minimum: 2000, maximum: 2100 },
          }),
        },
      },
      async (request) => {
        if (request.query.periodId == null && request.query.year == null)
          throw new HttpError('validation', '请指定 periodId 或 year');
        const caller = callerOf(request);
        requireRole(caller, 'admin', 'viewer', 'leader');
        // A leader sees the units' scores over the tasks they lead only, as in /overdue.
        const leaderId = caller.role === 'leader' ? (caller.leaderId ?? -1) : undefined;
        return unitScores(store.db, { ...request.query, leaderId });
      },
    );
  };
}
