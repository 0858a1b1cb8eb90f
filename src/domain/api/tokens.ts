// /api/tokens: API tokens for machine clients (admin only). The secret is answered once, at creation.
import { Type, type Static } from '@sinclair/typebox';
import { Answers, IdParams, Nullable, Role, Strict } from './shared.js';

const tags = ['tokens'];

export const ApiToken = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  role: Role,
  unitId: Nullable(Type.Integer()),
  leaderId: Nullable(Type.Integer()),
  /** The admin who created it (null when that account is gone). */
  createdBy: Nullable(Type.Integer()),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
});
export type ApiToken = Static<typeof ApiToken>;

/** The answer to a creation: the record and, this once, its secret (`dbt_…`). */
export const NewApiToken = Type.Composite([ApiToken, Type.Object({ token: Type.String() })]);
export type NewApiToken = Static<typeof NewApiToken>;

export const list = { tags, summary: 'API 令牌列表', response: Answers(Type.Array(ApiToken)) };

export const create = {
  tags,
  summary: '新建 API 令牌（只显示一次）',
  body: Strict({
    name: Type.String({ minLength: 1, maxLength: 100 }),
    role: Role,
    unitId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    leaderId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  }),
  response: Answers(NewApiToken),
};

export const revoke = { tags, summary: '吊销 API 令牌', params: IdParams, response: Answers(ApiToken) };
