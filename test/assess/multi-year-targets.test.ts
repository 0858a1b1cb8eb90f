// Targets reaching past the report's year (`到2025年…`, `（2013—2017年）`, `“十四五”期间`): measured
// against the span they name, by the figure counted over it, never against one year's time share.
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { horizonOf, spanShare } from '../../src/assess/horizon.js';
import { parsePeriod } from '../../src/domain/index.js';

const q3 = { period: parsePeriod('2024Q3') };

describe('the span a target names', () => {
  it.each([
    ['到2025年，累计建成5G基站3000个', { from: null, to: 2025 }],
    ['完成7.4万口山坪塘整治（2023—2025年）', { from: 2023, to: 2025 }],
    ['2023年至2026年新建保障性住房1200套', { from: 2023, to: 2026 }],
    ['“十四五”期间累计新增城镇就业5万人', { from: 2021, to: 2025 }],
  ])('%s', (target, span) => {
    expect(horizonOf(target, 2024)).toEqual(span);
  });
  it.each([['新建5G基站500个'], ['2024年底前建成区图书馆'], ['地区生产总值比2020年翻一番']])(
    '%s reaches no later year',
    (target) => {
      expect(horizonOf(target, 2024)).toBeNull();
    },
  );
  it('is unknown without the report year', () => {
    expect(horizonOf('到2025年，累计建成5G基站3000个', null)).toBeNull();
  });
  it('runs its time share over the whole span', () => {
    // 2013—2017, June 2015: 30 of 60 months
    expect(spanShare({ from: 2013, to: 2017 }, 2015, 6)).toBeCloseTo(0.5);
    expect(spanShare({ from: null, to: 2017 }, 2015, 6)).toBeNull();
  });
});

describe('a shortfall against a later year', () => {
  it('is no delay while the span has years to run and its start is unknown', () => {
    const a = assessTask(
      { target: '到2026年，建成省级未来社区10个', progress: '已建成省级未来社区3个，在建4个。' },
      q3,
    );
    expect(a.status).toBe('on_track');
    expect(a.reason).toContain('目标期限至2026年');
  });
  it('is behind when short of the share of the span elapsed', () => {
    const a = assessTask(
      {
        target: '2000个行政村环境连片整治（2022—2025年）',
        progress: '1-9月完成120个。累计完成了650个行政村整治工作，占总计划的32.5%。',
      },
      q3,
    );
    // 33 of 48 months gone: 69 %, and 650 of 2000 is 33 %
    expect(a.status).toBe('behind');
    expect(a.indicators[0].actual).toBe(650);
    expect(a.reason).toContain('按2022—2025年计');
  });
  it('is on track when the span is mostly done', () => {
    const a = assessTask(
      {
        target: '解决2606个撤并村通公路（2021—2025年）',
        progress: '今年新解决375个撤并村通公路。累计解决了2085个撤并村通公路。',
      },
      q3,
    );
    expect(a.status).toBe('on_track');
    expect(a.indicators[0].actual).toBe(2085);
  });
  it('is done once the whole span is reached early', () => {
    const a = assessTask({ target: '到2025年，累计建成5G基站3000个', progress: '全区累计建成5G基站3120个。' }, q3);
    expect(a.status).toBe('done');
  });
  it('keeps a rate to reach by a later year on track', () => {
    const a = assessTask({ target: '到2025年，研发经费投入强度达到3%', progress: '1-9月研发经费投入强度2.6%。' }, q3);
    expect(a.status).toBe('on_track');
  });
  it('still judges a target of the year by the year', () => {
    const a = assessTask({ target: '建成省级未来社区10个', progress: '已建成省级未来社区3个。' }, q3);
    expect(a.status).toBe('behind');
  });
});
