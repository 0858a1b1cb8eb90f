// /api/supervision: 督办单. The office raises a notice on a task or on a unit's lagging tasks, the
// unit signs it (签收), attaches evidence and answers (办结反馈), the office accepts it or sends it
// back; a notice left unanswered past its deadline rises a level (提级). /api/overdue/desk: the
// overdue desk (逾期/催办台), one row per unit, and PUT /api/units/order, the units' official order
// (序列) the desk follows. Levels, states and limits: src/domain/supervision.ts.
import { Type, type Static } from '@sinclair/typebox';
import {
  DECISION_COMMENT_MAX_CHARS,
  DESK_SORTS,
  DESK_URGENCIES,
  FEEDBACK_MAX_CHARS,
  FEEDBACK_REQUIRED_MAX_CHARS,
  NOTICE_BODY_MAX_CHARS,
  NOTICE_MAX_TASKS,
  NOTICE_TITLE_MAX_CHARS,
  SUPERVISION_LEVELS,
  SUPERVISION_STATES,
  UNIT_ORDER_MAX,
} from '../supervision.js';
import {
  Answers,
  DateText,
  FileAnswer,
  Id,
  IdParams,
  Named,
  Nullable,
  Ok,
  Paging,
  ReportState,
  StringEnum,
  Strict,
} from './shared.js';

const tags = ['supervision'];

export const Level = StringEnum(SUPERVISION_LEVELS);
export type Level = Static<typeof Level>;
export const NoticeState = StringEnum(SUPERVISION_STATES);
export type NoticeState = Static<typeof NoticeState>;

const NoticeTask = Type.Object({ id: Type.Integer(), seq: Type.Integer(), target: Type.String() });

/** A 督办单 as every route answers it. */
export const Notice = Type.Object({
  id: Type.Integer(),
  /** 督办〔2024〕第3号 */
  number: Type.String(),
  year: Type.Integer(),
  /** Its number within the plan year. */
  seq: Type.Integer(),
  planId: Type.Integer(),
  unit: Named,
  level: Level,
  levelLabel: Type.String(),
  levelColor: StringEnum(['blue', 'orange', 'red'] as const),
  /** The level it was raised at, before any escalation. */
  initialLevel: Level,
  state: NoticeState,
  title: Type.String(),
  body: Type.String(),
  feedbackRequired: Type.String(),
  deadline: DateText,
  escalations: Type.Integer(),
  escalatedAt: Nullable(Type.String()),
  /** Past its deadline and still waiting for the unit. */
  overdue: Type.Boolean(),
  feedback: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  signedAt: Nullable(Type.String()),
  decisionComment: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  createdBy: Nullable(Named),
  createdAt: Type.String(),
  tasks: Type.Array(NoticeTask),
  /** The leaders of its tasks. */
  leaders: Type.Array(Named),
});
export type Notice = Static<typeof Notice>;

/** A file attached to the unit's 办结反馈 (证明材料). */
export const Evidence = Type.Object({
  id: Type.Integer(),
  noticeId: Type.Integer(),
  fileName: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  createdAt: Type.String(),
});
export type Evidence = Static<typeof Evidence>;

/** One step of the notice's handling, from the audit log. */
export const NoticeStep = Type.Object({
  at: Type.String(),
  /** `supervision.issue`, `.sign`, `.escalate`, `.evidence`, `.answer`, `.return`, `.accept`. */
  action: Type.String(),
  actor: Type.String(),
  /** What the step set (e.g. the new level and deadline of an escalation, a return's comment). */
  after: Type.Unknown(),
});
export type NoticeStep = Static<typeof NoticeStep>;

export const NoticeDetail = Type.Composite([
  Notice,
  Type.Object({ evidence: Type.Array(Evidence), trail: Type.Array(NoticeStep) }),
]);
export type NoticeDetail = Static<typeof NoticeDetail>;

const Flag = Type.Unsafe<0 | 1>({ type: 'integer', enum: [0, 1] });

export const list = {
  tags,
  summary: '督办单列表（单位只见本单位，领导只见本人牵头任务）',
  querystring: Strict({
    planId: Type.Optional(Id),
    unitId: Type.Optional(Id),
    taskId: Type.Optional(Id),
    state: Type.Optional(NoticeState),
    /** 1: not yet accepted. */
    open: Type.Optional(Flag),
    /** 1: escalated at least once. */
    escalated: Type.Optional(Flag),
    ...Paging,
  }),
  response: Answers(Type.Object({ items: Type.Array(Notice), total: Type.Integer() })),
};

export const raise = {
  tags,
  summary: '下发督办单（一项任务或一个单位的多项滞后任务）',
  body: Strict({
    planId: Id,
    unitId: Id,
    /** Tasks of the plan the unit leads or co-leads. */
    taskIds: Type.Array(Id, { minItems: 1, maxItems: NOTICE_MAX_TASKS }),
    level: Level,
    deadline: DateText,
    feedbackRequired: Type.String({ minLength: 1, maxLength: FEEDBACK_REQUIRED_MAX_CHARS }),
    /** Default: 关于第N项任务的督办单 (or the unit and the number of tasks). */
    title: Type.Optional(Type.String({ maxLength: NOTICE_TITLE_MAX_CHARS })),
    /** Default: a sentence naming the tasks. */
    body: Type.Optional(Type.String({ maxLength: NOTICE_BODY_MAX_CHARS })),
  }),
  response: Answers(Notice),
};

