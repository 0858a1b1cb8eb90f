// Tables as a page's text layer gives them: columns aligned with spaces instead of tabs, and long
// cells wrapped onto lines of their own. Every word is kept: a wrapped line goes on in the column
// it stands under, or, at the left margin, where the line above ended (with a warning to check).
import { describe, expect, it } from 'vitest';
import { isUnitName } from '../../src/parse/classify.js';
import { parseText } from '../../src/parse/index.js';
import { textToRows } from '../../src/parse/text-rows.js';

describe('columns aligned with spaces', () => {
  const text = [
    '2024年区重点工作三季度进展情况',
    '序号   目标任务                     牵头单位      进展情况',
    '1      新增城镇就业8000人           区人社局      1-9月新增就业6500人，完成年度',
    '                                                 目标的81%',
    '2      改造老旧小区15个，完成加装   区住建局      已完工9个，其余6个正在施工',
    '       电梯30部',
    '3      新建公办幼儿园3所            区教育局      2所已投用，1所正在装修',
  ].join('\n');

  it('are cut at runs of two or more spaces, a wrapped line under the cell it continues', () => {
    const rows = textToRows(text);
    expect(rows.ok && rows.rows.map((r) => r.cells)).toEqual([
      ['2024年区重点工作三季度进展情况'],
      ['序号', '目标任务', '牵头单位', '进展情况'],
      ['1', '新增城镇就业8000人', '区人社局', '1-9月新增就业6500人，完成年度'],
      ['', '', '', '目标的81%'],
      ['2', '改造老旧小区15个，完成加装', '区住建局', '已完工9个，其余6个正在施工'],
      ['', '电梯30部'],
      ['3', '新建公办幼儿园3所', '区教育局', '2所已投用，1所正在装修'],
    ]);
  });

  it('read as a table, the wrapped lines joined to their tasks', () => {
    const table = parseText(text);
    expect([table.title, table.period]).toEqual(['2024年区重点工作三季度进展情况', '2024Q3']);
    expect(table.tasks.map((t) => [t.target, t.units, t.progress])).toEqual([
      ['新增城镇就业8000人', ['区人社局'], '1-9月新增就业6500人，完成年度目标的81%'],
      ['改造老旧小区15个，完成加装电梯30部', ['区住建局'], '已完工9个，其余6个正在施工'],
      ['新建公办幼儿园3所', ['区教育局'], '2所已投用，1所正在装修'],
    ]);
  });

  it('are not taken for prose: one space, or a text without a header line, stays one cell', () => {
    const prose = textToRows('一、稳增长  全年地区生产总值增长6%。\n二、惠民生  新增城镇就业8000人。');
    expect(prose.ok && prose.rows.map((r) => r.cells.length)).toEqual([1, 1]);
  });
});

describe('columns one space apart, or full-width spaces apart', () => {
  it.each([
    ['one space', ' '],
    ['full-width spaces', '\u3000\u3000'],
  ])('are read by the header line they give (%s)', (_, gap) => {
    const line = (...cells: string[]) => cells.join(gap);
    const table = parseText(
      [
        line('序号', '目标任务', '牵头单位', '进展情况'),
        line('1', '新增城镇就业8000人', '区人社局', '新增就业6500人'),
        line('2', '改造老旧小区15个', '区住建局', '已完工9个'),
      ].join('\n'),
    );
    expect(table.tasks.map((t) => [t.target, t.units, t.progress])).toEqual([
      ['新增城镇就业8000人', ['区人社局'], '新增就业6500人'],
      ['改造老旧小区15个', ['区住建局'], '已完工9个'],
    ]);
  });
});

describe('a line alone at the left margin between numbered rows', () => {
  it('goes on where the line above ended, with a warning to check', () => {
    const table = parseText(
      [
        '序号\t目标任务\t牵头单位\t进展情况',
        '1\t新增城镇就业8000人\t区人社局\t1-9月新增就业6500人，完成年度',
        '目标的81%',
        '2\t改造老旧小区15个\t区住建局\t已完工9个',
      ].join('\n'),
    );
    expect(table.tasks[0].progress).toBe('1-9月新增就业6500人，完成年度目标的81%');
    expect(table.warnings.find((w) => w.code === 'line_joined')?.message).toContain('目标的81%');
  });

  it('a cell broken by a line break goes on where the line above ended, its further cells after it', () => {
    const table = parseText(
      [
        '序号\t工作任务\t责任领导/责任单位\t推进情况',
        '1\t新增城镇就业8000人\t王磊/区人社局\t1-9月新增6500人。',
        '2\t完成固定资产投资150亿元\t李强',
        '区发改局\t前三季度完成118亿元。',
        '3\t改造老旧小区15个\t赵丽/区住建局\t已完成12个。',
      ].join('\n'),
    );
    expect(table.tasks.map((t) => t.seq)).toEqual([1, 2, 3]);
    expect(table.tasks[1]).toMatchObject({
      target: '完成固定资产投资150亿元',
      leaders: ['李强'],
      units: ['区发改局'],
      progress: '前三季度完成118亿元。',
    });
    expect(table.warnings.find((w) => w.code === 'line_joined')?.message).toContain('区发改局');
  });

  it('goes on whole in the last cell when it has more cells than columns are left', () => {
    const table = parseText(
      [
        '序号\t工作任务\t责任单位\t推进情况',
        '1\t新增城镇就业8000人\t区人社局\t1-9月新增6500人，',
        '完成年度目标的81%\t另有1000人待核实',
      ].join('\n'),
    );
    expect(table.tasks[0].target).toBe('新增城镇就业8000人');
    expect(table.tasks[0].progress).toBe('1-9月新增6500人，完成年度目标的81% 另有1000人待核实');
    expect(table.warnings.map((w) => w.code)).toContain('line_joined');
  });

  it('is not joined when it opens an item or a section of its own', () => {
    const table = parseText(
      [
        '序号\t目标任务\t牵头单位',
        '1\t新增城镇就业8000人\t区人社局',
        '37.加强社会保障工作。',
        '2\t改造老旧小区15个\t区住建局',
      ].join('\n'),
    );
    expect(table.tasks[0].units).toEqual(['区人社局']);
    expect(table.warnings.map((w) => w.code)).not.toContain('line_joined');
  });
});

