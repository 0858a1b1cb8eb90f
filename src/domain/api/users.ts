// /api/users: accounts, managed by admins.
import { Type, type Static } from '@sinclair/typebox';
import { Answers, IdParams, Named, Nullable, Role, Strict } from './shared.js';

const tags = ['users'];

export const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  unit: Nullable(Named),
  leader: Nullable(Named),
  disabled: Type.Boolean(),
  /** Too many wrong passwords in the current window (only in the list). */
  locked: Type.Optional(Type.Boolean()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type User = Static<typeof User>;

const NullableId = Nullable(Type.Integer({ minimum: 1 }));

export const USERNAME_MIN = 2;
export const PASSWORD_MIN = 8;

const fields = {
  displayName: Type.String({ maxLength: 100 }),
  role: Role,
  unitId: NullableId,
  leaderId: NullableId,
  password: Type.String({ minLength: PASSWORD_MIN, maxLength: 200 }),
};

export const list = { tags, summary: '账号列表', response: Answers(Type.Array(User)) };

export const unlock = {
  tags,
  summary: '解除登录锁定（连续输错密码后）',
  params: IdParams,
  response: Answers(Type.Object({ unlocked: Type.Boolean() })),
};

export const create = {
  tags,
  summary: '新建账号',
  body: Strict({
    username: Type.String({ minLength: USERNAME_MIN, maxLength: 64 }),
    displayName: Type.Optional(fields.displayName),
    role: fields.role,
    unitId: Type.Optional(fields.unitId),
    leaderId: Type.Optional(fields.leaderId),
    password: fields.password,
  }),
  response: Answers(User),
};

export const update = {
  tags,
  summary: '修改账号',
  params: IdParams,
  body: Strict({
    displayName: Type.Optional(fields.displayName),
    role: Type.Optional(fields.role),
    unitId: Type.Optional(fields.unitId),
    leaderId: Type.Optional(fields.leaderId),
    password: Type.Optional(fields.password),
    disabled: Type.Optional(Type.Boolean()),
  }),
  response: Answers(User),
};
