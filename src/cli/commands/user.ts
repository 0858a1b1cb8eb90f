// `duban user add|passwd|unlock|list|import`: accounts from the command line (the first admin, password
// resets, a table of accounts).
// Passwords come from a hidden prompt or, for scripts, one line on stdin (--password-stdin).
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { accountRowsOf, readAccountTable } from '../../parse/account-table.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../../server/auth/password.js';
import { importAccounts, previewAccountImport } from '../../store/account-import.js';
import { SYSTEM_ACTOR } from '../../store/audit.js';
import { openStore, storeConfigFromEnv, type Store } from '../../store/db.js';
import {
  createUser,
  findLeaderByName,
  findUnitByName,
  findUserForLogin,
  listUsers,
  ROLES,
  unlockUser,
  updateUser,
  type Role,
} from '../../store/users.js';
import { exitWithError } from '../io.js';

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** A prompt that does not echo what is typed. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    if (!stdin.isTTY) return reject(new Error('no terminal to prompt on; use --password-stdin'));
    process.stderr.write(question);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (ch: string) => {
      for (const c of ch) {
        if (c === '\r' || c === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          return resolve(value);
        }
        if (c === '\u0003') {
          stdin.setRawMode(false);
          process.stderr.write('\n');
          process.exit(130);
        }
        if (c === '\u007f' || c === '\b') value = value.slice(0, -1);
        else value += c;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(fromStdin: boolean | undefined): Promise<string> {
  let password: string;
  if (fromStdin) password = await readStdinLine();
  else {
    try {
      password = await promptHidden('Password: ');
      const again = await promptHidden('Repeat password: ');
      if (again !== password) exitWithError('the passwords do not match');
    } catch (err) {
      exitWithError((err as Error).message);
    }
  }
  if (password.length < MIN_PASSWORD_LENGTH)
    exitWithError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  return password;
}

async function withStore<T>(flags: { db?: string }, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeConfigFromEnv(flags));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export function register(program: Command): void {
  const user = program.command('user').description('manage accounts (admin, unit, leader, viewer)');
  const dbOption = [
    '--db <file>',
    'SQLite database file (default ./duban.db, or DUBAN_DB; DATABASE_URL for PostgreSQL)',
  ] as const;

  user
    .command('add')
    .description('create an account')
    .argument('<name>', 'user name (login)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--unit <unit>', 'the unit a unit account reports for (name as in the tables, e.g. 区发展改革局)')
    .option('--leader <leader>', 'the leader a leader account belongs to (e.g. 陶峰)')
    .option('--display-name <name>', 'name shown in the app')
    .option('--password-stdin', 'read the password from the first line of stdin')
    .option(...dbOption)
    .action(
      async (
        name: string,
        opts: {
          role: string;
          unit?: string;
          leader?: string;
          displayName?: string;
          passwordStdin?: boolean;
          db?: string;
        },
      ) => {
        if (!(ROLES as readonly string[]).includes(opts.role))
          exitWithError(`unknown role "${opts.role}" (${ROLES.join(', ')})`);
        const role = opts.role as Role;
        if (role === 'unit' && !opts.unit) exitWithError('a unit account needs --unit NAME');
        if (role === 'leader' && !opts.leader) exitWithError('a leader account needs --leader NAME');
        const password = await readPassword(opts.passwordStdin);
        await withStore(opts, async (store) => {
          const unit = opts.unit ? await findUnitByName(store.db, opts.unit) : null;
          if (opts.unit && !unit)
            exitWithError(`no unit named "${opts.unit}" (import a table first, or check the name)`);
          const leader = opts.leader ? await findLeaderByName(store.db, opts.leader) : null;
          if (opts.leader && !leader) exitWithError(`no leader named "${opts.leader}"`);
          const created = await createUser(store.db, SYSTEM_ACTOR, {
            username: name,
            displayName: opts.displayName,
            role,
            unitId: unit?.id ?? null,
            leaderId: leader?.id ?? null,
            passwordHash: await hashPassword(password),
          });
          process.stdout.write(
            `created ${created.username} (${created.role}${created.unit ? `, ${created.unit.name}` : ''}${created.leader ? `, ${created.leader.name}` : ''})\n`,
          );
        });
      },
    );

  user
    .command('passwd')
    .description("set an account's password (ends its sessions)")
    .argument('<name>', 'user name')
    .option('--password-stdin', 'read the password from the first line of stdin')
    .option(...dbOption)
    .action(async (name: string, opts: { passwordStdin?: boolean; db?: string }) => {
      await withStore(opts, async (store) => {
        const found = await findUserForLogin(store.db, name);
        if (!found) exitWithError(`no user named "${name}"`);
        const password = await readPassword(opts.passwordStdin);
        await updateUser(store.db, SYSTEM_ACTOR, found.id, { passwordHash: await hashPassword(password) });
        process.stdout.write(`password of ${found.username} changed\n`);
      });
    });

  user
    .command('unlock')
    .description('let an account log in again at once after too many wrong passwords')
    .argument('<name>', 'user name')
    .option(...dbOption)
    .action(async (name: string, opts: { db?: string }) => {
      await withStore(opts, async (store) => {
        const found = await findUserForLogin(store.db, name);
        if (!found) exitWithError(`no user named "${name}"`);
        const lifted = await unlockUser(store.db, SYSTEM_ACTOR, found.id);
        process.stdout.write(lifted ? `${found.username} unlocked\n` : `${found.username} was not locked\n`);
      });
    });

  user
    .command('import')
    .description(
      'open the accounts of a table (.xlsx, .xls, .csv, .txt: 用户名, 姓名, 角色, 单位, 领导) with generated passwords',
    )
    .argument('<file>', 'the table of accounts')
    .option('--sheet <name>', 'worksheet of an .xlsx or .xls (default: the first)')
    .option('--dry-run', 'only say what each row would become')
    .option('-o, --output <file>', 'write the new accounts and their passwords to this .csv instead of stdout')
    .option(...dbOption)
    .action(async (file: string, opts: { sheet?: string; dryRun?: boolean; output?: string; db?: string }) => {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch {
        exitWithError(`cannot read ${file}`);
      }
      const rows = accountRowsOf(bytes, { sheet: opts.sheet });
      if (!rows.ok) exitWithError(rows.message);
      const table = readAccountTable(rows.rows);
      if (!table.ok) exitWithError(table.message);
      await withStore(opts, async (store) => {
        const verdict = { create: '新建', exists: '已存在', error: '错误' } as const;
        const result = opts.dryRun
          ? { created: [], skipped: (await previewAccountImport(store.db, table.records)).rows }
          : await importAccounts(store.db, SYSTEM_ACTOR, table.records, hashPassword);
        for (const row of result.skipped.length || opts.dryRun ? result.skipped : [])
          process.stderr.write(
            `第 ${row.line} 行\t${row.username}\t${verdict[row.result]}${row.reason ? `\t${row.reason}` : ''}\n`,
          );
        if (opts.dryRun) return;
        const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
        const sheet = [
          ['用户名', '姓名', '角色', '单位/领导', '初始密码'],
          ...result.created.map((c) => [
            c.username,
            c.displayName,
            c.role ?? '',
            c.unit?.name ?? c.leader?.name ?? '',
            c.password,
          ]),
        ]
          .map((line) => line.map(quote).join(','))
          .join('\n');
        if (opts.output) {
          writeFileSync(opts.output, `\ufeff${sheet}\n`, { mode: 0o600 });
          process.stderr.write(`created ${result.created.length} accounts; passwords in ${opts.output}\n`);
        } else {
          process.stdout.write(`${sheet}\n`);
          process.stderr.write(`created ${result.created.length} accounts, skipped ${result.skipped.length}\n`);
        }
      });
    });

  user
    .command('list')
    .description('list accounts')
    .option('--json', 'JSON output')
    .option(...dbOption)
    .action(async (opts: { json?: boolean; db?: string }) => {
      await withStore(opts, async (store) => {
        const users = await listUsers(store.db);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
          return;
        }
        for (const u of users) {
          const scope = u.unit?.name ?? u.leader?.name ?? '';
          process.stdout.write(
            `${u.username}\t${u.role}\t${scope}\t${u.disabled ? 'disabled' : ''}\n`.replace(/\t+\n$/, '\n'),
          );
        }
      });
    });
}
