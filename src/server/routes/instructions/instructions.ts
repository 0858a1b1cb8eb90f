// 批示 over HTTP: a leader writes one on a task they lead; the task's lead unit acknowledges and
// answers it, on its own or in its next report (submitted with the answers, in one transaction);
// the office sees them all and may answer; the leader sees what became of theirs.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../../store/db.js';
import {
  acknowledgeInstruction,
  answerInReport,
  answerInstruction,
  createInstruction,
  listInstructions,
} from '../../../store/instructions.js';
import type { InstructionState } from '../../../store/schema.js';
import { inTransaction } from '../../../store/transaction.js';
import * as workflow from '../../../workflow/service.js';
import { actorOf, assertReportWritable, assertTaskReadable } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { clockIso } from '../../clock.js';
import { forbidden } from '../../errors.js';
import { idParams, object, paging } from '../common.js';
import { presentReport } from '../reports/detail.js';

type P = { Params: { id: number } };
const id = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;

export function instructionRoutes(store: Store) {
  return async (app: FastifyInstance) => {
    const tags = ['instructions'];

    app.get<{
      Querystring: {
        planId?: number;
        taskId?: number;
        state?: InstructionState;
        open?: number;
        page?: number;
        pageSize?: number;
      };
    }>(
      '/instructions',
      {
        config: { access: ['admin', 'viewer', 'unit', 'leader'] },
        schema: {
          tags,
          summary: '批示（单位见本单位牵头任务的，领导见本人的，督查室见全部）',
          querystring: object({
            planId: id,
            taskId: id,
            state: { type: 'string', enum: ['open', 'acknowledged', 'answered'] },
            open: { type: 'integer', enum: [0, 1] },
            ...paging,
          }),
        },
      },
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

    app.post<{ Body: { taskId: number; body: string } }>(
      '/instructions',
      {
        config: { access: ['leader'] },
        schema: {
          tags,
          summary: '领导批示',
          body: object({ taskId: id, body: { type: 'string', minLength: 1, maxLength: 5000 } }, ['taskId', 'body']),
        },
      },
      async (request) => {
        const caller = callerOf(request);
        if (caller.leaderId == null) throw forbidden('该账号未关联领导');
        await assertTaskReadable(store.db, caller, request.body.taskId);
        return createInstruction(
          store.db,
          actorOf(caller),
          { taskId: request.body.taskId, leaderId: caller.leaderId, body: request.body.body },
          clockIso(),
        );
      },
    );

    app.post<P>(
      '/instructions/:id/acknowledge',
      { config: { access: ['unit'] }, schema: { tags, summary: '签收批示（已阅）', params: idParams } },
      async (request) => {
        const caller = callerOf(request);
        return acknowledgeInstruction(store.db, actorOf(caller), request.params.id, caller.unitId ?? -1, clockIso());
      },
    );

    app.post<P & { Body: { answer: string } }>(
      '/instructions/:id/answer',
      {
        config: { access: ['unit', 'admin'] },
        schema: {
          tags,
          summary: '答复批示（牵头单位或督查室）',
          params: idParams,
          body: object({ answer: { type: 'string', minLength: 1, maxLength: 5000 } }, ['answer']),
        },
      },
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

    app.post<{
      Body: { reportId: number; version: number; answers: { instructionId: number; answer?: string }[] };
    }>(
      '/instructions/answer-in-report',
      {
        config: { access: ['unit', 'admin'] },
        schema: {
          tags,
          summary: '提交报告并在本次填报中答复批示（同一事务）',
          body: object(
            {
              reportId: id,
              version: { type: 'integer', minimum: 1 },
              answers: {
                type: 'array',
                minItems: 1,
                maxItems: 50,
                items: object({ instructionId: id, answer: { type: 'string', maxLength: 5000 } }, ['instructionId']),
              },
            },
            ['reportId', 'version', 'answers'],
          ),
        },
      },
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
