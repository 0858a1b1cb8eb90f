// Rows of a year's indicator table (指标名称 | 单位 | 年初目标 | 全年完成数) and reports beside them:
// the planned figure with its qualifier or range, the unit cell before it, a fall read as written,
// a growth column, a note in brackets after the actual, a forecast without a figure, and a last
// clause counting all the target's things done.
import { describe, expect, it } from 'vitest';
import { assessTask, extractIndicators } from '../../src/assess/index.js';
import { parsePeriod, type ProgressPart } from '../../src/domain/index.js';

const year = { period: null };
const half = { period: parsePeriod('2022H1') };
const part = (role: ProgressPart['role'], header: string, text: string): ProgressPart => ({ role, header, text });
/** A row reported in one actual column headed 全年完成数. */
const fullYear = (target: string, actual: string) =>
  assessTask({ target, progress: actual, progress_parts: [part('actual', '全年完成数', actual)] }, year);

describe('the planned figure of an indicator row', () => {
  it('reads 左右 and 以上 after the figure, the unit from the cell before it', () => {
    const [rate] = extractIndicators('城镇居民人均可支配收入增长率 % 6左右');
    expect([rate.kind, rate.target, rate.unit]).toEqual(['growth', 6, '%']);
    const [shows] = extractIndicators('文艺惠民演出数量 场次/年 1200以上');
    expect([shows.target, shows.unit, shows.metric]).toEqual([1200, '场次', '文艺惠民演出数量']);
  });

  it('a range in the cell is the target with its lower bound as the floor', () => {
    const [money] = extractIndicators('招商引资到位资金 亿元 80-100');
    expect([money.target, money.floor, money.unit]).toEqual([1e10, 8e9, '元']);
  });

  it('a change asked after a unit cell takes its name from the cell before the unit', () => {
    const [gdp] = extractIndicators('地区生产总值 亿元 增长6.5%');
    expect([gdp.metric, gdp.kind, gdp.target]).toEqual(['地区生产总值增长', 'growth', 6.5]);
    // and past another figure's cell (确保 | 力争)
    const [two] = extractIndicators('地区生产总值 亿元 增长6% 增长6.5%');
    expect([two.metric, two.target]).toEqual(['地区生产总值增长', 6.5]);
  });

  it('a cell of only a limit or a stretch word before the figure takes its name from the cell before', () => {
    const [jobless] = extractIndicators('城镇登记失业率 控制在4%以内');
    expect([jobless.metric, jobless.direction, jobless.target]).toEqual(['城镇登记失业率', 'at_most', 4]);
    const [trees] = extractIndicators('造林绿化 力争1.5万亩');
    expect([trees.metric, trees.target, trees.unit]).toEqual(['造林绿化', 15000, '亩']);
  });

  it('a name counting by its measure word gives the unit (户数 → 户)', () => {
    const [homes] = extractIndicators('棚户区改造户数 3000以上');
    expect([homes.target, homes.unit]).toEqual([3000, '户']);
  });

  it('a cell naming only the change takes its subject from the cell before', () => {
    expect(extractIndicators('规上工业增加值 增长6%以上')[0].metric).toBe('规上工业增加值增长');
  });
});

describe('the year’s actual column', () => {
  it('a rate met over the whole year is done; a note in brackets is no figure of its own', () => {
    const a = fullYear('城镇居民人均可支配收入增长率 % 6左右', '8.1(可比6.5)');
    expect([a.indicators[0].actual, a.indicators[0].actual_period, a.status]).toEqual([8.1, '全年', 'done']);
  });

  it('a money figure under a 全年 header is read in the target’s unit', () => {
    const a = fullYear('招商引资到位资金 亿元 80-100', '96.5');
    expect([a.indicators[0].actual, a.status]).toEqual([9.65e9, 'done']);
  });

  it('以上 after the actual leaves the figure', () => {
    expect(fullYear('棚户区改造户数 3000以上', '3500以上').indicators[0].actual).toBe(3500);
  });

  it('a fall is handed out as written: at least the fall asked, the fall reached as actual', () => {
    const a = fullYear('单位地区生产总值能耗下降率 % 3', '3.6');
    const [fall] = a.indicators;
    expect([fall.direction, fall.target, fall.floor, fall.actual, a.status]).toEqual(['at_least', 3, 3, 3.6, 'done']);
  });

  it('a forecast that the target is met, with no figure, waits for the figures', () => {
    expect(fullYear('单位地区生产总值能耗下降率 % 3', '预计可完成').status).toBe('pending');
    // a date the work is expected by is no forecast of a figure
    expect(
      assessTask({ target: '建成城东污水处理厂', progress: '主体已完工,预计10月完成调试。' }, half).status,
    ).not.toBe('pending');
  });
});

