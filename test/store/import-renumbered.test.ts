// A table numbering its tasks anew in each section is stored numbered 1—N in order, and the next
// period's table of the same layout finds its plan and its tasks.
import { expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { SYSTEM_ACTOR } from '../../src/store/audit.js';
import { importParsedTable } from '../../src/store/import.js';
import { describeEachStore } from '../helpers/stores.js';

const tableOf = (months: string, reports: [string, string, string]) =>
  [
    `2024年民生实事${months}月实际完成情况表`,
    ['序号', '项目', '目标任务', '责任单位', `${months}月实际完成情况`].join('\t'),
    ['一、', '公共交通', '', '', ''].join('\t'),
    ['①', '', '新开公交线路10条', '市交通局', reports[0]].join('\t'),
    ['②', '', '新增公交车50辆', '市公交集团', reports[1]].join('\t'),
    ['二、', '教育', '', '', ''].join('\t'),
    ['①', '', '新增学位3000个', '市教育局', reports[2]].join('\t'),
  ].join('\n');

describeEachStore('a table whose numbers restart in each section', (ctx) => {
  it('is read with the printed numbers and a warning saying how it will be stored', () => {
    const table = parseText(tableOf('1-8', ['已开通6条', '已新增30辆', '已新增1800个']));
    expect(table.tasks.map((t) => t.seq)).toEqual([1, 2, 1]);
    expect(table.warnings.find((w) => w.code === 'seq_repeated')?.message).toContain('1—3');
  });

  it('is stored numbered 1—N in order, and the next period’s table joins the same plan and tasks', async () => {
    const first = await importParsedTable(ctx.store, SYSTEM_ACTOR, {
      table: parseText(tableOf('1-8', ['已开通6条', '已新增30辆', '已新增1800个'])),
      fileName: 'aug.txt',
      sha256: 'aug',
    });
    expect(first).toMatchObject({ planTitle: '2024年民生实事', created: 3, renumbered: true });
    const tasks = await ctx.store.db
      .selectFrom('tasks')
      .select(['seq', 'target'])
      .where('plan_id', '=', first.planId)
      .orderBy('seq')
      .execute();
    expect(tasks).toEqual([
      { seq: 1, target: '新开公交线路10条' },
      { seq: 2, target: '新增公交车50辆' },
      { seq: 3, target: '新增学位3000个' },
    ]);

    const next = await importParsedTable(ctx.store, SYSTEM_ACTOR, {
      table: parseText(tableOf('1-10', ['已开通9条', '已新增45辆', '已新增2600个'])),
      fileName: 'oct.txt',
      sha256: 'oct',
    });
    expect(next).toMatchObject({
      planId: first.planId,
      planCreated: false,
      periodCreated: true,
      created: 0,
      targetChanged: [],
      reports: { created: 3 },
    });
  });

  it('refuses another table under the plan’s name, whose targets differ, and keeps the plan as it was', async () => {
    const other = parseText(
      [
        '2024年民生实事1-9月实际完成情况表',
        ['序号', '目标任务', '责任单位', '1-9月实际完成情况'].join('\t'),
        ['1', '新建城市书房10家', '区文旅局', '已建成7家'].join('\t'),
        ['2', '改造农贸市场5个', '区商务局', '已完工3个'].join('\t'),
        ['3', '新增养老床位300张', '区民政局', '新增210张'].join('\t'),
      ].join('\n'),
    );
    const before = await ctx.store.db.selectFrom('tasks').select(['seq', 'target']).orderBy('seq').execute();
    await expect(
      importParsedTable(ctx.store, SYSTEM_ACTOR, { table: other, fileName: 'other.txt', sha256: 'other' }),
    ).rejects.toMatchObject({ code: 'bad_input', message: expect.stringContaining('3 项的目标任务不同') });
    expect(await ctx.store.db.selectFrom('tasks').select(['seq', 'target']).orderBy('seq').execute()).toEqual(before);
  });
});
