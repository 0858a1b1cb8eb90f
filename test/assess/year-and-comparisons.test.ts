// Reports written the way offices write them a third time: figures dated to last year, the year
// compared against (`比2023年同期`), approximate amounts (`超38亿元`, `38亿余元`), falls written as a
// 降幅, a negative growth without its figure, and counts begun beside counts done.
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';

const q3 = { period: parsePeriod('2024Q3') };
const judge = (target: string, progress: string) => assessTask({ target, progress }, q3);

describe('a figure dated to a year before the report’s is last year’s result', () => {
  it('reads this year’s figure, not last year’s before it', () => {
    const a = judge('固定资产投资完成50亿元', '2023年完成45亿元；今年1-9月完成30亿元');
    expect(a.indicators[0].actual).toBe(3e9);
    expect(a.status).toBe('behind');
  });
  it('reads no actual when only last year’s stands', () => {
    const a = judge('固定资产投资完成50亿元', '截至2023年底累计完成45亿元');
    expect(a.indicators[0].actual).toBeNull();
  });
  it('still reads a figure dated to the report’s own year', () => {
    expect(judge('固定资产投资完成50亿元', '2024年1-9月完成40亿元').indicators[0].actual).toBe(4e9);
  });
  it('reads last year’s figure in last year’s report', () => {
    const a = assessTask(
      { target: '固定资产投资完成50亿元', progress: '2023年1-9月完成45亿元' },
      { period: parsePeriod('2023Q3') },
    );
    expect(a.indicators[0].actual).toBe(4.5e9);
  });
});

describe('the year or period compared against dates no figure', () => {
  it.each([
    ['1-9月完成投资40亿元，比2023年同期增长6%'],
    ['1-9月完成投资40亿元，较2023年增长6%'],
    ['1-9月完成投资40亿元，比上年同期增长6%'],
  ])('%s is a growth of 6 % for 1-9月', (progress) => {
    const a = judge('固定资产投资增长5%', progress);
    expect(a.indicators[0].actual).toBe(6);
    expect(a.status).toBe('on_track');
    expect(a.reason).toContain('1-9月');
    expect(a.reason).not.toContain('2023年');
  });
});

describe('approximate amounts are read', () => {
  it.each([['1-9月完成投资超38亿元'], ['1-9月完成投资近38亿元'], ['1-9月完成投资38亿余元']])('%s', (progress) => {
    const a = judge('固定资产投资完成50亿元', progress);
    expect(a.indicators[0].actual).toBe(3.8e9);
    expect(a.status).toBe('on_track');
  });
});

describe('falls and negative growth against a growth to reach', () => {
  it('reads a 降幅 as a fall', () => {
    const a = judge('外贸进出口总额增长10%', '1-9月外贸进出口降幅收窄至3.2%');
    expect(a.indicators[0].actual).toBe(-3.2);
    expect(a.status).toBe('behind');
  });
  it('is behind on a negative growth without its figure', () => {
    const a = judge('外贸进出口总额增长10%', '1-9月外贸进出口负增长');
    expect(a.status).toBe('behind');
    expect(a.reason).toContain('负增长');
  });
  it.each([['1-9月外贸进出口扭转负增长局面'], ['1-9月外贸进出口由负增长转为正增长']])(
    'is not behind when the negative growth was overcome: %s',
    (progress) => expect(judge('外贸进出口总额增长10%', progress).status).toBe('on_track'),
  );
});

