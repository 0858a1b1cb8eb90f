// Lists published as prose and read back as tables: numbered `一是`, `二是` or `实事一`, the task's
// name under a header such as 民生工程 or 民心工程, sometimes with no number at all. Each case is a
// small table of that kind and what a reader would write down from it.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';

const rows = (...lines: string[][]) => lines.map((l) => l.join('\t')).join('\n');

describe('tasks numbered 一是, 二是 (as a speech or news report lists them)', () => {
  it('reads each as a task with its number, the name as the target and the words after as the report', () => {
    const table = parseText(
      rows(
        ['序号', '民心工程', '进展情况'],
        ['一是', '城市道路改造', '完成12条道路改造,占年计划的60%。'],
        ['二是', '公交场站建设', '开工建设公交场站8座,达到年计划的80%。'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.target, t.progress])).toEqual([
      [1, '城市道路改造', '完成12条道路改造,占年计划的60%。'],
      [2, '公交场站建设', '开工建设公交场站8座,达到年计划的80%。'],
    ]);
  });
});

describe('tasks numbered 实事一, 实事二', () => {
  it('reads the number after the word', () => {
    const table = parseText(
      rows(
        ['序号', '实事', '牵头单位', '完成情况'],
        ['实事一', '新建农村公路300公里。', '市交通运输局', '已建成农村公路280公里。'],
        ['实事二', '改造农村危房2000户。', '市住建局', '已完成改造2100户。'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.target, t.units])).toEqual([
      [1, '新建农村公路300公里。', ['市交通运输局']],
      [2, '改造农村危房2000户。', ['市住建局']],
    ]);
  });
});

describe('a 民生工程 column without numbers beside its report', () => {
  it('makes every row a task, numbered in order', () => {
    const table = parseText(
      rows(
        ['全省民生工程推进情况'],
        ['民生工程', '推进落实情况'],
        ['老旧小区改造工程', '改造老旧小区1200个,完成年度任务的100%。'],
        ['农村公路建设工程', '完工农村公路3000公里,占年度任务的95%。'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.target, t.progress])).toEqual([
      [1, '老旧小区改造工程', '改造老旧小区1200个,完成年度任务的100%。'],
      [2, '农村公路建设工程', '完工农村公路3000公里,占年度任务的95%。'],
    ]);
  });
});

describe('a 民生实事项目 column naming each item, beside the content of each item', () => {
  it('joins the name and the content into the target: a name per item groups nothing', () => {
    const t = parseText(
      rows(
        ['序号', '民生实事项目', '项目内容'],
        ['一、', '加强学位建设。', '新增学位500个。'],
        ['二、', '建设城市书房。', '新建城市书房10家。'],
        ['三、', '改造农贸市场。', '完成农贸市场改造8个。'],
        ['四、', '建设街心公园。', '新建街心公园20个。'],
      ),
    );
    expect(t.tasks.map((x) => [x.seq, x.theme, x.target])).toEqual([
      [1, null, '加强学位建设。 新增学位500个。'],
      [2, null, '建设城市书房。 新建城市书房10家。'],
      [3, null, '改造农贸市场。 完成农贸市场改造8个。'],
      [4, null, '建设街心公园。 新建街心公园20个。'],
    ]);
  });
  it('keeps a 工作任务 column beside 目标要求 as the theme (two levels, as the seed table has)', () => {
    const t = parseText(
      rows(
        ['编号', '工作任务', '目标要求', '牵头单位', '工作进展'],
        ['1', '稳住工业经济', '规上工业增加值增长7%以上', '市工信局', '1-8月增长7.2%。'],
        ['2', '扩大有效投资', '固定资产投资增长8%', '市发改委', '前三季度增长9.1%。'],
        ['3', '优化营商环境', '营商环境评价保持全省前三', '市营商办', '上年度评价全省第二。'],
        ['4', '建设城市书房', '新建城市书房10家', '市文广旅局', '已建成7家。'],
      ),
    );
    expect(t.tasks.map((x) => [x.theme, x.target]).slice(0, 2)).toEqual([
      ['稳住工业经济', '规上工业增加值增长7%以上'],
      ['扩大有效投资', '固定资产投资增长8%'],
    ]);
  });
});

describe('a name column merged down over unnumbered sub-rows', () => {
  it('stays the theme of the sub-rows it groups', () => {
    const t = parseText(
      rows(
        ['序号', '项目', '工作目标', '牵头单位', '进展情况'],
        ['1', '幼有善育', '新增托位500个', '卫健局', '已完成。'],
        ['', '', '新建托育机构3家', '卫健局', '已完成。'],
        ['2', '学有优教', '新建幼儿园2所', '教育局', '已开工。'],
        ['', '', '新增学位900个', '教育局', '已完成。'],
        ['3', '病有良医', '新建社区卫生服务站5个', '卫健局', '已建成4个。'],
        ['4', '老有康养', '新增养老床位300张', '民政局', '已新增200张。'],
      ),
    );
    expect(t.tasks.slice(0, 2).map((x) => [x.theme, x.target])).toEqual([
      ['幼有善育', '新增托位500个'],
      ['幼有善育', '新建托育机构3家'],
    ]);
  });
});
