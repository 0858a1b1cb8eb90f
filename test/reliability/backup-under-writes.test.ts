// Backups taken while reports are being saved. SQLite: `backupStore` (what `duban backup` runs) in
// this process while a child process saves as fast as it can; PostgreSQL: `pg_dump` of the store's
// schema during the same burst, restored into a scratch database. Each copy must pass the integrity
// check, open as a duban store after `restoreStore`, and hold a committed state: every report's
// row at the latest of its versions, versions without gaps, one audit entry per save.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { backupStore, inspectBackup, restoreStore } from '../../src/store/backup.js';
import { openStore, type Store } from '../../src/store/db.js';
import { PG_URL, freshStore, postgresReachable } from '../helpers/stores.js';
import { childScript, runChild } from './helpers/child.js';
import { importSeed, reportsOf } from './helpers/seed-store.js';

const PG_OK = await postgresReachable();
// Async, so that the child's acknowledgements keep being read while the dump runs.
const run = promisify(execFile);
const figures: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'duban-backup-'));
afterAll(() => {
  console.log(`backup while writing:\n${figures.join('\n')}`);
  rmSync(dir, { recursive: true, force: true });
});

/** The invariants of a committed state, checked on a copy. Returns the number of burst saves it holds. */
async function expectCommittedState(store: Store, ids: number[], startVersion: Map<number, number>): Promise<number> {
  const rows = await store.db.selectFrom('reports').select(['id', 'version', 'text']).where('id', 'in', ids).execute();
  const versions = await store.db
    .selectFrom('report_versions')
    .select(['report_id', 'version', 'text'])
    .where('report_id', 'in', ids)
    .execute();
  let saves = 0;
  for (const r of rows) {
    const own = versions
      .filter((v) => v.report_id === r.id && v.version > startVersion.get(r.id)!)
      .sort((a, b) => a.version - b.version);
    expect(own.map((v) => v.version)).toEqual(
      Array.from({ length: r.version - startVersion.get(r.id)! }, (_, i) => startVersion.get(r.id)! + i + 1),
    );
    if (own.length) expect(r.text).toBe(own.at(-1)!.text);
    saves += own.length;
  }
  const audits = await store.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'report.save')
    .where('actor_name', '=', 'crash-test')
    .executeTakeFirstOrThrow();
  expect(Number(audits.n)).toBe(saves);
  return saves;
}

async function startBurst(config: object, ids: number[]) {
  const child = runChild(childScript('save-burst.ts'), [JSON.stringify(config), JSON.stringify(ids), '4']);
  await child.waitFor((l) => l === 'ready');
  await child.waitFor(() => child.lines.length > 30); // well under way
  return child;
}

describe('backup while writing [sqlite]', () => {
  it('takes three online backups during a burst of saves in another process, each consistent and restorable', async () => {
    const fresh = await freshStore('sqlite');
    try {
      const reports = (await reportsOf(fresh.store, (await importSeed(fresh.store)).periodId)).slice(0, 30);
      const ids = reports.map((r) => r.id);
      const startVersion = new Map(reports.map((r) => [r.id, r.version]));
      const child = await startBurst(fresh.fixture.config, ids);
      const held: number[] = [];
      for (let i = 0; i < 3; i++) {
        const file = join(dir, `backup-${i}.db`);
        await backupStore(fresh.store, file);
        const acksAtEnd = child.lines.filter((l) => l.startsWith('ack ')).length;
        const info = inspectBackup(file); // quick_check inside
        expect(info.pending).toEqual([]);
        const raw = new Database(file, { readonly: true });
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        raw.close();
        // Restored in place of a database, it opens as a duban store and holds a committed state.
        const target = join(dir, `restored-${i}.db`);
        restoreStore(file, target);
        const restored = await openStore({ file: target });
        const n = await expectCommittedState(restored, ids, startVersion);
        await restored.close();
        held.push(n);
        expect(n).toBeLessThanOrEqual(acksAtEnd + 4); // a copy cannot hold saves from its future (4 writers may be mid-ack)
        expect(n).toBeGreaterThan(0);
      }
      child.proc.kill('SIGKILL');
      await child.exited;
      const acked = child.lines.filter((l) => l.startsWith('ack ')).length;
      figures.push(
        `  sqlite: 3 online backups during a burst of ${acked} acknowledged saves; the copies hold ${held.join(', ')} saves, each integrity_check ok, restorable, consistent`,
      );
    } finally {
      await fresh.dispose();
    }
  }, 90_000);
});

describe.skipIf(!PG_OK)('backup while writing [postgres]', () => {
  it('dumps the schema with pg_dump during a burst of saves; the restored copy is consistent', async () => {
    const fresh = await freshStore('postgres');
    const scratch = `duban_restore_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      const schema = fresh.fixture.config.schema!;
      const reports = (await reportsOf(fresh.store, (await importSeed(fresh.store)).periodId)).slice(0, 30);
      const ids = reports.map((r) => r.id);
      const startVersion = new Map(reports.map((r) => [r.id, r.version]));
      const child = await startBurst(fresh.fixture.config, ids);
      const dump = join(dir, 'pg.sql');
      await run('pg_dump', ['--dbname', PG_URL, '--schema', schema, '--no-owner', '--file', dump]);
      const acksAtEnd = child.lines.filter((l) => l.startsWith('ack ')).length;
      child.proc.kill('SIGKILL');
      await child.exited;
      await admin.query(`create database ${scratch}`);
      const scratchUrl = PG_URL.replace(/\/[^/]*$/, `/${scratch}`);
      await run('psql', ['--dbname', scratchUrl, '--quiet', '--set', 'ON_ERROR_STOP=1', '--file', dump]);
      const restored = await openStore({ url: scratchUrl, schema });
      try {
        const n = await expectCommittedState(restored, ids, startVersion);
        expect(n).toBeGreaterThan(0);
        expect(n).toBeLessThanOrEqual(acksAtEnd + 4);
        figures.push(
          `  postgres: pg_dump during a burst (${acksAtEnd} saves acknowledged by the end of the dump); the restored copy holds ${n} saves, consistent, opens as a duban store`,
        );
      } finally {
        await restored.close();
      }
    } finally {
      await admin.query(`drop database if exists ${scratch} with (force)`).catch(() => {});
      await admin.end();
      await fresh.dispose();
    }
  }, 90_000);
});
