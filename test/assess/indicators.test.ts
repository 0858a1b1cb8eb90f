import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../../src/assess/indicators.js';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';

const brief = (t: string) =>
  extractIndicators(t).map((i) => ({
    kind: i.kind,
    direction: i.direction,
    target: i.target,
    floor: i.floor,
    unit: i.unit,
  }));

describe('extractIndicators', () => {
  it.each([
    [
      '地区生产总值增长力争6%（确保5.5%）',
      [{ kind: 'growth', direction: 'at_least', target: 6, floor: 5.5, unit: '%' }],
    ],
    [
      '实际利用外资力争11亿美元（确保10亿美元）',
      [{ kind: 'amount', direction: 'at_least', target: 1.1e9, floor: 1e9, unit: '美元' }],
    ],
    ['确保空气质量优良率达80%以上', [{ kind: 'share', direction: 'at_least', target: 80, floor: 80, unit: '%' }]],
    ['城镇调查失业率控制在5.5%以内', [{ kind: 'share', direction: 'at_most', target: 5.5, floor: 5.5, unit: '%' }]],
    ['城镇登记失业率低于4%', [{ kind: 'share', direction: 'at_most', target: 4, floor: 4, unit: '%' }]],
    ['粮食产量不低于50万吨', [{ kind: 'amount', direction: 'at_least', target: 500000, floor: 500000, unit: '吨' }]],
    [
      'PM2.5平均浓度下降到30微克以内，单位地区生产总值能耗下降3%',
      [
        { kind: 'amount', direction: 'at_most', target: 30, floor: 30, unit: '微克/立方米' },
        { kind: 'growth', direction: 'at_most', target: -3, floor: -3, unit: '%' },
      ],
    ],
    [
      '万元GDP能耗控制在0.45吨标准煤以内',
      [{ kind: 'amount', direction: 'at_most', target: 0.45, floor: 0.45, unit: '吨标准煤' }],
    ],
    ['县域经济综合排名保持全省前30位', [{ kind: 'rank', direction: 'at_most', target: 30, floor: 30, unit: null }]],
    ['经开区排名保持全国前十', [{ kind: 'rank', direction: 'at_most', target: 10, floor: 10, unit: null }]],
    ['高新区排名进入全国前80', [{ kind: 'rank', direction: 'at_most', target: 80, floor: 80, unit: null }]],
    ['力争省测核心指标进入全省前20%', [{ kind: 'rank', direction: 'at_most', target: 20, floor: 20, unit: '%' }]],
    [
      '综保区保持全国“双A”、杭州关区第一',
      [
        { kind: 'level', direction: 'at_least', target: '双A', floor: '双A', unit: null },
        { kind: 'rank', direction: 'at_most', target: 1, floor: 1, unit: null },
      ],
    ],
    [
      '累计完成320宗、1.5万亩低效工业用地提质增效',
      [
        { kind: 'amount', direction: 'at_least', target: 320, floor: 320, unit: '宗' },
        { kind: 'amount', direction: 'at_least', target: 15000, floor: 15000, unit: '亩' },
      ],
    ],
    [
      '开放城市书房、文化驿站各5家',
      [
        { kind: 'amount', direction: 'at_least', target: 5, floor: 5, unit: '家' },
        { kind: 'amount', direction: 'at_least', target: 5, floor: 5, unit: '家' },
      ],
    ],
    ['组织百场以上群众性体育赛事', [{ kind: 'amount', direction: 'at_least', target: 100, floor: 100, unit: '场' }]],
  ])('%s', (target, expected) => expect(brief(target)).toEqual(expected));

  it.each([
    '实施七大重点工程，加快打造“一地三区”',
    '推动实现企业技术改造“两清零一提升”',
    '完成“三年百园”建设收官',
    '以三个“一号工程”为牵引',
    '加快建设生物医药、航空航天两个“万亩千亿”产业新平台',
    '力争新引进10亿元以上现代服务业重大项目',
    '确保不发生较大及以上生产安全事故',
  ])('finds no indicator in %s', (target) => expect(extractIndicators(target)).toEqual([]));

  it('keeps a money qualifier in the metric, not as a target', () => {
    const [ind] = extractIndicators('签约10亿元以上项目20个');
    expect(ind).toMatchObject({ target: 20, unit: '个', metric: '签约10亿元以上项目' });
  });

  it('names a metric without its direction words or ranking verbs', () => {
    expect(extractIndicators('PM2.5平均浓度下降到30微克以内')[0].metric).toBe('PM2.5平均浓度');
    expect(extractIndicators('至少新建10个口袋公园')[0].metric).toBe('新建口袋公园');
    expect(extractIndicators('县域经济综合排名保持全省前30位')[0].metric).toBe('县域经济综合排名全省');
  });

  it('names what stays under a limit from the cell before it (城镇登记失业率 | 低于4%的控制指标)', () => {
    const [ind] = extractIndicators('城镇登记失业率 低于4%的控制指标');
    expect([ind.metric, ind.direction]).toEqual(['城镇登记失业率', 'at_most']);
  });
  it('leaves the deadline out of the metric and names what follows 的 (年底前在20个以上的省份…)', () => {
    const [ind] = extractIndicators('年底前在20个以上的省份推进汽车维修电子健康档案系统建设');
    expect(ind.metric).toBe('省份推进汽车维修电子健康档案系统建设');
  });
  it('keeps a 在 that opens the metric’s own words (在校学生, 在建项目)', () => {
    expect(extractIndicators('在校学生人数达到5000人').map((i) => i.metric)).toEqual(['在校学生人数']);
    expect(extractIndicators('在建项目完成投资5亿元').map((i) => i.metric)).toEqual(['在建项目完成投资']);
  });
  it('splits 分别 lists', () => {
    const inds = extractIndicators('电子信息制造、软件与信息技术服务业营收分别达到650亿元、75亿元');
    expect(inds.map((i) => [i.metric, i.target])).toEqual([
      ['电子信息制造营收', 65e9],
      ['软件与信息技术服务业营收', 7.5e9],
    ]);
  });

  it.each([
    '城乡居民人均可支配收入分别增长6%和7.5%',
    '城镇和农村居民人均可支配收入分别增长6%和7.5%',
    '城镇、农村居民人均可支配收入分别增长6%、7.5%',
  ])('splits the urban and rural incomes of %s, each with its change', (target) => {
    expect(extractIndicators(target).map((i) => [i.metric, i.kind, i.target])).toEqual([
      ['城镇居民人均可支配收入增长', 'growth', 6],
      ['农村居民人均可支配收入增长', 'growth', 7.5],
    ]);
  });
  it('judges each of the urban and rural growths by its own report', () => {
    const a = assessTask(
      {
        target: '城乡居民收入分别增长6%和7.5%',
        progress: '城镇居民人均可支配收入增长5.8%，农村居民人均可支配收入增长7.9%。',
      },
      { period: parsePeriod('2023Q3') },
    );
    expect(a.indicators.map((i) => i.actual)).toEqual([5.8, 7.9]);
    expect(a.status).toBe('behind');
  });

  it('points source.target at the number in the target text', () => {
    const target = '新增城镇就业3万人';
    const [ind] = extractIndicators(target);
    expect(target.slice(ind.source.target.start, ind.source.target.end)).toBe('3万人');
  });
});

