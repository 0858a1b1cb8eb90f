// /api/instructions: 批示. A leader writes one on a task they lead; the task's lead unit acknowledges
// it and answers, on its own or in its next report (submitted with the answers in one step); the
// office sees them all and may answer; the leader sees what became of theirs.
import { Type, type Static } from '@sinclair/typebox';
import { INSTRUCTION_MAX_CHARS } from '../supervision.js';
import { ReportDetail } from './report-shapes.js';
import { Answers, Id, IdParams, Named, Nullable, Paging, StringEnum, Strict } from './shared.js';

const tags = ['instructions'];

export const INSTRUCTION_STATES = ['open', 'acknowledged', 'answered'] as const;
export const InstructionState = StringEnum(INSTRUCTION_STATES);

/** Longest instruction and answer, in characters (src/domain/supervision.ts, which the web form reads). */
export { INSTRUCTION_MAX_CHARS };

export const Instruction = Type.Object({
  id: Type.Integer(),
  task: Type.Object({ id: Type.Integer(), seq: Type.Integer(), target: Type.String(), planId: Type.Integer() }),
  leader: Named,
  /** The task's lead units. */
  units: Type.Array(Named),
  body: Type.String(),
  state: InstructionState,
  createdAt: Type.String(),
  acknowledgedAt: Nullable(Type.String()),
  acknowledgedBy: Nullable(Type.String()),
  answer: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  answeredBy: Nullable(Type.String()),
  answeredByRole: Nullable(StringEnum(['unit', 'admin'] as const)),
  /** The report whose submission carried the answer (在本次填报中答复), or null. */
  answerReport: Nullable(Type.Object({ id: Type.Integer(), periodId: Type.Integer(), periodLabel: Type.String() })),
});
export type Instruction = Static<typeof Instruction>;

export const list = {
  tags,
  summary: '批示（单位见本单位牵头任务的，领导见本人的，督查室见全部）',
  querystring: Strict({
    planId: Type.Optional(Id),
    taskId: Type.Optional(Id),
    state: Type.Optional(InstructionState),
    /** 1: not yet answered. */
    open: Type.Optional(Type.Unsafe<0 | 1>({ type: 'integer', enum: [0, 1] })),
    ...Paging,
  }),
  response: Answers(Type.Object({ items: Type.Array(Instruction), total: Type.Integer() })),
};

const Text = Type.String({ minLength: 1, maxLength: INSTRUCTION_MAX_CHARS });

export const create = {
  tags,
  summary: '领导批示',
  body: Strict({ taskId: Id, body: Text }),
  response: Answers(Instruction),
};

export const acknowledge = { tags, summary: '签收批示（已阅）', params: IdParams, response: Answers(Instruction) };

export const answer = {
  tags,
  summary: '答复批示（牵头单位或督查室）',
  params: IdParams,
  body: Strict({ answer: Text }),
  response: Answers(Instruction),
};

export const answerInReport = {
  tags,
  summary: '提交报告并在本次填报中答复批示（同一事务；不写答复则以本期进展情况作为答复）',
  body: Strict({
    reportId: Id,
    /** The report's version, as for POST /reports/:id/submit. */
    version: Type.Integer({ minimum: 1 }),
    answers: Type.Array(
      Strict({
        instructionId: Id,
        answer: Type.Optional(Type.String({ maxLength: INSTRUCTION_MAX_CHARS })),
      }),
      { minItems: 1, maxItems: 50 },
    ),
  }),
  response: Answers(
    Type.Object({
      /** The submitted report, as GET /reports/:id answers it. */
      report: ReportDetail,
      instructions: Type.Array(Instruction),
    }),
  ),
};
