// `duban user add|passwd|list` against a fresh SQLite file, run as a separate process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { verifyPassword } from '../../src/server/auth/password.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const duban = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    input,
    encoding: 'utf8',
    cwd: join(MAIN, '../../..'),
  });

describe('duban user', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'duban-cli-')), 'cli.db');

  // Each run starts a TypeScript process: allow for a busy machine.
  it('adds an admin with the password from stdin, lists it, changes the password', { timeout: 180_000 }, async () => {
    const add = duban(
      ['user', 'add', 'zhangsan', '--role', 'admin', '--password-stdin', '--db', db],
      'first-password\n',
    );
    expect(add.stderr).toBe('');
    expect(add.stdout).toContain('created zhangsan (admin)');
    expect(duban(['user', 'list', '--db', db]).stdout).toContain('zhangsan\tadmin');
    const passwd = duban(['user', 'passwd', 'zhangsan', '--password-stdin', '--db', db], 'second-password\n');
    expect(passwd.status).toBe(0);
    const store = await openStore({ file: db });
    const row = await store.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'zhangsan')
      .executeTakeFirstOrThrow();
    await store.close();
    expect(await verifyPassword('second-password', row.password_hash)).toBe(true);
    expect(await verifyPassword('first-password', row.password_hash)).toBe(false);
  });

  it('refuses bad input with one line on stderr and exit code 2', { timeout: 180_000 }, () => {
    const short = duban(['user', 'add', 'lisi', '--role', 'viewer', '--password-stdin', '--db', db], 'short\n');
    expect(short.status).toBe(2);
    expect(short.stderr.trim().split('\n')).toHaveLength(1);
    const role = duban(['user', 'add', 'lisi', '--role', 'king', '--password-stdin', '--db', db], 'long-enough-1\n');
    expect(role.status).toBe(2);
    expect(role.stderr).toMatch(/unknown role/);
    const unit = duban(
      ['user', 'add', 'lisi', '--role', 'unit', '--unit', '不存在的局', '--password-stdin', '--db', db],
      'long-enough-1\n',
    );
    expect(unit.status).toBe(2);
    expect(unit.stderr).toMatch(/no unit named/);
    const dup = duban(
      ['user', 'add', 'zhangsan', '--role', 'viewer', '--password-stdin', '--db', db],
      'long-enough-1\n',
    );
    expect(dup.status).toBe(2);
    expect(dup.stderr).not.toMatch(/at .*\.ts/);
  });
});
