import { describe, expect, it } from 'vitest';
import { periodFromTitle } from '../../src/parse/title-period.js';

describe('periodFromTitle reads the reporting period in a title', () => {
  it.each([
    ['2023年钱塘区政府工作报告重点工作任务四季度进展情况表', '2023Q4'],
    ['2024年第一季度重点任务推进情况', '2024Q1'],
    ['青溪县2024年政府工作报告重点任务1-6月落实情况表', '2024H1'],
    ['2024年1—9月重点工作进展', '2024Q3'],
    ['二〇二四年三季度重点工作进展情况', '2024Q3'],
    ['城南区2024年政府工作报告重点工作任务上半年进展情况表', '2024H1'],
    ['2024年青溪县十件民生实事项目3月份进展情况', '2024-03'],
    ['石桥镇2023年度重点工作任务完成情况表', '2023'],
    ['2023年全年重点工作完成情况', '2023'],
    ['重点工作任务进展情况表', null],
  ])('%s → %s', (title, period) => expect(periodFromTitle(title)).toBe(period));
});
