// Runs work in one transaction, joining the caller's transaction when there already is one, so
// that store functions compose (an import calls openPeriod, saveReport… inside its own transaction).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

export async function inTransaction<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute((trx: Transaction<DB>) => work(trx));
}

/** Splits a list into chunks, for multi-row inserts that stay under the drivers' parameter limits. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
