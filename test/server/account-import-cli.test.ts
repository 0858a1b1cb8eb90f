// `duban user import FILE` against a fresh SQLite file, run as a separate process: the new accounts
// and their passwords as a sheet, each refused row on stderr with its reason, a dry run storing nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/server/auth/password.js';
import { openStore } from '../../src/store/db.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const duban = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { encoding: 'utf8', cwd: join(MAIN, '../../..') });

describe('duban user import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-cli-import-'));
  const db = join(dir, 'cli.db');
  const table = join(dir, '账号.csv');
  writeFileSync(table, '用户名,姓名,角色,单位\nrd01,人大联络员,查看,\nkz01,张伟,科长,\nrd01,李敏,查看,\n');

  it('prints nothing but verdicts on a dry run, then opens the accounts', { timeout: 180_000 }, async () => {
    const dry = duban(['user', 'import', table, '--dry-run', '--db', db]);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toBe('');
    expect(dry.stderr).toContain('第 2 行\trd01\t新建');
    expect(dry.stderr).toContain('第 3 行\tkz01\t错误\t无法识别的角色「科长」');
    expect(dry.stderr).toContain('第 4 行\trd01\t错误\t用户名与第 2 行重复');

    const sheet = join(dir, 'passwords.csv');
    const run = duban(['user', 'import', table, '-o', sheet, '--db', db]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`created 1 accounts; passwords in ${sheet}`);
    expect(statSync(sheet).mode & 0o077).toBe(0);
    const [header, line] = readFileSync(sheet, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(header).toBe('用户名,姓名,角色,单位/领导,初始密码');
    const [username, name, role, , password] = line.split(',');
    expect([username, name, role]).toEqual(['rd01', '人大联络员', 'viewer']);
    const store = await openStore({ file: db });
    const row = await store.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'rd01')
      .executeTakeFirstOrThrow();
    await store.close();
    expect(await verifyPassword(password, row.password_hash)).toBe(true);
  });

  it('refuses a file it cannot read with one line and exit code 2', { timeout: 180_000 }, () => {
    writeFileSync(join(dir, 'names.txt'), '单位\t姓名\n区建设局\t李敏\n');
    const res = duban(['user', 'import', join(dir, 'names.txt'), '--db', db]);
    expect(res.status).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain('没有找到表头');
  });
});
