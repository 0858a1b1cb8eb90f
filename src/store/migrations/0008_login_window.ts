// Login back-off counts the failures of the last window (15 minutes by default) instead of every
// failure ever: `window_started_at` is when the current count began. Old counters start afresh.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('login_attempts').addColumn('window_started_at', 'text').execute();
  await db.deleteFrom('login_attempts' as never).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('login_attempts').dropColumn('window_started_at').execute();
}
