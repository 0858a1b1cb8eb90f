// The most common official ways of writing a figure must not hide it: a data source in brackets,
// abbreviations (GDP, 规上, 固投, 社零), the figure before its metric, the unit left to the target.
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';

const GDP_TARGET = '地区生产总值增长力争6%（确保5.5%）';
const h1 = { period: parsePeriod('2023H1') };

describe('a growth below its floor is behind however the unit writes it', () => {
  it.each([
    ['with the data source in brackets', '1-6月，全区实现地区生产总值1030.5亿元，同比增长4.1%（数据来源：区统计局）。'],
    ['as GDP', '全区GDP增长4.1%'],
    ['as GDP with a period', '上半年，全区GDP同比增长4.1%。'],
    ['with a note in half-width brackets', '1-6月地区生产总值同比增长4.1%(数据来源:区统计局)。'],
  ])('%s', (_, progress) => {
    const a = assessTask({ target: GDP_TARGET, progress }, h1);
    expect(a.status).toBe('behind');
    expect(a.indicators[0].actual).toBe(4.1);
    expect(a.reason).toContain('4.1%');
    expect(a.missing_figures).toBeUndefined();
  });
});

describe('abbreviations stand for the full metric', () => {
  it.each([
    ['社会消费品零售总额增长7%', '1-6月，全区社零完成512.3亿元，同比增长6.8%。', 6.8],
    ['固定资产投资增长10%（确保7%）', '1-6月，全区固投同比增长5.2%。', 5.2],
    ['规模以上工业增加值增长8%', '1-6月，规上工业增加值同比增长6.1%（数据来源：区统计局）。', 6.1],
    ['规上工业增加值增长8%', '1-6月，全区规模以上工业增加值同比增长6.1%。', 6.1],
    ['GDP增长6%', '1-6月，全区实现地区生产总值1030.5亿元，同比增长5.1%。', 5.1],
  ])('%s ← %s', (target, progress, actual) => {
    const a = assessTask({ target, progress }, h1);
    expect(a.indicators[0].actual).toBe(actual);
    expect(a.status).toBe('behind');
  });
  it.each([
    ['完成农村户厕改造2000户', '1-6月，已完成改厕700户。', 700],
    ['完成农村改厕2000户', '1-6月，全县完成户厕改造700户。', 700],
    ['新建公共厕所30座', '已新建公厕10座，其余正在选址。', 10],
    ['新建公厕30座', '已新建公共厕所10座。', 10],
  ])('%s ← %s (the words of rural sanitation)', (target, progress, actual) => {
    const a = assessTask({ target, progress }, h1);
    expect(a.indicators[0].actual).toBe(actual);
    expect(a.status).toBe('behind');
  });
});

