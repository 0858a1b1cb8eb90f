// A count of all there are beside the year's new ones (`总数达到320家，今年新认定38家`), lists of
// figures joined by 和 after 分别, livestock counted in 头, and a thing to build finishing only next year.
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';

const q3 = { period: parsePeriod('2024Q3') };
const judge = (target: string, progress: string) => assessTask({ target, progress }, q3);

describe('a target of new things is not met by the count of all there are', () => {
  it.each([
    ['新建5G基站500个', '全区累计建成5G基站1200个，今年新建320个', 320],
    ['新增A级旅游景区3家', '全区A级旅游景区总数达到9家，今年新增1家', 1],
    ['新增国家高新技术企业50家', '全区国家高新技术企业总数达到320家，今年新认定38家', 38],
    ['新增充电桩1000个', '全区充电桩总数达到5600个，1-9月新增820个', 820],
  ])('%s ← %s', (target, progress, actual) => {
    const a = judge(target, progress);
    expect(a.indicators[0].actual).toBe(actual);
    expect(a.status).not.toBe('done');
  });
  it('still reads the year’s count so far after a month’s own', () => {
    expect(judge('新建口袋公园200个', '本月新建30个，累计建成150个。').indicators[0].actual).toBe(150);
  });
});

describe('figures listed after 分别 joined by 和', () => {
  it('gives each name its own figure', () => {
    const a = judge(
      '财政总收入和一般公共预算收入分别增长5%和6%',
      '1-9月财政总收入、一般公共预算收入分别增长4.2%和6.8%',
    );
    expect(a.indicators.map((i) => i.actual)).toEqual([4.2, 6.8]);
  });
});

describe('lists that shorten their names', () => {
  const incomes = '城乡居民人均可支配收入分别增长6%和7.5%';
  it.each([['1-9月城镇、农村居民人均可支配收入分别增长5.1%、7.8%'], ['1-9月城乡居民人均可支配收入分别增长5.1%和7.8%']])(
    'gives the urban and the rural figure each its own: %s',
    (progress) => {
      expect(judge(incomes, progress).indicators.map((i) => i.actual)).toEqual([5.1, 7.8]);
    },
  );
  it('reads amounts listed after 分别 and joined by 和 in the target', () => {
    const a = judge(
      '财政总收入、一般公共预算收入分别达到100亿元和60亿元',
      '1-9月财政总收入81.2亿元，一般公共预算收入47.5亿元',
    );
    expect(a.indicators.map((i) => [i.metric, i.target, i.actual])).toEqual([
      ['财政总收入', 1e10, 8.12e9],
      ['一般公共预算收入', 6e9, 4.75e9],
    ]);
  });
});

describe('livestock and poultry', () => {
  it.each([
    ['生猪出栏160万头', '生猪出栏162.2万头、存栏72.9万头', 1622000],
    ['家禽出栏500万羽', '1-9月家禽出栏380万羽', 3800000],
  ])('%s ← %s', (target, progress, actual) => {
    expect(judge(target, progress).indicators[0].actual).toBe(actual);
  });
});

describe('a thing to build finished only next year', () => {
  it('is behind when the new building opens next year', () => {
    const a = judge('新建幼儿园3所，新增学位1080个', '新建幼儿园3所均已开工，预计明年秋季开学投用');
    expect(a.status).toBe('behind');
    expect(a.reason).toContain('明年');
  });
});

describe("a year's target beside a count so far that names no year", () => {
  const actual = (target: string, progress: string) =>
    assessTask({ target, progress }, { period: parsePeriod('2024Q3') }).indicators[0].actual;
  it('reads the count the text dates to the year (今年新建680个), not all there are', () => {
    expect(actual('建成5G基站800个', '截至9月底，累计建成5G基站1.2万个，今年新建680个。')).toBe(680);
    expect(actual('完成投资10亿元', '累计完成投资30亿元，今年完成8亿元。')).toBe(8e8);
  });
  it('but a level to reach is the count so far', () => {
    expect(actual('5G基站总数达到1.3万个', '截至9月底，累计建成5G基站1.2万个，今年新建680个。')).toBe(12000);
  });
});

describe('a count above a size the metric does not name', () => {
  const actual = (target: string, progress: string) => assessTask({ target, progress }).indicators[0].actual;
  it('is a part, not the count (其中50亿元以上项目1个)', () => {
    expect(actual('招引落地10亿元以上产业项目8个', '新招引10亿元以上项目6个，其中50亿元以上项目1个。')).toBe(6);
    expect(actual('招引产业项目20个', '新招引项目16个，其中10亿元以上项目2个。')).toBe(16);
  });
  it('while the size the metric names, with or without 及, is its own', () => {
    expect(actual('招引10亿元及以上项目8个', '新招引10亿元以上项目6个。')).toBe(6);
  });
});
