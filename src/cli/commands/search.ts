// `duban search "…"`: Chinese full-text search over targets and report texts, best first, with
// the hits marked (bold on a terminal, 【…】 otherwise).
import type { Command } from 'commander';
import { openStore, storeConfigFromEnv } from '../../store/db.js';
import { findPeriod } from '../../store/periods.js';
import { findPlanByTitle, getPlan, listPlans } from '../../store/plans.js';
import { searchTasks, type Highlight } from '../../store/search.js';
import { exitWithError, useColour } from '../io.js';

export function register(program: Command): void {
  program
    .command('search')
    .description('search task targets and progress reports')
    .argument('<query>', 'words to find, e.g. 医药 or "光伏 装机"')
    .option('--plan <title|id>', 'only this plan (title or id; default: the only plan, or all)')
    .option('--period <label>', 'only this period, e.g. 2023Q4')
    .option('--limit <n>', 'how many hits to show', '20')
    .option('--json', 'print the hits as JSON')
    .option('--db <file>', 'SQLite database file (default ./duban.db, or DUBAN_DB)')
    .action(
      async (query: string, opts: { plan?: string; period?: string; limit: string; json?: boolean; db?: string }) => {
        if (!query.trim()) exitWithError('the search query is empty');
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 200)
          exitWithError('--limit must be a whole number from 1 to 200');
        const store = await openStore(storeConfigFromEnv(opts));
        try {
          let planId: number | undefined;
          if (opts.plan) {
            const plan = /^\d+$/.test(opts.plan)
              ? await getPlan(store.db, Number(opts.plan))
              : await findPlanByTitle(store.db, opts.plan);
            if (!plan) exitWithError(`no plan "${opts.plan}" in the database`);
            planId = plan.id;
          } else {
            const plans = await listPlans(store.db);
            if (plans.length === 1) planId = plans[0].id;
          }
          let periodId: number | undefined;
          if (opts.period) {
            if (planId == null) exitWithError('--period needs --plan when the database holds several plans');
            const period = await findPeriod(store.db, planId, opts.period);
            if (!period) exitWithError(`no period "${opts.period}" in this plan`);
            periodId = period.id;
          }
          const res = await searchTasks(store.db, { q: query, planId, periodId, pageSize: limit });
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(res, null, 2)}\n`);
            return;
          }
          if (res.total === 0) {
            process.stdout.write(`没有找到“${query}”。\n`);
            return;
          }
          const out = [
            `找到 ${res.total} 条${res.total > res.items.length ? `，显示前 ${res.items.length} 条` : ''}：`,
          ];
          for (const hit of res.items) {
            out.push(`\n序号 ${hit.seq}${hit.periodLabel ? `  ${hit.periodLabel}` : ''}`);
            for (const h of hit.highlights) out.push(`  ${h.field === 'target' ? '目标' : '进展'}：${render(h)}`);
          }
          process.stdout.write(`${out.join('\n')}\n`);
        } finally {
          await store.close();
        }
      },
    );
}

function render(h: Highlight): string {
  const colour = useColour();
  return h.parts.map((p) => (p.hit ? (colour ? `\x1b[1;33m${p.text}\x1b[0m` : `【${p.text}】`) : p.text)).join('');
}
