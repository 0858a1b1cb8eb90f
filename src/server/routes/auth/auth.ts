// /api/auth: login with back-off, logout, who am I, password change.
// An unknown user and a wrong password get the same status, message and (roughly) the same time.
import type { FastifyInstance } from 'fastify';
import * as Auth from '../../../domain/api/auth.js';
import type { Store } from '../../../store/db.js';
import {
  clearLoginFailures,
  deleteSession,
  findSession,
  releaseAttempt,
  reserveAttempt,
  type BackoffPolicy,
  type Reservation,
} from '../../../store/sessions.js';
import { findUserForLogin, getUser, updateUser } from '../../../store/users.js';
import { actorOf, type Caller } from '../../access.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../auth/password.js';
import { SESSION_COOKIE, callerOf, cookieOptions, type SessionPolicy } from '../../auth/plugin.js';
import { openSession } from '../../auth/open-session.js';
import { sameSecret, sha256 } from '../../auth/tokens.js';
import { HttpError } from '../../errors.js';
import { typed } from '../common.js';

function tooManyAttempts(refused: Reservation[], what: string): HttpError {
  const seconds = Math.max(...refused.map((r) => r.retryAfterSeconds));
  return new HttpError('rate_limited', `${what}失败次数过多，请 ${seconds} 秒后再试`, {
    'retry-after': String(seconds),
  });
}

export async function meOf(store: Store, caller: Caller): Promise<Auth.Me> {
  if (caller.kind === 'token') {
    return {
      id: null,
      username: `token:${caller.name}`,
      displayName: caller.name,
      role: caller.role,
      unit: caller.unitId ? { id: caller.unitId, name: '' } : null,
      leader: caller.leaderId ? { id: caller.leaderId, name: '' } : null,
    };
  }
  const u = await getUser(store.db, caller.userId!);
  if (!u) throw new HttpError('unauthorized', '请先登录');
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, unit: u.unit, leader: u.leader };
}

export function authRoutes(
  store: Store,
  options: { backoff: BackoffPolicy; session: SessionPolicy; passwordLogin: boolean },
) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    app.post('/auth/login', { config: { access: 'public' }, schema: Auth.login }, async (request, reply) => {
      if (!options.passwordLogin) throw new HttpError('forbidden', '本系统已关闭密码登录，请使用统一身份认证登录');
      const username = request.body.username.trim().toLowerCase();
      const accountKey = `user:${username}`;
      const addressKey = `ip:${request.ip}`;
      const policy = options.backoff;
      const nowMs = Date.now();
      // Reserve the attempt before the slow hash: a burst of guesses is cut off at the limit.
      const byAccount = await reserveAttempt(store.db, accountKey, policy.freeFailures, policy, nowMs);
      const byAddress = await reserveAttempt(store.db, addressKey, policy.freeFailuresPerAddress, policy, nowMs);
      if (!byAccount.allowed || !byAddress.allowed) {
        throw tooManyAttempts(
          [byAccount, byAddress].filter((r) => !r.allowed),
          '登录',
        );
      }
      const user = await findUserForLogin(store.db, username);
      const passwordOk = await verifyPassword(request.body.password, user?.passwordHash ?? (await dummyPasswordHash()));
      // A failure stays counted (it was reserved); a success gives both reservations back.
      if (!user || !passwordOk || user.disabled) throw new HttpError('invalid_credentials', '用户名或密码错误');
      await clearLoginFailures(store.db, [accountKey]);
      await releaseAttempt(store.db, addressKey);
      const csrfToken = await openSession(store, request, reply, user.id, options.session);
      return {
        user: {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          unit: user.unit,
          leader: user.leader,
        },
        csrfToken,
      };
    });

    app.post('/auth/logout', { config: { access: 'public' }, schema: Auth.logout }, async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        // A live session ends only with its CSRF token: another site must not log people out.
        const live = await findSession(store.db, sha256(token));
        const sent = request.headers['x-csrf-token'];
        if (live && (typeof sent !== 'string' || !sameSecret(sent, live.csrfToken))) {
          throw new HttpError('forbidden', '缺少或错误的 CSRF 令牌（请求头 x-csrf-token）');
        }
        await deleteSession(store.db, sha256(token));
      }
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return { ok: true };
    });

    app.get('/auth/me', { config: { access: 'any' }, schema: Auth.me }, async (request) => {
      const caller = callerOf(request);
      const csrfToken = caller.sessionHash
        ? ((await findSession(store.db, caller.sessionHash))?.csrfToken ?? null)
        : null;
      return { user: await meOf(store, caller), csrfToken };
    });

    app.post('/auth/password', { config: { access: 'any' }, schema: Auth.password }, async (request) => {
      const caller = callerOf(request);
      if (caller.kind !== 'user') throw new HttpError('forbidden', 'API 令牌没有密码');
      const attemptKey = `password:${caller.userId}`;
      const reservation = await reserveAttempt(
        store.db,
        attemptKey,
        options.backoff.freeFailures,
        options.backoff,
        Date.now(),
      );
      if (!reservation.allowed) throw tooManyAttempts([reservation], '密码验证');
      const user = await findUserForLogin(store.db, caller.name);
      if (!user || !(await verifyPassword(request.body.currentPassword, user.passwordHash))) {
        throw new HttpError('invalid_credentials', '当前密码不正确');
      }
      await clearLoginFailures(store.db, [attemptKey]);
      // Other sessions of this account end; this one goes on.
      await updateUser(
        store.db,
        actorOf(caller),
        user.id,
        { passwordHash: await hashPassword(request.body.newPassword) },
        { keepSessionHash: caller.sessionHash ?? undefined },
      );
      return { ok: true };
    });
  };
}
