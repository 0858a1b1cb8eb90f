// `duban diff --plan … --from 2023Q3 --to 2023Q4 [--json]`: tasks whose status moved between two
// periods, grouped by direction (done > on_track > pending > behind > no_report; see export/diff.ts).
import type { Command } from 'commander';
import { STATUS_LABEL_ZH } from '../../domain/index.js';
import type { StatusMove } from '../../export/diff.js';
import type { LoadedDiff } from '../../export/load.js';
import { valueOrExit, withStore } from './export.js';

const clip = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function formatDiff(d: LoadedDiff): string {
  const lines = [
    `${d.plan.title}  ${d.from} → ${d.to}`,
    `好转 ${d.up.length}，后退 ${d.down.length}，不变 ${d.same}，新增 ${d.new.length}${d.gone.length ? `，移除 ${d.gone.length}` : ''}`,
  ];
  const block = (
    title: string,
    moves: Array<Pick<StatusMove, 'seq' | 'target'> & { from: StatusMove['from']; to: StatusMove['to'] | null }>,
  ) => {
    if (moves.length === 0) return;
    lines.push('', `${title} (${moves.length})`);
    for (const m of moves) {
      lines.push(
        `  ${String(m.seq).padStart(3)}  ${m.from ? STATUS_LABEL_ZH[m.from] : '—'} → ${m.to ? STATUS_LABEL_ZH[m.to] : '—'}  ${clip(m.target)}`,
      );
    }
  };
  block('↓ 后退', d.down);
  block('↑ 好转', d.up);
  block('+ 新增', d.new);
  block('- 移除', d.gone);
  return lines.join('\n') + '\n';
}

export function register(program: Command): void {
  program
    .command('diff')
    .description('compare two periods of a plan: tasks whose status moved, grouped by direction')
    .requiredOption('--plan <plan>', 'plan id or exact title')
    .requiredOption('--from <label>', 'earlier period, e.g. 2023Q3')
    .requiredOption('--to <label>', 'later period, e.g. 2023Q4')
    .option('--json', 'print {plan, from, to, up, down, same, new, gone} as JSON')
    .option('--db <file>', 'SQLite database file (default ./duban.db, or DATABASE_URL)')
    .action(async (o: { plan: string; from: string; to: string; json?: boolean; db?: string }) => {
      const { loadDiff } = await import('../../export/load.js');
      const diff = await withStore(o.db, async (store) =>
        valueOrExit(await loadDiff(store.db, { plan: o.plan, from: o.from, to: o.to })),
      );
      process.stdout.write(o.json ? `${JSON.stringify(diff, null, 2)}\n` : formatDiff(diff));
    });
}
