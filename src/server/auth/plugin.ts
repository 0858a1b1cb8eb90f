// Who is calling, on every request that matched an API route: a session cookie (looked up in the
// database, idle expiry slid forward) or a bearer API token. Unsafe methods with a cookie must carry
// the session's CSRF token in `x-csrf-token`. Then the route's `config.access` rule is enforced,
// before the body is even read.
//
// Deny by default: the decision is taken on the route the router matched (`request.routeOptions`),
// never on the URL as spelled (`/%61pi/users` matches `/api/users` and is treated as it). Every
// route must say who may call it; a route that does not is refused to everyone at run time and
// stops the server at start-up (`assertEveryRouteDeclaresAccess`), so a handler cannot forget it.
// Reads may take the session from memory, but only while the database's data version is the one it
// was read under: a logout, a password change or a disabled account is a write, so it is seen at once.
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Store } from '../../store/db.js';
import { deleteSession, findSession, touchSession, type SessionRecord } from '../../store/sessions.js';
import { findActiveToken, markTokenUsed } from '../../store/tokens.js';
import { roleAllowed, type Caller, type RouteAccess } from '../access.js';
import { dataVersionOf } from '../data-version.js';
import { VersionedCache } from '../versioned-cache.js';
import { HttpError } from '../errors.js';
import { API_TOKEN_PREFIX, sameSecret, sha256 } from './tokens.js';

export const SESSION_COOKIE = 'duban_session';

export interface SessionPolicy {
  /** A session unused for this long ends. */
  idleMs: number;
  /** A session ends this long after login, used or not. */
  maxAgeMs: number;
  /** Expiry is slid forward at most this often, so reads do not turn into writes. */
  touchEveryMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 8 * 3600_000,
  maxAgeMs: 7 * 24 * 3600_000,
  touchEveryMs: 60_000,
};

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyInstance {
    /** Every route as registered, with its access rule: the access matrix test walks this list. */
    declaredRoutes: readonly DeclaredRoute[];
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sessionExpiry(createdAt: string, nowMs: number, policy: SessionPolicy): string {
  return new Date(Math.min(nowMs + policy.idleMs, Date.parse(createdAt) + policy.maxAgeMs)).toISOString();
}

export function cookieOptions(request: FastifyRequest, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    // Secure whenever the client reached us over TLS (directly, or through a trusted proxy).
    secure: request.protocol === 'https',
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

async function callerFromBearer(store: Store, header: string): Promise<Caller> {
  const token = header.slice('bearer '.length).trim();
  const record = token.startsWith(API_TOKEN_PREFIX) ? await findActiveToken(store.db, sha256(token)) : null;
  if (!record) throw new HttpError('unauthorized', 'API 令牌无效或已吊销');
  const now = new Date();
  if (!record.lastUsedAt || now.getTime() - Date.parse(record.lastUsedAt) > 60_000)
    await markTokenUsed(store.db, record.id, now.toISOString());
  return {
    kind: 'token',
    userId: null,
    tokenId: record.id,
    name: record.name,
    role: record.role,
    unitId: record.unitId,
    leaderId: record.leaderId,
    sessionHash: null,
  };
}

type SessionCache = VersionedCache<SessionRecord>;

/** The session behind a cookie; for reads from `cache` when the data has not changed since. */
async function lookUpSession(
  store: Store,
  request: FastifyRequest,
  idHash: string,
  cache: SessionCache | null,
): Promise<SessionRecord | null> {
  if (!cache || UNSAFE.has(request.method)) return findSession(store.db, idHash);
  const version = await dataVersionOf(request, store);
  const known = cache.get(idHash, version);
  if (known) return known;
  const session = await findSession(store.db, idHash);
  // Unknown cookies are not remembered: a stream of made-up ones must not fill the cache.
  if (session) cache.set(idHash, version, session);
  return session;
}

async function callerFromCookie(
  store: Store,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  policy: SessionPolicy,
  cache: SessionCache | null,
): Promise<Caller | null> {
  const idHash = sha256(token);
  const session = await lookUpSession(store, request, idHash, cache);
  const nowMs = Date.now();
  if (!session || session.user.disabled || Date.parse(session.expiresAt) <= nowMs) {
    if (session) await deleteSession(store.db, idHash);
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
    return null;
  }
  if (UNSAFE.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
      throw new HttpError('forbidden', '缺少或错误的 CSRF 令牌（请求头 x-csrf-token）');
    }
  }
  if (nowMs - Date.parse(session.lastSeenAt) > policy.touchEveryMs) {
    await touchSession(
      store.db,
      idHash,
      new Date(nowMs).toISOString(),
      sessionExpiry(session.createdAt, nowMs, policy),
    );
  }
  const u = session.user;
  return {
    kind: 'user',
    userId: u.id,
    tokenId: null,
    name: u.username,
    role: u.role,
    unitId: u.unitId,
    leaderId: u.leaderId,
    sessionHash: idHash,
  };
}

/**
 * `cacheSessions`: keep sessions in memory between reads (validated by the data version); off, every
 * request reads its session from the database.
 */
export function installAuth(
  app: FastifyInstance,
  store: Store,
  policy: SessionPolicy,
  options: { cacheSessions: boolean },
): void {
  const cache = options.cacheSessions
    ? new VersionedCache<SessionRecord>({ maxEntries: 10_000, maxBytes: 10_000 })
    : null;
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request, reply) => {
    // No route matched: the not-found handler answers (a 404, or the web app's page).
    if (!request.routeOptions.url) return;
    const access = request.routeOptions.config?.access;
    if (access === 'public') return; // login, logout, health, docs, the web app's files
    const authorization = request.headers.authorization;
    if (authorization && /^bearer /i.test(authorization)) {
      request.caller = await callerFromBearer(store, authorization);
    } else {
      const token = request.cookies[SESSION_COOKIE];
      request.caller = token ? await callerFromCookie(store, request, reply, token, policy, cache) : null;
    }
    if (!request.caller) throw new HttpError('unauthorized', '请先登录');
    // A route that declares nothing is nobody's (the start-up check makes this unreachable in practice).
    if (access === undefined || !roleAllowed(access, request.caller.role))
      throw new HttpError('forbidden', '当前角色无权访问此功能');
  });
}

/**
 * Marks every route registered inside `scope` as public: for the plugins that serve the web app's
 * files and the API documentation, whose routes we do not write ourselves.
 */
export function markRoutesPublic(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, access: 'public' };
  });
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

/**
 * Collects every route as it is registered and refuses to start (at `ready`) when one has no
 * `config.access`: the rule is checked where routes are made, not remembered by each handler.
 */
export function assertEveryRouteDeclaresAccess(app: FastifyInstance): void {
  // The route options themselves are kept: hooks of inner scopes may still set `config` after ours.
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);
  app.addHook('onReady', async () => {
    for (const r of routes)
      for (const method of [r.method].flat()) declared.push({ method, url: r.url, access: r.config?.access });
    const missing = routes.filter((r) => r.config?.access === undefined);
    if (missing.length)
      throw new Error(`routes without config.access: ${missing.map((r) => `${r.method} ${r.url}`).join(', ')}`);
  });
}

/** The caller of a route that is not public (the hook has already refused anonymous requests). */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new HttpError('unauthorized', '请先登录');
  return request.caller;
}