describe('an indicator table joined into the target: name | unit of measure | figure', () => {
  it.each([
    ['地区生产总值增速 % 6.5', 'growth', 'at_least', 6.5, '%'],
    ['森林覆盖率 % 62', 'share', 'at_least', 62, '%'],
    ['单位GDP能耗下降 % 3', 'growth', 'at_most', -3, '%'],
    ['一般公共预算收入 亿元 25', 'amount', 'at_least', 2_500_000_000, '元'],
    ['新增城镇就业 人 4000', 'amount', 'at_least', 4000, '人'],
  ])('%s', (target, kind, direction, value, unit) => {
    expect(extractIndicators(target).map((i) => [i.kind, i.direction, i.target, i.unit])).toEqual([
      [kind, direction, value, unit],
    ]);
  });
});

describe('an indicator table whose measure names its unit in brackets: name(unit) | figure', () => {
  it.each([
    ['城镇新增就业(人) 26000', '城镇新增就业', 'amount', 'at_least', 26000, '人'],
    ['城镇登记失业率低于(%) 4.3', '城镇登记失业率', 'share', 'at_most', 4.3, '%'],
    ['青年劳动者技能培训（人） 3000', '青年劳动者技能培训', 'amount', 'at_least', 3000, '人'],
    ['改造老旧小区(万平方米) 12', '改造老旧小区', 'amount', 'at_least', 120000, '平方米'],
  ])('%s', (target, metric, kind, direction, value, unit) => {
    expect(extractIndicators(target).map((i) => [i.metric, i.kind, i.direction, i.target, i.unit])).toEqual([
      [metric, kind, direction, value, unit],
    ]);
  });
});