describe('a figure written before its metric or without its unit', () => {
  it('a plan for the whole year named beside the figure (为全年预算数…的62.1%) does not date it as the year’s', () => {
    const a = assessTask(
      {
        target: '一般公共预算总收入增长27%。',
        progress:
          '上半年,全市一般公共预算收入完成114814万元,为全年预算数185000万元的62.1%,同比增收27284万元,增长31.2%。',
      },
      { period: parsePeriod('2021H1') },
    );
    expect([a.indicators[0].actual, a.indicators[0].actual_period, a.status]).toEqual([31.2, '上半年', 'on_track']);
  });
  it('in a report on the whole year, an undated amount is the year’s: short of the target is behind', () => {
    const year = { period: parsePeriod('2024') };
    const q3 = { period: parsePeriod('2024Q3') };
    const task = { target: '新增城镇就业5000人', progress: '新增城镇就业4800人。' };
    expect(assessTask(task, year).status).toBe('behind');
    expect(assessTask(task, year).reason).toContain('低于序时进度100%');
    expect(assessTask(task, q3).status).toBe('on_track');
  });
  it('a growth after the amount it belongs to (完成512.3亿元，同比增长6.8%)', () => {
    const a = assessTask(
      { target: '固定资产投资增长6%', progress: '1-6月，全区固定资产投资完成512.3亿元，同比增长6.8%。' },
      h1,
    );
    expect(a.indicators[0].actual).toBe(6.8);
  });
  it('a sentence that names no metric reports the only indicator of its kind', () => {
    const a = assessTask({ target: '固定资产投资增长8%', progress: '1-6月，全区完成512.3亿元，同比增长6.8%。' }, h1);
    expect(a.indicators[0].actual).toBe(6.8);
    expect(a.status).toBe('behind');
  });
  it('an amount without its unit takes the unit the target wrote (50亿元 → 12.5)', () => {
    const a = assessTask({ target: '全年完成固定资产投资50亿元', progress: '1-6月完成固定资产投资12.5。' }, h1);
    expect(a.indicators[0].actual).toBe(1_250_000_000);
    expect(a.status).toBe('behind'); // 12.5 < 50 × 6/12
  });
  it('an amount with 亿 but no 元', () => {
    const a = assessTask({ target: '全年完成固定资产投资50亿元', progress: '1-6月完成固定资产投资30.2亿。' }, h1);
    expect(a.indicators[0].actual).toBe(3_020_000_000);
    expect(a.status).toBe('on_track');
  });
  it('a figure with no wording of its own (完成9个) reports the only indicator of its unit', () => {
    const a = assessTask(
      { target: '力争9个城市社区达到充分就业社区标准', progress: '完成9个,完成率100%' },
      { period: parsePeriod('2023-03') },
    );
    expect(a.indicators[0].actual).toBe(9);
    expect(a.status).toBe('done');
  });
  it.each([
    ['新增技能人才2400人', '新增2450人', 2450],
    ['充分就业社区创建18个', '已创建18个', 18],
    ['新建城市书房3家', '截至目前，已建成3家。', 3],
    ['开通定制公交线路5条', '1-9月，已开通6条', 6],
  ])(
    'a figure whose words only say it was done or added (%s ← %s) reports the only indicator',
    (target, progress, actual) => {
      const a = assessTask({ target, progress }, { period: parsePeriod('2023Q3') });
      expect(a.indicators[0].actual).toBe(actual);
      expect(a.status).toBe('done');
    },
  );
  it('a figure naming another measure is not the only indicator’s actual', () => {
    const a = assessTask({ target: '新增技能人才2400人', progress: '开展培训班12期，培训2450人。' }, h1);
    expect(a.indicators[0].actual).toBeNull();
  });
});

describe('how the report is typed', () => {
  it.each([
    ['half-width stops', '邻里社区等4个社区完成现场验收.新增省级未来社区7个.'],
    ['full-width stops', '邻里社区等4个社区完成现场验收。新增省级未来社区7个。'],
  ])('%s end sentences: the figure of its own sentence is the actual', (_, progress) => {
    const a = assessTask({ target: '打造省级未来社区6个', progress }, { period: parsePeriod('2023Q4') });
    expect(a.indicators[0].actual).toBe(7);
    expect(a.status).toBe('done');
  });
  it('a decimal point and a list number are not stops', () => {
    const a = assessTask({ target: '新增造林面积1.5万亩', progress: '1.完成新增造林面积1.6万亩.' });
    expect(a.indicators[0].actual).toBe(16000);
  });
  it.each([
    ['31,261户', 31261],
    ['3.1261万户', 31261],
    ['1,250.5户', 1250.5],
  ])('a figure written %s reads as %d', (written, value) => {
    const a = assessTask({ target: '新设市场主体2万家', progress: `全区已新设经营主体${written}。` });
    expect(a.indicators[0].actual).toBe(value);
  });
  it('a comma between figures that are not thousands stays a separator', () => {
    const a = assessTask({ target: '新增技能人才2400人', progress: '开展培训班9期,150,新增技能人才2450人' });
    expect(a.indicators[0].actual).toBe(2450);
  });
  it('a report in traditional characters is read like a simplified one', () => {
    const a = assessTask(
      { target: '城鎮公益性崗位安置就業困難人員6100人。', progress: '目前累計完成6415人,完成年度任務的105.16%。' },
      { period: parsePeriod('2023Q1') },
    );
    expect(a.indicators[0].actual).toBe(6415);
    expect(a.indicators[0].unit).toBe('人');
    expect(a.status).toBe('done');
  });
});

