// Header synonyms as data: every listed name must read as its role, and prose must not.
import { describe, expect, it } from 'vitest';
import { HEADER_SYNONYMS, readHeaderRow, roleOfHeader } from '../../src/parse/headers.js';

describe('every header synonym reads as its column', () => {
  const rows = HEADER_SYNONYMS.flatMap(({ role, names }) => names.map((name) => [name, role] as const));
  it.each(rows)('%s → %s', (name, role) => expect(roleOfHeader(name)).toBe(role));
});

describe('header names as printed', () => {
  it.each([
    ['牵头区领导', 'leaders'],
    ['责任领导', 'leaders'],
    ['牵头部门', 'units'],
    ['协办单位', 'co_units'],
    ['四季度进展情况', 'progress'],
    ['1-6月完成情况', 'progress'],
    ['时间节点', 'deadline'],
    ['牵头单位\n（盖章）', 'units'],
    ['具 体 目 标 任 务', 'target'],
    ['重点工作任务', 'task'],
    ['三季度地区生产总值增长4%。', null],
    ['区发展改革局', null],
    // how much of the year's target is done, in per cent
    ['完成年度目标的', 'rate'],
    ['占全年任务%', 'rate'],
    ['年度目标', 'target'],
    // the next period's work plan, beside the report
    ['2024年1-3月份进度安排', 'plan'],
    // money reached so far, though it names the money as a plan would; what the last period added
    ['累计投资金额(亿元)', 'actual'],
    ['年度计划投资金额(亿元)', 'plan'],
    ['本期新增投资(亿元)', 'remarks'],
    ['重点项目个数', 'target'],
    // when the work is due, though the header names the plan; a forecast of it is read by its cells
    ['计划竣工时间', 'deadline'],
    ['开工日期', 'deadline'],
    ['全面完成预计时间', null],
  ])('%j → %s', (text, role) => expect(roleOfHeader(text)).toBe(role));
});

describe('readHeaderRow', () => {
  it('recognises the seed header with its trailing empty cell', () => {
    expect(readHeaderRow(['序号', '重点工作任务', '具体目标任务', '牵头区领导', '牵头单位', '进展情况', ''])).toEqual([
      'seq',
      'task',
      'target',
      'leaders',
      'units',
      'progress',
      null,
    ]);
  });
  it('rejects a data row and a title', () => {
    expect(
      readHeaderRow(['1', '主要经济指标', '地区生产总值增长6%', '陶峰', '区发展改革局', '三季度增长4%。']),
    ).toBeNull();
    expect(readHeaderRow(['2023年钱塘区政府工作报告重点工作任务四季度进展情况表'])).toBeNull();
  });
});
