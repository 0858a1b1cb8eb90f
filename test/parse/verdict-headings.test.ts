// Notices that group their items by how they went (`一、已完成项目（2项）`, `三、进度滞后项目`): the
// heading stays the items' theme and is read as the office's verdict on each of them.
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';
import { parseText } from '../../src/parse/index.js';
import { verdictOfHeading } from '../../src/parse/verdict-heading.js';

const rows = (...lines: string[][]) => lines.map((l) => l.join('\t')).join('\n');

describe('a heading that states a verdict', () => {
  it.each([
    ['一、已完成项目（12项）', '已完成', 'done'],
    ['四个项目完成全年目标', '完成全年目标', 'done'],
    ['三、进度滞后项目', '进度滞后', 'behind'],
    ['3项进展偏慢的市政府重点工作为:', '进展偏慢', 'behind'],
    ['未启动项目（3个）', '未启动', 'behind'],
    ['二、序时推进项目（1项）', '序时推进', 'on_track'],
    ['十个项目超额完成9月份节点目标', '超额完成9月份节点目标', 'on_track'],
  ])('reads %s as %s (%s)', (heading, text, verdict) => {
    expect(verdictOfHeading(heading)).toEqual({ text, verdict });
  });

  it.each(['（二）全面完成脱贫攻坚任务', '一、加快构建现代化产业体系', '未完成项目', '民生保障'])(
    'is not found in a theme that names work (%s)',
    (heading) => expect(verdictOfHeading(heading)).toBeNull(),
  );
});

describe('a notice grouped by verdict headings', () => {
  const table = parseText(
    rows(
      ['2024年民生实事项目进展情况（截至9月底）'],
      ['序号', '项目名称', '责任单位', '进展情况'],
      ['一、已完成项目（2项）'],
      ['1', '“婚姻登记跨区通办”项目', '区民政局', '3月起全面实行跨区通办，截至9月底办理登记4898件。'],
      ['2', '改造农贸市场3个', '区商务局', '3个农贸市场改造提升工程全部完工。'],
      ['二、进度滞后项目（1项）'],
      ['3', '建设口袋公园5个', '区城管局', '已完成2个口袋公园设计，正在办理施工许可。'],
    ),
  );
  const period = { period: parsePeriod(table.period ?? '') };
  const statuses = table.tasks.map((t) => assessTask(t, period).status);

  it('keeps the heading as the theme and the report as printed', () => {
    expect(table.tasks.map((t) => t.theme)).toEqual([
      '一、已完成项目（2项）',
      '一、已完成项目（2项）',
      '二、进度滞后项目（1项）',
    ]);
    expect(table.tasks[2].progress).toBe('已完成2个口袋公园设计，正在办理施工许可。');
  });
  it('hands the verdict to the assessor as a flag of its own', () => {
    expect(table.tasks[2].progress_parts?.at(-1)).toEqual({
      role: 'flag',
      header: '二、进度滞后项目（1项）',
      text: '进度滞后',
    });
    expect(table.tasks[2].warnings.map((w) => w.code)).toContain('verdict_heading');
  });
  it('makes an item under 已完成 done, though its own text names no result', () => {
    expect(statuses[0]).toBe('done');
    expect(statuses[1]).toBe('done');
  });
  it('makes an item under 进度滞后 behind, though its text only says work goes on', () => {
    expect(statuses[2]).toBe('behind');
  });
  it('adds nothing under a heading that names a theme', () => {
    const plain = parseText(
      rows(
        ['序号', '工作任务', '责任单位', '进展情况'],
        ['一、民生保障'],
        ['1', '新建幼儿园2所', '区教育局', '正在施工'],
      ),
    );
    expect(plain.tasks[0].progress_parts).toBeUndefined();
  });
});

describe('headings with points or a date', () => {
  it('reads a group with its points in brackets as the theme, not part of the target', () => {
    const table = parseText(
      rows(
        ['项 目', '目标内容', '分值'],
        ['职能目标 (340分)', '抓好各项专题会议的筹备、协调服务工作', '100'],
        ['', '强化民主监督职责，完成听取5个以上方面的工作通报', '100'],
        ['', '配合搞好省、市政协在我区开展的有关视察、调研活动', '40'],
        ['重点目标 (480分)', '统筹抓好扶贫攻坚联系村和联系户工作', '40'],
        ['', '围绕全区中心工作开展专题调研', '200'],
      ),
    );
    expect(table.tasks.map((t) => t.theme)).toEqual([
      '职能目标 (340分)',
      '职能目标 (340分)',
      '职能目标 (340分)',
      '重点目标 (480分)',
      '重点目标 (480分)',
    ]);
    expect(table.tasks[0].target).toBe('抓好各项专题会议的筹备、协调服务工作');
  });
  it('reads a heading row naming a month as a heading, not as the report of the item above', () => {
    const table = parseText(
      rows(
        ['序号', '项目', '进展情况'],
        ['四个项目完成全年目标'],
        ['1', '“公共场所布设自动体外除颤器”项目', '于8月份完成安装100台的年度目标,并投入使用。'],
        ['十个项目超额完成9月份节点目标'],
        ['1', '“老旧小区改造”项目', '截至9月底,累计完成总工程量70.8%。'],
      ),
    );
    expect(table.tasks.map((t) => t.theme)).toEqual(['四个项目完成全年目标', '十个项目超额完成9月份节点目标']);
    expect(table.tasks[0].progress).toBe('于8月份完成安装100台的年度目标,并投入使用。');
  });
});