describe('traditional measure words, as a converter prints them', () => {
  it('are read and kept as written (條, 處, 噸)', () => {
    expect(
      extractIndicators('打通中心城區“斷頭路”20條，完成擁堵路口“微整治”20處，新增日收運能力2600噸。').map((i) => [
        i.target,
        i.unit,
      ]),
    ).toEqual([
      [20, '條'],
      [20, '處'],
      [2600, '噸'],
    ]);
  });
});

describe('things listed, then 均 before one figure', () => {
  it('gives each its own indicator (甲和乙均保持在98%以上)', () => {
    expect(
      extractIndicators('出境水II类以上水质天数占比和空气优良率均保持在98%以上。').map((i) => [
        i.metric,
        i.kind,
        i.target,
      ]),
    ).toEqual([
      ['出境水II类以上水质天数占比', 'share', 98],
      ['空气优良率', 'share', 98],
    ]);
  });
  it('gives each the change written after 均 (甲、乙均增长12%以上)', () => {
    expect(
      extractIndicators('城镇居民人均可支配收入、农民人均纯收入均增长12%以上。').map((i) => [
        i.metric,
        i.kind,
        i.target,
      ]),
    ).toEqual([
      ['城镇居民人均可支配收入增长', 'growth', 12],
      ['农民人均纯收入增长', 'growth', 12],
    ]);
  });
  it('but not 人均 nor one thing before 均', () => {
    expect(extractIndicators('城乡居民人均可支配收入增长6%').length).toBe(1);
    expect(extractIndicators('各镇街均完成改造提升项目3个').length).toBe(1);
    expect(extractIndicators('各县(市、区)均为100%').length).toBe(1);
  });
});

describe('a number-only target column beside the written target', () => {
  it('repeats the figure the text states (城镇新增就业1100人 1100): no indicator of its own', () => {
    expect(brief('城镇新增就业1100人 1100 “三公里”充分就业社区4个 4')).toEqual([
      { kind: 'amount', direction: 'at_least', target: 1100, floor: 1100, unit: '人' },
      { kind: 'amount', direction: 'at_least', target: 4, floor: 4, unit: '个' },
    ]);
  });
  it('a number the text does not state is still read in the target’s unit', () => {
    expect(brief('新建改造农贸市场 1800')).toEqual([
      { kind: 'amount', direction: 'at_least', target: 1800, floor: 1800, unit: null },
    ]);
  });
});

describe('an indicator table whose target cell writes the figure with a shorter unit', () => {
  it('reads each row in the unit cell’s standard (名称 | 元/月/人 | 不低于60元)', () => {
    expect(
      extractIndicators(
        '提高困难残疾人生活补贴发放标准 元/月/人 不低于60元 提高重度残疾人护理补贴发放标准 元/月/人 不低于60元 提高农村低保标准 元/年/人 不低于3700元',
      ).map((i) => [i.metric, i.target, i.unit]),
    ).toEqual([
      ['提高困难残疾人生活补贴发放标准', 60, '元/月/人'],
      ['提高重度残疾人护理补贴发放标准', 60, '元/月/人'],
      ['提高农村低保标准', 3700, '元/年/人'],
    ]);
  });
  it('a money figure ending its cell qualifies nothing after it (60元 | 提高…)', () => {
    expect(extractIndicators('发放标准 不低于60元 新建项目10个').map((i) => i.target)).toEqual([60, 10]);
  });
});

describe('a count of the places the work is done in, before the count to reach', () => {
  it.each([
    ['支援山区26县和6个海岛县组建跨地区教共体结对学校5所', [[5, '所']]],
    ['在10个乡镇建成农家书屋20个', [[20, '个']]],
  ])('%s: only the later figure is an indicator', (text, expected) =>
    expect(extractIndicators(text).map((i) => [i.target, i.unit])).toEqual(expected),
  );
  it('two items joined by 和 each keep their figure (…建设和41所…)', () => {
    expect(extractIndicators('完成30所智慧校园安保系统建设和41所学校视频监控更新添置').map((i) => i.target)).toEqual([
      30, 41,
    ]);
  });
});

describe('a facility’s capacity written before its name', () => {
  it('specifies what is built, not an amount to reach (日运转量达140吨大型垃圾中转站)', () => {
    expect(
      extractIndicators('新建1座大件垃圾处理中心及日运转量达140吨大型垃圾中转站').map((i) => [i.target, i.unit]),
    ).toEqual([[1, '座']]);
  });
  it.each([
    ['污水处理厂日处理能力达到5万吨', 50000],
    ['新增日供水能力2万吨以上', 20000],
  ])('a capacity ending its clause is one (%s)', (text, value) =>
    expect(extractIndicators(text).map((i) => i.target)).toEqual([value]),
  );
});

