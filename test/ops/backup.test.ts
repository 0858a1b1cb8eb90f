// Backups on both databases: a dated backup and its retention, and the restore drill of
// docs/operations.md on PostgreSQL (dump, lose data, restore, the data is back).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { datedBackupName, pruneBackups } from '../../src/store/backup-files.js';
import { dumpPostgres, restorePostgres } from '../../src/store/pg-backup.js';
import { freshStore, postgresReachable, PG_URL } from '../helpers/stores.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const duban = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
  });

describe('dated backups', () => {
  it('names a backup by its UTC time and database kind', () => {
    const at = new Date('2026-12-06T03:15:42.123Z');
    expect(datedBackupName(at, 'postgres')).toBe('duban-20261206-031542.dump');
    expect(datedBackupName(at, 'sqlite')).toBe('duban-20261206-031542.db');
  });

  it('keeps the newest N dated backups and never touches other files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-keep-'));
    const names = ['duban-20261201-020000.db', 'duban-20261202-020000.db', 'duban-20261203-020000.dump'];
    for (const name of [...names, '重要文件.db', 'duban-manual.db']) writeFileSync(join(dir, name), 'x');
    expect(pruneBackups(dir, 2)).toEqual(['duban-20261201-020000.db']);
    expect(readdirSync(dir).sort()).toEqual(
      ['duban-20261202-020000.db', 'duban-20261203-020000.dump', 'duban-manual.db', '重要文件.db'].sort(),
    );
  });

  it(
    'duban backup without a file writes a dated SQLite backup in DUBAN_BACKUP_DIR and prunes',
    { timeout: 120_000 },
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'duban-backups-'));
      const db = join(dir, 'live.db');
      expect(duban(['migrate', '--db', db]).status).toBe(0);
      const backups = join(dir, 'backups');
      // An older dated backup that retention should remove.
      mkdirSync(backups);
      writeFileSync(join(backups, 'duban-20200101-000000.db'), 'old');
      const run = duban(['backup', '--db', db], { DUBAN_BACKUP_DIR: backups, DUBAN_BACKUP_KEEP: '1' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(
        /backed up .*live\.db to .*duban-\d{8}-\d{6}\.db; removed 1 older backup\(s\), keeping 1/,
      );
      const left = readdirSync(backups);
      expect(left).toHaveLength(1);
      expect(left[0]).toMatch(/^duban-\d{8}-\d{6}\.db$/);
      expect(left[0]).not.toBe('duban-20200101-000000.db');
    },
  );
});

const PG_OK = await postgresReachable();

describe.skipIf(!PG_OK)('PostgreSQL backup and restore drill', () => {
  it('restores the data a dump was taken of, in one transaction', { timeout: 120_000 }, async () => {
    const { store, fixture, dispose } = await freshStore('postgres');
    const file = join(mkdtempSync(join(tmpdir(), 'duban-pgdump-')), 'duban.dump');
    try {
      const now = new Date().toISOString();
      await store.db.insertInto('units').values({ name: '区审计局', parent_id: null, created_at: now }).execute();
      await dumpPostgres(PG_URL, file, { schema: fixture.config.schema });
      await expect(dumpPostgres(PG_URL, file, { schema: fixture.config.schema })).rejects.toThrow(/already exists/);

      // The accident: a unit deleted, another added.
      await store.db.deleteFrom('units').where('name', '=', '区审计局').execute();
      await store.db.insertInto('units').values({ name: '误建单位', parent_id: null, created_at: now }).execute();
      await store.close();

      await restorePostgres(PG_URL, file);
      const back = await fixture.reopen();
      const names = (await back.db.selectFrom('units').select('name').execute()).map((r) => r.name);
      expect(names).toContain('区审计局');
      expect(names).not.toContain('误建单位');
      // The store still works after the restore: its data version and triggers came back too.
      const before = await back.dialect.dataVersion(back.db);
      await back.db.insertInto('units').values({ name: '区统计局', parent_id: null, created_at: now }).execute();
      expect(await back.dialect.dataVersion(back.db)).not.toBe(before);
    } finally {
      await dispose();
    }
  });

  it('refuses a file that is not a duban dump, and says when the tool is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-pgdump-'));
    const notDump = join(dir, 'notes.dump');
    writeFileSync(notDump, '不是备份文件');
    await expect(restorePostgres(PG_URL, notDump)).rejects.toThrow(/reading the dump failed/);
    await expect(
      dumpPostgres(PG_URL, join(dir, 'x.dump'), { tools: { dump: 'no-such-pg-dump', restore: 'pg_restore' } }),
    ).rejects.toThrow(/no-such-pg-dump is not installed/);
  });

  it('duban backup and duban restore on DATABASE_URL, dated and pruned', { timeout: 180_000 }, async () => {
    const name = `duban_ops_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = PG_URL.replace(/\/[^/]*$/, `/${name}`);
    const dir = mkdtempSync(join(tmpdir(), 'duban-pgcli-'));
    const env = { DATABASE_URL: url, DUBAN_BACKUP_DIR: dir, DUBAN_BACKUP_KEEP: '1' };
    try {
      expect(duban(['migrate'], env).status).toBe(0);
      const unit = async (sql: string) => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          return (await c.query(sql)).rows;
        } finally {
          await c.end();
        }
      };
      await unit(`insert into units (name, parent_id, created_at) values ('区退役军人事务局', null, 'x')`);
      writeFileSync(join(dir, 'duban-20200101-000000.dump'), 'old');
      const backup = duban(['backup'], env);
      expect(backup.stderr).toBe('');
      expect(backup.stdout).toMatch(/backed up PostgreSQL to .*duban-\d{8}-\d{6}\.dump; removed 1 older backup/);
      const [file] = readdirSync(dir);
      await unit(`delete from units where name = '区退役军人事务局'`);
      const restore = duban(['restore', join(dir, file)], env);
      expect(restore.stderr).toBe('');
      expect(restore.stdout).toContain('restored PostgreSQL from');
      expect(await unit(`select name from units`)).toEqual([{ name: '区退役军人事务局' }]);
    } finally {
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    }
  });
});
