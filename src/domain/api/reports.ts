// /api/reports, /api/attachments, /api/assess and /api/review: a report read (in scope), written and
// submitted (lead unit or admin, open period), reviewed (admin: approve, return with a comment,
// override the status with a reason, in bulk), commented on, and its evidence uploaded, downloaded
// and deleted; an assessment of any text (not saved); the office's review queue.
import { Type, type Static } from '@sinclair/typebox';
import {
  ASSESS_TARGET_MAX_CHARS,
  BULK_REVIEW_MAX_REPORTS,
  COMMENT_MAX_CHARS,
  REPORT_MAX_CHARS,
  REPORT_STATES,
  REVIEW_COMMENT_MAX_CHARS,
} from '../report.js';
import { Assessment, Attachment, Comment, ReportDetail } from './report-shapes.js';
import {
  Answers,
  ApiError,
  FileAnswer,
  Id,
  IdParams,
  Nullable,
  Ok,
  Page,
  ReportState,
  Status,
  StringEnum,
  Strict,
} from './shared.js';
import { TaskListItem } from './tasks.js';

/** The limits, from src/domain/report.ts (the web app imports them from there: no TypeBox in its bundle). */
export {
  ASSESS_TARGET_MAX_CHARS,
  BULK_REVIEW_MAX_REPORTS,
  COMMENT_MAX_CHARS,
  REPORT_MAX_CHARS,
  REVIEW_COMMENT_MAX_CHARS,
};
export type { Attachment, Comment, ReportDetail };

const tags = ['reports'];
const reviewTags = ['review'];

/** A report's version (报告历史版本): every save and step keeps one, newest first. */
export const ReportVersion = Type.Object({
  version: Type.Integer(),
  state: ReportState,
  text: Type.String(),
  status: Status,
  authorName: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type ReportVersion = Static<typeof ReportVersion>;

/** The evidence just uploaded. */
export const UploadedAttachment = Type.Pick(Attachment, ['id', 'fileName', 'mime', 'size']);
export type UploadedAttachment = Static<typeof UploadedAttachment>;

export const BULK_ACTIONS = ['approve', 'return'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** What a bulk review did: the reports it approved or returned, and each one it could not, with why. */
export const BulkResult = Type.Object({
  done: Type.Array(Type.Integer()),
  failed: Type.Array(Type.Object({ id: Type.Integer(), error: ApiError.properties.error })),
});
export type BulkResult = Static<typeof BulkResult>;

const ReviewComment = Type.String({ maxLength: REVIEW_COMMENT_MAX_CHARS });

export const get = { tags, summary: '报告详情', params: IdParams, response: Answers(ReportDetail) };

export const versions = {
  tags,
  summary: '报告历史版本（新的在前）',
  params: IdParams,
  response: Answers(Type.Array(ReportVersion)),
};

export const save = {
  tags,
  summary: '保存报告（即时评估）',
  params: IdParams,
  body: Strict({
    text: Type.String({ maxLength: REPORT_MAX_CHARS }),
    /** The version read: a save over another writer's newer version is refused (409). */
    version: Type.Integer({ minimum: 1 }),
  }),
  response: Answers(ReportDetail),
};

export const submit = {
  tags,
  summary: '提交报告',
  params: IdParams,
  body: Strict({ version: Type.Integer({ minimum: 1 }) }),
  response: Answers(ReportDetail),
};

export const approve = {
  tags: reviewTags,
  summary: '审核通过',
  params: IdParams,
  body: Strict({ comment: Type.Optional(ReviewComment) }),
  response: Answers(ReportDetail),
};

export const sendBack = {
  tags: reviewTags,
  summary: '退回修改',
  params: IdParams,
  body: Strict({ comment: Type.String({ minLength: 1, maxLength: REVIEW_COMMENT_MAX_CHARS }) }),
  response: Answers(ReportDetail),
};

export const override = {
  tags: reviewTags,
  summary: '人工改判状态（保留机器判断）',
  params: IdParams,
  body: Strict({
    /** null takes the override back: the machine's status stands again. */
    status: Nullable(Status),
    reason: ReviewComment,
  }),
  response: Answers(ReportDetail),
};

export const bulk = {
  tags: reviewTags,
  summary: '批量审核',
  body: Strict({
    ids: Type.Array(Id, { minItems: 1, maxItems: BULK_REVIEW_MAX_REPORTS }),
    action: StringEnum(BULK_ACTIONS),
    /** The comment of every approval, or the reason of every return. */
    comment: Type.Optional(ReviewComment),
  }),
  response: Answers(BulkResult),
};

export const comment = {
  tags,
  summary: '发表意见',
  params: IdParams,
  body: Strict({ body: Type.String({ minLength: 1, maxLength: COMMENT_MAX_CHARS }) }),
  response: Answers(Comment),
};

/** Multipart: one `file` (the size limit is in the settings; the type is checked by name and content). */
export const attach = {
  tags,
  summary: '上传证明材料（multipart 字段 file）',
  params: IdParams,
  consumes: ['multipart/form-data'],
  response: Answers(UploadedAttachment),
};

export const download = {
  tags,
  summary: '下载证明材料',
  params: IdParams,
  response: FileAnswer('*/*', '证明材料原文件（Content-Type 为其本身的类型，Content-Disposition 给出文件名）'),
};

export const detach = { tags, summary: '删除证明材料', params: IdParams, response: Answers(Ok) };

export const assess = {
  tags,
  summary: '评估一段进展（不保存）',
  body: Strict({
    target: Type.String({ maxLength: ASSESS_TARGET_MAX_CHARS }),
    progress: Type.String({ maxLength: REPORT_MAX_CHARS }),
    /** The period's label (2024Q1, 2024-06, 2024H1, 2024…): dates the figures. */
    period: Type.Optional(Type.String({ maxLength: 20 })),
    /** The task's own deadline (完成时限) as written: unfinished after it, the task is behind. */
    deadline: Type.Optional(Type.String({ maxLength: 200 })),
  }),
  response: Answers(Assessment),
};

export const review = {
  tags: reviewTags,
  summary: '待审核报告',
  querystring: Strict({
    planId: Id,
    periodId: Id,
    /** The reports' state, submitted (待审核) unless asked. */
    state: Type.Optional(Type.Unsafe<ReportState>({ type: 'string', enum: [...REPORT_STATES], default: 'submitted' })),
  }),
  /** Every task of the period with a report in that state, in task order, on one page. */
  response: Answers(Page(TaskListItem)),
};