export const escalate = {
  tags,
  summary: '立即执行逾期提级',
  response: Answers(Type.Object({ escalated: Type.Integer({ description: '本次提级的次数' }) })),
};

export const detail = {
  tags,
  summary: '督办单详情及办理过程',
  params: IdParams,
  response: Answers(NoticeDetail),
};

export const sign = { tags, summary: '签收督办单', params: IdParams, response: Answers(Notice) };

export const answer = {
  tags,
  summary: '办结反馈',
  params: IdParams,
  body: Strict({ feedback: Type.String({ minLength: 1, maxLength: FEEDBACK_MAX_CHARS }) }),
  response: Answers(Notice),
};

/** Multipart: one `file` (PDF, image, Office document or zip; size limit from the settings). */
export const addEvidence = {
  tags,
  summary: '上传办结反馈的证明材料（multipart，字段名 file）',
  params: IdParams,
  // Marks it an upload route: the server gives it the upload deadline (src/server/timeouts.ts).
  consumes: ['multipart/form-data'],
  response: Answers(Evidence),
};

export const evidenceFile = {
  tags,
  summary: '下载证明材料',
  params: Strict({ id: Id, fileId: Id }),
  response: FileAnswer('*/*', '证明材料原文件（Content-Type 为其本身的类型：PDF、图片、Office 文档或 zip）'),
};

export const docx = {
  tags,
  summary: '督办单（.docx，公文格式）',
  params: IdParams,
  response: FileAnswer('application/vnd.openxmlformats-officedocument.wordprocessingml.document', '督办单 .docx'),
};

export const decide = {
  tags,
  summary: '办结（accept=true）或退回（附原因，可给新期限）',
  params: IdParams,
  body: Strict({
    accept: Type.Boolean(),
    /** Required when returning. */
    comment: Type.Optional(Type.String({ maxLength: DECISION_COMMENT_MAX_CHARS })),
    /** A new deadline, when returning. */
    deadline: Type.Optional(DateText),
  }),
  response: Answers(Notice),
};

// The overdue desk (逾期/催办台).

export const DeskUrgency = StringEnum(DESK_URGENCIES);
export const DeskSort = StringEnum(DESK_SORTS);
export type DeskSort = Static<typeof DeskSort>;

/** One overdue task of a unit. */
export const DeskTask = Type.Object({
  taskId: Type.Integer(),
  seq: Type.Integer(),
  target: Type.String(),
  /** The period's due date, or the later one of an approved extension. */
  dueDate: DateText,
  daysOverdue: Type.Integer(),
  reminders: Type.Integer(),
  lastReminderAt: Nullable(Type.String()),
  /** By reminders (催办) or by a 督办单 that rose. */
  escalated: Type.Boolean(),
  /** The highest level among the task's open 督办单 for this unit, if any. */
  noticeLevel: Nullable(Level),
  reportState: ReportState,
});
export type DeskTask = Static<typeof DeskTask>;

/** One unit's row: its overdue tasks counted. */
export const DeskRow = Type.Object({
  unit: Type.Object({ id: Type.Integer(), name: Type.String(), position: Nullable(Type.Integer()) }),
  overdueTasks: Type.Integer(),
  maxDaysOverdue: Type.Integer(),
  reminders: Type.Integer(),
  /** Tasks escalated. */
  escalated: Type.Integer(),
  openNotices: Type.Integer(),
  topLevel: Nullable(Level),
});
export type DeskRow = Static<typeof DeskRow>;

export const DeskPage = Type.Object({
  items: Type.Array(DeskRow),
  /** Units with at least one overdue task. */
  total: Type.Integer(),
  /** Distinct overdue tasks across all units (not unit × task pairs). */
  totalTasks: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type DeskPage = Static<typeof DeskPage>;

/** The desk's filters; a leader sees only the tasks they lead, whatever `leaderId` they send. */
const deskFilters = {
  periodId: Id,
  leaderId: Type.Optional(Id),
  themeId: Type.Optional(Id),
  urgency: Type.Optional(DeskUrgency),
};
export const DeskFilters = Strict(deskFilters);
export type DeskFilters = Static<typeof DeskFilters>;

export const desk = {
  tags: ['cycle'],
  summary: '逾期/催办台：每个单位一行（逾期项数、最长逾期天数、催办次数、已提级）',
  querystring: Strict({
    ...deskFilters,
    sort: Type.Optional(DeskSort),
    order: Type.Optional(StringEnum(['asc', 'desc'] as const)),
    ...Paging,
  }),
  response: Answers(DeskPage),
};

export const deskUnit = {
  tags: ['cycle'],
  summary: '逾期/催办台：一个单位的逾期任务',
  params: Strict({ unitId: Id }),
  querystring: DeskFilters,
  response: Answers(Type.Array(DeskTask)),
};

export const unitOrder = {
  tags: ['reference'],
  summary: '设置单位序列（逾期/催办台按此排序，未列入的单位按拼音排在后面）',
  body: Strict({ unitIds: Type.Array(Id, { maxItems: UNIT_ORDER_MAX }) }),
  response: Answers(Ok),
};
