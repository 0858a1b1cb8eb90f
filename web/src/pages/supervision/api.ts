// Typed calls and shapes of the supervision API (督办单, 批示, the overdue desk) used by the
// overdue, supervision and instructions pages and the unit's workspace panel (docs/supervision.md).
// Shapes and calls are typed from the API contract (src/domain/api/supervision.ts and
// instructions.ts, types only); levels and their labels and colours from src/domain/supervision.ts.
import type * as InstructionsApi from '@duban/domain/api/instructions';
import type { Instruction } from '@duban/domain/api/instructions';
import type { BodyOf, QueryOf, ReplyOf } from '@duban/domain/api/shared';
import type * as SupervisionApi from '@duban/domain/api/supervision';
import type { Level, NoticeState } from '@duban/domain/api/supervision';
import { LEVEL_COLOR, LEVEL_LABEL, SUPERVISION_LEVELS } from '@duban/domain/supervision';
import { api } from '../../api/client';

export type {
  DeskFilters,
  DeskPage,
  DeskRow,
  DeskSort,
  DeskTask,
  Evidence,
  Level,
  Notice,
  NoticeDetail,
  NoticeState,
} from '@duban/domain/api/supervision';
export type { Instruction };
export type InstructionState = Instruction['state'];

export const LEVELS: { value: Level; label: string; color: string }[] = SUPERVISION_LEVELS.map((value) => ({
  value,
  label: LEVEL_LABEL[value],
  color: LEVEL_COLOR[value],
}));
export const levelOf = (l: Level) => LEVELS.find((x) => x.value === l)!;

export const NOTICE_STATE: Record<NoticeState, { label: string; color: string }> = {
  issued: { label: '待签收', color: 'default' },
  signed: { label: '已签收待反馈', color: 'processing' },
  answered: { label: '已反馈待审核', color: 'purple' },
  returned: { label: '已退回', color: 'warning' },
  accepted: { label: '已办结', color: 'success' },
};

export const INSTRUCTION_STATE: Record<InstructionState, { label: string; color: string }> = {
  open: { label: '待签收', color: 'warning' },
  acknowledged: { label: '已阅待答复', color: 'processing' },
  answered: { label: '已答复', color: 'success' },
};

export const supervision = {
  list: (q: Partial<QueryOf<typeof SupervisionApi.list>>) =>
    api.get<ReplyOf<typeof SupervisionApi.list>>('/supervision', q),
  get: (id: number) => api.get<ReplyOf<typeof SupervisionApi.detail>>(`/supervision/${id}`),
  raise: (body: BodyOf<typeof SupervisionApi.raise>) =>
    api.post<ReplyOf<typeof SupervisionApi.raise>>('/supervision', body),
  sign: (id: number) => api.post<ReplyOf<typeof SupervisionApi.sign>>(`/supervision/${id}/sign`),
  upload: (id: number, file: File) =>
    api.upload<ReplyOf<typeof SupervisionApi.addEvidence>>(`/supervision/${id}/evidence`, file),
  answer: (id: number, feedback: string) =>
    api.post<ReplyOf<typeof SupervisionApi.answer>>(`/supervision/${id}/answer`, { feedback }),
  decide: (id: number, body: BodyOf<typeof SupervisionApi.decide>) =>
    api.post<ReplyOf<typeof SupervisionApi.decide>>(`/supervision/${id}/decide`, body),
};

export const instructions = {
  list: (q: Partial<QueryOf<typeof InstructionsApi.list>>) =>
    api.get<ReplyOf<typeof InstructionsApi.list>>('/instructions', q),
  create: (taskId: number, body: string) =>
    api.post<ReplyOf<typeof InstructionsApi.create>>('/instructions', { taskId, body }),
  acknowledge: (id: number) => api.post<ReplyOf<typeof InstructionsApi.acknowledge>>(`/instructions/${id}/acknowledge`),
  answer: (id: number, answer: string) =>
    api.post<ReplyOf<typeof InstructionsApi.answer>>(`/instructions/${id}/answer`, { answer }),
  /** Submits the report and answers these instructions with it, in one step. */
  answerInReport: (body: BodyOf<typeof InstructionsApi.answerInReport>) =>
    api.post<ReplyOf<typeof InstructionsApi.answerInReport>>('/instructions/answer-in-report', body),
};

export const desk = {
  page: (q: QueryOf<typeof SupervisionApi.desk>) =>
    api.get<ReplyOf<typeof SupervisionApi.desk>>('/overdue/desk', { ...q }),
  unitTasks: (unitId: number, q: QueryOf<typeof SupervisionApi.deskUnit>) =>
    api.get<ReplyOf<typeof SupervisionApi.deskUnit>>(`/overdue/desk/${unitId}`, { ...q }),
};
