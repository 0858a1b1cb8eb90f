// A whole table in a layout of its own (section rows, a two-column target, leaders after units,
// a report with an investment column, a schedule flag and remarks), read and judged end to end.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';
import { parseText } from '../../src/parse/index.js';

const text = readFileSync(new URL('../fixtures/parse/county-livelihood-1-9.txt', import.meta.url), 'utf8');

describe('a county 民生实事 table for 1-9月 with investment, flag and remarks columns', () => {
  const table = parseText(text);
  const period = parsePeriod(table.period ?? '');
  const judged = table.tasks.map((t) => assessTask(t, { period }));

  it('reads the period from the title and the sections from their rows', () => {
    expect(table.period).toBe('2024Q3');
    expect(table.tasks.map((t) => [t.seq, t.theme])).toEqual([
      [1, '一、教育卫生'],
      [2, '一、教育卫生'],
      [3, '二、民生保障'],
      [4, '二、民生保障'],
      [5, '二、民生保障'],
    ]);
  });
  it('joins the project name and its content as the target, and keeps the remarks apart', () => {
    expect(table.tasks[3].target).toBe('老年食堂建设 新建村级老年食堂20个');
    expect(table.tasks[3].leaders).toEqual(['李建国']);
    expect(table.tasks[4].units).toEqual(['县住建局', '县城投公司']);
    expect(table.tasks[3].notes).toBe('进度偏慢');
  });
  it('judges each task by its figures, its flag and its words', () => {
    expect(judged.map((a) => a.status)).toEqual(['on_track', 'on_track', 'on_track', 'behind', 'behind']);
    expect(judged[1].indicators[0].actual).toBe(4); // 已完成4所改造
    expect(judged[2].indicators[0].actual).toBe(2680);
    // the investment column (万元) measures money, not the 20 canteens
    expect(judged[3].indicators[0].actual).toBe(8);
  });
});

describe('a city key-task table for the third quarter with co-units, deadlines, problems and next steps', () => {
  const table = parseText(readFileSync(new URL('../fixtures/parse/city-key-tasks-q3.txt', import.meta.url), 'utf8'));
  const period = parsePeriod(table.period ?? '');
  const judged = table.tasks.map((t) => assessTask(t, { period }));

  it('reads the task name as the theme, the requirement as the target, and keeps the other columns apart', () => {
    expect(table.period).toBe('2024Q3');
    expect(table.tasks[0].theme).toBe('稳住工业经济基本盘');
    expect(table.tasks[0].target).toBe('规上工业增加值增长7%以上');
    expect(table.tasks[0].co_units).toEqual(['市统计局']);
    expect(table.tasks[0].deadline).toBe('2024年12月');
    expect(table.tasks[0].progress_parts?.map((p) => p.role)).toEqual(['progress', 'remarks', 'remarks']);
  });
  it('judges rates, abbreviations, an evaluation not yet held and counts against the time share', () => {
    expect(judged.map((a) => a.status)).toEqual(['behind', 'on_track', 'pending', 'on_track', 'behind']);
    expect(judged[1].indicators[0].actual).toBe(9.1); // 固投, not the 工业投资 inside it
  });
});

describe('a district monthly table with a completion-rate column', () => {
  const table = parseText(readFileSync(new URL('../fixtures/parse/district-monthly-may.txt', import.meta.url), 'utf8'));
  const period = parsePeriod(table.period ?? '');
  const judged = table.tasks.map((t) => assessTask(t, { period }));

  it('reads the month from the title and the rate column as a rate', () => {
    expect(table.period).toBe('2024-05');
    expect(table.tasks[0].progress_parts?.map((p) => p.role)).toEqual(['progress', 'rate']);
  });
  it('judges figures without their metric against the time share of May', () => {
    expect(judged.map((a) => a.status)).toEqual([
      'on_track',
      'on_track',
      'on_track',
      'on_track',
      'no_report',
      'behind',
    ]);
    expect(judged.map((a) => a.indicators[0]?.actual ?? null)).toEqual([52.3, 11000, 28, 3126000, null, 6000]);
  });
});

