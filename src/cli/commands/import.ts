// `duban import FILE`: reads a progress table and stores its plan, tasks, period and assessed
// reports in one transaction; a progress bar on a terminal, a summary at the end.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { parseTable } from '../../parse/index.js';
import { SYSTEM_ACTOR } from '../../store/audit.js';
import { openStore, storeConfigFromEnv } from '../../store/db.js';
import { importParsedTable, type ImportSummary } from '../../store/import.js';
import { exitWithError } from '../io.js';
import { COLUMNS_HELP } from './parse.js';

interface ImportOptions {
  plan?: string;
  period?: string;
  db?: string;
  columns?: string;
  sheet?: string;
}

export function register(program: Command): void {
  program
    .command('import')
    .description(
      'import a progress table (.txt/.tsv/.csv, a saved web page, .xlsx, .xls, .docx, .doc) into the database',
    )
    .argument('<file>', 'the table')
    .option('--plan <title>', 'plan title (default: the table title without its period words)')
    .option('--period <label>', 'reporting period, e.g. 2023Q4 or 2024-03 (default: from the title)')
    .option('--db <file>', 'SQLite database file (default ./duban.db, or DUBAN_DB; DATABASE_URL for PostgreSQL)')
    .option('--columns <roles>', COLUMNS_HELP)
    .option(
      '--sheet <name>',
      'worksheet of an .xlsx or .xls to read (default: the first with tasks; "*": every sheet with tasks, as one table)',
    )
    .action(async (file: string, opts: ImportOptions) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (err) {
        exitWithError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      const parsed = await parseTable(bytes, { fileName: basename(file), columns: opts.columns, sheet: opts.sheet });
      if (!parsed.ok) exitWithError(`${file}: ${parsed.error.message} (nothing was imported)`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const store = await openStore(storeConfigFromEnv(opts));
      const bar = process.stderr.isTTY
        ? new SingleBar(
            { stream: process.stderr, format: '导入 [{bar}] {value}/{total} 项任务', hideCursor: true },
            Presets.shades_classic,
          )
        : null;
      try {
        bar?.start(parsed.value.tasks.length, 0);
        const summary = await importParsedTable(store, SYSTEM_ACTOR, {
          table: parsed.value,
          planTitle: opts.plan,
          period: opts.period,
          fileName: basename(file),
          sha256,
          onProgress: (done) => bar?.update(done),
        });
        bar?.stop();
        process.stdout.write(formatSummary(summary));
      } catch (err) {
        bar?.stop();
        throw err;
      } finally {
        await store.close();
      }
    });
}

function formatSummary(s: ImportSummary): string {
  const lines = [
    `计划：${s.planTitle}${s.planCreated ? '（新建）' : ''}`,
    `报告期：${s.periodLabel}${s.periodCreated ? '（新建）' : ''}`,
  ];
  if (s.nothingChanged) {
    lines.push(`数据库中已有完全相同的内容，未做任何修改（${s.unchanged} 项任务）。`);
  } else {
    lines.push(`任务：新增 ${s.created}，更新 ${s.updated}，未变 ${s.unchanged}`);
    lines.push(
      `报告：新增 ${s.reports.created}，更新 ${s.reports.updated}，未变 ${s.reports.unchanged}` +
        (s.reports.keptNewer ? `，保留系统中较新的 ${s.reports.keptNewer} 份` : ''),
    );
    if (s.unitsCreated || s.leadersCreated)
      lines.push(`新增单位 ${s.unitsCreated} 个，新增领导 ${s.leadersCreated} 人`);
  }
  if (s.renumbered) lines.push('表中序号有重复（各部分重新编号），任务已按表中顺序编为 1—N 号');
  for (const c of s.targetChanges) lines.push(`目标任务有变化：序号 ${c.seq}\n  原：${c.before}\n  新：${c.after}`);
  if (s.missing.length) lines.push(`本表未列出的已有任务：序号 ${s.missing.join('、')}`);
  return `${lines.join('\n')}\n`;
}
