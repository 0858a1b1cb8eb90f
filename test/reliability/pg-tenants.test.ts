// Several duban stores in one PostgreSQL database, one schema each (tenants, parallel test runs):
// each must migrate and work on its own even when another schema already holds Kysely's
// migration tables. (Kysely looks in every schema unless told which; found with a stray
// `kysely_migration_lock` left in another schema, every fresh schema then failed to migrate.)
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { PG_URL, postgresReachable } from '../helpers/stores.js';

const PG_OK = await postgresReachable();
const tag = `${process.pid}_${Date.now().toString(36)}`;
const schemas = [`tenant_a_${tag}`, `tenant_b_${tag}`, `stray_${tag}`];

describe.skipIf(!PG_OK)('stores in separate schemas of one PostgreSQL database', () => {
  afterAll(async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    for (const s of schemas) await c.query(`drop schema if exists ${s} cascade`);
    await c.end();
  });

  it('migrates each schema on its own, whatever other schemas hold', async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    for (const s of schemas) await c.query(`create schema ${s}`);
    // A stray, half-made migration table elsewhere in the database.
    await c.query(`create table ${schemas[2]}.kysely_migration_lock (id varchar(255) primary key, is_locked integer)`);
    await c.end();
    for (const schema of schemas.slice(0, 2)) {
      const store = await openStore({ url: PG_URL, schema });
      await store.db
        .insertInto('units')
        .values({ name: `${schema} 的单位`, parent_id: null, created_at: new Date().toISOString() })
        .execute();
      const units = await store.db.selectFrom('units').select('name').execute();
      expect(units.map((u) => u.name)).toEqual([`${schema} 的单位`]);
      await store.close();
    }
  });
});
