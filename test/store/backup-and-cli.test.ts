import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/store/audit.js';
import { backupStore, inspectBackup, restoreStore } from '../../src/store/backup.js';
import { openStore } from '../../src/store/db.js';
import { importParsedTable } from '../../src/store/import.js';
import { listPlans } from '../../src/store/plans.js';
import { smallTable } from '../fixtures/store/small-plan.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const tmp = () => mkdtempSync(join(tmpdir(), 'duban-cli-'));

/** Runs the real CLI (through tsx) and returns its exit code and output. */
async function duban(args: string[], env: Record<string, string> = {}, cwd = tmp()) {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.DUBAN_DB;
  try {
    const r = await run(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/cli/main.ts'), ...args], {
      cwd,
      env: { ...base, ...env },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('backup and restore (SQLite)', () => {
  it('round-trips a database and keeps the replaced one as .bak', async () => {
    const dir = tmp();
    const file = join(dir, 'duban.db');
    const store = await openStore({ file });
    await importParsedTable(store, SYSTEM_ACTOR, { table: smallTable(), fileName: 'q1.txt', sha256: 'a' });
    await backupStore(store, join(dir, 'copy.db'));
    await expect(backupStore(store, join(dir, 'copy.db'))).rejects.toMatchObject({ code: 'conflict' });
    // A change after the backup, which the restore must undo.
    await store.db.deleteFrom('plans').execute();
    await store.close();
    expect(inspectBackup(join(dir, 'copy.db')).pending).toEqual([]);

    const result = restoreStore(join(dir, 'copy.db'), file);
    expect(result.previous).toBe(`${file}.bak`);
    const restored = await openStore({ file });
    expect((await listPlans(restored.db)).map((p) => p.taskCount)).toEqual([5]);
    await restored.close();
    const old = new Database(`${file}.bak`, { readonly: true });
    expect(old.prepare('select count(*) as n from plans').get()).toEqual({ n: 0 });
    old.close();
  });

  it('refuses to restore a file that is not a duban database, or is newer', async () => {
    const dir = tmp();
    const foreign = join(dir, 'other.db');
    const other = new Database(foreign);
    other.exec('create table customers (id integer primary key, name text)');
    other.close();
    expect(() => restoreStore(foreign, join(dir, 'duban.db'))).toThrow(/not a duban database/);
    writeFileSync(join(dir, 'text.db'), '序号\t具体目标任务\n'.repeat(200));
    expect(() => restoreStore(join(dir, 'text.db'), join(dir, 'duban.db'))).toThrow(
      /not a SQLite database|cannot be opened/,
    );
    const newer = join(dir, 'newer.db');
    (await openStore({ file: newer })).close();
    const raw = new Database(newer);
    raw
      .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
      .run('9999_future', new Date().toISOString());
    raw.close();
    expect(() => restoreStore(newer, join(dir, 'duban.db'))).toThrow(/newer duban/);
    expect(existsSync(join(dir, 'duban.db'))).toBe(false);
  });
});

describe('the store commands', () => {
  const seed = join(root, 'test/fixtures/qiantang-2023-q4.txt');

  it('imports, re-imports without change, searches, backs up and restores', async () => {
    const cwd = tmp();
    const first = await duban(['import', seed], {}, cwd);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('任务：新增 136');
    const again = await duban(['import', seed], {}, cwd);
    expect(again.stdout).toContain('未做任何修改');
    const found = await duban(['search', '光伏', '--json'], {}, cwd);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout).total).toBeGreaterThan(0);
    expect((await duban(['backup', 'copy.db'], {}, cwd)).code).toBe(0);
    const restored = await duban(['restore', 'copy.db'], {}, cwd);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('duban.db.bak');
    expect((await duban(['migrate'], {}, cwd)).stdout).toContain('up to date');
  }, 180_000);

  it('exits with 2 and one line for a broken file, storing nothing', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'notes.txt'), '会议纪要\n今天讨论了三件事。\n');
    const r = await duban(['import', 'notes.txt'], {}, cwd);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(cwd, 'duban.db'))).toBe(false);
  });

  it('imports the worksheet named with --sheet, and refuses one the workbook does not have', async () => {
    const cwd = tmp();
    const book = new ExcelJS.Workbook();
    for (const [name, done] of [
      ['二季度', '已新增学位3200个。'],
      ['三季度', '已新增学位4100个。'],
    ]) {
      const ws = book.addWorksheet(name);
      ws.addRow(['序号', '目标任务', '责任单位', '进展情况']);
      ws.addRow(['1', '新增学位5000个', '区教育局', done]);
    }
    writeFileSync(join(cwd, 'quarters.xlsx'), Buffer.from(await book.xlsx.writeBuffer()));
    const missing = await duban(['import', 'quarters.xlsx', '--sheet', '四季度', '--period', '2024Q4'], {}, cwd);
    expect([missing.code, missing.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(missing.stderr).toContain('no sheet named "四季度"');
    expect(existsSync(join(cwd, 'duban.db'))).toBe(false);
    const third = await duban(
      ['import', 'quarters.xlsx', '--sheet', '三季度', '--period', '2024Q3', '--plan', '2024年民生实事'],
      {},
      cwd,
    );
    expect(third.code).toBe(0);
    const found = await duban(['search', '4100', '--json'], {}, cwd);
    expect(JSON.parse(found.stdout).total).toBe(1);
  }, 120_000);

  it('exits with 2 and one line for a foreign database, a newer schema and an unreachable PostgreSQL', async () => {
    const cwd = tmp();
    const foreign = new Database(join(cwd, 'other.db'));
    foreign.exec('create table customers (id integer primary key)');
    foreign.close();
    const a = await duban(['import', seed, '--db', 'other.db'], {}, cwd);
    expect([a.code, a.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(a.stderr).toMatch(/not a duban database/);

    (await openStore({ file: join(cwd, 'newer.db') })).close();
    const raw = new Database(join(cwd, 'newer.db'));
    raw
      .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
      .run('9999_future', new Date().toISOString());
    raw.close();
    const b = await duban(['migrate', '--db', 'newer.db'], {}, cwd);
    expect([b.code, b.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(b.stderr).toMatch(/newer/);

    const c = await duban(['search', '医药'], { DATABASE_URL: 'postgres://127.0.0.1:1/x' }, cwd);
    expect([c.code, c.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(c.stderr).toMatch(/PostgreSQL is not reachable/);
    const d = await duban(['backup', 'x.db'], { DATABASE_URL: 'postgres://127.0.0.1:1/x' }, cwd);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/pg_dump/);
  }, 180_000);
});
