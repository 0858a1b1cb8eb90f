// Which duban account an identity of the identity platform logs in as:
//  1. the account it was linked to at an earlier login;
//  2. else the account whose user name is the identity's user-name claim (then linked, so a later
//     rename on either side does not matter);
//  3. else, when configured, a new read-only viewer account;
//  4. else nobody: the office has not opened an account for this person.
// A disabled account is refused whichever way it was found.
import { randomBytes } from 'node:crypto';
import type { Store } from '../../store/db.js';
import { linkIdentity, linkedUserId } from '../../store/identities.js';
import { createUser, findUserForLogin, getUser } from '../../store/users.js';
import type { IdentityClaims, OidcOptions } from './oidc.js';

export type IdentityOutcome =
  { ok: true; userId: number; created: boolean } | { ok: false; code: 'sso_unknown' | 'sso_disabled' };

export async function accountOfIdentity(
  store: Store,
  identity: IdentityClaims,
  options: Pick<OidcOptions, 'createRole'>,
): Promise<IdentityOutcome> {
  const now = new Date().toISOString();
  const linked = await linkedUserId(store.db, identity.issuer, identity.subject);
  if (linked !== null) {
    const user = await getUser(store.db, linked);
    if (!user) return { ok: false, code: 'sso_unknown' };
    return user.disabled ? { ok: false, code: 'sso_disabled' } : { ok: true, userId: user.id, created: false };
  }
  const byName = identity.username ? await findUserForLogin(store.db, identity.username) : null;
  if (byName) {
    if (byName.disabled) return { ok: false, code: 'sso_disabled' };
    await linkIdentity(store.db, { issuer: identity.issuer, subject: identity.subject, userId: byName.id }, now);
    return { ok: true, userId: byName.id, created: false };
  }
  if (!options.createRole) return { ok: false, code: 'sso_unknown' };
  const created = await createUser(
    store.db,
    { id: null, name: `sso:${identity.issuer}` },
    {
      username: identity.username ?? `sso-${identity.subject}`.slice(0, 64),
      displayName: identity.displayName ?? undefined,
      role: options.createRole,
      // Not a scrypt hash: no password ever matches it; the account logs in through the platform only.
      passwordHash: `sso-only$${randomBytes(16).toString('hex')}`,
    },
  );
  await linkIdentity(store.db, { issuer: identity.issuer, subject: identity.subject, userId: created.id }, now);
  return { ok: true, userId: created.id, created: true };
}
