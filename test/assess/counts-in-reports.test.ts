// How reports write the counts of a 民生实事 list: the total restated as the subject of a part
// (`12个…已开工9个`) is not the actual; a count repeating only the metric's verb (`已培训860人` for
// 培训…) is; a share in brackets after a done count (`已完成860人(43%)`) is how much of the plan is
// done; `场次` is a unit; a digit count before quotes continuing a counted list is an indicator; a
// next step urging the projects not yet started on is no delay.
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { extractIndicators } from '../../src/assess/indicators.js';
import { parsePeriod } from '../../src/domain/index.js';

const september = { period: parsePeriod('2024-09') };
const assess = (target: string, progress: string) => assessTask({ target, progress }, september);

describe('counts in a report', () => {
  it('the total restated as the subject of a part is not the actual', () => {
    const a = assess('12个社区体育公园', '12个社区体育公园已开工9个,完成投资420万元。');
    expect(a.indicators[0].actual).toBe(9);
    expect(a.status).toBe('on_track');
  });

  it('a count repeating only the verb of the metric is its actual', () =>
    expect(assess('900场送电影下乡', '已送720场(80%)').indicators[0].actual).toBe(720));

  it.each([
    ['为65岁以上老人提供免费健康体检服务', '已完成3120人(41.5%)', 'behind'],
    ['为65岁以上老人提供免费健康体检服务', '已完成6120人(81.5%)', 'on_track'],
    ['400件困难群众法律援助', '已完成250件(62%)', 'behind'],
  ])('a share in brackets after a done count: %s %s → %s', (target, progress, status) =>
    expect(assess(target, progress).status).toBe(status),
  );

  it('a share in brackets that is no done count is not a rate of the task', () =>
    expect(assess('为65岁以上老人提供免费健康体检服务', '体检老人6120人,其中女性2500人(40.8%)').status).toBe(
      'on_track',
    ));

  it('a next step urging the projects not yet started on is no delay', () =>
    expect(assess('8个口袋公园', '8个口袋公园已开工7个,已完工6个。加快未开工项目尽快开工。').status).toBe('on_track'));

  it('projects said not started are still late', () =>
    expect(assess('8个口袋公园', '已完工2个,其余项目未开工。').status).toBe('behind'));
});

describe('units and lists in a target', () => {
  it('场次 is a unit', () =>
    expect(extractIndicators('开展送戏下乡演出150场次、公益电影放映400场次').map((i) => i.unit)).toEqual([
      '场次',
      '场次',
    ]));

  it('a digit count before quotes continuing a counted list is an indicator', () =>
    expect(
      extractIndicators('完成2万名适龄妇女“两癌”筛查和300名“两癌”患者、800名留守儿童救助').map((i) => i.target),
    ).toEqual([20000, 300, 800]));

  it('a Chinese numeral before quotes still names a programme', () =>
    expect(extractIndicators('推进三个“一号工程”和两个“万亩千亿”平台建设')).toEqual([]));
});
