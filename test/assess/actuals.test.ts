import { describe, expect, it } from 'vitest';
import { matchActual } from '../../src/assess/actuals.js';
import { extractIndicators } from '../../src/assess/indicators.js';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';

const actualOf = (target: string, progress: string, k = 0) => matchActual(extractIndicators(target)[k], progress);

describe('matchActual', () => {
  it.each([
    ['地区生产总值增长力争6%（确保5.5%）', '三季度地区生产总值增长4%。', 4, '三季度'],
    ['固定资产投资增长10%', '1-11月，全区固定资产投资同比下降3.2%。', -3.2, '1-11月'],
    ['出让工业用地2000亩', '已出让工业用地2326亩。', 2326, null],
    ['新增城镇就业3万人', '截至2023年11月底，城镇新增就业36112人，失业人员再就业4875人。', 36112, '截至2023年11月底'],
    ['新设市场主体2万家', '全区已新设经营主体31261户。', 31261, null],
    ['有效发明专利突破1.75万件', '截至11月底，有效发明专利突破1.87万件。', 18700, '截至11月底'],
    ['规模以上文化企业总数突破80家', '截至9月底，全区规上文化企业117家，年营收102.9亿元。', 117, '截至9月底'],
  ])('%s ← %s', (target, progress, actual, period) => {
    const m = actualOf(target, progress);
    expect(m.actual).toBe(actual);
    expect(m.actual_period).toBe(period);
  });

  it.each([
    ['forecast', '引育高层次人才项目60个', '预计全年引进人才项目62个。'],
    ['different measure', '全社会研发投入强度达到4.55%', '1-11月，研发费用占规上工业营收比重是2.91%。'],
    ['application, not result', '新增省名优学校10所', '争创省现代化学校、省一级园等名优学校10余所。'],
    ['restated target as a label', '提升改造公路4条', '提升改造公路4条：已完成红十五线提升工程等项目。'],
    ['parts are not added up', '开竣工学校12所', '各开竣工项目均按计划推进，已开工6所，已竣工7所。'],
    ['a quasi item is not the item', '新打造税收亿元楼宇1幢', '培育准亿元税收楼宇1幢。'],
    ['a narrower level qualifier must be repeated', '建成省级农事服务中心2个', '已建成6个农事服务中心。'],
  ])('no actual for a %s', (_why, target, progress) => expect(actualOf(target, progress).actual).toBeNull());

  it('takes the sub-item of a list that names it (其中…)', () => {
    expect(
      actualOf(
        '培育“链主工厂”1家、“智能工厂”5家、“数字化车间”15个',
        '培育未来工厂39家，其中“链主工厂”1家、“智能工厂”5家、“数字化车间”32家。',
        2,
      ).actual,
    ).toBe(32);
  });

  it('marks an item reported wholly done without a figure', () => {
    const m = actualOf('新增停车泊位5000个', '1. 停车泊位：已全部完成。');
    expect(m).toMatchObject({ actual: null, explicitlyDone: true });
  });

  it('points source.actual at the figure in the progress text', () => {
    const progress = '1-11月完成技术交易额82.12亿元。';
    const m = actualOf('实现技术交易额45亿元', progress);
    expect(progress.slice(m.span!.start, m.span!.end)).toBe('82.12亿元');
  });
});

describe('counts of work begun and finished', () => {
  const h1 = { period: parsePeriod('2024H1') };
  const progress = '截至6月底，老旧小区改造已开工32个，完工8个。';
  it('a metric naming no stage counts the things finished, not those begun', () => {
    expect(assessTask({ target: '完成老旧小区改造45个', progress }, h1).indicators[0].actual).toBe(8);
  });
  it('a metric naming a stage counts that stage', () => {
    expect(assessTask({ target: '新开工老旧小区改造45个', progress }, h1).indicators[0].actual).toBe(32);
  });
});

describe('wording the target’s indicators share', () => {
  it('does not tie a figure to one of them (建筑垃圾 of 中转站 and 分类池)', () => {
    const a = assessTask(
      { target: '新建建筑垃圾中转站8个、建筑垃圾分类池20个。', progress: '已建成建筑垃圾中转站7个、分类池17个。' },
      { period: parsePeriod('2023-11') },
    );
    expect(a.indicators.map((i) => i.actual)).toEqual([7, 17]);
  });
  it('still tells what a lone figure is about (数字企业 of two kinds of firm)', () => {
    const a = assessTask(
      { target: '引进优质数字企业50家，培育超20亿元数字企业3家', progress: '1-12月全区已签约数字经济企业57家。' },
      { period: parsePeriod('2023Q4') },
    );
    expect(a.indicators.map((i) => i.actual)).toEqual([57, null]);
  });
});

describe('the area a target speaks for', () => {
  it('is not wording the report must repeat (全市新增…线路35条, 已完成新增(优化)线路37条)', () => {
    const a = assessTask(
      {
        target: '全市新增(优化)城乡公交线路35条。',
        progress: '已完成新增(优化)线路37条,完成率106%。其中新增11条,优化26条。',
      },
      { period: parsePeriod('2018-06') },
    );
    expect([a.indicators[0].actual, a.status]).toEqual([37, 'done']);
  });
});