describe('the office’s own share after the general task’s figure', () => {
  it.each([
    ['改(新)建农村户用厕所100万户以上 144281', [[144281, '户']]],
    ['减少义务教育大班额1.4万个以上 869', [[869, '个']]],
    [
      '60座台站开展省级节目数字化覆盖 8 新增15万户直播卫星用户 12800',
      [
        [8, '座'],
        [12800, '户'],
      ],
    ],
  ])('%s: the number alone in the next cell, in the figure’s unit', (text, expected) =>
    expect(extractIndicators(text).map((i) => [i.target, i.unit])).toEqual(expected),
  );
  it('not a larger number, which is some other figure of the project (共18个教室 1800)', () => {
    expect(
      extractIndicators('计划分阶段改建教学楼,共18个教室 1800 工程基础完工').map((i) => [i.target, i.unit]),
    ).toEqual([
      [18, '个'],
      [1800, null],
    ]);
  });
});

describe('at-most targets written with other verbs', () => {
  it.each([
    ['企业开办时间压缩至1个工作日以内', 1],
    ['项目审批时间缩短至30个工作日', 30],
    ['一般工业固体废物产生量降低到50万吨', 500000],
  ])('%s is at most %d', (target, value) => {
    expect(extractIndicators(target).map((i) => [i.direction, i.target])).toEqual([['at_most', value]]);
  });
});

describe('counts in measure words of their own and of quoted things', () => {
  it.each([
    [
      '新建公办幼儿园2所，新增学位1080位',
      [
        [2, '所'],
        [1080, '位'],
      ],
    ],
    [
      '新建养老机构1家、床位600位',
      [
        [1, '家'],
        [600, '位'],
      ],
    ],
    ['更换老旧小区路灯320只', [[320, '只']]],
    ['新增12个“城市书房”', [[12, '个']]],
    ['建成8个“共富工坊”', [[8, '个']]],
    ['更新老旧住宅电梯50部', [[50, '部']]],
    ['组建城乡教共体70对以上', [[70, '对']]],
    ['完成同步课堂、研修活动等达2000节(次)以上', [[2000, '节(次)']]],
    ['送教下乡300节次', [[300, '节次']]],
  ])('%s', (text, expected) => expect(extractIndicators(text).map((i) => [i.target, i.unit])).toEqual(expected));
  it.each([
    '工业投资保持两位数增长',
    '以两个“先行区”建设为牵引',
    '落实“三个一”工作机制',
    '推动一部分企业上云',
    '两部门联合开展督查',
    '开展一对一结对帮扶',
    '传承二十四节气文化',
    '严格落实中央八项规定精神',
  ])('%s has no amount', (text) => expect(extractIndicators(text).filter((i) => i.kind === 'amount')).toEqual([]));
  it('reads 第3位 as a rank, not a count in 位', () => {
    expect(extractIndicators('营商环境评价保持全省第3位').map((i) => [i.kind, i.target, i.unit])).toEqual([
      ['rank', 3, null],
    ]);
  });
});

describe('a bound after a figure (以上) before the next item of a list', () => {
  it('belongs to the figure, not to the next metric', () => {
    expect(extractIndicators('全年谋划重点项目135个以上、总投资700亿元以上。').map((i) => i.metric)).toEqual([
      '谋划重点项目',
      '总投资',
    ]);
    expect(extractIndicators('新建道路10公里以上、桥梁3座').map((i) => i.metric)).toEqual(['新建道路', '新建桥梁']);
  });
});

describe('a school’s second site (中心小学二部)', () => {
  it('is a name, not two of something', () => {
    expect(extractIndicators('建成潭头中心小学二部')).toEqual([]);
    expect(extractIndicators('新购置公交车二十部').map((i) => [i.target, i.unit])).toEqual([[20, '部']]);
  });
});

describe('measure words of grain, piles, wells, plots, power and water', () => {
  it.each([
    ['粮食总产量稳定在3.6亿斤以上', 3.6e8, '斤'],
    ['新建充电桩500根', 500, '根'],
    ['完成7.4万口山坪塘整治', 74000, '口'],
    ['出让工业用地12块', 12, '块'],
    ['全社会用电量达到50亿千瓦时', 5e9, '千瓦时'],
    ['新增供水能力10万立方米', 100000, '立方米'],
  ])('%s', (target, value, unit) => {
    expect(extractIndicators(target).map((i) => [i.target, i.unit])).toEqual([[value, unit]]);
  });
  it.each([['完善3根据地建设'], ['建设2口袋公园'], ['开放1口岸']])('no count in %s', (target) => {
    expect(extractIndicators(target).filter((i) => i.unit === '根' || i.unit === '口')).toEqual([]);
  });
});
