// /api/dashboard, /api/dashboard/trend and /api/search. A unit sees its own tasks, a leader the
// tasks they lead, whatever they ask for.
import { Type, type Static } from '@sinclair/typebox';
import { Highlight } from './tasks.js';
import { Answers, Id, Light, Nullable, Paging, Strict } from './shared.js';

const tags = ['dashboard'];

/** How many tasks have each status. */
export const Counts = Type.Object({
  done: Type.Integer(),
  on_track: Type.Integer(),
  behind: Type.Integer(),
  pending: Type.Integer(),
  no_report: Type.Integer(),
});
export type Counts = Static<typeof Counts>;

export const LightCounts = Type.Object({
  green: Type.Integer(),
  yellow: Type.Integer(),
  red: Type.Integer(),
  grey: Type.Integer(),
});

/** A theme's, leader's or unit's counts. */
export const GroupCounts = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  counts: Counts,
  total: Type.Integer(),
});
export type GroupCounts = Static<typeof GroupCounts>;

export const BehindItem = Type.Object({
  taskId: Type.Integer(),
  seq: Type.Integer(),
  target: Type.String(),
  units: Type.Array(Type.String()),
  leaders: Type.Array(Type.String()),
  reason: Type.String(),
  reportId: Type.Integer(),
  light: Light,
});
export type BehindItem = Static<typeof BehindItem>;

export const Dashboard = Type.Object({
  counts: Counts,
  lights: LightCounts,
  total: Type.Integer(),
  byTheme: Type.Array(GroupCounts),
  byLeader: Type.Array(GroupCounts),
  byUnit: Type.Array(GroupCounts),
  /** Behind tasks, worst first. */
  behind: Type.Array(BehindItem),
});
export type Dashboard = Static<typeof Dashboard>;

export const TrendPoint = Type.Object({ periodId: Type.Integer(), label: Type.String(), counts: Counts });
export type TrendPoint = Static<typeof TrendPoint>;

export const SearchHit = Type.Object({
  taskId: Type.Integer(),
  seq: Type.Integer(),
  /** The report's period; null for a hit in the target alone. */
  periodId: Nullable(Type.Integer()),
  periodLabel: Nullable(Type.String()),
  /** Higher is better. */
  score: Type.Number(),
  highlights: Type.Array(Highlight),
});
export type SearchHit = Static<typeof SearchHit>;

export const dashboard = {
  tags,
  summary: '按主题、领导、单位的状态统计与滞后清单',
  querystring: Strict({ planId: Id, periodId: Id, leaderId: Type.Optional(Id), unitId: Type.Optional(Id) }),
  response: Answers(Dashboard),
};

export const trend = {
  tags,
  summary: '各期状态趋势（旧的在前）',
  querystring: Strict({ planId: Id, leaderId: Type.Optional(Id), unitId: Type.Optional(Id) }),
  response: Answers(Type.Array(TrendPoint)),
};

export const search = {
  tags,
  summary: '全文检索（限定计划）',
  querystring: Strict({
    q: Type.String({ minLength: 1, maxLength: 100 }),
    planId: Id,
    periodId: Type.Optional(Id),
    ...Paging,
  }),
  response: Answers(Type.Object({ items: Type.Array(SearchHit), total: Type.Integer() })),
};