describe('figures that count what the work is for, not what is done', () => {
  const q2 = { period: parsePeriod('2024Q2') };
  it('things chosen (确定…) are the scope of the work: no actual', () => {
    expect(
      actualOf('对350户生活困难老年人家庭进行适老化改造', '确定500户改造对象,完成改造招标工作。').actual,
    ).toBeNull();
    expect(actualOf('新增农村路灯1000盏', '确定49个村共需安装路灯1108盏;5月30日已发布招标公告。').actual).toBeNull();
  });
  it('things designated for the work (将4个中心确定为示范点) are not the 示范点 built', () => {
    const a = assessTask(
      {
        target: '打造3-4个镇级便民示范点',
        progress: '将四个镇级便民服务中心确定为镇级便民示范点,重点打造。目前部分合作网点正在建设中。',
      },
      q2,
    );
    expect([a.indicators[0].actual, a.status]).toEqual([null, 'on_track']);
  });
  it('a chosen figure the clause says has started counts (确定221名…已经开始服务)', () => {
    expect(actualOf('为200名以上残疾儿童实施康复服务', '目前已确定221名残疾儿童已经在机构开始服务。').actual).toBe(221);
  });
  it('the part 其中 says is done, after the things chosen, is what the work has reached', () => {
    const a = assessTask(
      {
        target: '对350户生活困难老年人家庭进行适老化改造。',
        progress: '确定500户改造对象,完成改造招标工作,施工中,其中252户已完成改造。',
      },
      { period: parsePeriod('2021-07') },
    );
    expect([a.indicators[0].actual, a.status]).toEqual([252, 'on_track']);
  });
  it('the target restated before a preparatory step (…招投标文件已发布) is no actual', () => {
    const a = assessTask(
      {
        target: '完成30所智慧校园安保系统建设和41所学校视频监控更新添置。',
        progress: '30所智慧校园安保系统建设和41所学校视频监控更新添置招投标文件已发布。',
      },
      q2,
    );
    expect(a.indicators.map((i) => i.actual)).toEqual([null, null]);
    expect(a.status).toBe('on_track');
  });
  it('unless the step is what the target counts (完成招标项目…)', () => {
    expect(actualOf('完成农村公路招标项目50个', '农村公路52个项目招标已完成。').actual).toBe(52);
  });
});

describe('an administrative level the metric is narrowed to', () => {
  it('is met by a project of a named province (浙江省…项目 for 省级以上…项目)', () => {
    expect(
      actualOf('入选“双尖双领”等省级以上研发攻关计划项目25项', '入选2023年度浙江省“双尖”“双领”重大核心攻关项目25项。')
        .actual,
    ).toBe(25);
  });
  it('and, with 以上, by a higher level (国家级 for 市级以上)', () => {
    expect(actualOf('新增市级以上科技企业孵化器3家', '新增国家级科技企业孵化器4家。').actual).toBe(4);
  });
  it('but not by the whole province (全省) nor by a lower level', () => {
    expect(actualOf('新增省级以上专精特新企业20家', '全省新增专精特新企业20家。').actual).toBeNull();
    expect(actualOf('新增省级专精特新企业20家', '新增市级专精特新企业25家。').actual).toBeNull();
  });
});

describe('two kinds of one measure reported side by side', () => {
  it('do not report each other (调查 for 登记, 户籍 for 常住)', () => {
    expect(actualOf('城镇登记失业率控制在3.5%以内', '城镇调查失业率5.1%。').actual).toBeNull();
    expect(actualOf('常住人口城镇化率达到70%', '户籍人口城镇化率52%。').actual).toBeNull();
  });
  it('each finds its own beside the other', () => {
    expect(actualOf('城镇登记失业率控制在3.5%以内', '城镇调查失业率5.1%，城镇登记失业率2.9%。').actual).toBe(2.9);
    expect(actualOf('常住人口城镇化率达到70%', '户籍人口城镇化率52%，常住人口城镇化率71.2%。').actual).toBe(71.2);
  });
  it('城镇, 农村 and 全体 residents each their own', () => {
    const progress = '1-9月全体居民人均可支配收入增长6.3%，其中城镇居民增长5.8%，农村居民增长7.2%。';
    expect(actualOf('全体居民人均可支配收入增长6%', progress).actual).toBe(6.3);
    expect(actualOf('农村居民人均可支配收入增长7%', progress).actual).toBe(7.2);
    expect(actualOf('城镇居民人均可支配收入增长5.5%', '1-9月全体居民人均可支配收入增长6.1%。').actual).toBeNull();
  });
  it('and in a list naming both', () => {
    expect(actualOf('城镇登记失业率控制在3.5%以内', '城镇登记失业率、调查失业率分别为2.9%、5.1%。').actual).toBe(2.9);
  });
});

