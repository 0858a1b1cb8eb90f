import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { describeEachStore } from '../helpers/stores.js';

describeEachStore('migrations', (ctx) => {
  it('creates every table and records the migration', async () => {
    const names = (await ctx.store.db.introspection.getTables()).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['tasks', 'reports', 'report_versions', 'audit_log', 'sessions']));
  });

  it('is a no-op when opened again', async () => {
    const again = await ctx.fixture.reopen();
    const rows = await again.db.selectFrom('units').selectAll().execute();
    expect(rows).toEqual([]);
  });
});

describe('opening a database that is not ours', () => {
  it('refuses a SQLite file written by another program', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'duban-foreign-')), 'other.db');
    const other = new Database(file);
    other.exec('create table customers (id integer primary key, name text)');
    other.close();
    await expect(openStore({ file })).rejects.toMatchObject({ code: 'db_incompatible' });
  });

  it('refuses a database migrated by a newer duban', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'duban-newer-')), 'newer.db');
    const store = await openStore({ file });
    await store.close();
    const raw = new Database(file);
    raw
      .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
      .run('9999_future', new Date().toISOString());
    raw.close();
    await expect(openStore({ file })).rejects.toMatchObject({ code: 'db_incompatible' });
  });
});
