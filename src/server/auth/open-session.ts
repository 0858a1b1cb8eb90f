// Starting a session once someone has proved who they are (a password, or the identity platform):
// a new random cookie token (only its hash is stored) and a CSRF token for unsafe requests.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../../store/db.js';
import { createSession } from '../../store/sessions.js';
import { SESSION_COOKIE, cookieOptions, sessionExpiry, type SessionPolicy } from './plugin.js';
import { newSecret, sha256 } from './tokens.js';

/** Creates the session, sets its cookie on `reply` and returns the CSRF token the client must send. */
export async function openSession(
  store: Store,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: number,
  policy: SessionPolicy,
): Promise<string> {
  const token = newSecret();
  const csrfToken = newSecret();
  const nowMs = Date.now();
  const now = new Date(nowMs).toISOString();
  await createSession(store.db, {
    idHash: sha256(token),
    userId,
    csrfToken,
    now,
    expiresAt: sessionExpiry(now, nowMs, policy),
  });
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(request));
  return csrfToken;
}
