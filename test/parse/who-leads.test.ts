// Who leads a task, where a table says it outside a leaders or a units column of plain names: on
// the group's heading row (`（一）王宏副市长牵头重点工作`), or with labels inside the units cell
// (`牵头：市教育局；配合：市住建局`).
import { describe, expect, it } from 'vitest';
import { leaderOfHeading } from '../../src/parse/heading-leader.js';
import { parseText } from '../../src/parse/index.js';

const rows = (...lines: string[][]) => lines.map((l) => l.join('\t')).join('\n');

describe('a heading naming the leader of the tasks under it', () => {
  it.each([
    ['（一）王宏副市长牵头重点工作', '王宏'],
    ['(二)胡伟副市长牵头重点工作', '胡伟'],
    ['洪湖鹏市长主抓重点工作', '洪湖鹏'],
    ['一、戴建平常务副市长牵头', '戴建平'],
    ['（三）李明同志分管工作', null],
    ['（一）稳增长', null],
    ['一、市长牵头的重点工作', null],
    ['（二）市发改委牵头重点工作', null],
  ])('%s → %s', (heading, leader) => expect(leaderOfHeading(heading)).toBe(leader));

  it('gives each task under the heading its leader, in a table without a leaders column', () => {
    const table = parseText(
      rows(
        ['序号', '重点工作', '责任单位'],
        ['（一）张明副市长牵头重点工作'],
        ['1', '新建公办幼儿园5所，新增学位2700个。', '市教育局'],
        ['2', '新增城镇就业1.2万人。', '市人社局'],
        ['（二）李华副市长牵头重点工作'],
        ['3', '完成造林绿化2万亩。', '市林业局'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.leaders])).toEqual([
      [1, ['张明']],
      [2, ['张明']],
      [3, ['李华']],
    ]);
    expect(table.tasks[0].warnings.map((w) => w.code)).toContain('leader_from_heading');
  });

  it('leaves a leaders column as printed', () => {
    const table = parseText(
      rows(
        ['序号', '重点工作', '牵头领导', '责任单位'],
        ['（一）张明副市长牵头重点工作'],
        ['1', '新建公办幼儿园5所。', '赵强', '市教育局'],
      ),
    );
    expect(table.tasks[0].leaders).toEqual(['赵强']);
  });
});

describe('a units cell labelling the lead and the co-operating bodies', () => {
  it('keeps the bodies after 牵头： as the units and leaves those after 配合： out', () => {
    const table = parseText(
      rows(
        ['序号', '重点工作', '责任单位'],
        ['1', '新建公办幼儿园5所，新增学位2700个。', '牵头：市教育局；配合：市住建局、市自然资源局'],
        ['2', '新增城镇就业1.2万人。', '牵头：市人社局；配合：各区县'],
        ['3', '完成造林绿化2万亩。', '牵头：市林业局'],
      ),
    );
    expect(table.tasks.map((t) => [t.target, t.units])).toEqual([
      ['新建公办幼儿园5所，新增学位2700个。', ['市教育局']],
      ['新增城镇就业1.2万人。', ['市人社局']],
      ['完成造林绿化2万亩。', ['市林业局']],
    ]);
  });
});

describe('a units cell ending in others left unnamed (等相关部门)', () => {
  it('keeps the bodies it names', () => {
    const table = parseText(
      rows(
        ['序号', '重点工作', '责任领导', '责任单位'],
        ['1', '优化营商环境。', '李强同志', '区发改局、区市场监管局等相关部门'],
        ['2', '新增城镇就业1.2万人。', '赵丽', '区人社局等5个部门'],
        ['3', '建设平等就业服务站3个。', '赵丽', '区残联'],
      ),
    );
    expect(table.tasks.map((t) => [t.leaders, t.units])).toEqual([
      [['李强'], ['区发改局', '区市场监管局']],
      [['赵丽'], ['区人社局']],
      [['赵丽'], ['区残联']],
    ]);
  });
});

describe('a 责任领导及单位 column holding the leader and the unit in one cell', () => {
  it('reads the person as the leader and the body as the unit', () => {
    const table = parseText(
      rows(
        ['序号', '工作任务', '责任领导及单位', '一季度推进情况'],
        ['1', '新建公办幼儿园3所', '张明/区教育局', '2所已开工。'],
        ['2', '改造老旧小区20个', '李华/区住建局', '完成设计。'],
      ),
    );
    expect(table.tasks.map((t) => [t.leaders, t.units])).toEqual([
      [['张明'], ['区教育局']],
      [['李华'], ['区住建局']],
    ]);
  });
  it('leaves a unit head beside the unit out of the leaders when the header names no leader', () => {
    const table = parseText(
      rows(
        ['序号', '工作任务', '牵头单位及主要负责人', '进展情况'],
        ['1', '新建公办幼儿园3所', '区教育局 张明', '2所已开工。'],
        ['2', '改造老旧小区20个', '区住建局 李华', '完成设计。'],
      ),
    );
    expect(table.tasks.map((t) => [t.leaders, t.units])).toEqual([
      [[], ['区教育局']],
      [[], ['区住建局']],
    ]);
  });
});

describe('units named after a label inside the target cell', () => {
  it('ends the target at 责任单位： and reads the names after it as the units, where no column names them', () => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '推进情况'],
        ['1', '继续压减一般性支出15%以上。责任单位:市财政局、市级各部门', '上半年一般性支出压减16.2%。'],
        ['2', '新建城市书房10家。责任单位：市文广旅局', '已建成6家。'],
      ),
    );
    expect(table.tasks.map((t) => [t.target, t.units])).toEqual([
      ['继续压减一般性支出15%以上。', ['市财政局', '市级各部门']],
      ['新建城市书房10家。', ['市文广旅局']],
    ]);
  });
  it('keeps a label the target needs (a figure after it) as part of the target', () => {
    const table = parseText(
      rows(['序号', '目标任务', '推进情况'], ['1', '完善考核办法。责任单位：每季度考核2次', '已考核1次。']),
    );
    expect(table.tasks[0].target).toBe('完善考核办法。责任单位：每季度考核2次');
  });
});

describe('one column for the leaders and the units', () => {
  const table = parseText(
    rows(
      ['序号', '工作任务', '责任领导及单位', '进展情况'],
      ['1', '新建中小学3所', '王明（区教育局）', '2所已完工，1所主体封顶'],
      ['2', '新增托位500个', '区卫健委（李华）', '新增托位520个'],
      ['3', '建设口袋公园10个', '牵头领导：张强；牵头单位：区城管局；配合单位：各街道', '已建成8个'],
    ),
  );

  it('reads the person as the leader and the body as the unit, whichever stands in brackets', () => {
    expect(table.tasks.map((t) => [t.leaders, t.units])).toEqual([
      [['王明'], ['区教育局']],
      [['李华'], ['区卫健委']],
      [['张强'], ['区城管局']],
    ]);
  });

  it('keeps the task in place beside a cell that labels each part', () => {
    expect(table.tasks.map((t) => [t.theme, t.target])).toEqual([
      [null, '新建中小学3所'],
      [null, '新增托位500个'],
      [null, '建设口袋公园10个'],
    ]);
  });

  it('keeps a unit’s remark in brackets with the unit', () => {
    const t = parseText(
      rows(['序号', '目标任务', '责任单位', '进展情况'], ['1', '新增托位500个', '区卫健委（牵头）', '新增托位520个']),
    );
    expect(t.tasks[0].units).toEqual(['区卫健委']);
  });
});