describe('a growth flat on the year before, or stated after its comparison', () => {
  it.each([
    ['税收收入增长5%', '1-9月税收收入同比基本持平。'],
    ['实际使用外资增长5%', '1-9月实际使用外资1.2亿美元，同比持平。'],
    ['地区生产总值增长6%', '1-9月全区地区生产总值与上年同期基本持平。'],
  ])('%s is behind on %s', (target, progress) => {
    const a = judge(target, progress);
    expect(a.status).toBe('behind');
    expect(a.reason).toContain('持平');
  });
  it('is not read into a growth the flat sentence does not name', () => {
    expect(judge('地区生产总值增长6%', '全社会用电量同比持平，工业投资增长12%。').status).toBe('on_track');
  });
  it.each([['财政收支持平'], ['企业盈亏持平']])('a balance (%s) is no growth', (progress) => {
    expect(judge('税收收入增长5%', progress).status).toBe('on_track');
  });
  it('reads the rate a clause of its own gives the growth rate before it (增速…，为6.3%)', () => {
    const a = judge('固定资产投资增长8%', '1-9月固定资产投资增速较上半年回落1.2个百分点，为6.3%。');
    expect(a.indicators[0].actual).toBe(6.3);
    expect(a.status).toBe('behind');
  });
});

describe('a count done before a count begun', () => {
  it('reads 完成12个, not 已开工20个, for a target naming no stage', () => {
    const a = judge('完成老旧小区改造20个', '已开工20个，完成12个');
    expect(a.indicators[0].actual).toBe(12);
    expect(a.status).toBe('behind');
  });
});

describe('more abbreviations of metrics', () => {
  it.each([
    ['居民消费价格涨幅控制在3%左右', 'CPI上涨2.1%', 2.1],
    ['社会消费品零售总额增长8%', '1-9月社会消费品零售额增长6.1%', 6.1],
    ['一般公共预算收入增长5%', '1-9月一般预算收入增长6.1%', 6.1],
  ])('%s ← %s', (target, progress, actual) => {
    expect(judge(target, progress).indicators[0].actual).toBe(actual);
  });
});

describe('a figure as at the year’s end', () => {
  it('closes a level to stay under in the year’s report', () => {
    const a = assessTask(
      { target: '城镇登记失业率控制在3.5%以内', progress: '年末城镇登记失业率为3.1%' },
      { period: parsePeriod('2024Q4') },
    );
    expect(a.status).toBe('done');
  });
  it('is no date of a figure when it lies ahead (年底前)', () => {
    const a = judge('城镇登记失业率控制在3.5%以内', '城镇登记失业率3.1%，确保年底前控制在3.5%以内');
    expect(a.status).toBe('on_track');
  });
});

describe('a month’s own rate beside the year’s so far', () => {
  const october = { period: parsePeriod('2024-10') };
  it.each([
    ['10月当月规上工业增加值增长8.2%，1-10月累计增长6.1%'],
    ['1-10月规上工业增加值累计增长6.1%，其中10月当月增长8.2%'],
  ])('reads the year’s so far: %s', (progress) => {
    const a = assessTask({ target: '规上工业增加值增长7%', progress }, october);
    expect(a.indicators[0].actual).toBe(6.1);
    expect(a.status).toBe('behind');
  });
});

describe('a wider area’s figure beside the report’s own area', () => {
  it.each([
    ['新增城镇就业1万人', '全市新增城镇就业5.2万人，我区新增城镇就业8200人', 8200, 'on_track'],
    ['地区生产总值增长6%', '全省GDP增长5.1%，我县GDP增长6.3%', 6.3, 'on_track'],
  ])('%s ← %s', (target, progress, actual, status) => {
    const a = judge(target, progress);
    expect(a.indicators[0].actual).toBe(actual);
    expect(a.status).toBe(status);
  });
  it('still reads the only figure when no own area is named', () => {
    expect(judge('新增城镇就业1万人', '全区新增城镇就业8200人').indicators[0].actual).toBe(8200);
  });
});

describe('the end of last year compared against (较上年末) dates no figure', () => {
  it('keeps the report’s own period in the reason', () => {
    const a = judge('常住人口城镇化率提高1个百分点', '1-9月常住人口城镇化率较上年末提高0.6个百分点。');
    expect(a.indicators[0].actual_period).toBe('1-9月');
    expect(a.reason).not.toContain('年末常住');
  });
});
