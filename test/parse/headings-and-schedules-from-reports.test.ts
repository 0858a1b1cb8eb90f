// How tables copied from reports and notices name their parts: a work's 概况 is its content (the
// target); a header cell `工作安排` over `第三季度`, joined, is the period's plan (the target itself
// where the target is only a project's name); a section heading
// may stand on the first line above the header; a heading in the 序号 column may keep the
// report's full stop (`优化营商环境。`).
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';

const rows = (...lines: string[][]) => lines.map((l) => l.join('\t')).join('\n');

describe('a work’s 概况', () => {
  it('is part of the target, not a second report', () => {
    const table = parseText(
      rows(
        ['序号', '民生实事项目', '项目概况', '三季度进展'],
        ['1', '农村公路提升', '改造村道12公里,新建错车道20处。', '已完成村道改造9公里,错车道施工中。'],
        ['2', '菜市场改造', '改造提升菜市场3家。', '2家已完工,1家正在招标。'],
      ),
    );
    expect(table.tasks.map((t) => [t.target, t.progress])).toEqual([
      ['农村公路提升 改造村道12公里,新建错车道20处。', '已完成村道改造9公里,错车道施工中。'],
      ['菜市场改造 改造提升菜市场3家。', '2家已完工,1家正在招标。'],
    ]);
  });
});

describe('a plan for the period named after the plan', () => {
  it('keeps `工作安排第三季度` out of the target and the report', () => {
    const table = parseText(
      rows(
        ['序号', '重点工作', '责任领导', '年度目标任务', '工作安排第三季度', '完成情况'],
        ['1', '集镇污水管网', '陈立军', '新建污水管网8公里。', '完成管网铺设5公里。', '已铺设管网5.6公里。'],
        ['2', '农贸市场提升', '赵海波', '完成农贸市场改造。', '完成主体改造。', '主体改造已完成80%。'],
      ),
    );
    expect(table.tasks.map((t) => [t.target, t.progress])).toEqual([
      ['新建污水管网8公里。', '已铺设管网5.6公里。'],
      ['完成农贸市场改造。', '主体改造已完成80%。'],
    ]);
  });
});

describe('a month’s plan beside a project’s name', () => {
  it('is what the project is to achieve when the target is only the name', () => {
    const table = parseText(
      rows(
        ['序号', '项目名称', '2023年6月工作计划', '目前进展情况', '责任单位'],
        ['3', '城南污水处理厂扩建', '完成设备安装。', '设备已安装90%。', '住建局'],
        ['5', '高铁站前广场改造', '完成招标。', '招标文件已挂网。', '城投公司'],
      ),
    );
    expect(table.tasks.map((t) => t.target)).toEqual([
      '城南污水处理厂扩建 完成设备安装。',
      '高铁站前广场改造 完成招标。',
    ]);
  });
});

describe('section headings', () => {
  it('reads a section heading on the first line, above the header, as the theme', () => {
    const table = parseText(
      rows(
        ['二、产业项目类'],
        ['序号', '项目名称', '目前进展情况', '责任单位'],
        ['7', '智能装备产业园', '主体厂房已封顶。', '工信局'],
        ['9', '冷链物流中心', '完成土地摘牌。', '商务局'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme])).toEqual([
      [7, '二、产业项目类'],
      [9, '二、产业项目类'],
    ]);
  });
  it('still reads a numbered title on the first line as the title', () => {
    const table = parseText(
      rows(
        ['一、2024年民生实事项目进展情况表'],
        ['序号', '项目名称', '目前进展情况', '责任单位'],
        ['1', '智能装备产业园', '主体厂房已封顶。', '工信局'],
        ['2', '冷链物流中心', '完成土地摘牌。', '商务局'],
      ),
    );
    expect(table.tasks.map((t) => t.theme)).toEqual([null, null]);
  });
  it('reads headings in the 序号 column that end with a full stop', () => {
    const table = parseText(
      rows(
        ['序号', '重点工作', '分管领导', '牵头单位', '配合单位'],
        ['持续优化营商环境。', '', '', '', ''],
        ['(一)', '深化商事制度改革。', '', '', ''],
        ['1', '推行企业开办全程网上办理,压缩开办时间至1个工作日。', '李 强', '市市场监管局', '市政务服务中心'],
        ['2', '扩大证照分离改革覆盖面。', '李 强', '市市场监管局', '市司法局'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.category])).toEqual([
      [1, '持续优化营商环境。', '(一)深化商事制度改革。'],
      [2, '持续优化营商环境。', '(一)深化商事制度改革。'],
    ]);
  });
  it('keeps a wrapped line of a target, ending in a full stop, with its task', () => {
    const table = parseText(
      rows(
        ['序号', '具体目标任务', '牵头单位', '进展情况'],
        ['1', '新建城市公园3个,', '市园林局', '已建成2个。'],
        ['', '全面建成投入使用。', '', ''],
        ['2', '新增停车泊位2000个。', '市交通局', '已新增1500个。'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.target])).toEqual([
      [1, null, '新建城市公园3个,全面建成投入使用。'],
      [2, null, '新增停车泊位2000个。'],
    ]);
  });
});
