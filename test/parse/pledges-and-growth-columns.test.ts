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

  it('is read as the actual under a header of its own words (增幅)', () => {
    const table = parseText(
      rows(
        ['序号', '指标名称', '年度目标', '1-9月完成', '增幅', '责任单位'],
        ['1', '一般公共预算收入', '45亿元', '36.2亿元', '8.1', '市财政局'],
        ['2', '社会消费品零售总额', '230亿元', '168.5亿元', '6.6', '市商务局'],
        ['3', '外贸进出口总额', '120亿元', '80.6亿元', '-2.3', '市商务局'],
      ),
    );
    expect(table.sourceColumns?.find((c) => c.header === '增幅')?.role).toBe('actual');
  });
});

describe('a 序时进度 column', () => {
  const table = (shares: string[]) =>
    parseText(
      rows(
        ['序号', '指标名称', '年度目标', '1-9月完成', '序时进度', '责任单位'],
        ['1', '新增城镇就业', '3000人', '2400人', shares[0], '市人社局'],
        ['2', '新建改造农村公路', '120公里', '70公里', shares[1], '市交通运输局'],
        ['3', '新建城市公厕', '30座', '24座', shares[2], '市城管局'],
      ),
    );
  it('of one share down every row is the time gone by, not each task’s rate', () => {
    expect(table(['75%', '75%', '75%']).sourceColumns?.find((c) => c.header === '序时进度')?.role).toBe('remarks');
  });
  it('of shares that differ is each task’s rate', () => {
    expect(table(['80%', '58%', '80%']).sourceColumns?.find((c) => c.header === '序时进度')?.role).toBe('rate');
  });
});
