// The data version on PostgreSQL without snapshots: a one-row counter that every committing
// transaction that wrote anything bumps once, at commit time. It replaces pg_current_snapshot()
// (PostgreSQL 13+), which older PostgreSQL, openGauss and KingbaseES lack.
//
// Why at commit: the bump is a deferred constraint trigger (`deferrable initially deferred`), so it
// runs as the transaction commits, after all its other statements. The counter row's lock is thus
// the last lock any writer takes and is held only for the commit itself: two writers cannot deadlock
// over it, and a reader sees the new number exactly when it can see the new data (same commit).
// Within one transaction only the first of its row changes bumps (`tx` remembers the transaction).
// The triggers are attached to every table by the dialect after each migration run
// (postgres.ts, afterMigrate), so tables added by later migrations are covered without a word.
// SQLite needs none of this (its data_version pragma), so there it does nothing.
import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/types.js';

export async function up(db: Kysely<unknown>, d: StoreDialect): Promise<void> {
  if (d.name !== 'postgres') return;
  await sql`create table data_version (id integer primary key, n bigint not null, tx bigint)`.execute(db);
  await sql`insert into data_version (id, n, tx) values (1, 0, null)`.execute(db);
  await sql
    .raw(
      `create function duban_bump_data_version() returns trigger language plpgsql as $$
      begin
        update data_version set n = n + 1, tx = txid_current() where id = 1 and tx is distinct from txid_current();
        return null;
      end $$`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>, d: StoreDialect): Promise<void> {
  if (d.name !== 'postgres') return;
  await sql`drop function if exists duban_bump_data_version() cascade`.execute(db);
  await sql`drop table if exists data_version`.execute(db);
}
