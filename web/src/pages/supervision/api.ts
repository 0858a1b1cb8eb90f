// Typed calls and shapes of the supervision API (督办单, 批示, the overdue desk) used by the
// overdue, supervision and instructions pages and the unit's workspace panel (docs/supervision.md).
import { api } from '../../api/client';
import type { Named, Page, ReportDetail } from '../../api/types';

export type Level = 'hint' | 'supervise' | 'key';
export type NoticeState = 'issued' | 'signed' | 'answered' | 'returned' | 'accepted';

export const LEVELS: { value: Level; label: string; color: string }[] = [
  { value: 'hint', label: '提示', color: 'blue' },
  { value: 'supervise', label: '督办', color: 'orange' },
  { value: 'key', label: '重点督办', color: 'red' },
];
export const levelOf = (l: Level) => LEVELS.find((x) => x.value === l)!;

export const NOTICE_STATE: Record<NoticeState, { label: string; color: string }> = {
  issued: { label: '待签收', color: 'default' },
  signed: { label: '已签收待反馈', color: 'processing' },
  answered: { label: '已反馈待审核', color: 'purple' },
  returned: { label: '已退回', color: 'warning' },
  accepted: { label: '已办结', color: 'success' },
};

export interface Notice {
  id: number;
  number: string;
  planId: number;
  unit: Named;
  level: Level;
  levelLabel: string;
  initialLevel: Level;
  state: NoticeState;
  title: string;
  body: string;
  feedbackRequired: string;
  deadline: string;
  escalations: number;
  escalatedAt: string | null;
  overdue: boolean;
  feedback: string | null;
  answeredAt: string | null;
  signedAt: string | null;
  decisionComment: string | null;
  decidedAt: string | null;
  createdAt: string;
  tasks: { id: number; seq: number; target: string }[];
  leaders: Named[];
}

export interface NoticeDetail extends Notice {
  evidence: { id: number; fileName: string; mime: string; size: number; createdAt: string }[];
  trail: { at: string; action: string; actor: string; after: Record<string, unknown> | null }[];
}

export type InstructionState = 'open' | 'acknowledged' | 'answered';
export interface Instruction {
  id: number;
  task: { id: number; seq: number; target: string; planId: number };
  leader: Named;
  units: Named[];
  body: string;
  state: InstructionState;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  answeredByRole: 'unit' | 'admin' | null;
  /** The report whose submission carried the answer (在本次填报中答复). */
  answerReport?: { id: number; periodId: number; periodLabel: string } | null;
}

export const INSTRUCTION_STATE: Record<InstructionState, { label: string; color: string }> = {
  open: { label: '待签收', color: 'warning' },
  acknowledged: { label: '已阅待答复', color: 'processing' },
  answered: { label: '已答复', color: 'success' },
};

export interface DeskRow {
  unit: Named & { position: number | null };
  overdueTasks: number;
  maxDaysOverdue: number;
  reminders: number;
  escalated: number;
  openNotices: number;
  topLevel: Level | null;
}
export interface DeskPage extends Page<DeskRow> {
  totalTasks: number;
}
export interface DeskTask {
  taskId: number;
  seq: number;
  target: string;
  dueDate: string;
  daysOverdue: number;
  reminders: number;
  lastReminderAt: string | null;
  escalated: boolean;
  noticeLevel: Level | null;
  reportState: string;
}
export interface DeskFilters {
  periodId: number;
  leaderId?: number;
  themeId?: number;
  urgency?: Level | 'none';
}
export type DeskSort = 'order' | 'overdue' | 'days' | 'reminders' | 'escalated';

export const supervision = {
  list: (q: {
    planId?: number;
    taskId?: number;
    open?: 1;
    escalated?: 1;
    state?: NoticeState;
    page?: number;
    pageSize?: number;
  }) => api.get<Page<Notice>>('/supervision', q),
  get: (id: number) => api.get<NoticeDetail>(`/supervision/${id}`),
  raise: (body: {
    planId: number;
    unitId: number;
    taskIds: number[];
    level: Level;
    deadline: string;
    feedbackRequired: string;
    body?: string;
  }) => api.post<Notice>('/supervision', body),
  sign: (id: number) => api.post<Notice>(`/supervision/${id}/sign`),
  upload: (id: number, file: File) => api.upload<{ id: number; fileName: string }>(`/supervision/${id}/evidence`, file),
  answer: (id: number, feedback: string) => api.post<Notice>(`/supervision/${id}/answer`, { feedback }),
  decide: (id: number, body: { accept: boolean; comment?: string; deadline?: string }) =>
    api.post<Notice>(`/supervision/${id}/decide`, body),
};

export const instructions = {
  list: (q: { planId?: number; taskId?: number; open?: 1; page?: number; pageSize?: number }) =>
    api.get<Page<Instruction>>('/instructions', q),
  create: (taskId: number, body: string) => api.post<Instruction>('/instructions', { taskId, body }),
  acknowledge: (id: number) => api.post<Instruction>(`/instructions/${id}/acknowledge`),
  answer: (id: number, answer: string) => api.post<Instruction>(`/instructions/${id}/answer`, { answer }),
  /** Submits the report and answers these instructions with it, in one step. */
  answerInReport: (body: {
    reportId: number;
    version: number;
    answers: { instructionId: number; answer?: string }[];
  }) => api.post<{ report: ReportDetail; instructions: Instruction[] }>('/instructions/answer-in-report', body),
};

export const desk = {
  page: (q: DeskFilters & { sort?: DeskSort; order?: 'asc' | 'desc'; page?: number; pageSize?: number }) =>
    api.get<DeskPage>('/overdue/desk', { ...q }),
  unitTasks: (unitId: number, q: DeskFilters) => api.get<DeskTask[]>(`/overdue/desk/${unitId}`, { ...q }),
  remind: (body: {
    taskId: number;
    periodId: number;
    unitId: number;
    message?: string;
    replyBy?: string;
    channelIds?: number[];
  }) => api.post<unknown[]>('/reminders', body),
};
