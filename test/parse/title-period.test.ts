import { describe, expect, it } from 'vitest';
import { parseTable, parseText } from '../../src/parse/index.js';
import { periodFromFileName, periodFromTitle, periodOfTable } from '../../src/parse/title-period.js';

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
    ['2023年半年度重点工作进展情况', '2023H1'],
    ['关于《政府工作报告》确定的2021年重点工作半年进展情况通报', '2021H1'],
    ['2024年Q3重点任务进展', '2024Q3'],
    ['重点任务进展2024-Q4', '2024Q4'],
    ['2024年重点工作任务QQ群通知', null],
    ['2021年一年半攻坚行动推进情况', null],
    ['重点工作任务进展情况表', null],
  ])('%s → %s', (title, period) => expect(periodFromTitle(title)).toBe(period));
});

describe('periodFromFileName reads the period a file is named by, where the title names none', () => {
  it.each([
    ['青溪县2024年1-9月重点工作进展.xlsx', '重点工作任务进展情况表', null, '2024Q3'],
    ['23-青溪县-2024-上半年.txt', '民生实事项目进展情况', null, '2024H1'],
    ['重点工作进展（2023年一季度）.docx', null, null, '2023Q1'],
    ['2024年进展表.xlsx', '1-8月重点工作推进情况', null, '2024-08'],
    ['石桥镇-2022-截至10月31日.txt', '2023年重点工作任务完成情况表', '2023', '2023-10'],
    ['2024年重点工作进展表.xlsx', '重点工作任务进展情况表', null, null],
    ['136项重点任务1-9月进展.xlsx', '重点工作任务进展情况表', null, null],
  ])('%s (title %s, found %s) → %s', (fileName, title, found, period) =>
    expect(periodFromFileName(fileName, title, found)).toBe(period),
  );

  it('gives a table the period of its file’s name, with a warning, only when its title names none', async () => {
    const text =
      '重点工作任务进展情况表\n序号\t工作任务\t责任单位\t进展情况\n1\t新增学位3000个\t区教育局\t已新增3200个\n';
    const bytes = new TextEncoder().encode(text);
    const named = await parseTable(bytes, { fileName: '青溪县2024年1-9月重点工作进展.txt' });
    expect(named.ok && named.value.period).toBe('2024Q3');
    expect(named.ok && named.value.warnings.map((w) => w.code)).toContain('period_from_file_name');
    const titled = await parseTable(new TextEncoder().encode(text.replace('重点工作', '2024年四季度重点工作')), {
      fileName: '青溪县2024年1-9月重点工作进展.txt',
    });
    expect(titled.ok && titled.value.period).toBe('2024Q4');
    const unnamed = await parseTable(bytes, { fileName: '进展表.txt' });
    expect(unnamed.ok && unnamed.value.period).toBeNull();
  });
});

describe('periodOfTable reads a quarter or a half a report header names, with the title’s year', () => {
  it.each([
    ['2024年政府工作报告重点任务落实情况表', ['序号', '重点任务', '上半年落实情况'], '2024H1'],
    ['2023年重点工作推进表', ['序号', '工作任务', '三季度推进情况'], '2023Q3'],
    ['2023年重点工作推进表', ['序号', '工作任务', '前三季度完成情况'], '2023Q3'],
    ['2021年经济和社会发展指标完成情况', ['序号', '指标名称', '单位', '年初目标', '全年完成数'], '2021'],
    // what a year's plan came to, told after the year: the title names the year and 完成情况 only
    ['表1:2021年国民经济和社会发展计划主要指标完成情况', ['序号', '指标名称', '完成情况', '年度目标'], '2021'],
    ['2024年民生实事项目推进情况', ['序号', '项目名称', '完成情况'], null],
    // a part of the target or a plan names the period planned, not the one reported on
    ['2023年重点工作推进表', ['序号', '一季度目标', '进展情况'], null],
    ['2023年重点工作推进表', ['序号', '工作任务', '二季度工作安排', '进展情况'], null],
    // a report column for each quarter: filled in as the year goes, none dates the table
    ['2023年重点工作推进表', ['序号', '工作任务', '一季度推进情况', '二季度推进情况', '三季度推进情况'], null],
  ])('%s %j → %s', (title, headers, period) => expect(periodOfTable(title, headers)).toBe(period));
});

describe('a line under the title dating the table', () => {
  it.each([
    ['（截至2024年9月30日）', '2024-09'],
    ['（2024年1-9月）', '2024Q3'],
    ['统计时间：2024年1-6月', '2024H1'],
    ['（截至9月底）', '2024-09'],
  ])('%s → %s', (line, period) =>
    expect(periodOfTable('2024年区政府工作报告重点任务分解落实情况表', ['序号', '工作任务'], [line])).toBe(period),
  );

  it.each([
    '填报时间：2024年10月8日',
    '市人大常委会会议于2022年12月21日依法票决产生了民生实事项目，现将落实情况通报如下',
  ])('%s dates nothing', (line) =>
    expect(periodOfTable('2024年区政府工作报告重点任务分解落实情况表', ['序号'], [line])).toBeNull(),
  );

  it('is read from a workbook with the header under it', () => {
    const table = parseText(
      [
        '2024年区政府工作报告重点任务分解落实情况表',
        '（截至2024年9月30日）',
        '序号\t工作任务\t牵头单位\t进展情况',
        '1\t新增城镇就业6000人\t区人社局\t1-9月新增4900人。',
      ].join('\n'),
    );
    expect(table.period).toBe('2024-09');
    expect(table.warnings.map((w) => w.code)).not.toContain('no_period');
  });
});

describe('a title broken over two lines, its year on the first', () => {
  it('is dated by the year of the line above, and keeps its own line as the title', () => {
    const table = parseText(
      [
        '2024年县政府工作报告重点任务',
        '三季度推进情况表',
        '序号\t工作任务\t责任单位\t进展情况',
        '1\t地区生产总值增长6%\t县发改局\t1-9月增长5.8%',
      ].join('\n'),
    );
    expect([table.title, table.period]).toEqual(['三季度推进情况表', '2024Q3']);
  });
  it('does not take the year of a line that is a title of its own', () => {
    const table = parseText(
      [
        '2023年工作情况汇总表',
        '三季度推进情况表',
        '序号\t工作任务\t责任单位\t进展情况',
        '1\t新增就业6000人\t县人社局\t已完成',
      ].join('\n'),
    );
    expect(table.period).toBeNull();
  });
});
