// What `duban serve` says on a database nobody can log in to administer yet: there is no sign-up
// page (accounts are made by an admin), so the first admin account is made on the command line.
import type { Store } from '../store/db.js';

/** The command that creates the first admin account (the password is read from stdin, never argv). */
export const FIRST_ADMIN_COMMAND = 'duban user add NAME --role admin --password-stdin';

/** Lines telling how to create the first admin when the database has no enabled admin; null otherwise. */
export async function firstAdminHint(store: Store, dbFlag = ''): Promise<string | null> {
  const admin = await store.db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .limit(1)
    .executeTakeFirst();
  if (admin) return null;
  return [
    'this database has no admin account yet, so nobody can log in to manage it; create the first one with',
    `  ${FIRST_ADMIN_COMMAND}${dbFlag}`,
    '(it asks for the password on stdin), then log in with it on the web page.',
  ].join('\n');
}
