// Whether the database's schema is the one this version of duban expects: the migrations it has
// applied (Kysely's kysely_migration table) against the list this version knows. One small query,
// cheap enough for a readiness probe every few seconds.
import { sql } from 'kysely';
import type { Store } from '../../store/db.js';
import { MIGRATIONS } from '../../store/migrations/index.js';

export interface SchemaState {
  /** Migrations this version knows that the database has not applied. */
  pending: string[];
  /** Migrations the database has applied that this version does not know (a newer duban wrote it). */
  unknown: string[];
}

export async function schemaState(store: Store): Promise<SchemaState> {
  let applied: string[];
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(store.db);
    applied = rows.map((r) => r.name);
  } catch (err) {
    // No migration table at all: nothing applied yet. Any other failure is the database's.
    if (!/kysely_migration/.test((err as Error).message)) throw err;
    applied = [];
  }
  const known = Object.keys(MIGRATIONS);
  return { pending: known.filter((n) => !applied.includes(n)), unknown: applied.filter((n) => !known.includes(n)) };
}
