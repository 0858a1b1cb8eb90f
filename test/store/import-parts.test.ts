// A table that splits each report over columns (完成投资 | % | 主要形象进度) is judged the same way
// when imported as by `duban assess`: the store hands the parser's progress_parts to the assessor.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';
import { parseTable } from '../../src/parse/index.js';
import { SYSTEM_ACTOR } from '../../src/store/audit.js';
import { importParsedTable } from '../../src/store/import.js';
import { describeEachStore } from '../helpers/stores.js';

const FILE = '22-宁海县-2022-1-12月.txt';

describeEachStore('import of a report split over columns', (ctx) => {
  it('stores the assessment read from the columns, as duban assess gives it', async () => {
    const parsed = await parseTable(
      new Uint8Array(readFileSync(new URL(`../fixtures/real/${FILE}`, import.meta.url))),
      {
        fileName: FILE,
      },
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const table = parsed.value;
    expect(table.tasks.some((t) => t.progress_parts?.length)).toBe(true);
    const period = parsePeriod('2022');
    const fromColumns = table.tasks.map((t) => assessTask(t, { period }));
    const fromText = table.tasks.map((t) => assessTask({ target: t.target, progress: t.progress }, { period }));
    const byColumns = fromColumns.map((a) => a.status);
    // The column reading must differ from reading the joined text, else this table proves nothing: the
    // statuses now agree on this table, but the reasons (the actual column's dated figure) do not.
    expect(fromColumns.map((a) => a.reason)).not.toEqual(fromText.map((a) => a.reason));

    await importParsedTable(ctx.store, SYSTEM_ACTOR, {
      table,
      planTitle: '2022年宁海县民生实事项目',
      region: '宁海县',
      year: 2022,
      period: '2022',
      fileName: FILE,
      sha256: 'parts',
    });
    const stored = await ctx.store.db
      .selectFrom('reports')
      .innerJoin('tasks', 'tasks.id', 'reports.task_id')
      .select(['tasks.seq', 'reports.machine_status', 'reports.reason'])
      .orderBy('tasks.seq')
      .execute();
    expect(stored.map((r) => r.machine_status)).toEqual(byColumns);
    expect(stored.map((r) => r.reason)).toEqual(fromColumns.map((a) => a.reason));
  });
});

describeEachStore('import of a table with each task’s deadline', (ctx) => {
  it('judges a task still going on past its 完成时限 behind, as the assessor does with the deadline', async () => {
    const text = [
      '2024年区政府重点工作三季度推进情况表',
      '序号\t重点工作\t牵头单位\t完成时限\t进展情况',
      '1\t整改中央环保督察反馈问题\t区生态环境局\t2024年6月底\t部分问题正在整改中，尚未完成销号。',
      '2\t推进老旧小区加装电梯\t区住建局\t2024年12月底\t已加装电梯28部，另有12部正在施工。',
    ].join('\n');
    const parsed = await parseTable(new TextEncoder().encode(text), { fileName: 'deadlines.txt' });
    if (!parsed.ok) throw new Error(parsed.error.message);
    await importParsedTable(ctx.store, SYSTEM_ACTOR, {
      table: parsed.value,
      planTitle: '2024年区政府重点工作',
      region: '城南区',
      year: 2024,
      period: '2024Q3',
      fileName: 'deadlines.txt',
      sha256: 'deadlines',
    });
    const stored = await ctx.store.db
      .selectFrom('reports')
      .innerJoin('tasks', 'tasks.id', 'reports.task_id')
      .select(['tasks.seq', 'tasks.deadline', 'reports.machine_status', 'reports.reason'])
      .orderBy('tasks.seq')
      .execute();
    expect(stored.map((r) => [r.deadline, r.machine_status])).toEqual([
      ['2024年6月底', 'behind'],
      ['2024年12月底', 'on_track'],
    ]);
    expect(stored[0].reason).toContain('已过完成时限');
  });
});
