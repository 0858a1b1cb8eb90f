// `duban parse FILE [--json] [--sheet NAME] [--max-bytes N] [--columns ROLES]`: reads a progress table and prints
// its tasks. The file is read here (I/O at the edge); the bytes go to the pure parser.
import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import type { ParsedTable, ParsedTask } from '../../domain/index.js';
import { DEFAULT_MAX_BYTES, parseTable } from '../../parse/index.js';
import { exitWithError } from '../io.js';

export interface ParseCommandOptions {
  json?: boolean;
  sheet?: string;
  maxBytes?: string;
  columns?: string;
}

/** Help text of `--columns`, shared by parse, assess and import. */
export const COLUMNS_HELP =
  'roles of the columns when the guess is wrong: by position ("序号,目标,单位,进展") or by header ("项目名称=目标,落实情况=进展")';

/** The size limit: `--max-bytes`, else `DUBAN_MAX_UPLOAD_MB`, else 50 MB. */
export function maxBytesFrom(option: string | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (option !== undefined) {
    const n = Number(option);
    if (!Number.isFinite(n) || n <= 0) exitWithError(`--max-bytes must be a positive number, not "${option}"`);
    return n;
  }
  const mb = env.DUBAN_MAX_UPLOAD_MB;
  if (mb !== undefined && mb !== '') {
    const n = Number(mb);
    if (!Number.isFinite(n) || n <= 0) exitWithError(`DUBAN_MAX_UPLOAD_MB must be a positive number, not "${mb}"`);
    return n * 1024 * 1024;
  }
  return DEFAULT_MAX_BYTES;
}

/** The JSON object for one task: the optional columns only where the table has them. */
export function taskJson(task: ParsedTask, table: ParsedTable): Record<string, unknown> {
  const out: Record<string, unknown> = {
    seq: task.seq,
    theme: task.theme,
    category: task.category,
    target: task.target,
    leaders: task.leaders,
    units: task.units,
    progress: task.progress,
  };
  if (task.progress_parts) out.progress_parts = task.progress_parts;
  if (table.columns.includes('co_units')) out.co_units = task.co_units ?? [];
  if (table.columns.includes('deadline')) out.deadline = task.deadline ?? null;
  if (table.columns.includes('notes')) out.notes = task.notes ?? null;
  out.warnings = task.warnings.map((w) =>
    w.field ? { code: w.code, message: w.message, field: w.field } : { code: w.code, message: w.message },
  );
  return out;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function printSummary(file: string, table: ParsedTable): void {
  const lines: string[] = [];
  lines.push(`${table.title ?? file}`);
  lines.push(`format ${table.format}, period ${table.period ?? 'unknown'}, ${table.tasks.length} tasks`);
  let theme: string | null | undefined;
  let category: string | null | undefined;
  for (const t of table.tasks) {
    if (t.theme !== theme) {
      theme = t.theme;
      category = undefined;
      lines.push('', `■ ${theme ?? '(no theme)'}`);
    }
    if (t.category !== category) {
      category = t.category;
      if (category) lines.push(`  ▸ ${category}`);
    }
    const who = [t.leaders.join('、'), t.units.join('、')].filter(Boolean).join(' / ');
    const mark = t.warnings.length ? ' ⚠' : '';
    lines.push(`  ${String(t.seq).padStart(3)}. ${clip(t.target.replace(/\s+/g, ' '), 48)}  [${who}]${mark}`);
    if (t.progress) lines.push(`       ${clip(t.progress.replace(/\s+/g, ' '), 60)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

export async function runParse(file: string, opts: ParseCommandOptions): Promise<void> {
  const maxBytes = maxBytesFrom(opts.maxBytes);
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) exitWithError(`${file} is not a file`);
    size = st.size;
  } catch {
    exitWithError(`cannot read ${file}: no such file`);
  }
  if (size > maxBytes) {
    exitWithError(
      `${file}: the file is ${(size / 1024 / 1024).toFixed(1)} MB, over the limit of ${(maxBytes / 1024 / 1024).toFixed(1)} MB`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (err) {
    exitWithError(`cannot read ${file}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const result = await parseTable(bytes, { fileName: file, sheet: opts.sheet, maxBytes, columns: opts.columns });
  if (!result.ok) exitWithError(`${file}: ${result.error.message}`);
  const table = result.value;
  if (opts.json)
    process.stdout.write(
      `${JSON.stringify(
        table.tasks.map((t) => taskJson(t, table)),
        null,
        2,
      )}\n`,
    );
  else printSummary(file, table);
  const taskWarnings = table.tasks.reduce((n, t) => n + t.warnings.length, 0);
  const flagged = table.tasks.filter((t) => t.warnings.length > 0).length;
  process.stderr.write(
    `${table.tasks.length} tasks; ${taskWarnings} warnings on ${flagged} tasks, ${table.warnings.length} table warnings\n`,
  );
  for (const w of table.warnings) process.stderr.write(`  ${w.code}: ${w.message}\n`);
}

export function register(program: Command): void {
  program
    .command('parse')
    .description('read a progress table (text/TSV/CSV, a saved web page, .xlsx, .xls, .docx, .doc) and print its tasks')
    .argument('<file>', 'the table file; its format is recognised by content')
    .option('--json', 'print one JSON array of tasks on stdout, nothing else')
    .option(
      '--sheet <name>',
      'worksheet of an .xlsx or .xls to read (default: the first with tasks; "*": every sheet with tasks, as one table)',
    )
    .option('--max-bytes <n>', 'largest file accepted, in bytes (default: DUBAN_MAX_UPLOAD_MB or 50 MB)')
    .option('--columns <roles>', COLUMNS_HELP)
    .action((file: string, opts: ParseCommandOptions) => runParse(file, opts));
}
