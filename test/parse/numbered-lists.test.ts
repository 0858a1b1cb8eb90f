// A document's numbered list pasted as text, one item per line and no columns at all: each
// numbered line is a task, lines of duties under it (`牵头单位:…`) name who answers for it, and a
// section heading naming a unit (`一、县示范区管委会牵头工作(8项)`) gives the lead unit of its items.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/parse-text.js';

const lines = (...l: string[]) => l.join('\n') + '\n';

describe('one item per line, numbered, no columns', () => {
  it('each numbered line is a task with its text as the target', () => {
    const t = parseText(
      lines(
        '区第五届人民代表大会第五次会议表决确定区人民政府2020年民生实事项目10项:',
        '1.保障全区约3000名低保对象、约630名特困人员的基本生活;',
        '2.增加基础教育公办学位;',
        '3.城区50项内街小巷综合整治工程;',
      ),
    );
    expect(t.tasks.map((x) => x.seq)).toEqual([1, 2, 3]);
    expect(t.tasks[2].target).toBe('3.城区50项内街小巷综合整治工程;');
    expect(t.tasks[2].progress).toBe('');
  });

  it('half-width commas inside the items do not make the list a CSV', () => {
    const t = parseText(
      lines(
        '2022年民生实事项目,分别是:',
        '1.开展职业技能培训。高质量推进技能提升行动,全年完成技能培训10万人次,新增技能人才8万人。',
        '2.开展农村背街小巷整治行动,年度完成462个行政村的背街小巷道路硬化工作。',
        '3.推进城镇老旧小区改造提升。积极开展老旧小区改造,全年完成改造9527户。',
        '4.加快推进城乡供水一体化,年度完成投资8亿元。',
      ),
    );
    expect(t.tasks).toHaveLength(4);
    expect(t.tasks[0].target).toBe(
      '1.开展职业技能培训。高质量推进技能提升行动,全年完成技能培训10万人次,新增技能人才8万人。',
    );
  });

  it('a CSV table below a title copied from an article is still a CSV', () => {
    const t = parseText(
      lines(
        '河北:民生工程提前完成年度目标任务',
        '棚户区改造工程 新开工11万套、基本建成13.21万套,分别完成年度任务的100%、100.1%。',
        '老旧小区改造工程 改造3057个老旧小区,完成年度任务的100%。',
        '城中村改造工程 启动改造404个,完成年度任务的199%,占调整后目标的88%。',
        '市政管网改造工程 完成改造288公里,占年度任务的100%,管网漏损率下降。',
        '序号,具体目标任务,进展情况',
        '1,棚户区改造工程,"新开工11万套、基本建成13.21万套,分别完成年度任务的100%、100.1%。"',
        '2,老旧小区改造工程,"改造3057个老旧小区,完成年度任务的100%。"',
        '3,城中村改造工程,"启动改造404个,完成年度任务的199%,占调整后目标的88%。"',
      ),
    );
    expect(t.tasks.map((x) => x.target)).toEqual(['棚户区改造工程', '老旧小区改造工程', '城中村改造工程']);
    expect(t.tasks[1].progress).toBe('改造3057个老旧小区,完成年度任务的100%。');
  });
});

describe('duty lines under each item', () => {
  const text = lines(
    '2024年市《政府工作报告》任务分解和责任分工方案',
    '一、经济社会发展的主要预期目标',
    '1.地区生产总值增长6%。',
    '牵头单位:市发展改革委',
    '责任单位:全市经济运行工作专班各部门,各县(市)区政府',
    '2.规模以上工业增加值增长6%。',
    '责任单位:各相关部门',
    '牵头单位:市工业和信息化局',
    '3.居民收入增长与经济增长基本同步。',
    '牵头单位:市发展改革委、市农业农村局',
    '配合单位:市统计局',
  );
  const t = parseText(text);
  it('name the units, the 牵头 line over the 责任 line, and are no part of the target', () => {
    expect(t.tasks.map((x) => x.target)).toEqual([
      '1.地区生产总值增长6%。',
      '2.规模以上工业增加值增长6%。',
      '3.居民收入增长与经济增长基本同步。',
    ]);
    expect(t.tasks.map((x) => x.units)).toEqual([
      ['市发展改革委'],
      ['市工业和信息化局'],
      ['市发展改革委', '市农业农村局'],
    ]);
  });
  it('keep the co-operating units apart, and say what they did', () => {
    expect(t.tasks[2].co_units).toEqual(['市统计局']);
    expect(t.tasks[0].warnings.map((w) => w.code)).toContain('duty_line');
    expect(t.tasks[0].theme).toBe('一、经济社会发展的主要预期目标');
  });
});

describe('several duties on one line under an item', () => {
  const t = parseText(
    lines(
      '2024年区政府工作报告重点任务三季度推进情况',
      '一、经济发展',
      '1.地区生产总值增长6%。',
      '牵头领导：王强  责任单位：区发改局',
      '进展情况：1-9月地区生产总值增长5.2%。',
      '2.新建5G基站500个。',
      '牵头单位：区经信局；配合单位：区住建局、区城管局',
      '进展情况：已建成5G基站420个。',
    ),
  );
  it('give each label its own field', () => {
    expect(t.tasks.map((x) => x.leaders)).toEqual([['王强'], []]);
    expect(t.tasks.map((x) => x.units)).toEqual([['区发改局'], ['区经信局']]);
    expect(t.tasks[1].co_units).toEqual(['区住建局', '区城管局']);
  });
  it('and leave the report to its own line', () => {
    expect(t.tasks.map((x) => x.progress)).toEqual(['1-9月地区生产总值增长5.2%。', '已建成5G基站420个。']);
  });
});

