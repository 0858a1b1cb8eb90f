// /api/plans, periods, themes, units and leaders: everyone reads; admins open and close periods and
// edit units and leaders.
import { Type, type Static } from '@sinclair/typebox';
import { Answers, Dictionary, DateText, Id, IdParams, Named, Nullable, StringEnum, Strict } from './shared.js';

const tags = ['reference'];

export const Plan = Type.Object({
  id: Type.Integer(),
  region: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  taskCount: Type.Integer(),
});
export type Plan = Static<typeof Plan>;

export const PERIOD_STATES = ['open', 'closed'] as const;

export const Period = Type.Object({
  id: Type.Integer(),
  planId: Type.Integer(),
  /** `2023Q4`, `2024-03`, `2024H1`, `2024`. */
  label: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
  dueDate: Nullable(Type.String()),
  state: StringEnum(PERIOD_STATES),
});
export type Period = Static<typeof Period>;

export const Theme = Type.Object({ id: Type.Integer(), name: Type.String(), categories: Type.Array(Named) });
export type Theme = Static<typeof Theme>;

export const Unit = Type.Object({ id: Type.Integer(), name: Type.String(), parentId: Nullable(Type.Integer()) });
export type Unit = Static<typeof Unit>;

export const Leader = Type.Object({ id: Type.Integer(), name: Type.String(), title: Nullable(Type.String()) });
export type Leader = Static<typeof Leader>;

export const MergeResult = Type.Object({
  unit: Unit,
  /** Every other name the kept unit now answers to, sorted. */
  aliases: Type.Array(Type.String()),
  /** How many rows of each kind now name the kept unit instead of a merged one. */
  moved: Dictionary(Type.Integer()),
});
export type MergeResult = Static<typeof MergeResult>;

const PlanParams = Strict({ planId: Id });

export const plans = {
  tags,
  summary: '计划列表（单位、领导只见有任务的计划）',
  response: Answers(Type.Array(Plan)),
};

export const periods = {
  tags,
  summary: '报告期（新的在前）',
  params: PlanParams,
  response: Answers(Type.Array(Period)),
};

export const openPeriod = {
  tags: ['cycle'],
  summary: '开启报告期',
  params: PlanParams,
  body: Strict({
    label: Type.String({ minLength: 4, maxLength: 20 }),
    dueDate: Type.Optional(Nullable(DateText)),
  }),
  response: Answers(Period),
};

export const updatePeriod = {
  tags: ['cycle'],
  summary: '修改截止日期、关闭或重新开启报告期',
  params: IdParams,
  body: Strict({
    dueDate: Type.Optional(Nullable(DateText)),
    state: Type.Optional(StringEnum(PERIOD_STATES)),
  }),
  response: Answers(Period),
};

export const themes = { tags, summary: '任务分类', params: PlanParams, response: Answers(Type.Array(Theme)) };

export const units = { tags, summary: '单位', response: Answers(Type.Array(Unit)) };

export const leaders = { tags, summary: '区领导', response: Answers(Type.Array(Leader)) };

const unitFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  parentId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
};

export const createUnit = { tags, summary: '新增单位', body: Strict(unitFields), response: Answers(Unit) };

export const updateUnit = {
  tags,
  summary: '修改单位',
  params: IdParams,
  body: Strict({ ...unitFields, name: Type.Optional(unitFields.name) }),
  response: Answers(Unit),
};

export const mergeUnits = {
  tags,
  summary: '合并单位（被合并单位的名称保留为别名，以后导入时自动对应）',
  params: IdParams,
  body: Strict({
    mergeIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 100, uniqueItems: true }),
  }),
  response: Answers(MergeResult),
};

const leaderFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  title: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
};

export const createLeader = { tags, summary: '新增区领导', body: Strict(leaderFields), response: Answers(Leader) };

export const updateLeader = {
  tags,
  summary: '修改区领导',
  params: IdParams,
  body: Strict({ ...leaderFields, name: Type.Optional(leaderFields.name) }),
  response: Answers(Leader),
};
