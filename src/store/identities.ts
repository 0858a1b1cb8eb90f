// Single sign-on records: the logins under way (one row per authorisation request, used once and
// for ten minutes at most) and the identity-platform identities linked to duban accounts.
import type { Kysely } from 'kysely';
import type { DB } from './schema.js';
import { inTransaction } from './transaction.js';

export interface PendingLogin {
  state: string;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
}

/** How long a started login may take before its state is refused. */
export const PENDING_LOGIN_MS = 10 * 60_000;

export async function savePendingLogin(db: Kysely<DB>, login: PendingLogin, nowMs: number): Promise<void> {
  const created = new Date(nowMs).toISOString();
  await inTransaction(db, async (trx) => {
    // Old, abandoned logins go as new ones come: the table stays small without a timer.
    const stale = new Date(nowMs - PENDING_LOGIN_MS).toISOString();
    await trx.deleteFrom('oidc_pending').where('created_at', '<', stale).execute();
    await trx
      .insertInto('oidc_pending')
      .values({
        state: login.state,
        code_verifier: login.codeVerifier,
        nonce: login.nonce,
        return_to: login.returnTo,
        created_at: created,
      })
      .execute();
  });
}

/** Takes the login started with `state` (once: a replayed callback finds nothing), if still fresh. */
export async function takePendingLogin(db: Kysely<DB>, state: string, nowMs: number): Promise<PendingLogin | null> {
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('oidc_pending').selectAll().where('state', '=', state).executeTakeFirst();
    if (!row) return null;
    await trx.deleteFrom('oidc_pending').where('state', '=', state).execute();
    if (Date.parse(row.created_at) < nowMs - PENDING_LOGIN_MS) return null;
    return { state: row.state, codeVerifier: row.code_verifier, nonce: row.nonce, returnTo: row.return_to };
  });
}

/** The duban account an identity was linked to, if any. */
export async function linkedUserId(db: Kysely<DB>, issuer: string, subject: string): Promise<number | null> {
  const row = await db
    .selectFrom('user_identities')
    .select('user_id')
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

export async function linkIdentity(
  db: Kysely<DB>,
  identity: { issuer: string; subject: string; userId: number },
  now: string,
): Promise<void> {
  await db
    .insertInto('user_identities')
    .values({ issuer: identity.issuer, subject: identity.subject, user_id: identity.userId, created_at: now })
    .onConflict((oc) => oc.columns(['issuer', 'subject']).doNothing())
    .execute();
}
