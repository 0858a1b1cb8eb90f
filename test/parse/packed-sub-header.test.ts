// A two-row header copied as text without the cells merged down from its first row: the second
// row's names come out packed to the left and are put back under the parent group they name.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';

const rows = (...lines: string[][]) => lines.map((l) => l.join('\t')).join('\n');
const brief = (t: ReturnType<typeof parseText>['tasks'][number]) => ({ target: t.target, progress: t.progress });

describe('a second header row packed to the left of its parent', () => {
  it('names the columns under the parent, the merged-down name keeping the first', () => {
    const table = parseText(
      rows(
        ['项目名称', '项目类别', '', '', ''],
        ['工作任务', '实际完成情况', '完成进度(%)', '备注', ''],
        ['新建城区公办幼儿园3所', '新建幼儿园2所', '已建成2所并开园。', '100', ''],
        ['改造老旧小区12个', '改造老旧小区5个', '已完工4个,1个正在施工。', '85', ''],
      ),
    );
    expect(table.tasks.map(brief)).toEqual([
      { target: '新建城区公办幼儿园3所 新建幼儿园2所', progress: '已建成2所并开园。 100' },
      { target: '改造老旧小区12个 改造老旧小区5个', progress: '已完工4个,1个正在施工。 85' },
    ]);
  });

  it('leaves a header whose second row starts under its own column alone', () => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '责任分工', ''],
        ['', '', '牵头领导', '牵头单位'],
        ['1', '新增城镇就业岗位5000个', '张明', '区人社局'],
      ),
    );
    expect(table.tasks.map((t) => [t.target, t.leaders, t.units])).toEqual([
      ['新增城镇就业岗位5000个', ['张明'], ['区人社局']],
    ]);
  });

  it('leaves a one-row header with blank columns after it alone', () => {
    const table = parseText(
      rows(['序号', '目标任务', '牵头单位', '进展情况', ''], ['1', '新建口袋公园8个', '区城管局', '已建成6个。', '']),
    );
    expect(table.tasks.map((t) => [t.target, t.units, t.progress])).toEqual([
      ['新建口袋公园8个', ['区城管局'], '已建成6个。'],
    ]);
  });
});
