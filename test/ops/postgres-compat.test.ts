// The store keeps to the SQL that PostgreSQL 12, openGauss and KingbaseES share (docs/store.md lists
// each feature and its oldest version). Checked three ways on the machine's PostgreSQL: the store's
// source, every statement it actually sends while migrating and serving, and the objects it leaves
// in the database. Also the data version that replaced pg_current_snapshot(): it moves exactly when
// a write commits, from any connection.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DATA_VERSION_TRIGGER } from '../../src/store/dialect/postgres.js';
import type { Store } from '../../src/store/db.js';
import { freshStore, postgresReachable, type StoreFixture } from '../helpers/stores.js';
import { login, seed, testApp, type Seed } from '../server/helpers.js';

/** Features newer than PostgreSQL 12 or missing from openGauss/KingbaseES, with what to use instead. */
const NEWER_FEATURES: [RegExp, string][] = [
  [/pg_current_snapshot|pg_snapshot_x|pg_visible_in_snapshot/i, 'pg_snapshot functions: PostgreSQL 13'],
  [/pg_current_xact_id|pg_xact_status/i, 'pg_current_xact_id: PostgreSQL 13 (txid_current works everywhere)'],
  [
    /execute\s+function/i,
    'EXECUTE FUNCTION in CREATE TRIGGER: PostgreSQL 11, not openGauss/KingbaseES (EXECUTE PROCEDURE)',
  ],
  [/create\s+or\s+replace\s+trigger/i, 'CREATE OR REPLACE TRIGGER: PostgreSQL 14'],
  [/\bmerge\s+into\b/i, 'MERGE: PostgreSQL 15'],
  [/nulls\s+(not\s+)?distinct/i, 'NULLS NOT DISTINCT: PostgreSQL 15'],
  [/\bany_value\s*\(/i, 'any_value(): PostgreSQL 16'],
  [/\bjson_table\s*\(|\bjson_exists\s*\(|\bjson_query\s*\(/i, 'SQL/JSON functions: PostgreSQL 16/17'],
  [/\brange_agg\s*\(|multirange/i, 'multiranges: PostgreSQL 14'],
  [/gen_random_uuid\s*\(/i, 'gen_random_uuid() in core: PostgreSQL 13'],
  [
    /generated\s+always\s+as\s+identity|generated\s+by\s+default\s+as\s+identity/i,
    'identity columns: not in openGauss (serial instead)',
  ],
  [/\bsearch\s+(depth|breadth)\s+first\b/i, 'SEARCH clause of recursive queries: PostgreSQL 14'],
];

const newerFeaturesIn = (text: string) => NEWER_FEATURES.filter(([re]) => re.test(text)).map(([, why]) => why);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The code without its comments (which may name the features they avoid). */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('store SQL source', () => {
  const root = new URL('../../src/store', import.meta.url).pathname;
  it('uses no feature newer than PostgreSQL 12 or missing from openGauss and KingbaseES', () => {
    const found = sourceFiles(root).flatMap((file) =>
      newerFeaturesIn(withoutComments(readFileSync(file, 'utf8'))).map(
        (why) => `${file.slice(root.length + 1)}: ${why}`,
      ),
    );
    expect(found).toEqual([]);
  });

  it('the check finds the features it looks for', () => {
    expect(newerFeaturesIn('select pg_current_snapshot()::text as v')).toHaveLength(1);
    expect(newerFeaturesIn('create trigger t after insert on x for each row execute function f()')).toHaveLength(1);
    expect(newerFeaturesIn('create trigger t after insert on x for each row execute procedure f()')).toEqual([]);
    expect(withoutComments("const u = 'postgres://x'; // pg_current_snapshot")).toBe("const u = 'postgres://x'; ");
  });
});

const PG_OK = await postgresReachable();

describe.skipIf(!PG_OK)('store SQL on PostgreSQL', () => {
  const sent: string[] = [];
  const query = pg.Client.prototype.query;
  let store: Store;
  let fixture: StoreFixture;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let s: Seed;

  beforeAll(async () => {
    // Every statement any pool client sends, from the first migration on.
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      sent.push(typeof first === 'string' ? first : (first?.text ?? ''));
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    ({ store, fixture, dispose } = await freshStore('postgres'));
    s = await seed(store);
    app = await testApp(store);
    const admin = await login(app, 'admin');
    const unit = await login(app, 'fagai');
    const report = await unit.request({ url: `/api/reports/${s.reports.gdpQ4}` });
    await unit.request({
      method: 'PUT',
      url: `/api/reports/${s.reports.gdpQ4}`,
      payload: { text: '一季度地区生产总值增长5.2%，完成年度目标的26%。', version: report.json().version },
    });
    for (const url of [
      `/api/dashboard?planId=${s.planId}&periodId=${s.periods.q4}`,
      `/api/dashboard/trend?planId=${s.planId}`,
      `/api/tasks?planId=${s.planId}`,
      `/api/search?q=${encodeURIComponent('生产总值')}&planId=${s.planId}`,
      '/api/audit',
      '/readyz',
    ])
      await admin.request({ url });
  });
  afterAll(async () => {
    pg.Client.prototype.query = query;
    await app?.close();
    await dispose?.();
  });

  it('sends no statement that needs a newer PostgreSQL, while migrating or serving', () => {
    expect(sent.length).toBeGreaterThan(100);
    expect(sent.some((text) => /create constraint trigger/i.test(text))).toBe(true);
    const found = [
      ...new Set(sent.flatMap((text) => newerFeaturesIn(text).map((why) => `${why}: ${text.slice(0, 120)}`))),
    ];
    expect(found).toEqual([]);
  });

  it('leaves functions in the database that use none either', async () => {
    const { rows } = await sql<{ name: string; body: string }>`
      select p.proname as name, p.prosrc as body from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = current_schema()`.execute(store.db);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((r) => newerFeaturesIn(r.body).length).map((r) => r.name)).toEqual([]);
  });

  it('every table has the data-version trigger, deferred to commit', async () => {
    const { rows } = await sql<{ name: string; deferred: boolean | null }>`
      select t.table_name as name, g.tginitdeferred as deferred
      from information_schema.tables t
      left join pg_class c on c.relname = t.table_name and c.relnamespace = (select oid from pg_namespace where nspname = current_schema())
      left join pg_trigger g on g.tgrelid = c.oid and g.tgname = ${DATA_VERSION_TRIGGER}
      where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
        and t.table_name not in ('data_version', 'kysely_migration', 'kysely_migration_lock')`.execute(store.db);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.deferred !== true).map((r) => r.name)).toEqual([]);
  });

  it('the data version moves when a write commits, not before, and not for a rollback', async () => {
    const version = () => store.dialect.dataVersion(store.db);
    const other = await fixture.reopen();
    try {
      const start = await version();
      let inside = '';
      await other.db.transaction().execute(async (trx) => {
        await trx.insertInto('units').values({ name: '区数据资源局', parent_id: null, created_at: 'x' }).execute();
        await trx.insertInto('units').values({ name: '区审计局', parent_id: null, created_at: 'x' }).execute();
        await trx.updateTable('units').set({ created_at: 'y' }).where('name', '=', '区审计局').execute();
        inside = await version(); // read from this connection while the other has not committed
      });
      expect(inside).toBe(start);
      const afterCommit = await version();
      // One bump for the whole transaction, however many rows it changed.
      expect(Number(afterCommit)).toBe(Number(start) + 1);
      await other.db
        .transaction()
        .execute(async (trx) => {
          await trx.deleteFrom('units').where('name', '=', '区审计局').execute();
          throw new Error('roll back');
        })
        .catch(() => {});
      expect(await version()).toBe(afterCommit);
      await other.db.deleteFrom('units').where('name', '=', '区数据资源局').execute();
      expect(Number(await version())).toBe(Number(afterCommit) + 1);
    } finally {
      await other.close();
    }
  });

  it('counts every one of many writers committing at once, without deadlocks', async () => {
    const writers = await Promise.all(Array.from({ length: 6 }, () => fixture.reopen()));
    try {
      const start = Number(await store.dialect.dataVersion(store.db));
      await Promise.all(
        writers.map((w, i) =>
          w.db.transaction().execute(async (trx) => {
            await trx
              .insertInto('units')
              .values({ name: `并发单位${i}`, parent_id: null, created_at: 'x' })
              .execute();
            await trx
              .insertInto('leaders')
              .values({ name: `并发领导${i}`, title: null, created_at: 'x' })
              .execute();
          }),
        ),
      );
      expect(Number(await store.dialect.dataVersion(store.db))).toBe(start + writers.length);
    } finally {
      await Promise.all(writers.map((w) => w.close()));
    }
  });
});