describe('a count of another thing the metric names', () => {
  const actualIn = (target: string, progress: string) => assessTask({ target, progress }).indicators[0].actual;
  it('is not the count of what it counts (幼儿园3所 for 幼儿园学位…个)', () => {
    expect(actualIn('新增公办幼儿园学位1200个', '新开办幼儿园3所，新增学位1260个。')).toBe(1260);
    expect(actualIn('新增公办幼儿园学位1200个', '新开办幼儿园3所。')).toBeNull();
    expect(actualIn('新增托育机构托位500个', '新增托育机构5家，新增托位420个。')).toBe(420);
  });
  it('nor the count of a thing the metric does not name, in another measure word (停车场12处 for 泊位)', () => {
    expect(actualIn('新增停车泊位2000个', '新建停车场12处。')).toBeNull();
    expect(actualIn('新增停车泊位2000个', '新建停车场12处，新增泊位1500个。')).toBe(1500);
    expect(actualIn('新增城镇就业1.2万人', '新增就业岗位1.3万个。')).toBeNull();
  });
  it('but is a count whose words before it are a date, not a thing (截至目前10处)', () => {
    expect(actualIn('新建口袋公园10个', '截至目前10处。')).toBe(10);
  });
  it('but is where the measure word is another for the same thing, or the thing follows the figure', () => {
    expect(actualOf('新建幼儿园5个', '新建幼儿园5所。').actual).toBe(5);
    expect(actualOf('帮助城镇就业困难人员实现就业125人', '帮助城镇151名就业困难人员实现就业').actual).toBe(151);
  });
});

describe('a figure named by few words of a long metric', () => {
  const actuals = (target: string, progress: string) =>
    assessTask({ target, progress }).indicators.map((i) => i.actual);
  it('is the only one in the target’s own measure word (公厕建设42座 beside counts in 个)', () => {
    expect(
      actuals('新建改建公厕50座，改造农贸市场5个', '已完成公厕建设42座，农贸市场改造完成3个，其余2个正在施工。'),
    ).toEqual([42, 3]);
  });
  it('is read without the generic verb leading the metric (实施…改造 for 改造20个小区)', () => {
    expect(actuals('实施老旧小区改造20个，惠及居民5000户', '已完成改造20个小区，惠及居民5230户。')).toEqual([20, 5230]);
  });
});

describe('figures listed after 分别', () => {
  const target = '实现年度专利申请总量、发明专利申请量均增长11%以上。';
  const progress = '1-5月,我市专利申请总量、发明专利申请量分别为1257件、186件,分别同比增长-3.75%、-36.52%。';
  it('each stands for the name in the same place of the list before 分别', () => {
    const a = assessTask({ target, progress }, { period: parsePeriod('2020H1') });
    expect(a.indicators.map((i) => i.actual)).toEqual([-3.75, -36.52]);
  });
  it('and counts the same way (1257件、186件)', () => {
    expect(actualOf('发明专利申请量达到400件', progress).actual).toBe(186);
  });
});

describe('counts of one measure each naming its part in brackets', () => {
  const progress = '组建3对跨区域医联体(城区)，签约家庭医生团队40个；另有6对跨区域医联体(乡镇)完成阶段性目标。';
  it('are parts of the whole, so neither is the whole’s actual', () => {
    expect(actualOf('组建医联体20对以上', progress).actual).toBeNull();
  });
  it('unless the metric names the part', () => {
    expect(actualOf('组建跨区域医联体(乡镇)8对', progress).actual).toBe(6);
  });
  it('while a single count with a part in brackets is the whole', () => {
    expect(actualOf('组建医联体20对以上', '已组建22对跨区域医联体(含城区和乡镇)。').actual).toBe(22);
  });
});

describe('a growth rate measured from a year the text names', () => {
  const q3 = { period: parsePeriod('2021Q3') };
  it('gives way to the rate stated without a year (the period’s own change)', () => {
    const a = assessTask(
      {
        target: '全社会固定资产投资增长10%。',
        progress: '1-9月,全区固定资产投资完成126.5亿元,增幅15.3%,对比2019年同期增幅8.6%。',
      },
      q3,
    );
    expect(a.indicators[0].actual).toBe(15.3);
  });
  it('is still the actual when it is the only rate', () => {
    const a = assessTask(
      { target: '社会消费品零售总额增长10%。', progress: '社会消费品零售总额较2020年同期增长14.2%。' },
      q3,
    );
    expect(a.indicators[0].actual).toBe(14.2);
  });
});

describe('a done part after 其中 with no count of its own before it', () => {
  it('is the actual of the task’s count (其中 points back to the task)', () => {
    const a = assessTask({ target: '新建社区食堂10家', progress: '全面进场施工,其中6家已竣工,其余正在装修。' });
    expect(a.indicators[0].actual).toBe(6);
  });
  it('but not a part still under way', () => {
    const a = assessTask({ target: '新建社区食堂10家', progress: '全面进场施工,其中6家正在装修。' });
    expect(a.indicators[0].actual).toBeNull();
  });
});
