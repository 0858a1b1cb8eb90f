// /api/auth/methods and the single sign-on round trip: /api/auth/oidc/start sends the browser to the
// identity platform, /api/auth/oidc/callback takes it back, opens a session and returns to the page
// the person came from. Failures go back to the login page with a code it explains in Chinese.
import type { FastifyInstance } from 'fastify';
import * as Auth from '../../../domain/api/auth.js';
import type { Store } from '../../../store/db.js';
import { savePendingLogin, takePendingLogin } from '../../../store/identities.js';
import { accountOfIdentity } from '../../auth/account-of-identity.js';
import type { OidcClient } from '../../auth/oidc.js';
import { openSession } from '../../auth/open-session.js';
import type { SessionPolicy } from '../../auth/plugin.js';
import { HttpError } from '../../errors.js';
import { typed } from '../common.js';

export interface SignInOptions {
  /** Local user names and passwords (default on). */
  passwordLogin: boolean;
  /** The identity platform, when single sign-on is configured. */
  oidc: OidcClient | null;
  session: SessionPolicy;
}

/** Only a path of this site: never `//other.example` or `https://…` (an open redirect). */
export function localPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 500 ? value : '/';
}

const loginPageWith = (code: string) => `/login?sso_error=${encodeURIComponent(code)}`;

export function signInRoutes(store: Store, options: SignInOptions) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const publicRoute = { access: 'public' } as const;

    app.get('/auth/methods', { config: publicRoute, schema: Auth.methods }, async () => ({
      password: options.passwordLogin,
      sso: options.oidc
        ? { label: options.oidc.options.label ?? '统一身份认证登录', start: '/api/auth/oidc/start' }
        : null,
    }));

    app.get('/auth/oidc/start', { config: publicRoute, schema: Auth.oidcStart }, async (request, reply) => {
      if (!options.oidc) throw new HttpError('not_found', '未配置统一身份认证');
      let started;
      try {
        started = await options.oidc.authorizationRequest();
      } catch (error) {
        request.log.warn({ err: error }, 'identity platform unreachable');
        return reply.redirect(loginPageWith('sso_unavailable'));
      }
      await savePendingLogin(store.db, { ...started, returnTo: localPath(request.query.returnTo) }, Date.now());
      return reply.redirect(started.url);
    });

    app.get('/auth/oidc/callback', { config: publicRoute, schema: Auth.oidcCallback }, async (request, reply) => {
      const oidc = options.oidc;
      if (!oidc) throw new HttpError('not_found', '未配置统一身份认证');
      const query = new URL(request.url, 'http://callback').searchParams;
      const pending = await takePendingLogin(store.db, query.get('state') ?? '', Date.now());
      if (!pending) return reply.redirect(loginPageWith('sso_expired'));
      // The URL the platform sent the browser to: the registered one (not our Host header) + its query.
      const callbackUrl = new URL(oidc.options.redirectUri);
      callbackUrl.search = query.toString();
      let outcome;
      try {
        const identity = await oidc.redeem(callbackUrl, pending);
        outcome = await accountOfIdentity(store, identity, oidc.options);
      } catch (error) {
        request.log.warn({ err: error }, 'single sign-on failed');
        return reply.redirect(loginPageWith('sso_failed'));
      }
      if (!outcome.ok) return reply.redirect(loginPageWith(outcome.code));
      await openSession(store, request, reply, outcome.userId, options.session);
      return reply.redirect(pending.returnTo);
    });
  };
}