describe('a column of growth on last year', () => {
  it('is the rate reached, not the share of the task done', () => {
    const parts = [part('actual', '完成情况 总量', '820亿元'), part('actual', '完成情况 同比增长', '8.6%')];
    const a = assessTask(
      { target: '规上工业增加值 增长6%以上', progress: '820亿元 8.6%', progress_parts: parts },
      { period: parsePeriod('2022') },
    );
    expect([a.indicators[0].actual, a.indicators[0].metric]).toEqual([8.6, '规上工业增加值增长']);
    expect(a.status).not.toBe('behind');
  });

  it('a growth column the parser called a rate is read the same way', () => {
    const parts = [part('actual', '完成情况 总量', '820亿元'), part('rate', '完成情况 同比增长', '4.2%')];
    const a = assessTask(
      { target: '规上工业增加值 增长6%以上', progress: '820亿元 4.2%', progress_parts: parts },
      { period: parsePeriod('2022') },
    );
    expect([a.indicators[0].actual, a.status]).toEqual([4.2, 'behind']);
  });

  it('an actual cell naming only the growth (`增长6.2%`) reports the row’s growth, a fall as below zero', () => {
    const q3 = { period: parsePeriod('2023Q3') };
    const row = (actual: string) =>
      assessTask(
        {
          target: '一般公共预算收入 增长5%',
          progress: `${actual} 税收收入稳步增长。`,
          progress_parts: [part('actual', '截至9月底完成', actual), part('progress', '进展情况', '税收收入稳步增长。')],
        },
        q3,
      );
    expect([row('增长6.2%').indicators[0].actual, row('增长6.2%').status]).toEqual([6.2, 'on_track']);
    expect([row('同比增长3.1%').indicators[0].actual, row('同比增长3.1%').status]).toEqual([3.1, 'behind']);
    expect(row('下降1.5%').status).toBe('behind');
  });

  it('a percentage in an actual column beside a rate target is the rate reached', () => {
    const a = assessTask(
      {
        target: '城镇调查失业率 5.5%以内',
        progress: '3.2% 就业形势总体稳定。',
        progress_parts: [part('actual', '截至9月底完成', '3.2%'), part('progress', '进展情况', '就业形势总体稳定。')],
      },
      { period: parsePeriod('2023Q3') },
    );
    expect([a.indicators[0].actual, a.status]).toEqual([3.2, 'on_track']);
  });

  it('a plain number under a growth header is a percentage, whatever the header calls it', () => {
    const q3 = { period: parsePeriod('2023Q3') };
    const slow = assessTask(
      { target: '地区生产总值 增长6%', progress: '5.4', progress_parts: [part('actual', '增幅', '5.4')] },
      q3,
    );
    expect([slow.indicators[0].actual, slow.status]).toEqual([5.4, 'behind']);
    const ahead = assessTask(
      { target: '固定资产投资 增长8%', progress: '9.2', progress_parts: [part('actual', '增幅', '9.2')] },
      q3,
    );
    expect([ahead.indicators[0].actual, ahead.status]).toEqual([9.2, 'on_track']);
  });
});

describe('a project row: its size in the target, its money plan in a cell of its own', () => {
  it('reads the plan in the unit of the actual column’s header, not as a share of the size before it', () => {
    const a = assessTask(
      {
        target: '城东污水处理厂二期 新增日处理能力3万吨 8000',
        progress: '2100 26.3 完成桩基施工',
        progress_parts: [
          part('actual', '1-6月完成投资（万元）', '2100'),
          part('rate', '占年度计划%', '26.3'),
          part('progress', '形象进度', '完成桩基施工'),
        ],
      },
      half,
    );
    const money = a.indicators.find((i) => i.unit === '元');
    expect([money?.target, money?.actual, a.status]).toEqual([80_000_000, 21_000_000, 'behind']);
    expect(a.indicators.find((i) => i.unit === '吨')?.target).toBe(30_000);
  });
  it('still reads a number after a figure as the office’s share where no header says otherwise', () => {
    const [share] = extractIndicators('改(新)建农村户用厕所100万户以上 144281');
    expect([share.target, share.unit]).toEqual([144281, '户']);
  });
});

describe('a target restated in a later cell', () => {
  it('keeps the first mention of each figure, in the order the target gives them', () => {
    const inds = extractIndicators(
      '地区生产总值增长7%左右。进出口总额增长5%。城乡居民收入增长7%。 地区生产总值增长7%左右,进出口总额增长5%。',
    );
    expect(inds.map((i) => [i.metric, i.target])).toEqual([
      ['地区生产总值增长', 7],
      ['进出口总额增长', 5],
      ['城乡居民收入增长', 7],
    ]);
  });
});

describe('a last clause counting all the target’s things done', () => {
  const target = '新建一批乡镇幼儿园活动场地,改善6所农村幼儿园办学条件,提升保教质量。';
  it('closes the task when the count is the target’s', () => {
    const progress = '东关幼儿园操场、北街幼儿园教学楼等6个项目已全部竣工。';
    expect(assessTask({ target, progress }, year).status).toBe('done');
  });
  it('not when the count differs or work goes on', () => {
    expect(assessTask({ target, progress: '东关幼儿园操场等4个项目已全部竣工。' }, year).status).not.toBe('done');
    expect(assessTask({ target, progress: '6个项目已全部竣工,附属工程正在施工。' }, year).status).not.toBe('done');
  });
});
