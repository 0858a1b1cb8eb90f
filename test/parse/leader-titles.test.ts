// A leader's post printed beside the name is dropped: the leaders are the people.
import { describe, expect, it } from 'vitest';
import { isPeopleCell, isUnitName } from '../../src/parse/classify.js';
import { LEADER_TITLES, leaderNames, withoutTitle } from '../../src/parse/leader-titles.js';
import { parseText } from '../../src/parse/index.js';

describe('posts beside a leader’s name', () => {
  it.each(LEADER_TITLES.map((t) => [t]))('%s is dropped before, after and in brackets', (post) => {
    expect(withoutTitle(`陶峰（${post}）`)).toBe('陶峰');
    expect(withoutTitle(`${post}陶峰`)).toBe('陶峰');
    expect(withoutTitle(`陶峰${post}`)).toBe('陶峰');
    expect(withoutTitle(post)).toBeNull();
  });
  it('keeps names without a post and a bracket that is not a post', () => {
    expect(leaderNames(['陶峰', '刘国娟'])).toEqual(['陶峰', '刘国娟']);
    expect(withoutTitle('陶峰（兼）')).toBe('陶峰（兼）');
  });
  it('drops a post standing as its own token and keeps each person once', () => {
    expect(leaderNames(['副区长', '李明', '李明（副区长）'])).toEqual(['李明']);
  });
  it('reads a cell of people with posts as people, not as an organisation', () => {
    expect(isPeopleCell('陶峰区委常委')).toBe(true);
    expect(isPeopleCell('副区长 李明')).toBe(true);
    expect(isUnitName('陶峰区委常委')).toBe(false);
    expect(isUnitName('区委组织部')).toBe(true);
    expect(isUnitName('市长热线办公室')).toBe(true);
  });
  it('reads a post labelling the name after it with a colon (常务副区长：李强)', () => {
    expect(withoutTitle('常务副区长：李强')).toBe('李强');
    expect(isPeopleCell('常务副区长：李强、副区长：赵丽')).toBe(true);
    const table = parseText(
      [
        '序号\t重点任务\t责任区领导\t牵头单位\t进展情况',
        '1\t新增城镇就业6000人\t副区长 王磊\t区人社局\t已完成。',
        '2\t完成老旧小区改造12个\t常务副区长：李强、副区长：赵丽\t区住建局、区城管局\t已完成8个。',
        '3\t新建幼儿园2所\t赵丽（副区长）\t区教育局\t已竣工。',
      ].join('\n'),
    );
    expect(table.tasks[1]).toMatchObject({ theme: null, target: '完成老旧小区改造12个', leaders: ['李强', '赵丽'] });
    expect(table.tasks[2].theme).toBeNull();
  });
  it('keeps a leader named only by a post, with no body (分管副区长, 区政府分管领导, 区长), in its column', () => {
    const table = parseText(
      [
        '序号\t重点任务\t责任领导\t责任单位\t进展情况',
        '1\t新增城镇就业6000人\t分管副区长\t区人社局\t1-9月新增4900人。',
        '2\t完成老旧小区改造12个\t区政府分管领导\t区住建局\t已完成8个。',
        '3\t新建幼儿园2所\t各分管区领导\t区教育局\t已竣工。',
        '4\t优化营商环境\t区长\t区发改局\t持续推进。',
      ].join('\n'),
    );
    expect(table.tasks.map((t) => [t.theme, t.target, t.leaders])).toEqual([
      [null, '新增城镇就业6000人', ['分管副区长']],
      [null, '完成老旧小区改造12个', ['区政府分管领导']],
      [null, '新建幼儿园2所', ['各分管区领导']],
      [null, '优化营商环境', ['区长']],
    ]);
  });
  it('keeps a leader named only by a post of a body (市政府常务副市长), which is no organisation', () => {
    expect(leaderNames(['市政府常务副市长'])).toEqual(['市政府常务副市长']);
    expect(isPeopleCell('市政府常务副市长。')).toBe(true);
    expect(isUnitName('市政府常务副市长')).toBe(false);
  });
  it('reads the people in brackets after words about them (按…分工(蒋永根、俞福才))', () => {
    const table = parseText(
      [
        '序号\t重点工作\t责任领导\t责任单位',
        '1\t加快总部中心建设\t按《市委工作要点》分工(蒋永根、俞福才、金跃民)\t总部办、科技局',
        '2\t推进城市有机更新\t韦炜\t住建局',
      ].join('\n'),
    );
    expect(table.tasks.map((t) => t.leaders)).toEqual([['蒋永根', '俞福才', '金跃民'], ['韦炜']]);
  });
  it('gives the leaders of a table whose leader cells carry posts', () => {
    const table = parseText(
      [
        ['序号', '目标任务', '责任领导', '责任单位', '进展情况'],
        ['1', '新建城市书房3家', '陶峰（副区长）', '区文广旅局', '已建成2家。'],
        ['2', '建成口袋公园10个', '副区长 李明', '区城管局', '已建成8个。'],
        ['3', '新增公共停车泊位2000个', '王芳区委常委', '区住建局', '已新增1350个。'],
      ]
        .map((r) => r.join('\t'))
        .join('\n'),
    );
    expect(table.tasks.map((t) => t.leaders)).toEqual([['陶峰'], ['李明'], ['王芳']]);
    expect(table.tasks.map((t) => t.units)).toEqual([['区文广旅局'], ['区城管局'], ['区住建局']]);
  });
});
