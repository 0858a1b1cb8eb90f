// /api/tasks: the task list (scoped by role in SQL), one task with every period's report,
// comments and audit trail, and 销号 (close-out) by the office.
import type { FastifyInstance } from 'fastify';
import * as Tasks from '../../../domain/api/tasks.js';
import { closeTask, listAcknowledgements, reopenTask } from '../../../store/cycle.js';
import type { Store } from '../../../store/db.js';
import { listTaskReports } from '../../../store/reports.js';
import { listComments } from '../../../store/review.js';
import { getSettings } from '../../../store/settings.js';
import { getTask, listTasks, type TaskFilter } from '../../../store/tasks.js';
import { assess } from '../../assessor.js';
import { actorOf, assertTaskReadable, taskScopeOf, type Caller } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { notFound } from '../../errors.js';
import { typed } from '../common.js';
import { listTaskTrail } from '../../../store/task-trail.js';
import { publishedStates, publishedView, seesUnpublished } from '../../../workflow/rules.js';
import { attachmentsOf, withLight } from '../reports/detail.js';

/** The store's scope filter for the caller's role. */
export function scopeFilter(caller: Caller): TaskFilter['scope'] {
  const scope = taskScopeOf(caller);
  return scope.kind === 'unit'
    ? { unitId: scope.unitId }
    : scope.kind === 'leader'
      ? { leaderId: scope.leaderId }
      : undefined;
}

export function taskRoutes(store: Store) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    app.get('/tasks', { config: { access: 'any', readCache: true }, schema: Tasks.list }, async (request) => {
      const settings = await getSettings(store.db);
      const approvedOnly = settings.publish.approvedOnly;
      const caller = callerOf(request);
      const page = await listTasks(store.db, {
        ...request.query,
        scope: scopeFilter(caller),
        publishedStates: seesUnpublished(caller.role) ? undefined : publishedStates(approvedOnly),
        lightThresholds: settings.lights,
      });
      // A unit sees which of its tasks it has acknowledged (签收) for the period asked about.
      const acknowledged =
        caller.role === 'unit' && request.query.periodId != null
          ? new Map(
              (await listAcknowledgements(store.db, request.query.periodId))
                .filter((a) => a.unit.id === caller.unitId)
                .map((a) => [a.taskId, a.at]),
            )
          : null;
      return {
        ...page,
        items: page.items.map((t) => ({
          ...t,
          report: t.report ? publishedView(t.report, caller.role, approvedOnly) : null,
          ...(acknowledged ? { acknowledgedAt: acknowledged.get(t.id) ?? null } : {}),
        })),
      };
    });

    app.get('/tasks/:id', { config: { access: 'any', readCache: true }, schema: Tasks.detail }, async (request) => {
      const caller = callerOf(request);
      await assertTaskReadable(store.db, caller, request.params.id);
      const task = await getTask(store.db, request.params.id);
      if (!task) throw notFound('任务');
      const settings = await getSettings(store.db);
      const periods = await listTaskReports(store.db, task.id);
      const reportIds = periods.flatMap((p) => (p.report ? [p.report.id] : []));
      const comments = await listComments(store.db, reportIds);
      // Whoever reads the task reads its trail (操作记录); the full audit log stays with admins.
      // Leaders and viewers do not read a draft's text there either.
      const trail = await listTaskTrail(store.db, task.id);
      const audit = seesUnpublished(caller.role)
        ? trail
        : trail.map((e) => (e.action === 'report.save' ? { ...e, change: '' } : e));
      return {
        task,
        indicators: assess(task.target, '', periods[0]?.period.label).indicators,
        periods: await Promise.all(
          periods.map(async (p) => {
            if (!p.report) return { period: p.period, report: null };
            const report = publishedView(p.report, caller.role, settings.publish.approvedOnly);
            // Evidence goes with the report wherever it is shown, once its reader may see the report.
            const attachments = report === p.report ? await attachmentsOf(store, p.report.id) : [];
            return { period: p.period, report: { ...withLight(report, p.period, settings.lights), attachments } };
          }),
        ),
        comments,
        audit,
      };
    });

    /** The task as it stands after a write (a write on a task that does not exist has failed already). */
    const taskNow = async (id: number) => {
      const task = await getTask(store.db, id);
      if (!task) throw notFound('任务');
      return task;
    };

    app.post('/tasks/:id/close', { config: { access: ['admin'] }, schema: Tasks.close }, async (request) => {
      await closeTask(store.db, actorOf(callerOf(request)), request.params.id, request.body.reason);
      return taskNow(request.params.id);
    });

    app.post('/tasks/:id/reopen', { config: { access: ['admin'] }, schema: Tasks.reopen }, async (request) => {
      await reopenTask(store.db, actorOf(callerOf(request)), request.params.id);
      return taskNow(request.params.id);
    });
  };
}
