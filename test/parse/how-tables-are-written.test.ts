// More ways real tables are written, met in a blind round of tables from other offices: numbers
// printed by a converter, sub-items listed inside one task, grouping columns over merged cells.
// Each case is a small table of that kind and what a reader would write down from it.
import { describe, expect, it } from 'vitest';
import type { ParsedTable } from '../../src/domain/index.js';
import { parseText } from '../../src/parse/index.js';

const rows = (...lines: string[][]) => lines.map((l) => l.join('\t')).join('\n');
const brief = (t: ParsedTable['tasks'][number]) => [
  t.seq,
  t.theme,
  t.category,
  t.target,
  t.leaders,
  t.units,
  t.progress,
];

describe('a number followed by a full stop 。 (a converter writes 1。 for 1.)', () => {
  it('reads 1。 as task 1 in a table in traditional characters', () => {
    const table = parseText(
      rows(
        ['2021年民生實事工作目標'],
        ['部分', '序号', '民生实事', '牵头单位'],
        ['一、交通出行', '1。', '打通中心城區“斷頭路”20條。', '市住建局'],
        ['一、交通出行', '2。', '新改建農村公路200公里。', '市交通運輸局'],
        ['二、市容環境', '3。', '完成城市道路整治提升60條。', '市城管委、市公安局'],
      ),
    );
    expect(table.tasks.map(brief)).toEqual([
      [1, '一、交通出行', null, '打通中心城區“斷頭路”20條。', [], ['市住建局'], ''],
      [2, '一、交通出行', null, '新改建農村公路200公里。', [], ['市交通運輸局'], ''],
      [3, '二、市容環境', null, '完成城市道路整治提升60條。', [], ['市城管委', '市公安局'], ''],
    ]);
  });
  it('reads 4。 opening the target text in a table without a 序号 column', () => {
    const table = parseText(
      rows(
        ['目标任务', '责任单位', '进展情况'],
        ['1。新建公办幼儿园3所', '区教育局', '已开工2所'],
        ['4。新增公共停车泊位1500个', '区住建局', '已新增900个'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.target])).toEqual([
      [1, '1。新建公办幼儿园3所'],
      [4, '4。新增公共停车泊位1500个'],
    ]);
  });
});
