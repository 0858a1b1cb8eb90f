// `duban export`, `duban briefing`, `duban notice`: publish the progress table (.xlsx/.docx/.csv/.pdf),
// a leader's 领导专报 and a unit's 催办通知 from the database. Bad input — an unknown plan,
// period, unit or leader, nothing in scope, an output path that cannot be written — is one line
// on stderr and exit code 2. The writers (exceljs, docx, ECharts) load only when a command runs,
// so they do not slow down every other `duban` command.
import { accessSync, constants, existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { isStatus, STATUSES, type Result, type Status } from '../../domain/index.js';
import { PROGRESS_FORMATS, type ProgressFormat } from '../../export/model.js';
import { openStore, storeConfigFromEnv, type Store } from '../../store/db.js';
import { exitWithError } from '../io.js';

interface Common {
  plan: string;
  period: string;
  output: string;
  db?: string;
}

/** Today in the machine's time zone, `YYYY-MM-DD` (an office's "today", not UTC's). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Refuses an output path that cannot be written, before any work is done. `-` is stdout. */
export function checkOutputPath(path: string): void {
  if (path === '-') return;
  const full = resolve(path);
  if (existsSync(full)) {
    if (statSync(full).isDirectory()) exitWithError(`${path} is a directory; give a file name with -o`);
    try {
      accessSync(full, constants.W_OK);
    } catch {
      exitWithError(`cannot write ${path}: permission denied`);
    }
    return;
  }
  const dir = dirname(full);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    exitWithError(`cannot write ${path}: folder ${dirname(path)} does not exist`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    exitWithError(`cannot write ${path}: folder ${dirname(path)} is not writable`);
  }
}

export function writeOutput(path: string, bytes: Uint8Array): void {
  if (path === '-') {
    process.stdout.write(bytes);
    return;
  }
  try {
    writeFileSync(path, bytes);
  } catch (err) {
    exitWithError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  process.stderr.write(`wrote ${path} (${bytes.length} bytes)\n`);
}

/** Opens the store for reading; a SQLite file that does not exist is an error, not a new database. */
export async function openForReading(db: string | undefined): Promise<Store> {
  const config = storeConfigFromEnv({ db });
  if (config.file && config.file !== ':memory:' && !existsSync(config.file))
    exitWithError(`no database at ${config.file} (use --db FILE or DUBAN_DB)`);
  return openStore(config);
}

export async function withStore<T>(db: string | undefined, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openForReading(db);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export function valueOrExit<T>(r: Result<T>): T {
  if (!r.ok) exitWithError(r.error.message);
  return r.value;
}

/** `--status` alone adds the status column; `--status behind,pending` also keeps only those statuses. */
export function parseStatusOption(value: string | boolean | undefined): { withStatus: boolean; statuses?: Status[] } {
  if (value === undefined || value === false) return { withStatus: false };
  if (value === true) return { withStatus: true };
  const list = value.split(/[,，\s]+/).filter(Boolean);
  const bad = list.filter((s) => !isStatus(s));
  if (bad.length) exitWithError(`unknown status ${bad.join(', ')} (one or more of ${STATUSES.join(', ')})`);
  return { withStatus: true, statuses: list as Status[] };
}

function formatOf(format: string | undefined, output: string): ProgressFormat {
  const f = (format ?? extname(output).slice(1)).toLowerCase();
  if (!(PROGRESS_FORMATS as readonly string[]).includes(f)) {
    exitWithError(
      format
        ? `unknown format “${format}” (xlsx, docx, csv or pdf)`
        : 'give --format xlsx|docx|csv|pdf (or an output file ending in one of them)',
    );
  }
  return f as ProgressFormat;
}

export function register(program: Command): void {
  program
    .command('export')
    .description('write the progress table (进展情况表) of a plan and period as .xlsx, .docx, .csv or .pdf')
    .requiredOption('--plan <plan>', 'plan id or exact title')
    .requiredOption('--period <label>', 'period label, e.g. 2023Q4, 2024-03')
    .option('--format <format>', 'xlsx | docx | csv | pdf (default: from the output file name)')
    .requiredOption('-o, --output <file>', 'output file (- for stdout)')
    .option('--status [statuses]', 'add the 评估状态 column; with a list (behind,pending) keep only those statuses')
    .option('--unit <unit>', 'only tasks this unit leads or co-leads (name or id)')
    .option('--leader <leader>', 'only tasks this leader leads (name or id)')
    .option('--db <file>', 'SQLite database file (default ./duban.db, or DATABASE_URL)')
    .action(async (o: Common & { format?: string; status?: string | boolean; unit?: string; leader?: string }) => {
      const format = formatOf(o.format, o.output);
      const { withStatus, statuses } = parseStatusOption(o.status);
      checkOutputPath(o.output);
      const { exportProgressTable, loadProgressTable } = await import('../../export/index.js');
      const file = await withStore(o.db, async (store) => {
        const table = valueOrExit(
          await loadProgressTable(store.db, {
            plan: o.plan,
            period: o.period,
            withStatus,
            statuses,
            unit: o.unit,
            leader: o.leader,
            today: localToday(),
          }),
        );
        return exportProgressTable(table, format);
      });
      writeOutput(o.output, file.bytes);
    });

  program
    .command('briefing')
    .description("write a leader's briefing (领导专报) for a period as .docx")
    .requiredOption('--plan <plan>', 'plan id or exact title')
    .requiredOption('--period <label>', 'period label, e.g. 2023Q4')
    .requiredOption('--leader <leader>', 'leader name or id')
    .requiredOption('-o, --output <file>', 'output .docx file (- for stdout)')
    .option('--db <file>', 'SQLite database file (default ./duban.db, or DATABASE_URL)')
    .action(async (o: Common & { leader: string }) => {
      checkOutputPath(o.output);
      const { loadBriefing, writeBriefingDocx } = await import('../../export/index.js');
      const bytes = await withStore(o.db, async (store) => {
        const briefing = valueOrExit(
          await loadBriefing(store.db, { plan: o.plan, period: o.period, leader: o.leader, today: localToday() }),
        );
        return writeBriefingDocx(briefing);
      });
      writeOutput(o.output, bytes);
    });

  program
    .command('notice')
    .description("write a reminder notice (催办通知) listing a unit's overdue tasks as .docx")
    .requiredOption('--plan <plan>', 'plan id or exact title')
    .requiredOption('--period <label>', 'period label, e.g. 2023Q4')
    .requiredOption('--unit <unit>', 'unit name or id')
    .requiredOption('-o, --output <file>', 'output .docx file (- for stdout)')
    .option('--contact <text>', 'contact line, e.g. "区府办督查科 张三 0571-00000000"')
    .option('--db <file>', 'SQLite database file (default ./duban.db, or DATABASE_URL)')
    .action(async (o: Common & { unit: string; contact?: string }) => {
      checkOutputPath(o.output);
      const { loadNotice, writeNoticeDocx } = await import('../../export/index.js');
      const bytes = await withStore(o.db, async (store) => {
        const notice = valueOrExit(
          await loadNotice(store.db, {
            plan: o.plan,
            period: o.period,
            unit: o.unit,
            contact: o.contact,
            today: localToday(),
          }),
        );
        return writeNoticeDocx(notice);
      });
      writeOutput(o.output, bytes);
    });
}
