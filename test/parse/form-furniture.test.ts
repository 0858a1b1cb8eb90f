// The lines a reporting form prints around its table: who filled it in and how to reach them, under
// the last task. They are no part of any task.
import { describe, expect, it } from 'vitest';
import { isSignatureRow } from '../../src/parse/furniture.js';
import { parseText } from '../../src/parse/index.js';

const rows = (...lines: string[][]) => lines.map((l) => l.join('\t')).join('\n');

describe('a form’s signature line under the table', () => {
  it('is not read into the last task', () => {
    const table = parseText(
      rows(
        ['2024年政府工作报告重点任务落实情况表'],
        ['序号', '重点任务', '牵头单位', '上半年落实情况'],
        ['1', '地区生产总值增长6%', '区发改局', '上半年地区生产总值增长5.4%。'],
        ['2', '新引进亿元以上项目20个', '区商务局', '已引进12个。'],
        ['填报人：张三', '联系电话：13800000000'],
      ),
    );
    expect(table.tasks.map((t) => [t.target, t.progress])).toEqual([
      ['地区生产总值增长6%', '上半年地区生产总值增长5.4%。'],
      ['新引进亿元以上项目20个', '已引进12个。'],
    ]);
    expect(table.period).toBe('2024H1');
  });
  it.each([
    [['填报人：张三', '审核人：李四', '联系电话：0571-8888888'], true],
    [['填表日期：2024年7月5日'], true],
    [['负责人：王五', '新建学校2所'], false],
    [['新引进亿元以上项目20个', '已引进12个。'], false],
  ])('%j → %s', (cells, expected) => expect(isSignatureRow(cells)).toBe(expected));
});

describe('a form’s lines above and below its table', () => {
  const table = parseText(
    rows(
      ['附件1'],
      ['2024年度区政府工作报告重点任务分解落实情况表（截至9月30日）'],
      ['填报单位（盖章）：区发改局　　　填报日期：2024年10月8日'],
      ['序号', '具体目标', '牵头单位', '完成情况', '完成率'],
      ['1', '完成重大项目投资120亿元', '区发改局', '完成投资95.6亿元', '79.7%'],
      ['2', '新增市场主体5000户', '区市场监管局', '新增市场主体4120户', '82.4%'],
      ['合计', '—', '—', '—', '—'],
    ),
  );

  it('takes the title past a 填报单位（盖章） line, and the period from it', () => {
    expect([table.title, table.period]).toEqual([
      '2024年度区政府工作报告重点任务分解落实情况表（截至9月30日）',
      '2024-09',
    ]);
  });

  it('reads a 合计 row as no task and no part of the last one, and says it was skipped', () => {
    expect(table.tasks.map((t) => [t.units, t.progress])).toEqual([
      [['区发改局'], '完成投资95.6亿元 79.7%'],
      [['区市场监管局'], '新增市场主体4120户 82.4%'],
    ]);
    expect(table.warnings.map((w) => w.code)).toContain('totals_row');
  });
});

describe('同上 in a cell', () => {
  const table = parseText(
    [
      '序号\t重点任务\t牵头单位\t进展情况',
      '1\t新增城镇就业6000人\t区人社局\t1-9月新增4900人。',
      '2\t新增高校毕业生就业2000人\t同上\t同上',
    ].join('\n'),
  );

  it('copies the cell above, a report as well as a unit', () =>
    expect(table.tasks[1]).toMatchObject({ units: ['区人社局'], progress: '1-9月新增4900人。' }));

  it('says so on the task', () => expect(table.tasks[1].warnings.map((w) => w.code)).toContain('same_as_above'));
});

describe('one cell labelling the target and the report (目标：… 进展：…)', () => {
  const table = parseText(
    [
      '序号\t工作任务及进展\t责任单位',
      '1\t目标：新增城镇就业6000人。\t区人社局',
      '\t进展：1-9月新增4900人。\t',
      '2\t目标：完成老旧小区改造12个。进展情况：已完成8个。\t区住建局',
    ].join('\n'),
  );

  it('is split at its labels', () =>
    expect(table.tasks.map((t) => [t.target, t.progress])).toEqual([
      ['新增城镇就业6000人。', '1-9月新增4900人。'],
      ['完成老旧小区改造12个。', '已完成8个。'],
    ]));

  it('says so on the task', () => expect(table.tasks[0].warnings.map((w) => w.code)).toContain('labelled_cell'));
});
