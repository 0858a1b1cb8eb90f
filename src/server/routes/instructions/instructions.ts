// 批示 over HTTP: a leader writes one on a task they lead; the task's lead unit acknowledges and
// answers it, on its own or in its next report (submitted with the answers, in one transaction);
// the office sees them all and may answer; the leader sees what became of theirs.
import type { FastifyInstance } from 'fastify';
import * as Instructions from '../../../domain/api/instructions.js';
import type { Store } from '../../../store/db.js';
import {
  acknowledgeInstruction,
  answerInReport,
  answerInstruction,
  createInstruction,
  listInstructions,
} from '../../../store/instructions.js';
import { inTransaction } from '../../../store/transaction.js';
import * as workflow from '../../../workflow/service.js';
import { actorOf, assertReportWritable, assertTaskReadable } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { clockIso } from '../../clock.js';
import { forbidden } from '../../errors.js';
import { typed } from '../common.js';
import { presentReport } from '../reports/detail.js';

export function instructionRoutes(store: Store) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);

    app.get(
      '/instructions',
      { config: { access: ['admin', 'viewer', 'unit', 'leader'] }, schema: Instructions.list },
      async (request) => {
        const caller = callerOf(request);
        const q = request.query;
        return listInstructions(store.db, {
          planId: q.planId,
          taskId: q.taskId,
          state: q.state,
          open: q.open === 1,
          page: q.page,
          pageSize: q.pageSize,
          ...(caller.role === 'unit' ? { unitId: caller.unitId ?? -1 } : {}),
          ...(caller.role === 'leader' ? { leaderId: caller.leaderId ?? -1 } : {}),
        });
      },
    );

    app.post('/instructions', { config: { access: ['leader'] }, schema: Instructions.create }, async (request) => {
      const caller = callerOf(request);
      if (caller.leaderId == null) throw forbidden('该账号未关联领导');
      await assertTaskReadable(store.db, caller, request.body.taskId);
      return createInstruction(
        store.db,
        actorOf(caller),
        { taskId: request.body.taskId, leaderId: caller.leaderId, body: request.body.body },
        clockIso(),
      );
    });

    app.post(
      '/instructions/:id/acknowledge',
      { config: { access: ['unit'] }, schema: Instructions.acknowledge },
      async (request) => {
        const caller = callerOf(request);
        return acknowledgeInstruction(store.db, actorOf(caller), request.params.id, caller.unitId ?? -1, clockIso());
      },
    );

    app.post(
      '/instructions/:id/answer',
      { config: { access: ['unit', 'admin'] }, schema: Instructions.answer },
      async (request) => {
        const caller = callerOf(request);
        return answerInstruction(
          store.db,
          actorOf(caller),
          request.params.id,
          {
            answer: request.body.answer,
            role: caller.role === 'unit' ? 'unit' : 'admin',
            unitId: caller.unitId ?? undefined,
          },
          clockIso(),
        );
      },
    );

    app.post(
      '/instructions/answer-in-report',
      { config: { access: ['unit', 'admin'] }, schema: Instructions.answerInReport },
      async (request) => {
        const caller = callerOf(request);
        const ref = await assertReportWritable(store.db, caller, request.body.reportId);
        const actor = actorOf(caller);
        const now = clockIso();
        const submitted = await inTransaction(store.db, async (trx) => {
          const report = await workflow.submit(
            trx,
            { role: caller.role, unitId: caller.unitId, actor },
            ref.id,
            request.body.version,
          );
          await answerInReport(
            trx,
            actor,
            { id: report.id, taskId: report.taskId, text: report.text ?? '' },
            { role: caller.role === 'unit' ? 'unit' : 'admin', answers: request.body.answers },
            now,
          );
          return report;
        });
        const answered = await listInstructions(store.db, {
          ids: request.body.answers.map((a) => a.instructionId),
          pageSize: 50,
        });
        return { report: await presentReport(store, submitted), instructions: answered.items };
      },
    );
  };
}
