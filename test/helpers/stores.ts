// One test suite, every database (Kysely's test-setup pattern): `describeEachStore` runs a block
// against a fresh SQLite file and a fresh PostgreSQL schema, and drops both afterwards.
// PostgreSQL is at 127.0.0.1:5432 (trust auth, database `test`) unless DUBAN_TEST_PG says otherwise.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openStore, type Store } from '../../src/store/db.js';

export const PG_URL = process.env.DUBAN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgReachable: Promise<boolean> | undefined;
export function postgresReachable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return pgReachable;
}

export interface StoreFixture {
  name: 'sqlite' | 'postgres';
  /** Opens another handle on the same database (a second server process, a restart). */
  reopen(): Promise<Store>;
  config: { file?: string; url?: string; schema?: string };
}

/** Creates a fresh, migrated database of the given kind; returns it and a disposer. */
export async function freshStore(
  name: 'sqlite' | 'postgres',
): Promise<{ store: Store; fixture: StoreFixture; dispose(): Promise<void> }> {
  if (name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'duban-test-'));
    const config = { file: join(dir, 'test.db') };
    const store = await openStore(config);
    const opened: Store[] = [store];
    return {
      store,
      fixture: {
        name,
        config,
        reopen: async () => {
          const s = await openStore(config);
          opened.push(s);
          return s;
        },
      },
      dispose: async () => {
        for (const s of opened) await s.close().catch(() => {});
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const config = { url: PG_URL, schema };
  const store = await openStore(config);
  const opened: Store[] = [store];
  return {
    store,
    fixture: {
      name,
      config,
      reopen: async () => {
        const s = await openStore(config);
        opened.push(s);
        return s;
      },
    },
    dispose: async () => {
      for (const s of opened) await s.close().catch(() => {});
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

/**
 * `describeEachStore('reports', (ctx) => { it(…, async () => { ctx.store.db … }) })`.
 * In CI (CI=true) an unreachable PostgreSQL fails the run with a clear message; elsewhere the
 * PostgreSQL half is skipped with a visible notice.
 */
export function describeEachStore(title: string, body: (ctx: { store: Store; fixture: StoreFixture }) => void): void {
  for (const name of ['sqlite', 'postgres'] as const) {
    const skip = name === 'postgres' && !PG_OK;
    if (skip) console.warn(`NOTICE: PostgreSQL not reachable at ${PG_URL}; skipping "${title} [postgres]"`);
    describe.skipIf(skip)(`${title} [${name}]`, () => {
      const ctx = {} as { store: Store; fixture: StoreFixture; dispose?: () => Promise<void> };
      beforeAll(async () => {
        const fresh = await freshStore(name);
        ctx.store = fresh.store;
        ctx.fixture = fresh.fixture;
        ctx.dispose = fresh.dispose;
      });
      afterAll(async () => {
        await ctx.dispose?.();
      });
      body(ctx);
    });
  }
}

// Resolved once per test file, at import: decides whether the PostgreSQL half runs.
const PG_OK = await postgresReachable();
if (!PG_OK && process.env.CI) {
  throw new Error(`PostgreSQL is not reachable at ${PG_URL}: the store and API suites need it in CI`);
}
