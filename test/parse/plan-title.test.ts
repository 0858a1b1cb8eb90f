// What a table's title says about its plan: the same plan from one period's table to the next.
import { describe, expect, it } from 'vitest';
import { planInfoFromTitle } from '../../src/parse/plan-title.js';

describe('reading a plan from a table title', () => {
  it.each([
    ['2023年钱塘区政府工作报告重点工作任务四季度进展情况表', '2023年钱塘区政府工作报告重点工作任务', '钱塘区', 2023],
    ['2024年桐庐县人民政府工作报告重点任务1-6月推进情况表', '2024年桐庐县人民政府工作报告重点任务', '桐庐县', 2024],
    ['重点工作任务清单', '重点工作任务清单', null, null],
    // the year after the region (城南区2024年…), not as part of the region
    ['城南区2024年政府工作报告重点工作任务一季度进展情况表', '城南区2024年政府工作报告重点工作任务', '城南区', 2024],
    ['临平区2024年度人民政府工作报告重点任务推进情况表', '临平区2024年度人民政府工作报告重点任务', '临平区', 2024],
  ])('%s: the plan without its period words, the region and the year', (tableTitle, title, region, year) => {
    expect(planInfoFromTitle(tableTitle)).toEqual({ title, region, year });
  });
});

describe('one plan for every period’s table', () => {
  it.each([
    // the period in the middle of the title, after the year
    [['2024年1-9月全县主要经济指标完成情况', '2024年1-12月全县主要经济指标完成情况'], '2024年全县主要经济指标'],
    [['2023年3月份暖民心行动各县区进展情况表', '2023年10月份暖民心行动各县区进展情况表'], '2023年暖民心行动各县区'],
    [['2024年一季度重点工作推进情况表', '2024年上半年重点工作推进情况表'], '2024年重点工作'],
    // in brackets at the end, with or without the report's kind
    [['2024年省政府民生实事进展情况(一季度)', '2024年省政府民生实事进展情况（三季度）'], '2024年省政府民生实事'],
    [
      ['某县2023年重点工作任务落实情况（截至11月底）', '某县2023年重点工作任务落实情况(截至6月30日)'],
      '某县2023年重点工作任务',
    ],
    [
      ['2023年大新镇民生实事项目(11月份完成情况)', '2023年大新镇民生实事项目(5月份完成情况)'],
      '2023年大新镇民生实事项目',
    ],
    // the kind of report in other words
    [['2017年1—11月十大民生工程项目实施进度表', '2017年1—6月十大民生工程项目实施进度表'], '2017年十大民生工程项目'],
    [
      ['2021年市《政府工作报告》前三季度完成情况通报', '2021年市《政府工作报告》半年度完成情况通报'],
      '2021年市《政府工作报告》',
    ],
    [['2021年为民办实事项目进展情况月报表(11月份)'], '2021年为民办实事项目'],
    // written in traditional characters: matched as simplified, kept as written
    [['2024年二季度30項重點民生實事進展情況表', '2024年三季度30項重點民生實事進展情況表'], '2024年30項重點民生實事'],
  ])('%j → %s', (titles, plan) => {
    for (const title of titles) expect(planInfoFromTitle(title).title).toBe(plan);
  });

  it('keeps a date that is not a period and words of the plan that look like a report’s', () => {
    expect(planInfoFromTitle('2024年全年目标任务分解表').title).toBe('2024年全年目标任务分解表');
    expect(planInfoFromTitle('2022年重点工作12月31日前完成事项清单').title).toBe(
      '2022年重点工作12月31日前完成事项清单',
    );
  });
});
