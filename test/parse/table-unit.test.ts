// A unit line under the title (`单位：万元`, `单位:个、亿元`) gives the unit to the columns of bare
// amounts: the money to a column of money, a count to a column counting, a percentage to none.
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';
import { parseText } from '../../src/parse/index.js';
import { unitForHeader, unitsOfLine } from '../../src/parse/table-unit.js';

describe('unitsOfLine', () => {
  it.each([
    ['单位：万元', ['万元']],
    ['单位:个、亿元', ['个', '亿元']],
    ['计量单位：亿元、%', ['亿元']],
    ['单位：万元 ', ['万元']],
    ['责任单位：市财政局、市税务局', null],
    ['单位：市发改委', null],
    ['2023年重点项目进展情况表', null],
  ])('%s → %j', (line, units) => expect(unitsOfLine(line)).toEqual(units));
});

describe('unitForHeader', () => {
  it.each([
    [['万元'], '1-6月完成', '万元'],
    [['个', '亿元'], '完成投资额', '亿元'],
    [['个', '亿元'], '项目个数', '个'],
    [['个', '亿元'], '形象进度', null],
    [['万元'], '完成投资（亿元）', null],
  ])('%j over %s → %s', (units, header, unit) => expect(unitForHeader(units, header)).toBe(unit));
});

describe('a table under a unit line', () => {
  const text = [
    '1-9月份州重点项目投资完成情况汇总表',
    '单位:个、亿元',
    '隶属\t项目个数\t年投资计划\t完成投资额\t年计划投资完成率',
    '吉首市\t57\t82.5\t65.1\t78.9%',
    '泸溪县\t27\t42.6\t31.2\t73.2%',
    '凤凰县\t34\t78.5\t62.9\t80.1%',
  ].join('\n');
  it('reads the bare plan and actual in the money unit the line names', () => {
    const task = parseText(text).tasks[0];
    expect(task.progress_parts?.[0].header).toBe('完成投资额（亿元）');
    const a = assessTask(task, { period: parsePeriod('2021Q3') });
    expect(a.indicators.map((i) => [i.target, i.unit, i.actual])).toEqual([[8_250_000_000, '元', 6_510_000_000]]);
  });
});
