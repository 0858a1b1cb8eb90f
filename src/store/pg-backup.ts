// Backing up and restoring a PostgreSQL store with the server's own tools: pg_dump in its custom
// format, pg_restore to put it back (openGauss ships them as gs_dump/gs_restore, KingbaseES as
// sys_dump/sys_restore; DUBAN_PG_DUMP and DUBAN_PG_RESTORE name them). The password goes to the tool
// in its environment, never on its command line, where any user of the machine could read it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { DubanError } from '../domain/index.js';

const run = promisify(execFile);

export interface PgTools {
  dump: string;
  restore: string;
}

export const DEFAULT_PG_TOOLS: PgTools = { dump: 'pg_dump', restore: 'pg_restore' };

/** The tool's connection: the URL without its password, and the password as PGPASSWORD. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv, what: string): Promise<string> {
  try {
    const { stdout } = await run(tool, args, { env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT')
      throw new DubanError(
        'bad_input',
        `${tool} is not installed; install Debian's postgresql-client (apt-get install postgresql-client), or name the tool with DUBAN_PG_DUMP / DUBAN_PG_RESTORE`,
      );
    const reason = (e.stderr ?? e.message).trim().split('\n')[0];
    throw new DubanError('db_unavailable', `${what} failed: ${reason}`);
  }
}

/** Writes a custom-format dump of the store (one schema when `schema` is given) to `file`. */
export async function dumpPostgres(url: string, file: string, options: { schema?: string; tools?: PgTools } = {}) {
  if (existsSync(file)) throw new DubanError('conflict', `${file} already exists; choose a new file name`);
  const { dbname, env } = connection(url);
  const tools = options.tools ?? DEFAULT_PG_TOOLS;
  await runTool(
    tools.dump,
    [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      ...(options.schema ? ['--schema', options.schema] : []),
      '--file',
      file,
      '--dbname',
      dbname,
    ],
    env,
    'pg_dump',
  );
}

/**
 * Puts a dump back: first proves it is a duban dump (its table of contents has the migration
 * table), then replaces the objects it holds in one transaction, so a failure leaves the database as
 * it was. Stop the servers first.
 */
export async function restorePostgres(url: string, file: string, options: { tools?: PgTools } = {}): Promise<void> {
  if (!existsSync(file)) throw new DubanError('not_found', `${file} does not exist`);
  const { dbname, env } = connection(url);
  const tools = options.tools ?? DEFAULT_PG_TOOLS;
  const contents = await runTool(tools.restore, ['--list', file], env, 'reading the dump');
  if (!/TABLE [^\n]*kysely_migration\b/.test(contents))
    throw new DubanError('db_incompatible', `${file} is not a duban database dump`);
  await runTool(
    tools.restore,
    ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--dbname', dbname, file],
    env,
    'pg_restore',
  );
}
