// Evidence uploaded with an API token records that token: tokens have no user, so before this a
// token upload had no uploader at all and "uploaded by me" compared null with null, letting any
// unit token delete any other token's files. A plain nullable column; both databases add it alike.
import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/types.js';

export async function up(db: Kysely<unknown>, d: StoreDialect): Promise<void> {
  await db.schema
    .alterTable('attachments')
    .addColumn('uploaded_by_token', 'integer', d.references('api_tokens', 'set null'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('attachments').dropColumn('uploaded_by_token').execute();
}
