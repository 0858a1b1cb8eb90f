// A column of words for how far each item has got (`已完成`, `滞后项目`), printed once per group of
// items as a heading would be, is the report's verdict on each item: part of its report, not a
// category. A column of an indicator's class (`预期性`, `约束性`) is read by no field.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';

const rows = (...lines: string[][]) => lines.map((l) => l.join('\t')).join('\n');

describe('status words grouping the items', () => {
  it('reads a column of status words as part of the report, in table order', () => {
    const table = parseText(
      rows(
        ['板块', '分组', '序号', '事项', '推进情况'],
        ['一、民生保障', '已完成', '2', '新增普惠性托位300个', ''],
        ['一、民生保障', '已完成', '7', '改造老旧小区12个', ''],
        ['一、民生保障', '滞后项目', '4', '新建口袋公园5个', '3个正在办理施工许可'],
        ['一、民生保障', '滞后项目', '9', '建设社区食堂8家', '选址尚未确定'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.category, t.progress])).toEqual([
      [2, '一、民生保障', null, '已完成'],
      [7, '一、民生保障', null, '已完成'],
      [4, '一、民生保障', null, '滞后项目 3个正在办理施工许可'],
      [9, '一、民生保障', null, '滞后项目 选址尚未确定'],
    ]);
  });
  it('keeps a column of real headings as the category', () => {
    const table = parseText(
      rows(
        ['板块', '分组', '序号', '事项', '推进情况'],
        ['一、民生保障', '教育', '1', '新增学位2000个', '已开工3所学校'],
        ['一、民生保障', '教育', '2', '改造薄弱学校4所', '已完成2所'],
        ['一、民生保障', '养老', '3', '新增养老床位500张', '已建成320张'],
        ['一、民生保障', '养老', '4', '建设助餐点20个', '已建成12个'],
      ),
    );
    expect(table.tasks.map((t) => t.category)).toEqual(['教育', '教育', '养老', '养老']);
  });
});

describe('an indicator’s class', () => {
  it('reads 预期性/约束性 as no leader and no part of the target', () => {
    const table = parseText(
      rows(
        ['序号', '指标', '属性', '全年完成', '年度目标'],
        ['1', '城镇调查失业率', '预期性', '4.8%', '5.5%以内'],
        ['2', '单位产值能耗下降', '约束性', '3.2%', '3%'],
        ['3', '居民收入增长', '预期性', '6.1%', '与经济增长同步'],
      ),
    );
    expect(table.tasks.map((t) => [t.leaders, t.target])).toEqual([
      [[], '城镇调查失业率 5.5%以内'],
      [[], '单位产值能耗下降 3%'],
      [[], '居民收入增长 与经济增长同步'],
    ]);
  });
});