describe('a section heading naming the unit that leads its items', () => {
  it('gives the lead unit of every item under it, where no column names one', () => {
    const t = parseText(
      lines(
        '2025年县政府工作报告任务清单',
        '一、县示范区管委会牵头工作(3项)',
        '1.投资3000万元建设南美白对虾工厂化循环水养殖基地。',
        '2.打造食用菌酵素生产基地。',
        '3.建设3个劳动密集型产业园。',
        '二、县发展改革局牵头工作(1项)',
        '4.新增规上工业企业10家。',
      ),
    );
    expect(t.tasks.map((x) => x.units)).toEqual([
      ['县示范区管委会'],
      ['县示范区管委会'],
      ['县示范区管委会'],
      ['县发展改革局'],
    ]);
  });
  it('but a heading about the work names nobody', () => {
    const t = parseText(
      lines('一、稳增长促发展', '1.新增规上工业企业10家。', '2.新建5G基站300个。', '3.新增城镇就业2400人。'),
    );
    expect(t.tasks[0].units).toEqual([]);
  });
});

describe('a 序号 column of two levels, 一、 over （一）', () => {
  const t = parseText(
    [
      '序号\t民生实事\t具体内容',
      '一、\t新建中小学、幼儿园25所,新增学位2.7万个。普通高中招生扩招3000人以上。\t',
      '（一）\t新建中小学、幼儿园25所,新增学位2.7万个\t建设燕楼镇中心完小等教育项目25个。',
      '（二）\t普通高中招生扩招3000人以上\t普通高中招生计划人数较上年增加3000人。',
      '二、\t完成城镇新增就业15万人。\t扎实做好各类重点人群就业工作。',
      '三、\t建成文化驿站40个,口袋公园10个。\t',
      '（一）\t建成40个文化驿站\t',
      '（二）\t建成10个口袋公园\t',
    ].join('\n') + '\n',
  );
  it('a 一、 row over （一） items is their heading, however it reads', () => {
    expect(t.tasks.map((x) => [x.seq, x.theme?.slice(0, 2) ?? null])).toEqual([
      [1, '一、'],
      [2, '一、'],
      [2, null],
      [1, '三、'],
      [2, '三、'],
    ]);
  });
  it('a 一、 row without items and with its own detail is a task', () => {
    expect(t.tasks[2].target).toMatch(/^完成城镇新增就业15万人。/);
  });
});

describe('rows left out of an excerpt', () => {
  it('a row of only …… is no heading of the rows after it', () => {
    const t = parseText(
      [
        '项目\t任务目标\t进展情况',
        '实施棚户区改造工程\t棚改开工8264套。\t已开工8300套。',
        '……\t\t',
        '实施农村厕所改造提升工程\t改造农村户用卫生厕所2万座。\t已改造1.2万座。',
        '实施城市公共停车设施建设工程\t新增停车位1.4万个。\t已新增0.9万个。',
      ].join('\n') + '\n',
    );
    expect(t.tasks).toHaveLength(3);
    expect(t.tasks[1].theme).toBeNull();
  });
});

describe('a CSV without 序号 whose cells are long', () => {
  it('is still a CSV when its first line is a header of known words', () => {
    const t = parseText(
      lines(
        '区交通运输局2024年重点工作完成情况',
        '具体目标任务,进展情况',
        '完成交通投资30亿元,完成综合交通投资33.9亿元',
        '建成329国道北移工程,已完工',
        '104国道南移完成工程量30%,累计完成投资11.3亿元',
      ),
    );
    expect(t.tasks.map((x) => x.progress)).toEqual(['完成综合交通投资33.9亿元', '已完工', '累计完成投资11.3亿元']);
  });
});

describe('a report line under each item (进展情况：…)', () => {
  const table = parseText(
    [
      '2024年重点任务三季度进展',
      '1.地区生产总值增长6%。',
      '牵头单位：区发改局',
      '进展情况：1-9月地区生产总值增长5.9%。',
      '下步将加大项目投资力度。',
      '2.新增城镇就业6000人。',
      '牵头单位：区人社局',
      '进展情况：1-9月新增4900人。',
      '3.完成固定资产投资150亿元。',
      '牵头单位：区发改局',
      '完成情况：1-9月完成118亿元。',
    ].join('\n'),
  );

  it('is the item’s report, with the lines after it, not more of its target', () =>
    expect(table.tasks.map((t) => [t.target, t.progress])).toEqual([
      ['1.地区生产总值增长6%。', '1-9月地区生产总值增长5.9%。下步将加大项目投资力度。'],
      ['2.新增城镇就业6000人。', '1-9月新增4900人。'],
      ['3.完成固定资产投资150亿元。', '1-9月完成118亿元。'],
    ]));
});
