// /api/auth: login, logout, who am I, password change, the sign-in methods, single sign-on.
import { Type, type Static } from '@sinclair/typebox';
import { Answers, Named, Nullable, Ok, Redirect, Role, Strict } from './shared.js';

const tags = ['auth'];

export const Me = Type.Object({
  /** null for an API token. */
  id: Nullable(Type.Integer()),
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  unit: Nullable(Named),
  leader: Nullable(Named),
});
export type Me = Static<typeof Me>;

export const Session = Type.Object({
  user: Me,
  /** Send back as `x-csrf-token` on unsafe methods; null for an API token. */
  csrfToken: Nullable(Type.String()),
});
export type Session = Static<typeof Session>;

export const SignInMethods = Type.Object({
  password: Type.Boolean(),
  sso: Nullable(Type.Object({ label: Type.String(), start: Type.String() })),
});
export type SignInMethods = Static<typeof SignInMethods>;

export const login = {
  tags,
  summary: '登录',
  body: Strict({
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  }),
  response: Answers(Session),
};

export const logout = { tags, summary: '退出登录', response: Answers(Ok) };

export const me = { tags, summary: '当前用户', response: Answers(Session) };

export const password = {
  tags,
  summary: '修改密码',
  body: Strict({
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 8, maxLength: 200 }),
  }),
  response: Answers(Ok),
};

export const methods = {
  tags,
  summary: '可用的登录方式（登录页据此显示密码登录和统一身份认证登录）',
  response: Answers(SignInMethods),
};

/** Redirects (302) to the identity platform, or back to the login page with `sso_error`. */
export const oidcStart = {
  tags,
  summary: '统一身份认证登录：跳转到身份平台',
  querystring: Strict({ returnTo: Type.Optional(Type.String({ maxLength: 500 })) }),
  response: Redirect,
};

/** Redirects (302) to `returnTo` with a session cookie, or to the login page with `sso_error`. */
export const oidcCallback = {
  tags,
  summary: '统一身份认证登录：身份平台回调',
  response: Redirect,
};
