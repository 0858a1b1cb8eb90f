// A table written one cell per line, as a PDF's text without its layout gives it: the header's
// lines, then each task from its number on. Read back into rows, it is read as any other table.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/parse-text.js';

const lines = (...l: string[]) => l.join('\n') + '\n';

describe('one cell per line', () => {
  it('reads each task from its number to the next', () => {
    const t = parseText(
      lines(
        '2024年重点工作任务三季度进展情况',
        '序号',
        '工作任务',
        '牵头领导',
        '责任单位',
        '进展情况',
        '1',
        '地区生产总值增长6%',
        '张伟',
        '区发改局',
        '1-9月地区生产总值增长5.8%',
        '2',
        '新建幼儿园3所',
        '李娜',
        '区教育局',
        '3所幼儿园均已开工',
      ),
    );
    expect(t.tasks.map((x) => [x.seq, x.target, x.leaders, x.units, x.progress])).toEqual([
      [1, '地区生产总值增长6%', ['张伟'], ['区发改局'], '1-9月地区生产总值增长5.8%'],
      [2, '新建幼儿园3所', ['李娜'], ['区教育局'], '3所幼儿园均已开工'],
    ]);
    expect(t.period).toBe('2024Q3');
    expect(t.warnings.map((w) => w.code)).toContain('cell_per_line');
  });

  it('keeps a category printed before each number, joins wrapped lines and places the cells of a row left short by an empty cell', () => {
    const t = parseText(readFileSync('test/fixtures/parse/county-q3-cell-per-line.txt', 'utf8'));
    expect(t.period).toBe('2024Q3');
    expect(t.tasks.map((x) => x.seq)).toEqual([1, 2, 1, 2]);
    expect(t.tasks.map((x) => x.theme ?? x.category)).toEqual(['稳增长', '稳增长', '惠民生', '惠民生']);
    expect(t.tasks[0].progress).toBe('1-9月全县地区生产总值增长5.8%，低于目标0.2个百分点。');
    expect(t.tasks[2].progress).toBe('3所幼儿园均已开工，其中2所主体完工，计划12月底前全部建成。');
    expect(t.tasks[3].units).toEqual(['县住建局']);
    expect(t.tasks[3].progress).toBe('已完成改造15个，其余5个正在施工。');
  });

  it('reads section headings between tasks and numbers written （一）', () => {
    const t = parseText(
      lines(
        '序号',
        '工作任务',
        '责任单位',
        '一、经济发展主要预期目标',
        '（一）',
        '地区生产总值增长6%左右。',
        '县发改局',
        '（二）',
        '一般公共预算收入增长5%。',
        '县财政局',
      ),
    );
    expect(t.tasks.map((x) => [x.seq, x.target, x.units])).toEqual([
      [1, '地区生产总值增长6%左右。', ['县发改局']],
      [2, '一般公共预算收入增长5%。', ['县财政局']],
    ]);
    expect(t.tasks[0].theme).toBe('一、经济发展主要预期目标');
  });

  it('leaves a numbered list without such a header to the list reader', () => {
    const t = parseText(
      lines(
        '区人民政府2020年民生实事项目10项:',
        '1.新增学位3000个;',
        '2.改造老旧小区20个;',
        '3.城区50项内街小巷综合整治工程;',
      ),
    );
    expect(t.warnings.map((w) => w.code)).not.toContain('cell_per_line');
    expect(t.tasks.map((x) => x.seq)).toEqual([1, 2, 3]);
  });
});
