// A progress report as the API answers it, wherever it appears: in the task list (a summary), in a
// task's page and from every report route (the detail). Shared by the task and report contracts.
import { Type, type Static } from '@sinclair/typebox';
import type { Assessment as DomainAssessment, Indicator as DomainIndicator } from '../assessment.js';
import { Light, Named, Nullable, Opaque, ReportState, Status } from './shared.js';

/** An assessment as docs/assessment.md describes it (indicators with source offsets, status, reason), passed through whole. */
export const Assessment = Opaque<DomainAssessment>(
  '评估结果（docs/assessment.md）：indicators, status, reason, missing_figures?',
);
/** One indicator of a target (docs/assessment.md), passed through whole. */
export const Indicator = Opaque<DomainIndicator>('目标中的一项指标（docs/assessment.md）');

/** A report's line in the task list. */
export const ReportSummary = Type.Object({
  id: Type.Integer(),
  periodId: Type.Integer(),
  state: ReportState,
  text: Type.String(),
  version: Type.Integer(),
  /** The override's status when there is one, else the machine's. */
  status: Status,
  machineStatus: Status,
  reason: Type.String(),
  light: Light,
  overridden: Type.Boolean(),
  updatedAt: Type.String(),
  submittedAt: Nullable(Type.String()),
});
export type ReportSummary = Static<typeof ReportSummary>;

/** Evidence (证明材料) of a report. */
export const Attachment = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  /** The user who uploaded it (null for an API token): the web app offers 删除 to them. */
  uploadedBy: Nullable(Type.Integer()),
  createdAt: Type.String(),
});
export type Attachment = Static<typeof Attachment>;

/** A report with its assessment, review, light and evidence. */
export const ReportDetail = Type.Object({
  id: Type.Integer(),
  taskId: Type.Integer(),
  periodId: Type.Integer(),
  state: ReportState,
  text: Type.String(),
  version: Type.Integer(),
  status: Status,
  machineStatus: Status,
  reason: Type.String(),
  light: Light,
  assessment: Assessment,
  override: Nullable(Type.Object({ status: Status, reason: Type.String(), by: Nullable(Named), at: Type.String() })),
  review: Nullable(Type.Object({ comment: Type.String(), by: Nullable(Named), at: Type.String() })),
  authorName: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
  attachments: Type.Array(Attachment),
});
export type ReportDetail = Static<typeof ReportDetail>;

export const Comment = Type.Object({
  id: Type.Integer(),
  /** null when the author's account is gone. */
  author: Nullable(Named),
  body: Type.String(),
  createdAt: Type.String(),
});
export type Comment = Static<typeof Comment>;