describe('forecasts', () => {
  it('a date the work is expected by (预计9月投用) is no forecast figure', () => {
    const a = assessTask({ target: '新增学位3000个', progress: '按计划推进，预计9月开学投用。' }, h1);
    expect(a.status).toBe('on_track');
  });
  it.each([
    ['新增城镇就业6000人', '有望超额完成全年目标。'],
    ['地区生产总值增长6%', '据统计部门预测，前三季度GDP增长5.8%左右。'],
  ])('a forecast in other words is pending too: %s ← %s', (target, progress) =>
    expect(assessTask({ target, progress }, h1).status).toBe('pending'),
  );
  it('a task whose only figure is a forecast is pending', () => {
    const a = assessTask({ target: '一般公共预算收入增长5%', progress: '预计全年一般公共预算收入增长6%。' }, h1);
    expect(a.status).toBe('pending');
  });
});

describe('several rates for one metric', () => {
  it('the later period is the latest rate (一季度…5.8%，上半年增长5.1%)', () => {
    const a = assessTask({ target: GDP_TARGET, progress: '一季度GDP增长5.8%，上半年增长5.1%。' }, h1);
    expect(a.indicators[0].actual).toBe(5.1);
    expect(a.status).toBe('behind');
  });
  it('a cell adding a line each quarter is read at its latest line', () => {
    const q3 = { period: parsePeriod('2024Q3') };
    const a = assessTask(
      { target: GDP_TARGET, progress: '一季度：增长5.1%；二季度：增长5.6%；三季度：1-9月增长6.3%。' },
      q3,
    );
    expect(a.indicators[0].actual).toBe(6.3);
    expect(a.status).toBe('on_track');
  });
  it('amounts so far, line by line, are read at the latest (前三季度完成118亿元)', () => {
    const q3 = { period: parsePeriod('2024Q3') };
    const a = assessTask(
      { target: '完成固定资产投资150亿元', progress: '一季度完成32亿元；上半年完成70亿元；前三季度完成118亿元。' },
      q3,
    );
    expect(a.indicators[0].actual).toBe(11_800_000_000);
    expect(a.status).toBe('on_track');
  });
  it.each([
    ['本月新建30个，累计建成150个。', 150],
    ['10月新建充电桩30个，1-10月累计建成150个。', 150],
    ['截至10月底累计建成150个，10月份新建30个。', 150],
  ])('the month’s own amount is a part of the total beside it: %s', (progress, actual) =>
    expect(
      assessTask({ target: '新建充电桩200个', progress }, { period: parsePeriod('2024-10') }).indicators[0].actual,
    ).toBe(actual),
  );
  it('a quarter’s own amount smaller than the one before is no sum so far', () => {
    const q3 = { period: parsePeriod('2024Q3') };
    const a = assessTask(
      { target: '完成固定资产投资150亿元', progress: '一季度：完成40亿元；二季度：完成35亿元。' },
      q3,
    );
    expect(a.indicators[0].actual).toBe(4_000_000_000);
  });
  it('quarters’ own amounts of like size are not read as a sum so far', () => {
    const q3 = { period: parsePeriod('2024Q3') };
    const a = assessTask(
      { target: '新增城镇就业8000人', progress: '一季度新增2100人，二季度新增2300人，三季度新增2140人。' },
      q3,
    );
    expect(a.indicators[0].actual).not.toBe(2300);
    expect(a.status).toBe('on_track');
  });
  it('a sum so far growing each quarter is read to the last', () => {
    const q3 = { period: parsePeriod('2024Q3') };
    const a = assessTask(
      { target: '完成固定资产投资150亿元', progress: '一季度：完成32亿元；二季度：完成70亿元；三季度：完成118亿元' },
      q3,
    );
    expect(a.indicators[0].actual).toBe(11_800_000_000);
  });
  it.each([
    ['截至6月底新增就业4800人；截至9月底新增就业8600人。', 8600],
    ['7月：新增就业6200人。8月：新增就业7100人。9月：新增就业8600人。', 8600],
  ])('a sum so far restated in the same words for a later period is read to the last (%s)', (progress, actual) => {
    const a = assessTask({ target: '新增城镇就业1万人', progress }, { period: parsePeriod('2024Q3') });
    expect(a.indicators[0].actual).toBe(actual);
  });
  it('but not a later figure in other words (其中…), nor a later quarter’s own smaller amount', () => {
    const q3 = { period: parsePeriod('2024Q3') };
    const part = assessTask(
      { target: '新增城镇就业1万人', progress: '截至6月底新增就业4800人；截至9月底其中高校毕业生就业5200人。' },
      q3,
    );
    expect(part.indicators[0].actual).toBe(4800);
    const own = assessTask({ target: '完成造林1.5万亩', progress: '上半年完成造林0.6万亩，三季度完成0.3万亩。' }, q3);
    expect(own.indicators[0].actual).toBe(6000);
  });
  it('a rate of a part named after it is not the metric’s (其中工业投资增长20%)', () => {
    const a = assessTask(
      { target: '固定资产投资增长10%', progress: '1-6月固定资产投资同比增长12.3%，其中工业投资增长20%。' },
      h1,
    );
    expect(a.indicators[0].actual).toBe(12.3);
  });
  it('a negative rate written with a minus (增长-2.1%) is a fall', () => {
    const a = assessTask({ target: '外贸进出口总额增长5%', progress: '1-6月外贸进出口总额同比增长-2.1%。' }, h1);
    expect(a.indicators[0].actual).toBe(-2.1);
    expect(a.status).toBe('behind');
  });
  it('a dash between months is not a minus (1-6月)', () => {
    const a = assessTask({ target: '外贸进出口总额增长5%', progress: '1-6月外贸进出口总额同比增长6.2%。' }, h1);
    expect(a.indicators[0].actual).toBe(6.2);
  });
});