describe('a count ending in a body’s last character', () => {
  it.each(['电梯30部', '学校3所', '站点12个'])('%s is no organisation', (text) => expect(isUnitName(text)).toBe(false));
  it.each(['区委宣传部', '区教育局', '区城管局'])('%s still is', (text) => expect(isUnitName(text)).toBe(true));
});

describe('a PDF’s text layer (pdftotext -layout): columns one space apart, cells wrapped line by line', () => {
  // as `pdftotext -layout` prints a table Chromium printed: every cell wrapped at its column's width
  const text = [
    '   序号        重点工     具体目标 牵头区领导 牵头单位 进展情况',
    '             作任务     任务',
    '   1         主要经     地区生产 陶峰      区发展改 三季度地区生产总值增长',
    '             济指标     总值增长         革局   4%。',
    '                     力争6%',
    '                     （确保',
    '                     5.5%）',
    '   2                 服务业增                  三季度服务业增加值增速',
    '                     加值增长                  8.7%。',
  ].join('\n');

  it('joins a wrapped cell without a space, and a bracket opening a wrapped line is no heading', () => {
    const t = parseText(text);
    expect(t.tasks[0].target).toBe('地区生产总值增长力争6%（确保5.5%）');
    expect(t.tasks[0].progress).toBe('三季度地区生产总值增长4%。');
    expect(t.tasks[1].category).toBeNull();
    expect(t.tasks[1].target).toBe('服务业增加值增长');
  });

  it('puts a wrapped line’s cells where the cells of its row went, when that row was short of one', () => {
    const short = [
      '   序号        重点工     具体目标 牵头区领导 牵头单位 进展情况',
      '   1         主要经     地区生产 陶峰      区发展改 三季度地区生产总值增长',
      '             济指标     总值增长         革局   4%。',
      '8      经开区排名保 施峰    区商务局              2023年国家级经开区综合考评于7月中旬正',
      '       持全国前十                          式启动。',
    ].join('\n');
    const t = parseText(short);
    expect(t.tasks[1].target).toBe('经开区排名保持全国前十');
    expect(t.tasks[1].progress).toBe('2023年国家级经开区综合考评于7月中旬正式启动。');
  });

  it('finishes a body’s name cut at the cell’s edge', () => {
    expect(parseText(text).tasks[0].units).toEqual(['区发展改革局']);
  });

  it('places a wrapped line by the columns of the rows of their own, not of the wrapped line above it', () => {
    const rows = textToRows(text);
    expect(rows.ok && rows.rows[4].cells).toEqual(['', '', '力争6%']);
    expect(rows.ok && rows.rows[4].continues).toBe(true);
  });
});

describe('a task’s number one space from the cell beside it', () => {
  it('is set apart: the text is the next column’s', () => {
    const t = parseText(
      [
        '行动                 序号   市定任务(2023年度)        工作进展情况',
        '(一)就业促进行动          1、 充分就业社区创建18个;         充分就业社区创建18个,已完成目标任务的100%。',
        '(一)就业促进行动          2、 新增技能人才2400人;         新增技能人才2450人,已完成目标任务的100%。',
      ].join('\n'),
    );
    expect(t.tasks.map((x) => [x.seq, x.target, x.progress])).toEqual([
      [1, '充分就业社区创建18个;', '充分就业社区创建18个,已完成目标任务的100%。'],
      [2, '新增技能人才2400人;', '新增技能人才2450人,已完成目标任务的100%。'],
    ]);
  });
  it('is not taken from a numbered heading alone on its row', () => {
    const t = parseText(
      [
        '序号\t工作任务\t牵头部门',
        '(1)增加城镇居民收入\t\t',
        '①\t以就业促增收，帮助就业困难人员实现就业1.39万人。\t州人社局',
      ].join('\n'),
    );
    expect(t.tasks.map((x) => x.target)).toEqual(['以就业促增收，帮助就业困难人员实现就业1.39万人。']);
  });
});
