// `duban assess FILE [--json] [--period 2023Q4] [--sheet NAME] [--columns ROLES]`: parses a progress table like
// `duban parse` and assesses every task (indicators, status, reason). The period comes from the
// table's title unless --period gives it; it drives the time-proportional rule (序时进度).
import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { assessTask } from '../../assess/index.js';
import { parsePeriod, STATUSES, STATUS_LABEL_ZH, type Period, type Status } from '../../domain/index.js';
import { parseTable } from '../../parse/index.js';
import { exitWithError, useColour } from '../io.js';
import { COLUMNS_HELP, maxBytesFrom, taskJson } from './parse.js';

interface AssessOptions {
  json?: boolean;
  period?: string;
  sheet?: string;
  maxBytes?: string;
  columns?: string;
}

const COLOUR: Record<Status, string> = { done: '32', on_track: '36', behind: '31', pending: '33', no_report: '90' };

function readBytes(file: string, maxBytes: number): Uint8Array {
  let size = 0;
  try {
    const st = statSync(file);
    if (!st.isFile()) exitWithError(`${file} is not a file`);
    size = st.size;
  } catch {
    exitWithError(`cannot read ${file}: no such file`);
  }
  if (size > maxBytes)
    exitWithError(`${file}: the file is over the limit of ${(maxBytes / 1024 / 1024).toFixed(1)} MB`);
  try {
    return new Uint8Array(readFileSync(file));
  } catch (err) {
    exitWithError(`cannot read ${file}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
}

export async function runAssess(file: string, opts: AssessOptions): Promise<void> {
  let period: Period | null = null;
  if (opts.period !== undefined) {
    period = parsePeriod(opts.period);
    if (!period) exitWithError(`--period must look like 2023Q4, 2023-10, 2023H1 or 2023, not "${opts.period}"`);
  }
  const maxBytes = maxBytesFrom(opts.maxBytes);
  const result = await parseTable(readBytes(file, maxBytes), {
    fileName: file,
    sheet: opts.sheet,
    maxBytes,
    columns: opts.columns,
  });
  if (!result.ok) exitWithError(`${file}: ${result.error.message}`);
  const table = result.value;
  period ??= table.period ? parsePeriod(table.period) : null;
  const assessed = table.tasks.map((t) => ({
    task: t,
    a: assessTask(
      { target: t.target, deadline: t.deadline, progress: t.progress, progress_parts: t.progress_parts },
      { period },
    ),
  }));
  if (opts.json) {
    const out = assessed.map(({ task, a }) => ({
      ...taskJson(task, table),
      indicators: a.indicators,
      status: a.status,
      reason: a.reason,
    }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  const colour = useColour();
  const paint = (s: Status, text: string) => (colour ? `\x1b[${COLOUR[s]}m${text}\x1b[0m` : text);
  const lines = [
    `${table.title ?? file}`,
    `period ${period?.label ?? 'full year (none given)'}, ${assessed.length} tasks`,
    '',
  ];
  for (const s of STATUSES) {
    const n = assessed.filter((x) => x.a.status === s).length;
    lines.push(`  ${paint(s, `${STATUS_LABEL_ZH[s]} ${s}`.padEnd(20))} ${String(n).padStart(4)}`);
  }
  const behind = assessed.filter((x) => x.a.status === 'behind');
  if (behind.length) {
    lines.push('', paint('behind', `进度滞后 behind (${behind.length})`));
    for (const { task, a } of behind) {
      lines.push(`  ${String(task.seq).padStart(3)}. ${task.target.slice(0, 40)}${task.target.length > 40 ? '…' : ''}`);
      lines.push(`       ${a.reason}  [${task.units.join('、')}]`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function register(program: Command): void {
  program
    .command('assess')
    .description('read a progress table and give every task a status with a reason')
    .argument('<file>', 'the table file (text/TSV/CSV, a saved web page, .xlsx, .xls, .docx, .doc)')
    .option('--json', 'print one JSON array of assessed tasks on stdout, nothing else')
    .option(
      '--period <period>',
      'reporting period when the title has none (2023Q4, 2023-10, 2023H1, 2023); overrides the title',
    )
    .option(
      '--sheet <name>',
      'worksheet of an .xlsx or .xls to read (default: the first with tasks; "*": every sheet with tasks, as one table)',
    )
    .option('--max-bytes <n>', 'largest file accepted, in bytes')
    .option('--columns <roles>', COLUMNS_HELP)
    .action((file: string, opts: AssessOptions) => runAssess(file, opts));
}
