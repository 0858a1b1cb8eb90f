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
