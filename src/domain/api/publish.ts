// Publishing: the progress table (进展情况表) in four formats with the task list's filters, a
// leader's briefing (领导专报), a unit's reminder notice (催办通知), and the comparison of two
// periods (期间对比). Every answer is narrowed to the caller's scope: a unit exports its own tasks,
// a leader the tasks they lead; asking for someone else's is a 403. The files come as downloads
// (Content-Disposition names them; Chinese names as RFC 5987 `filename*`).
import { Type, type Static } from '@sinclair/typebox';
import { LIGHTS } from '../light.js';
import { EXPORT_SEARCH_MAX_CHARS, MEDIA_TYPES, PERIOD_LABEL_MAX_CHARS, PROGRESS_FORMATS } from '../publish.js';
import { STATUSES } from '../status.js';
import { Answers, ApiError, FileAnswer, Id, Light, Status, StringEnum, Strict } from './shared.js';

const tags = ['publishing'];

export const ProgressFormatSchema = StringEnum(PROGRESS_FORMATS);

/**
 * The progress table's answer: its bytes under 200 in the media type of the format asked for
 * (`format: binary`, as FileAnswer for one type), or an error.
 */
const ProgressFile = {
  200: {
    description: '进展情况表（按 format：.xlsx、.docx、.csv 或 .pdf）',
    content: Object.fromEntries(
      PROGRESS_FORMATS.map((f) => [MEDIA_TYPES[f], { schema: Type.String({ format: 'binary' }) }]),
    ),
  },
  '4xx': ApiError,
  '5xx': ApiError,
} as const;

/** The plan and period a file is made for. */
const PlanPeriod = { planId: Id, periodId: Id };

export const exportTable = {
  tags,
  summary: '导出进展情况表（任务清单的筛选条件，按角色限定范围；PDF 排队生成，服务器无法打印时 503）',
  querystring: Strict({
    ...PlanPeriod,
    format: ProgressFormatSchema,
    /** 1: with the status columns (评估状态). */
    withStatus: Type.Optional(Type.Unsafe<0 | 1>({ type: 'integer', enum: [0, 1] })),
    unitId: Type.Optional(Id),
    leaderId: Type.Optional(Id),
    themeId: Type.Optional(Id),
    categoryId: Type.Optional(Id),
    /** Repeatable: `status=behind&status=no_report`. */
    status: Type.Optional(Type.Array(Status, { maxItems: STATUSES.length })),
    light: Type.Optional(Type.Array(Light, { maxItems: LIGHTS.length })),
    q: Type.Optional(Type.String({ maxLength: EXPORT_SEARCH_MAX_CHARS })),
  }),
  response: ProgressFile,
};
export type ExportQuery = Static<typeof exportTable.querystring>;

export const briefing = {
  tags,
  summary: '领导专报（.docx）',
  params: Strict({ leaderId: Id }),
  querystring: Strict(PlanPeriod),
  response: FileAnswer(MEDIA_TYPES.docx, '领导专报（.docx）'),
};

export const notice = {
  tags,
  summary: '催办通知（.docx；报送截止日之后）',
  params: Strict({ unitId: Id }),
  querystring: Strict(PlanPeriod),
  response: FileAnswer(MEDIA_TYPES.docx, '催办通知（.docx）'),
};

const Move = { taskId: Type.Integer(), seq: Type.Integer(), target: Type.String() };

/** A task's move between the two periods, as known in the later one; `from` null: no report before. */
export const StatusMove = Type.Object({ ...Move, from: Type.Union([Status, Type.Null()]), to: Status });
export type StatusMove = Static<typeof StatusMove>;

/** A task reported in the earlier period only (dropped or renumbered out of the plan). */
export const GoneMove = Type.Object({ ...Move, from: Status, to: Type.Null() });
export type GoneMove = Static<typeof GoneMove>;

/** Any row of a comparison. */
export type TaskMove = StatusMove | GoneMove;

export const PeriodDiff = Type.Object({
  plan: Type.Object({ id: Type.Integer(), title: Type.String() }),
  /** The two periods' labels. */
  from: Type.String(),
  to: Type.String(),
  /** Moved towards done (已完成 > 序时推进 > 待数据 > 进度滞后 > 未报送). */
  up: Type.Array(StatusMove),
  /** Moved away from done. */
  down: Type.Array(StatusMove),
  /** How many tasks kept their status. */
  same: Type.Integer(),
  /** Tasks reported in the later period only. */
  new: Type.Array(StatusMove),
  gone: Type.Array(GoneMove),
});
export type PeriodDiff = Static<typeof PeriodDiff>;

const PeriodLabel = Type.String({ minLength: 1, maxLength: PERIOD_LABEL_MAX_CHARS });

export const diff = {
  tags,
  summary: '两期比较（状态上升、下降、新增、移出，未变化的数目）',
  querystring: Strict({
    planId: Id,
    /** Period labels: 2023Q4, 2024-03, 2023H1, 2023. */
    from: PeriodLabel,
    to: PeriodLabel,
  }),
  response: Answers(PeriodDiff),
};
