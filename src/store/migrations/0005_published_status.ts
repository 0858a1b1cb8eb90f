// reports.status becomes the status the office publishes (src/store/reports.ts PUBLISHED_STATES):
// a report counts on dashboards, lists, exports and scores once it is submitted or approved; a
// draft or returned report counts as `no_report` (未提交). Data only, no schema change: the
// tallies' triggers (0003) follow the updated rows in both databases.
//  - Reports an import wrote from a published table (version 1 with text: every save after an
//    import makes version 2 or more) are that table's closed record and become approved.
//  - Every report not handed in then publishes `no_report`.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update reports set state = 'approved' where state = 'draft' and version = 1 and text <> ''`.execute(db);
  await sql`update reports set status = 'no_report' where state not in ('submitted', 'approved') and status <> 'no_report'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Back to "status is the effective status whatever the state" (the imported records stay approved).
  await sql`update reports set status = coalesce(override_status, machine_status)`.execute(db);
}
