// The reporting cycle around the reports: 签收 (a unit acknowledges a period's tasks), 延期申请 and
// the office's decision, the overdue list, 催办 (reminders: a unit's inbox, escalated to the leader
// after two) and the units' scores (考核). A unit sees its own, a leader the tasks they lead.
import { Type, type Static } from '@sinclair/typebox';
import {
  ACKNOWLEDGE_MAX_TASKS,
  EXTENSION_COMMENT_MAX_CHARS,
  EXTENSION_REASON_MAX_CHARS,
  EXTENSION_STATES,
  REMINDER_MAX_CHANNELS,
  REMINDER_MESSAGE_MAX_CHARS,
} from '../cycle.js';
import { Answers, DateText, Id, IdParams, Named, Nullable, Ok, StringEnum, Strict } from './shared.js';

const tags = ['cycle'];

export const ExtensionState = StringEnum(EXTENSION_STATES);

/** A task as the cycle's lists name it. */
export const TaskRef = Type.Object({ id: Type.Integer(), seq: Type.Integer(), target: Type.String() });
export type TaskRef = Static<typeof TaskRef>;

export const Acknowledgement = Type.Object({ unit: Named, taskId: Type.Integer(), at: Type.String() });
export type Acknowledgement = Static<typeof Acknowledgement>;

export const Extension = Type.Object({
  id: Type.Integer(),
  task: TaskRef,
  periodId: Type.Integer(),
  unit: Named,
  reason: Type.String(),
  /** The due date asked for (YYYY-MM-DD). */
  requestedDue: Type.String(),
  state: ExtensionState,
  decidedBy: Nullable(Named),
  decisionComment: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type Extension = Static<typeof Extension>;

export const OverdueTask = Type.Object({
  taskId: Type.Integer(),
  seq: Type.Integer(),
  target: Type.String(),
  reportId: Type.Integer(),
  /** The period's due date, or the later one of an approved extension. */
  dueDate: Type.String(),
  reminders: Type.Integer(),
  escalated: Type.Boolean(),
});
export type OverdueTask = Static<typeof OverdueTask>;

export const OverdueUnit = Type.Object({ unit: Named, tasks: Type.Array(OverdueTask) });
export type OverdueUnit = Static<typeof OverdueUnit>;

export const Reminder = Type.Object({
  id: Type.Integer(),
  task: TaskRef,
  periodId: Type.Integer(),
  unit: Named,
  message: Type.String(),
  /** The date by which the unit is asked to answer (YYYY-MM-DD), or null. */
  replyBy: Nullable(Type.String()),
  /** The office account that sent it; null when sent by the system. */
  sentBy: Nullable(Named),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
  /** How many reminders the unit has had for this task and period, this one included. */
  count: Type.Integer(),
  /** Reminded often enough to show in the leader's view. */
  escalated: Type.Boolean(),
});
export type Reminder = Static<typeof Reminder>;

export const Score = Type.Object({
  unit: Named,
  /** Task reports the unit owed (task × period). */
  tasks: Type.Integer(),
  onTimeRate: Type.Number(),
  doneOrOnTrackShare: Type.Number(),
  returns: Type.Integer(),
  reminders: Type.Integer(),
  score: Type.Number(),
  /** 1 for the best; equal scores share a rank; null for all when every unit has the same score. */
  rank: Nullable(Type.Integer()),
});
export type Score = Static<typeof Score>;

export const acknowledge = {
  tags,
  summary: '签收本单位任务（不指定任务则签收本单位牵头的全部任务）',
  params: IdParams,
  body: Strict({ taskIds: Type.Optional(Type.Array(Id, { maxItems: ACKNOWLEDGE_MAX_TASKS })) }),
  /** How many tasks were newly acknowledged (acknowledging again changes nothing). */
  response: Answers(Type.Object({ acknowledged: Type.Integer() })),
};

export const acknowledgements = {
  tags,
  summary: '签收情况',
  params: IdParams,
  response: Answers(Type.Array(Acknowledgement)),
};

export const extensions = {
  tags,
  summary: '延期申请（单位只见本单位）',
  querystring: Strict({ periodId: Type.Optional(Id), state: Type.Optional(ExtensionState) }),
  response: Answers(Type.Array(Extension)),
};

export const requestExtension = {
  tags,
  summary: '申请延期',
  body: Strict({
    taskId: Id,
    periodId: Id,
    reason: Type.String({ minLength: 1, maxLength: EXTENSION_REASON_MAX_CHARS }),
    requestedDue: DateText,
  }),
  response: Answers(Extension),
};

export const decideExtension = {
  tags,
  summary: '审批延期申请',
  params: IdParams,
  body: Strict({
    approve: Type.Boolean(),
    comment: Type.Optional(Type.String({ maxLength: EXTENSION_COMMENT_MAX_CHARS })),
  }),
  response: Answers(Extension),
};

export const overdue = {
  tags,
  summary: '逾期未报（按单位；领导只见本人分管的任务）',
  querystring: Strict({ planId: Type.Optional(Id), periodId: Id }),
  response: Answers(Type.Array(OverdueUnit)),
};

export const remind = {
  tags,
  summary: '催办（任务的每个牵头单位，或指定单位；一分钟内重复的同一催办不另发）',
  body: Strict({
    taskId: Id,
    periodId: Id,
    unitId: Type.Optional(Id),
    /** Empty: the default message naming the task, period and due date. */
    message: Type.Optional(Type.String({ maxLength: REMINDER_MESSAGE_MAX_CHARS })),
    replyBy: Type.Optional(DateText),
    /** Channels to send it on besides the app: all subscribed ones when absent, none when empty. */
    channelIds: Type.Optional(Type.Array(Id, { maxItems: REMINDER_MAX_CHANNELS })),
  }),
  /** One reminder per unit reminded. */
  response: Answers(Type.Array(Reminder)),
};

export const reminders = {
  tags,
  summary: '催办：单位收件箱、领导提级、管理员全部',
  querystring: Strict({
    periodId: Type.Optional(Id),
    /** 1: not yet read. */
    unread: Type.Optional(Type.Unsafe<0 | 1>({ type: 'integer', enum: [0, 1] })),
  }),
  response: Answers(Type.Array(Reminder)),
};

export const markReminderRead = { tags, summary: '标记催办已读', params: IdParams, response: Answers(Ok) };

export const scores = {
  tags,
  summary: '单位考核（按报告期或年度；领导只计本人分管的任务）',
  querystring: Strict({
    planId: Type.Optional(Id),
    periodId: Type.Optional(Id),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  }),
  response: Answers(Type.Array(Score)),
};