describe('part-year rates', () => {
  it('a rate for part of the year that meets its floor is on_track, not done', () => {
    const a = assessTask({ target: '规上工业增加值增长6%', progress: '1-3月，规上工业增加值同比增长6.8%。' });
    expect(a.status).toBe('on_track');
    expect(a.reason).toContain('年内阶段数据');
  });
  it('an undated rate is part-year too', () => {
    expect(assessTask({ target: '森林覆盖率稳定在62%以上', progress: '森林覆盖率保持在62.3%。' }).status).toBe(
      'on_track',
    );
  });
  it('a whole-year rate that meets its floor is done', () => {
    for (const progress of [
      '全年地区生产总值增长6.1%。',
      '1-12月，地区生产总值增长6.1%。',
      '2023年度地区生产总值增长6.1%。',
    ])
      expect(assessTask({ target: GDP_TARGET, progress }).status).toBe('done');
  });
  it('an amount reached in a part of the year is done', () => {
    expect(assessTask({ target: '新增城镇就业4500人', progress: '1-9月，新增城镇就业4612人。' }).status).toBe('done');
  });
});

describe('a growth to outpace a wider area', () => {
  const target = '城镇常住居民人均可支配收入增速高于全省平均';
  it('is behind when the report says it is below that area', () => {
    const a = assessTask({ target, progress: '一季度增长4.8%,低于全省0.1个百分点,高于全市0.2个百分点。' });
    expect(a.status).toBe('behind');
  });
  it('is on_track, not done, when it is above for part of the year', () => {
    const a = assessTask({ target, progress: '一季度增长6.9%,高于全省0.7个百分点。' });
    expect(a.status).toBe('on_track');
    expect(a.reason).toContain('年内阶段数据');
  });
  it('is done when the whole year is above', () => {
    const a = assessTask({ target, progress: '全年增长6.9%,高于全省0.7个百分点。' }, { period: parsePeriod('2024') });
    expect(a.status).toBe('done');
  });
});

describe('money written without its 元', () => {
  it('an amount in 亿 after 投资 is in 元', () => {
    const [ind] = assessTask({ target: '年内完成投资2.93亿。', progress: '' }).indicators;
    expect([ind.target, ind.unit]).toEqual([293_000_000, '元']);
  });
  it('a count in 万 after other words stays no amount', () => {
    expect(assessTask({ target: '新增城镇就业1.2万', progress: '' }).indicators).toEqual([]);
  });
});

describe('periods', () => {
  it('a period at the head of a paragraph dates the sentences after it', () => {
    const a = assessTask(
      {
        target: '开通特色公交线路5条',
        progress: '一季度，完成新建公交候车亭84个；优化调整公交线路10条；开通特色公交线路1条。',
      },
      { period: parsePeriod('2023Q1') },
    );
    expect(a.indicators[0].actual_period).toBe('一季度');
    expect(a.status).toBe('behind'); // 1 < 5 × 3/12
  });
  it('截至5月15日 counts four and a half months', () => {
    const a = assessTask(
      { target: '全年计划服务青少年1.24万人次', progress: '截至5月15日，累计服务青少年5000人次。' },
      { period: parsePeriod('2025-05') },
    );
    expect(a.status).toBe('on_track'); // 5000 ≥ 12400 × 4.5/12 = 4650
  });
});