describe('a county table with 部分 before 序号, numbers 1.1 per section and a column of its own words after the report', () => {
  const table = parseText(readFileSync(new URL('../fixtures/parse/county-key-tasks-nov.txt', import.meta.url), 'utf8'));
  const period = parsePeriod(table.period ?? '');
  const judged = table.tasks.map((t) => assessTask(t, { period }));

  it('reads 重点工作 as the target and the unfamiliar last column as remarks on the report', () => {
    expect(table.period).toBe('2023-11');
    expect(table.tasks.map((t) => [t.seq, t.theme, t.category, t.target])).toEqual([
      [1, '一、经济发展', null, '全县生产总值增长7.5%'],
      [2, '一、经济发展', null, '规模以上工业增加值增长9%'],
      [3, '一、经济发展', null, '新增“四上”企业50家'],
      [1, '二、社会民生', null, '新增城镇就业5000人'],
      [2, '二、社会民生', null, '建成县人民医院新院区'],
      [3, '二、社会民生', null, '改造农村危房200户'],
    ]);
    expect(table.tasks[0].units).toEqual(['县发改委']);
    expect(table.tasks[1].leaders).toEqual(['张建华', '刘洋']);
    expect(table.tasks[0].progress_parts?.map((p) => p.role)).toEqual(['progress', 'remarks']);
  });
  it('judges GDP below its target, a count below the time share, a done statement and a pause', () => {
    expect(judged.map((a) => a.status)).toEqual(['behind', 'on_track', 'behind', 'done', 'on_track', 'behind']);
  });
});

describe('a CSV of key projects with quoted multi-line reports and a date as the report header', () => {
  const table = parseText(readFileSync(new URL('../fixtures/parse/county-projects-sep.csv', import.meta.url), 'utf8'));
  const period = parsePeriod(table.period ?? '');
  const judged = table.tasks.map((t) => assessTask(t, { period }));

  it('reads 分管副县长 as the leaders and the dated column as the report', () => {
    expect(table.period).toBe('2024-09');
    expect(table.sourceColumns?.map((c) => c.role)).toEqual([
      'seq',
      'target',
      'target',
      'leaders',
      'units',
      'progress',
    ]);
    expect(table.tasks[2].units).toEqual(['各乡镇（街道）']);
  });
  it('judges a count above the time share, an empty report and a done statement', () => {
    expect(judged.map((a) => a.status)).toEqual(['on_track', 'on_track', 'no_report', 'done']);
    expect(judged[0].indicators[0].actual).toBe(420);
  });
});

describe('a task breakdown (任务分解表) with section and category rows, posts and labelled units', () => {
  const table = parseText(
    readFileSync(new URL('../fixtures/parse/county-task-breakdown.txt', import.meta.url), 'utf8'),
  );
  const judged = table.tasks.map((t) => assessTask(t));

  it('reads themes and categories from their rows, leaders without posts and the labelled lead unit', () => {
    expect(table.tasks.map((t) => [t.seq, t.theme, t.category, t.leaders, t.units])).toEqual([
      [1, '一、着力扩大有效需求', '（一）扩大有效投资', ['张三'], ['县发改委']],
      [2, '一、着力扩大有效需求', '（一）扩大有效投资', ['李四'], ['县发改委']],
      [3, '一、着力扩大有效需求', '（二）促进消费升级', ['李四'], ['县商务局']],
      [4, '二、持续改善民生', null, ['王五'], ['县人社局']],
    ]);
    expect(table.tasks[0].deadline).toBe('2024年12月底');
  });
  it('gives every task no_report and reads its indicators, a 确保 clause as the floor', () => {
    expect(judged.map((a) => a.status)).toEqual(['no_report', 'no_report', 'no_report', 'no_report']);
    expect(judged[1].indicators.map((i) => [i.target, i.floor, i.unit])).toEqual([[30, 25, '个']]);
    expect(judged[3].indicators.map((i) => [i.kind, i.direction, i.target])).toEqual([
      ['amount', 'at_least', 4000],
      ['share', 'at_most', 5.5],
    ]);
  });
});

