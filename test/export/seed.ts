// Builds progress tables for the tests from gold files: the seed table (qiantang 2023 Q4) and
// the fixtures of test/fixtures/export. No database involved.
import { readFileSync } from 'node:fs';
import type { Status } from '../../src/domain/index.js';
import { progressTitle, type ProgressRow, type ProgressTable } from '../../src/export/model.js';

interface GoldTask {
  seq: number;
  theme: string | null;
  category: string | null;
  target: string;
  leaders: string[];
  units: string[];
  progress: string;
  status: Status;
  reason: string;
}

export function goldRows(path: string): ProgressRow[] {
  const gold = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as GoldTask[];
  return gold.map(({ seq, theme, category, target, leaders, units, progress, status, reason }) => ({
    seq,
    theme,
    category,
    target,
    leaders,
    units,
    progress,
    status,
    reason,
  }));
}

export const SEED_PLAN = '2023年钱塘区政府工作报告重点工作任务';

export function seedTable(withStatus = false): ProgressTable {
  return {
    title: progressTitle(SEED_PLAN, '2023Q4'),
    planTitle: SEED_PLAN,
    periodLabel: '2023Q4',
    withStatus,
    rows: goldRows('../fixtures/qiantang-2023-q4.gold.json'),
  };
}
