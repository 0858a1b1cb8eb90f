// /api/tasks: the task list (scoped by role), one task with every period's report, comments and
// trail, and 销号 (close-out) by the office.
import { Type, type Static } from '@sinclair/typebox';
import { Period } from './reference.js';
import { Comment, Indicator, ReportDetail, ReportSummary } from './report-shapes.js';
import { Answers, Id, IdParams, Light, Named, Nullable, Page, Paging, Status, StringEnum, Strict } from './shared.js';

const tags = ['tasks'];

/** A task of a plan, as imported (and edited since). */
export const Task = Type.Object({
  id: Type.Integer(),
  planId: Type.Integer(),
  seq: Type.Integer(),
  theme: Nullable(Type.String()),
  category: Nullable(Type.String()),
  target: Type.String(),
  leaders: Type.Array(Named),
  units: Type.Array(Named),
  coUnits: Type.Array(Named),
  deadline: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  /** When the office closed it out (销号), or null. */
  closedAt: Nullable(Type.String()),
});
export type Task = Static<typeof Task>;

export const HighlightPart = Type.Object({ text: Type.String(), hit: Type.Boolean() });
export type HighlightPart = Static<typeof HighlightPart>;
export const Highlight = Type.Object({
  field: StringEnum(['target', 'progress'] as const),
  parts: Type.Array(HighlightPart),
});
export type Highlight = Static<typeof Highlight>;

export const TaskListItem = Type.Composite([
  Task,
  Type.Object({
    /** Its report for the period listed (the plan's newest when none is asked for), or null. */
    report: Nullable(ReportSummary),
    /** With `q`: where the words were found. */
    highlights: Type.Optional(Type.Array(Highlight)),
    /** For a unit's list of one period: when it acknowledged (签收) the task, or null. */
    acknowledgedAt: Type.Optional(Nullable(Type.String())),
  }),
]);
export type TaskListItem = Static<typeof TaskListItem>;

/** One line of a task's 操作记录 (src/store/task-trail.ts). */
export const TrailEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  /** Display name of the person (or 系统 / 接口令牌 …). */
  actor: Type.String(),
  action: Type.String(),
  /** The action in Chinese. */
  label: Type.String(),
  /** The report's period, for steps on a report. */
  period: Nullable(Type.String()),
  /** What changed, in one Chinese line (may be empty). */
  change: Type.String(),
});
export type TrailEntry = Static<typeof TrailEntry>;

export const TaskDetail = Type.Object({
  task: Task,
  /** The target's indicators (docs/assessment.md). */
  indicators: Type.Array(Indicator),
  /** Every period of the plan, newest first, with the task's report in it. */
  periods: Type.Array(Type.Object({ period: Period, report: Nullable(ReportDetail) })),
  comments: Type.Array(Type.Composite([Comment, Type.Object({ reportId: Type.Integer() })])),
  /** The task's 操作记录; a draft's text is left out for leaders and viewers. */
  audit: Type.Array(TrailEntry),
});
export type TaskDetail = Static<typeof TaskDetail>;

export const TASK_SORTS = ['seq', 'status', 'unit', 'updated'] as const;

export const list = {
  tags,
  summary: '任务列表（按角色限定范围）',
  querystring: Strict({
    planId: Id,
    periodId: Type.Optional(Id),
    themeId: Type.Optional(Id),
    categoryId: Type.Optional(Id),
    leaderId: Type.Optional(Id),
    unitId: Type.Optional(Id),
    /** Repeatable: `status=behind&status=no_report`. */
    status: Type.Optional(Type.Array(Status, { maxItems: 5 })),
    light: Type.Optional(Type.Array(Light, { maxItems: 4 })),
    /** Chinese full-text search over target and progress. */
    q: Type.Optional(Type.String({ maxLength: 100 })),
    sort: Type.Optional(StringEnum(TASK_SORTS)),
    order: Type.Optional(StringEnum(['asc', 'desc'] as const)),
    ...Paging,
  }),
  response: Answers(Page(TaskListItem)),
};

export const detail = { tags, summary: '任务详情', params: IdParams, response: Answers(TaskDetail) };

export const close = {
  tags: ['cycle'],
  summary: '销号',
  params: IdParams,
  body: Strict({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }),
  response: Answers(Task),
};

export const reopen = { tags: ['cycle'], summary: '撤销销号', params: IdParams, response: Answers(Task) };