describe('a monthly table with sections in the 序号 column, a per-task 项目 name and a row broken by a page', () => {
  const table = parseText(
    readFileSync(new URL('../fixtures/parse/district-projects-july.txt', import.meta.url), 'utf8'),
  );
  const period = parsePeriod(table.period ?? '');
  const judged = table.tasks.map((t) => assessTask(t, { period }));

  it('joins the per-task 项目 name to its target and the broken row to the task above', () => {
    expect(table.period).toBe('2024-07');
    expect(table.tasks.map((t) => [t.seq, t.theme, t.category, t.target])).toEqual([
      [1, '一、教育', null, '新建中学 建成城南中学，新增学位1500个'],
      [2, '一、教育', null, '改扩建小学 改扩建小学3所'],
      [3, '二、交通', null, '公交线网优化 新开公交线路5条，优化线路10条'],
      [4, '二、交通', null, '停车设施 新增公共停车泊位2000个'],
    ]);
    expect(table.tasks[3].units).toEqual(['区城管局', '区住建局']);
    expect(table.tasks[3].progress).toBe('新增泊位1500个。 否');
  });
  it('reads 是 under 是否滞后 as behind and counts against the time share of July', () => {
    expect(judged.map((a) => a.status)).toEqual(['on_track', 'behind', 'on_track', 'on_track']);
    expect(judged[3].indicators[0].actual).toBe(1500);
  });
});

describe('an indicator table: name | unit of measure | annual target | 1-9月 actual | rate | units', () => {
  const table = parseText(readFileSync(new URL('../fixtures/parse/county-indicators-q3.txt', import.meta.url), 'utf8'));
  const period = parsePeriod(table.period ?? '');
  const judged = table.tasks.map((t) => assessTask(t, { period }));

  it('reads the 单位 column of %, 亿元 and 人 as part of the target, and 责任单位 as the units', () => {
    expect(table.tasks.map((t) => [t.target, t.units])).toEqual([
      ['地区生产总值增速 % 6.5', ['县发改委']],
      ['规上工业增加值增速 % 8', ['县经信局']],
      ['固定资产投资增速 % 10', ['县发改委']],
      ['一般公共预算收入 亿元 25', ['县财政局']],
      ['新增城镇就业 人 4000', ['县人社局']],
    ]);
  });
  it('reads each target in its unit and the actual column against it', () => {
    expect(judged.map((a) => a.indicators.map((i) => [i.kind, i.target, i.unit, i.actual]))).toEqual([
      [['growth', 6.5, '%', 5.8]],
      [['growth', 8, '%', 9.2]],
      [['growth', 10, '%', 6.1]],
      [['amount', 2_500_000_000, '元', 1_960_000_000]],
      [['amount', 4000, '人', 3520]],
    ]);
    expect(judged.map((a) => a.status)).toEqual(['behind', 'on_track', 'behind', 'on_track', 'on_track']);
  });
});

