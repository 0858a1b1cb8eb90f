// Two kinds of table met in reports: an article's pledges rebuilt as a table without numbers
// (`承诺 | 办理情况`, a column of the writer's own words beside them), and a table of main
// indicators whose result is a growth on last year (`同比增长`): the figure reached, not a share
// of the target.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';

const rows = (...lines: string[][]) => lines.map((l) => l.join('\t')).join('\n');

describe('pledges without numbers', () => {
  it('finds the header by 承诺 and 办理 and numbers the items in order', () => {
    const table = parseText(
      rows(
        ['去年县政府承诺的实事全部兑现'],
        ['栏目', '县政府承诺', '县政府办理'],
        ['孩子上学近了', '新建乡镇寄宿制学校2所', '两所学校已于9月开学,新增学位1200个,解决了偏远村孩子上学远的问题。'],
        ['老人吃饭不愁', '建设村级老年食堂30个', '全年建成村级老年食堂34个,每天为2000余名老人提供午餐,深受群众欢迎。'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.progress.slice(0, 6)])).toEqual([
      [1, '两所学校已于'],
      [2, '全年建成村级'],
    ]);
    expect(table.tasks[1].target).toContain('建设村级老年食堂30个');
  });
  it('still refuses prose with no header and no numbers', () => {
    expect(() =>
      parseText(rows(['今年以来,全县上下齐心协力推进各项工作。'], ['经济运行总体平稳,主要指标好于预期。'])),
    ).toThrow();
  });
});

describe('a growth on last year', () => {
  it('is the actual figure reached, not a completion rate', () => {
    const table = parseText(
      rows(
        ['序号', '指标名称', '完成情况', '', '年度目标'],
        ['', '', '总量', '同比增长', ''],
        ['1', '社会消费品零售总额', '812.5亿元', '6.2%', '增长6%'],
        ['2', '进出口总额', '366.1亿元', '4.8%', '增长5%'],
      ),
    );
    expect(table.tasks.map((t) => t.progress_parts?.map((p) => p.role))).toEqual([
      ['actual', 'actual'],
      ['actual', 'actual'],
    ]);
  });
});
