// Targets written with comparison signs and measures (`满意度≥90%`, `办理时限≤5个工作日`, `等于 100 %`
// as a form prints them), counts of times, days and copies, and growth reported without naming the
// metric again (`前三季度增长6.2%`).
import { describe, expect, it } from 'vitest';
import { assessTask, extractIndicators } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';

const q3 = { period: parsePeriod('2023Q3') };
const read = (target: string) => extractIndicators(target).map((i) => [i.metric, i.direction, i.target, i.unit]);

describe('comparison signs and words', () => {
  it.each([
    ['群众满意度≥90%', [['群众满意度', 'at_least', 90, '%']]],
    ['群众满意度大于等于90%', [['群众满意度', 'at_least', 90, '%']]],
    ['空气优良率>85%', [['空气优良率', 'at_least', 85, '%']]],
    ['办理时限≤5个工作日', [['办理时限', 'at_most', 5, '工作日']]],
    ['办结时间小于等于3天', [['办结时间', 'at_most', 3, '天']]],
    ['单位能耗<0.5吨标准煤', [['单位能耗', 'at_most', 0.5, '吨标准煤']]],
  ])('%s', (target, expected) => expect(read(target)).toEqual(expected));
});

describe('a form’s cells joined into the target', () => {
  it('reads the measure a cell of its own gives, a % after a space included', () => {
    expect(read('租车次数(次) 正向 大于等于 1 次')).toEqual([['租车次数', 'at_least', 1, '次']]);
    expect(read('宣传合格率 正向 等于 100 %')).toEqual([['宣传合格率', 'at_least', 100, '%']]);
  });
  it('names the metric, not the line’s label (指标1:)', () => {
    expect(read('指标1:租车达标率 正向 等于 100 %')).toEqual([['租车达标率', 'at_least', 100, '%']]);
  });
  it('leaves a bracketed word that is no measure in the metric', () => {
    expect(read('出台管理规范(试行) 3个').map((r) => r[0])).toEqual(['出台管理规范(试行)']);
  });
});

describe('counts of times and copies', () => {
  it.each([
    ['开展培训12次', 12, '次'],
    ['发放宣传册5000册', 5000, '册'],
    ['回收问卷2000份', 2000, '份'],
  ])('%s', (target, value, unit) => {
    expect(extractIndicators(target).map((i) => [i.target, i.unit])).toEqual([[value, unit]]);
  });
  it.each(['发放一次性补贴', '次年完成验收', '完善份额分配机制', '为每个村免费订阅一份《农民日报》'])(
    'reads no count in %s',
    (target) => {
      expect(extractIndicators(target)).toEqual([]);
    },
  );
});

describe('a growth reported without naming the metric again', () => {
  it('is the sole growth indicator’s actual, dated by its period', () => {
    const a = assessTask({ target: '固定资产投资增长8%', progress: '前三季度增长5.1%' }, q3);
    expect([a.indicators[0].actual, a.status]).toEqual([5.1, 'behind']);
    expect(a.reason).toContain('前三季度');
  });
});

describe('ranges and pairs of figures in a target', () => {
  const floors = (target: string) => extractIndicators(target).map((i) => [i.metric, i.target, i.floor, i.unit]);
  it.each([
    ['地区生产总值增长5%-6%', [['地区生产总值增长', 6, 5, '%']]],
    ['地区生产总值增长5%—6%', [['地区生产总值增长', 6, 5, '%']]],
    ['新增城镇就业5000人至6000人', [['新增城镇就业', 6000, 5000, '人']]],
    ['地区生产总值增长力争7%、确保6%', [['地区生产总值增长', 7, 6, '%']]],
    ['地区生产总值增长力争7%，确保6%', [['地区生产总值增长', 7, 6, '%']]],
    ['地区生产总值增长7%以上、力争8%', [['地区生产总值增长', 8, 7, '%']]],
  ])('%s is one indicator with its floor', (target, expected) => expect(floors(target)).toEqual(expected));

  it('a report between the floor and the stretch is on track, not behind', () =>
    expect(
      assessTask({ target: '地区生产总值增长力争7%、确保6%', progress: '1-9月地区生产总值增长6.4%。' }, q3).status,
    ).toBe('on_track'));
});