describe('a figure after a label', () => {
  it('泰顺>85.8% after 就读公办学校比例: measures what the label says', () => {
    const a = assessTask(
      { target: '就读公办学校比例:泰顺>85.8%', progress: '10月，就读公办学校的比例达86.18%。' },
      { period: parsePeriod('2023-10') },
    );
    expect(a.indicators.map((i) => [i.metric, i.actual])).toEqual([['就读公办学校比例', 86.18]]);
    expect(a.status).toBe('on_track'); // met, but for part of the year
  });
});

describe('a share the higher authority has not yet handed down', () => {
  it('is pending: nothing can be reported against it yet', () => {
    const a = assessTask(
      { target: '新增县级公立三级医院床位5000张(待省下达具体任务明确后另行分解)', progress: '未分解任务到本县。' },
      { period: parsePeriod('2022Q3') },
    );
    expect(a.status).toBe('pending');
  });
});

describe('a position and a designation, reported briefly', () => {
  const year = { period: parsePeriod('2024Q4') };
  it.each([
    ['位列全省第8位', 'done'],
    ['居全省第12位', 'behind'],
  ])('the only position stated, in the target’s scope (%s), is the rank reached', (progress, status) => {
    expect(assessTask({ target: '综合考评进入全省前十', progress }, year).status).toBe(status);
  });
  it('a rank of nothing but the place (全省排名保持前三) is read from the place’s ranking', () => {
    const a = assessTask({ target: '全省排名保持前三', progress: '2023年度排名全省第2位' }, year);
    expect([a.indicators[0].actual, a.status]).toEqual([2, 'done']);
  });
  it('a position dated to part of the year keeps the task on track: it can still fall', () => {
    const a = assessTask(
      { target: '全省排名保持前三', progress: '上半年排名全省第2位' },
      { period: parsePeriod('2024Q2') },
    );
    expect([a.indicators[0].actual, a.status]).toEqual([2, 'on_track']);
    const december = assessTask(
      { target: '全省排名保持前三', progress: '12月排名全省第2位' },
      { period: parsePeriod('2024Q4') },
    );
    expect(december.status).toBe('done');
  });
  it('is not a position in another scope (全市第3位)', () => {
    expect(assessTask({ target: '综合考评进入全省前十', progress: '全市第3位' }, year).indicators[0].actual).toBeNull();
  });
  it.each([
    ['已成功创建国家AAAA级旅游景区', 'done'],
    ['成功获评国家AAAA级旅游景区', 'done'],
    ['已通过省级评定，待公示', 'pending'],
    ['已提交创建申请', 'pending'],
    ['积极创建国家AAAA级旅游景区', 'on_track'],
  ])('a designation: %s is %s', (progress, status) => {
    expect(assessTask({ target: '创成国家AAAA级旅游景区1个', progress }, year).status).toBe(status);
  });
});

describe('coverage of every place (全覆盖)', () => {
  const q3 = { period: parsePeriod('2023Q3') };
  const target = '实现行政村5G网络全覆盖';
  it.each([
    ['全区行政村已实现5G网络全覆盖。', 'done'],
    ['已实现全覆盖。', 'done'],
    ['行政村5G网络覆盖率达到100%。', 'done'],
    ['力争年底前实现全覆盖，目前覆盖率85%。', 'on_track'],
    ['尚未实现全覆盖，覆盖率85%。', 'on_track'],
    ['受山区地形影响，年内未能实现全覆盖。', 'behind'],
  ])('%s → %s', (progress, status) => expect(assessTask({ target, progress }, q3).status).toBe(status));
});

describe('a whole share reported in words', () => {
  const q3 = { period: parsePeriod('2024Q3') };
  it.each([
    ['义务教育学校标准化达标率100%', '全县52所义务教育学校全部达标。'],
    ['行政村5G网络覆盖率达到100%', '已实现行政村5G网络全覆盖。'],
  ])('%s is reached by %s', (target, progress) => {
    const a = assessTask({ target, progress }, q3);
    expect(a.status).toBe('done');
    expect(a.reason).toContain('达到目标100%');
  });
  it('but not while it is still short of the whole', () => {
    const a = assessTask({ target: '行政村5G网络覆盖率达到100%', progress: '尚未实现全覆盖，目前覆盖率92%。' }, q3);
    expect(a.status).toBe('behind');
  });
});