describe('a project investment table: annual planned investment, 1-6月 investment and image progress', () => {
  const table = parseText(readFileSync(new URL('../fixtures/parse/county-projects-h1.txt', import.meta.url), 'utf8'));
  const period = parsePeriod(table.period ?? '');
  const judged = table.tasks.map((t) => assessTask(t, { period }));

  it('reads the planned investment as part of the target, not as a work plan', () => {
    expect(table.period).toBe('2024H1');
    expect(table.tasks.map((t) => t.target)).toEqual([
      '城东污水处理厂扩建 12000',
      '产业园标准厂房三期 30000',
      '人民医院门诊楼 8000',
    ]);
  });
  it('compares the investment to date with the plan, dated by its header (1-6月: half the year)', () => {
    // both in the 万元 the actual column's header names
    expect(
      judged.map((a) => [a.indicators[0].target, a.indicators[0].actual, a.indicators[0].actual_period, a.status]),
    ).toEqual([
      [120_000_000, 52_000_000, '1-6月', 'behind'],
      [300_000_000, 80_000_000, '1-6月', 'behind'],
      [80_000_000, 46_000_000, '1-6月', 'on_track'],
    ]);
  });
});

describe('an indicator table with a dated actual column and the share of the year done beside it', () => {
  const table = parseText(
    [
      '镇人民政府半年工作情况报告 ——2022年7月28日在镇人民代表大会上',
      '指标\t1-6月完成\t完成年度目标的',
      '财政总收入\t25.76亿元\t56.00%',
      '规模以上工业总产值\t105.35亿元\t42.31%',
    ].join('\n'),
  );
  const period = parsePeriod(table.period ?? '');
  it('judges the share against the columns’ period (1-6月), not the month of the report', () => {
    expect(table.period).toBe('2022-07');
    expect(table.tasks.map((t) => assessTask(t, { period }).status)).toEqual(['on_track', 'behind']);
  });
});

describe('a column headed as a forecast (预计值)', () => {
  const table = parseText(
    [
      '“十三五”规划主要指标完成情况',
      '序号\t指标名称\t2020 年目标值\t2020 年预计值\t完成情况',
      '1\t全区生产总值(亿元)\t1000\t1008.5\t完成',
      '2\t人均生产总值(元)\t130000\t130913\t完成',
    ].join('\n'),
  );
  it('holds forecasts, not results: the task waits for the figures', () => {
    const judged = table.tasks.map((t) => assessTask(t, { period: null }));
    expect(judged.map((a) => a.status)).toEqual(['pending', 'pending']);
    expect(judged[0].indicators[0].actual).toBeNull();
  });
  it('while a results column beside it is read as usual', () => {
    const withResult = parseText(
      [
        '序号\t指标名称\t2020 年目标值\t1-11月完成\t全年预计值',
        '1\t全区生产总值(亿元)\t1000\t905\t1008.5',
        '2\t人均生产总值(元)\t130000\t118000\t130913',
      ].join('\n'),
    );
    const a = assessTask(withResult.tasks[0], { period: parsePeriod('2020-11') });
    expect(a.indicators[0].actual).toBe(90_500_000_000);
    expect(a.status).toBe('behind');
  });
});

describe('a quarterly table whose 责任单位 header spans 牵头单位 and 协办单位 on a second row', () => {
  const table = parseText(
    readFileSync(new URL('../fixtures/parse/district-key-tasks-q1.txt', import.meta.url), 'utf8'),
  );
  const period = parsePeriod(table.period ?? '');
  const judged = table.tasks.map((t) => assessTask(t, { period }));

  it('reads the lead units and the co-operating ones apart, and the deadline', () => {
    expect(table.period).toBe('2024Q1');
    expect(table.tasks.map((t) => [t.theme, t.units, t.co_units, t.deadline])).toEqual([
      ['优化营商环境', ['区市场监管局'], ['区政务服务中心'], '2024年6月'],
      ['扩大招商引资', ['区商务局'], ['各街道'], '2024年12月'],
      ['推进城市更新', ['区住建局'], ['区城管局'], '2024年11月'],
    ]);
  });
  it('reads 压缩至…以内 as at most, a count below the quarter’s share and 否 under 是否达序 as behind', () => {
    expect(judged[0].indicators.map((i) => [i.direction, i.target, i.actual])).toEqual([['at_most', 1, 0.5]]);
    expect(judged.map((a) => a.status)).toEqual(['on_track', 'behind', 'behind']);
  });
});