describe('a change to a level, and a fall that rose', () => {
  it('优良率提升至91.2% reports the share reached', () =>
    expect(
      assessTask({ target: '空气质量优良率达到90%', progress: '1-9月空气质量优良率提升至91.2%。' }, q3).indicators[0]
        .actual,
    ).toBe(91.2));

  it('失业率下降至4.8% reports the rate reached', () =>
    expect(
      assessTask({ target: '城镇调查失业率控制在5.5%以内', progress: '9月城镇调查失业率下降至4.8%。' }, q3)
        .indicators[0].actual,
    ).toBe(4.8));

  it('增速回落至5.2% is a growth of 5.2%, not a fall of it', () =>
    expect(
      assessTask({ target: '地区生产总值增长6%', progress: '1-9月地区生产总值增速回落至5.2%。' }, q3).indicators[0]
        .actual,
    ).toBe(5.2));

  it('a fall to reach that rose is behind, and the reason says it rose', () => {
    const a = assessTask({ target: '单位GDP能耗下降3%', progress: '1-9月单位GDP能耗同比上升1.2%。' }, q3);
    expect(a.status).toBe('behind');
    expect(a.reason).toContain('上升1.2%');
    expect(a.reason).not.toContain('下降1.2%');
  });
});

describe('a change asked in percentage points', () => {
  it.each([
    ['城镇化率提高1个百分点', [['城镇化率提高', 1, 1, '百分点']]],
    ['工业增加值率提升0.5个百分点', [['工业增加值率提升', 0.5, 0.5, '百分点']]],
  ])('%s is an indicator in 百分点', (target, expected) =>
    expect(extractIndicators(target).map((i) => [i.metric, i.target, i.floor, i.unit])).toEqual(expected),
  );

  it('a figure that only compares the growth with another area’s is no indicator', () =>
    expect(extractIndicators('地区生产总值增长6%，高于全省平均1个百分点').map((i) => i.unit)).toEqual(['%']));

  it('is met by the rise reported', () => {
    const a = assessTask(
      { target: '研发经费投入强度提高0.2个百分点', progress: '研发经费投入强度2.9%，较上年提高0.25个百分点。' },
      q3,
    );
    expect(a.indicators[0].actual).toBe(0.25);
    expect(a.status).toBe('on_track');
  });

  it('is behind when the share fell, and the reason says it fell', () => {
    const a = assessTask(
      { target: '城镇化率提高1个百分点', progress: '常住人口城镇化率为71.2%，比上年下降0.3个百分点。' },
      q3,
    );
    expect(a.status).toBe('behind');
    expect(a.reason).toContain('下降0.3个百分点');
  });
});

describe('falls asked as 减少 or 降低', () => {
  it('化肥使用量减少2% is a fall to reach, met by a larger fall', () =>
    expect(assessTask({ target: '化肥使用量减少2%', progress: '1-9月化肥使用量同比减少2.5%。' }, q3).status).toBe(
      'on_track',
    ));
  it('and missed by a rise (增加1.5%)', () =>
    expect(assessTask({ target: '化肥使用量减少2%', progress: '1-9月化肥使用量同比增加1.5%。' }, q3).status).toBe(
      'behind',
    ));
  it('降低至 names the level, not a fall (失业率降低至4%以内)', () =>
    expect(extractIndicators('失业率降低至4%以内').map((i) => [i.metric, i.kind, i.direction])).toEqual([
      ['失业率', 'share', 'at_most'],
    ]));
});

describe('a change named by the amount before it', () => {
  it.each([
    ['一般公共预算收入达到50亿元、增长5%', '一般公共预算收入增长'],
    ['实现税收收入45亿元，增长8%', '税收收入增长'],
    ['完成固定资产投资100亿元，同比增长10%', '固定资产投资增长'],
  ])('%s: the growth is %s', (target, metric) =>
    expect(extractIndicators(target).find((i) => i.kind === 'growth')?.metric).toBe(metric),
  );

  it('a rank’s count is the rank, not a count of people (进入全市前三名)', () =>
    expect(extractIndicators('综合考核进入全市前三名').map((i) => [i.kind, i.target])).toEqual([['rank', 3]]));
});
