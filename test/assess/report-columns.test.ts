// Reports split over several columns: a bare figure in the actual column, a completion rate of
// the whole task against the time share, a schedule flag, a cell that says only 已完成.
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod, type ProgressPart } from '../../src/domain/index.js';

const q3 = { period: parsePeriod('2024Q3') };
const march = { period: parsePeriod('2023-03') };
const joined = (parts: ProgressPart[]): string => parts.map((p) => p.text).join(' ');
const part = (role: ProgressPart['role'], header: string, text: string): ProgressPart => ({ role, header, text });

describe('the actual column', () => {
  it('a bare figure is the actual of the target indicator', () => {
    const parts = [part('actual', '累计完成', '2712'), part('rate', '累计进度', '110.69%')];
    const a = assessTask({ target: '城镇新增就业2450人', progress: joined(parts), progress_parts: parts }, q3);
    expect(a.indicators[0].actual).toBe(2712);
    expect(a.status).toBe('done');
  });
  it('a bare plan and actual take the unit the actual column names (完成投资(亿元))', () => {
    const parts = [part('actual', '1-本月累计完成投资(亿元)', '17.57'), part('rate', '占年计划的%', '95.5%')];
    const a = assessTask({ target: '城建环保 42 65.13 18.40', progress: joined(parts), progress_parts: parts }, q3);
    expect(a.indicators.map((i) => [i.target, i.unit, i.actual])).toEqual([[1_840_000_000, '元', 1_757_000_000]]);
    expect(a.status).toBe('on_track');
  });
  it('a plan after the building’s size is named by the actual column (完成投资), not by the size', () => {
    const parts = [part('actual', '1-6月完成投资（万元）', '16500'), part('progress', '形象进度', '主体结构封顶')];
    const a = assessTask(
      { target: '区人民医院新院区 床位800张 30000', progress: joined(parts), progress_parts: parts },
      { period: parsePeriod('2024H1') },
    );
    const plan = a.indicators.find((i) => i.unit === '元');
    expect(plan?.metric).toBe('完成投资');
    expect(plan?.actual).toBe(165_000_000);
    expect(a.reason).toContain('完成投资1.65亿元');
    expect(a.reason).not.toContain('床位800张1.65亿元');
  });
  it('a money plan after the project’s description is named by the actual column, not by the description', () => {
    const parts = [part('actual', '1-9月完成投资（万元）', '12000'), part('progress', '形象进度', '已建成上线运行')];
    const a = assessTask(
      { target: '智慧城市平台 建设城市大脑平台 12000', progress: joined(parts), progress_parts: parts },
      q3,
    );
    expect(a.indicators.map((i) => i.metric)).toEqual(['完成投资']);
    expect(a.reason).toContain('完成投资1.2亿元');
  });
  it('a delay is quoted without the number cells joined before it', () => {
    const parts = [
      part('actual', '1-9月完成投资（万元）', '8000'),
      part('rate', '完成年度计划（%）', '40'),
      part('progress', '形象进度', '受征地影响，进度滞后'),
    ];
    const a = assessTask(
      { target: '城东污水处理厂 日处理污水5万吨 20000', progress: joined(parts), progress_parts: parts },
      q3,
    );
    expect(a.status).toBe('behind');
    expect(a.reason).toContain('：受征地影响，进度滞后');
  });
  it('beside a column of the work so far (累计进展), a column of the month’s own work (本月进展) gives no total', () => {
    const parts = [part('progress', '本月进展', '新建30个'), part('progress', '累计进展', '累计建成150个')];
    const a = assessTask(
      { target: '新建充电桩200个', progress: joined(parts), progress_parts: parts },
      { period: parsePeriod('2024-10') },
    );
    expect(a.indicators[0].actual).toBe(150);
  });
  it('a month’s column alone is still read', () => {
    const parts = [part('progress', '本月进展', '新建充电桩30个'), part('remarks', '存在问题', '选址困难')];
    const a = assessTask(
      { target: '新建充电桩200个', progress: joined(parts), progress_parts: parts },
      { period: parsePeriod('2024-10') },
    );
    expect(a.indicators[0].actual).toBe(30);
  });
  it('a header naming a percentage gives no unit to a bare plan', () => {
    const parts = [part('actual', '完成(%)', '3.5')];
    const a = assessTask({ target: '城建环保 42 65.13 18.40', progress: joined(parts), progress_parts: parts }, q3);
    expect(a.indicators.map((i) => i.unit)).toEqual([null]);
  });
  it('a rate of the money paid (资金拨付比例) is not the task’s rate beside the task’s own', () => {
    const parts = [
      part('actual', '完成情况', '5.00'),
      part('rate', '完成比例', '100.00%'),
      part('rate', '资金拨付比例', '4.33%'),
    ];
    const a = assessTask({ target: '开放大型公共体育场馆5个', progress: joined(parts), progress_parts: parts }, q3);
    expect(a.status).toBe('done');
  });
  it('a rate of the money paid alone is still read', () => {
    const parts = [part('actual', '完成情况', '3.00'), part('rate', '资金拨付比例', '20%')];
    const a = assessTask({ target: '改造老旧小区供水管网', progress: joined(parts), progress_parts: parts }, q3);
    expect(a.status).toBe('behind');
  });
  it('a cell saying the work was done as planned (按计划圆满完成, 如期完成) closes the task', () => {
    for (const progress of ['按计划圆满完成', '如期完成。'])
      expect(assessTask({ target: '建设改造普通国省干线公路服务设施1000个', progress }, q3).status).toBe('done');
  });
  it('a done statement naming the task itself is not undone by the steps before it', () => {
    const a = assessTask(
      { target: '文化基础设施建设', progress: '完成163个乡镇文化站的设备采购工作,免费开放纪念馆,全面完成目标任务。' },
      q3,
    );
    expect(a.status).toBe('done');
    expect(assessTask({ target: '广播电视“村村通”', progress: '解决9600户通问题,完成了目标任务。' }, q3).status).toBe(
      'done',
    );
  });
  it('the year’s work named as a whole and done in full (圆满完成2020年…任务) closes each task of it', () => {
    const progress = '至2020年12月底,教育体育局圆满完成2020年民生实事工程建设任务。';
    expect(assessTask({ target: '建成社会足球场 7 个。', progress }, { period: null }).status).toBe('done');
    expect(assessTask({ target: '完成特殊学校建设', progress }, { period: null }).status).toBe('done');
    // the same in traditional characters, as a re-host prints it
    const traditional = '至2020年12月底,教育體育局圓滿完成2020年民生實事工程建設任務。';
    expect(assessTask({ target: '完成特殊學校建設', progress: traditional }, { period: null }).status).toBe('done');
    // without a word of fullness or the year, a step's task stays a step
    expect(assessTask({ target: '建成社会足球场 7 个。', progress: '完成了选址任务。' }, q3).status).not.toBe('done');
  });
  it('the office’s word that it went badly (完成情况不够理想) is behind', () => {
    const progress = '受国际不利环境、资金短缺等多种因素影响完成情况不够理想';
    expect(assessTask({ target: '固定资产投资增速', progress }, q3).status).toBe('behind');
  });
  it('a building finished and handed over (竣工交付) closes the task', () => {
    const a = assessTask({ target: '香山小学新建工程 建筑面积约4万平方米', progress: '竣工交付' }, q3);
    expect([a.status, a.indicators[0].metric]).toEqual(['done', '建筑面积']);
  });
  it('but is, when part of the task is still to come', () => {
    const progress =
      '建成5个全民健身路径工程,全面完成目标任务;完成2个体育健身馆的选址等前期工作,预计明年上半年全面完成。';
    expect(assessTask({ target: '改善体育活动设施条件', progress }, q3).status).toBe('on_track');
  });
  it('a rate of the work finished (完工率113.5%) is the task’s rate', () => {
    expect(assessTask({ target: '农村环境自然村改厕', progress: '已完工38468户,完工率113.5%' }, q3).status).toBe(
      'done',
    );
  });
  it('two indicators, two figures: each in order, also without parts', () => {
    const a = assessTask(
      { target: '放心家政行动 培训家政服务人员1185人次 新增家政服务人员350人', progress: '1187 100% 352 100%' },
      q3,
    );
    expect(a.indicators.map((i) => i.actual)).toEqual([1187, 352]);
    expect(a.status).toBe('done');
  });
  it('a bare figure short of the floor but above the time share is on_track', () => {
    const a = assessTask({ target: '推进不少于5个城乡公益性公墓新建、改扩建', progress: '4.26 85.2%' }, q3);
    expect(a.indicators[0].actual).toBe(4.26);
    expect(a.status).toBe('on_track');
  });
  it('a column that names another measure (完成投资) is not the indicator’s actual', () => {
    const parts = [
      part('actual', '项目建设阶段(1-12月份) 完成投资', '300'),
      part('rate', '项目建设阶段(1-12月份) %', '100.0'),
      part('progress', '主要形象进度', '建成'),
    ];
    const a = assessTask(
      { target: '利用约7000平方米场地筹建学生接送临时停车场', progress: joined(parts), progress_parts: parts },
      { period: parsePeriod('2022') },
    );
    expect(a.indicators[0].actual).toBeNull();
    expect(a.status).toBe('done');
  });
});

describe('an actual column headed 已完成数', () => {
  it('names no measure: its bare figure is the actual, in the unit the target wrote (万人)', () => {
    const parts = [part('actual', '已完成数', '7.23'), part('rate', '占年任务之比', '139.1%')];
    const a = assessTask(
      { target: '城镇新增就业 万人 5.2', progress: joined(parts), progress_parts: parts },
      { period: parsePeriod('2019-11') },
    );
    expect([a.indicators[0].actual, a.status]).toEqual([72300, 'done']);
  });
});

describe('a task of several lines, one actual cell each', () => {
  it('a cell’s figure is the actual of the indicator on its line, even when another line wrote words', () => {
    const parts = [
      part('actual', '已完成数', '11月底厂家开始安排发货,预定12月初开始安装调试设备。'),
      part('actual', '已完成数', '7854'),
      part('rate', '占年任务之比', '61.4%'),
    ];
    const a = assessTask(
      {
        target: '户户通工程 60座台站开展省级节目数字化覆盖 8 新增15万户直播卫星用户 12800',
        progress: joined(parts),
        progress_parts: parts,
      },
      { period: parsePeriod('2019-11') },
    );
    expect(a.indicators.map((i) => i.actual)).toEqual([null, 7854]);
    expect(a.status).toBe('behind');
  });
});

describe('a lone actual column', () => {
  it('is read as a column: the rate target takes its bare figure, dated by its header', () => {
    const parts = [part('actual', '1-9月完成', '5.8')];
    const a = assessTask({ target: '地区生产总值增速 % 6.5', progress: '5.8', progress_parts: parts }, q3);
    expect([a.indicators[0].actual, a.indicators[0].actual_period, a.status]).toEqual([5.8, '1-9月', 'behind']);
  });
});

describe('an indicator table’s actual column under a rate target', () => {
  it('a bare figure is the rate reached; under a fall to reach it is the fall', () => {
    const grow = [part('actual', '1-9月完成', '5.8'), part('remarks', '备注', '受工业下行影响')];
    const fall = [part('actual', '1-9月完成', '3.4'), part('remarks', '备注', '无')];
    const g = assessTask({ target: '地区生产总值增速 % 6.5', progress: joined(grow), progress_parts: grow }, q3);
    const f = assessTask({ target: '单位GDP能耗下降 % 3', progress: joined(fall), progress_parts: fall }, q3);
    expect([g.indicators[0].actual, g.status]).toEqual([5.8, 'behind']);
    expect([f.indicators[0].actual, f.status]).toEqual([3.4, 'on_track']); // the fall reached, as written
  });
  it('a growth column’s figure with a minus sign is a fall, not a growth', () => {
    const parts = [part('actual', '1-9月完成', '812.5'), part('actual', '增速（%）', '-2.3')];
    const a = assessTask({ target: '固定资产投资 亿元 增长8%', progress: joined(parts), progress_parts: parts }, q3);
    expect([a.indicators[0].actual, a.status]).toEqual([-2.3, 'behind']);
  });
});

describe('completion rate of the whole task', () => {
  it('below the time share is behind', () => {
    const a = assessTask({ target: '新增农村老年食堂不少于27个', progress: '完成0个,完成率0%' }, march);
    expect(a.status).toBe('behind');
  });
  it('a rate column below the time share is behind even with figures that look fine', () => {
    const parts = [part('progress', '进展情况', '已完成方案制定，目前正在选址。'), part('rate', '形象进度(%)', '28%')];
    const a = assessTask(
      { target: '建设电动自行车“充电驿站”1440个', progress: joined(parts), progress_parts: parts },
      { period: parsePeriod('2025-05') },
    );
    expect(a.status).toBe('behind');
    expect(a.reason).toContain('28%');
  });
  it('at or above the time share but below 100% is on_track', () => {
    const a = assessTask({ target: '开展补贴性培训8000人次', progress: '完成2579人次,完成率32.24%' }, march);
    expect(a.status).toBe('on_track');
  });
  it('100% or more is done', () => {
    const a = assessTask(
      {
        target: '城镇公益性岗位安置就业困难人员6100人',
        progress: '目前累计安置就业困难人员6415人,完成年度任务的105.16%。',
      },
      march,
    );
    expect(a.status).toBe('done');
  });
  it('a rate of one item among several does not close the task', () => {
    const a = assessTask({
      target: '开竣工主次干道15条，提升改造公路4条，打通断头路3条',
      progress: '打通断头路任务3条：已完工3条，完成率100%。提升改造公路：已完成红十五线提升工程。',
    });
    expect(a.status).toBe('on_track');
  });
  it('a rate after a figure that is not the task’s is that item’s', () => {
    const a = assessTask({
      target: '落实开展全国第三次土壤普查',
      progress: '全区土壤表层样198个已全部完成采集，完成率100%；已完成样品制备168个。',
    });
    expect(a.status).not.toBe('behind');
    expect(a.reason).not.toContain('完成率100%');
  });
});

describe('schedule flag and slow work', () => {
  it('否 to 是否达序 is behind', () => {
    const parts = [part('progress', '进展情况', '1-8月完成投资3.2亿元。'), part('flag', '是否达序', '否')];
    const a = assessTask({ target: '完成投资5亿元', progress: joined(parts), progress_parts: parts }, q3);
    expect(a.status).toBe('behind');
    expect(a.reason).toContain('否');
  });
  it('a written report of bare cells beside a flag column is still read cell by cell', () => {
    const parts = [part('progress', '进展情况', '2712 110.69% 6 100%'), part('flag', '是否达序', '是')];
    const a = assessTask(
      {
        target: '促进重点群体稳定就业 城镇新增就业2450人 “三公里”充分就业社区6个',
        progress: joined(parts),
        progress_parts: parts,
      },
      q3,
    );
    expect(a.indicators.map((i) => i.actual)).toEqual([2712, 6]);
    expect(a.status).toBe('done');
  });
  it('是否完成 asks whether the task is finished: 是 closes it, 否 is not behind', () => {
    const done = [part('progress', '进展情况', '主体结构已完工。'), part('flag', '是否完成', '是')];
    const open = [part('progress', '进展情况', '主体结构施工中。'), part('flag', '是否完成', '否')];
    const target = '建成区文化中心';
    expect(assessTask({ target, progress: joined(done), progress_parts: done }, q3).status).toBe('done');
    expect(assessTask({ target, progress: joined(open), progress_parts: open }, q3).status).toBe('on_track');
  });
  it('a flag ticked or crossed (√, ×) reads as 是 and 否', () => {
    const ticked = [part('progress', '进展情况', '已通过省级验收。'), part('flag', '是否完成', '√')];
    const crossed = [part('progress', '进展情况', '项目主体完工。'), part('flag', '是否达到序时进度', '×')];
    expect(assessTask({ target: '创建省级卫生镇', progress: joined(ticked), progress_parts: ticked }, q3).status).toBe(
      'done',
    );
    expect(
      assessTask({ target: '建成城市书房3家', progress: joined(crossed), progress_parts: crossed }, q3).status,
    ).toBe('behind');
  });
  it('是 to 是否滞后 is behind; 否 is not', () => {
    const late = [part('progress', '进展情况', '项目主体完工。'), part('flag', '是否滞后', '是')];
    const fine = [part('progress', '进展情况', '项目主体完工。'), part('flag', '是否滞后', '否')];
    const target = '建成城市书房3家';
    expect(assessTask({ target, progress: joined(late), progress_parts: late }, q3).status).toBe('behind');
    expect(assessTask({ target, progress: joined(fine), progress_parts: fine }, q3).status).not.toBe('behind');
  });
  it.each(['项目推进缓慢', '整体进度偏慢', '二期尚未开工', '较计划滞后2个月'])('%s is behind', (progress) => {
    expect(assessTask({ target: '建成区文化中心', progress }, q3).status).toBe('behind');
  });
  it.each(['整体进展较为缓慢', '推进相对较慢'])('%s, with a degree word inside, is behind', (tail) => {
    expect(assessTask({ target: '建成区文化中心', progress: `主体结构施工中，${tail}。` }, q3).status).toBe('behind');
  });
  it('an office named 发展改革委 in the sentence does not excuse the delay as a reorganisation', () => {
    const progress = '积极对接省发展改革委，做好省级新区考核工作，未达到序时进度。';
    expect(assessTask({ target: '做好省级新区考核工作', progress }, q3).status).toBe('behind');
  });
  it('a delay caused by a ministry reorganisation is pending, not behind', () => {
    const progress = '受国家部委机构改革影响，评估工作推迟。';
    expect(assessTask({ target: '争创国家级示范区', progress }, q3).status).not.toBe('behind');
  });
  it('slow words outweigh a rate above the time share', () => {
    expect(assessTask({ target: '建成区文化中心', progress: '当前进度80%，但近期推进缓慢。' }, q3).status).toBe(
      'behind',
    );
  });
});

describe('a cell that says only that the work is done', () => {
  it('已完成 alone closes the task', () => {
    expect(assessTask({ target: '新增停车位10万个 9300个停车位。', progress: '已完成。' }).status).toBe('done');
  });
  it('完工,投入使用 in the image-progress column closes it', () => {
    expect(assessTask({ target: '改加装电梯10台', progress: '600 100.0 完工,投入使用' }).status).toBe('done');
  });
  it('已完成 beside a preparatory step is about the month’s step, not the task', () => {
    const a = assessTask(
      {
        target: '为全县60岁以上老年人免费接种流感疫苗24723人。',
        progress: '已完成。 已制定并下发免费接种流感疫苗工作方案。',
      },
      { period: parsePeriod('2024-04') },
    );
    expect(a.status).toBe('on_track');
  });
  it('已完成 beside a rate below 100% is not the whole task', () => {
    const a = assessTask(
      { target: '重点筛查60岁以上人群7400人。', progress: '已完成。 完成筛查人数3495人,完成率47.23%。' },
      { period: parsePeriod('2024-04') },
    );
    expect(a.status).toBe('on_track');
  });
  it.each(['截至目前，已完成。', '截至6月底，项目已完工。', '截至2023年10月31日,已全部完成', '目前已完成'])(
    'a done statement after a date clause (%s) still closes the task',
    (progress) => {
      expect(assessTask({ target: '新增停车位10万个', progress }).status).toBe('done');
    },
  );
  it.each(['已超额完成年度目标任务。', '已完成并销号。', '100%完成。'])('%s closes the task', (progress) => {
    expect(assessTask({ target: '建成城市书房3家', progress }, q3).status).toBe('done');
  });
  it.each(['暂无进展。', '尚未开展。'])('%s is behind', (progress) => {
    expect(assessTask({ target: '建成城市书房3家', progress }, q3).status).toBe('behind');
  });
  it('a done statement with two notes in brackets (a figure, a data source) closes the task', () => {
    const progress = '已完成（新增9个）（数据来源：区民政局）';
    expect(assessTask({ target: '新增养老机构9个', progress }, march).status).toBe('done');
  });
  it('a date clause before work going on is not a done statement', () => {
    expect(assessTask({ target: '建成区文化中心', progress: '截至目前，主体已完工，正在装修。' }).status).toBe(
      'on_track',
    );
  });
  it.each(['-', '/', '无', '不涉及', '不适用', '— —'])('a cell of only %s is no_report', (progress) => {
    expect(assessTask({ target: '建成区文化中心', progress }).status).toBe('no_report');
  });
});

describe('a single deliverable reported without being named again', () => {
  it.each([
    ['开通城市大脑便民服务平台', '平台已于8月正式上线运行。'],
    ['建成区档案馆新馆', '已完成竣工验收。'],
    ['启动区人民医院迁建工程', '项目已于5月开工建设。'],
  ])('%s ← %s is done', (target, progress) => {
    expect(assessTask({ target, progress }, q3).status).toBe('done');
  });
  it('not while anything in the report goes on', () => {
    const a = assessTask({ target: '建成区档案馆新馆', progress: '主体已竣工，正在进行内部装修。' }, q3);
    expect(a.status).toBe('on_track');
  });
  it('not another verb’s step (开工 for 建成)', () => {
    expect(assessTask({ target: '建成区档案馆新馆', progress: '项目已于5月开工建设。' }, q3).status).toBe('on_track');
  });
  it('not for one of two deliverables', () => {
    const a = assessTask({ target: '建成区档案馆新馆，开通档案查询平台', progress: '项目已于5月竣工。' }, q3);
    expect(a.status).toBe('on_track');
  });
});

describe('statements about the whole task', () => {
  it.each([
    '提前完成年度任务。 新建社区食堂4家。',
    '经县里核实，项目已完成年度目标任务。',
    '已完成该项任务，共改造公厕12座。',
  ])('%s closes the task', (progress) =>
    expect(assessTask({ target: '新建社区食堂4家，改造公厕12座', progress }).status).toBe('done'),
  );
  it('a verdict 已完成 is not undone by the preparatory work planned next', () => {
    const a = assessTask(
      {
        target: '新增托育机构2所以上。',
        progress: '已完成 完成托幼中心、童之梦备案工作 开展2024年度新增托位机构摸底、登记等工作',
        progress_parts: [
          { role: 'progress', header: '工作评价', text: '已完成' },
          { role: 'progress', header: '10-12月份进展情况', text: '完成托幼中心、童之梦备案工作' },
          { role: 'remarks', header: '2024年1-3月份进度安排', text: '开展2024年度新增托位机构摸底、登记等工作' },
        ],
      },
      q3,
    );
    expect(a.status).toBe('done');
  });
  it.each(['该项目已于10月中旬完工。', '该项目已于10月底完成。', '该项目已于9月1日前完工并全部投入使用。'])(
    'the task’s own project finished on a date (%s) closes it',
    (progress) => {
      const target = '农村公路大中修工程。包括张庄至董村公路、大埂头至清水潭公路大中修。';
      expect(assessTask({ target, progress }, q3).status).toBe('done');
    },
  );
  it('开工项目：已完成 is one item, not the task', () => {
    const a = assessTask({
      target: '开工项目5个，竣工项目3个',
      progress: '开工项目：已完成任务。竣工项目：正在施工。',
    });
    expect(a.status).toBe('on_track');
  });
  it('a cell saying only 持续推进中 keeps the task open', () => {
    expect(assessTask({ target: '城市低保标准(788元/月)', progress: '8584 持续推进中' }).status).toBe('on_track');
  });
  it('a rate after a figure of the only indicator’s unit is the task’s rate', () => {
    const a = assessTask(
      { target: '新增窝沟封闭6-9岁儿童5120人', progress: '目前已完成窝沟封闭儿童6442人，已完成目标任务的100%。' },
      { period: parsePeriod('2023H1') },
    );
    expect(a.status).toBe('done');
  });
  it('待…审核 waits for a decision: pending', () => {
    const a = assessTask({
      target: '完成结对帮扶学校1所',
      progress: '完成结对帮扶学校任务并上报，待省教育厅审核。',
    });
    expect(a.status).toBe('pending');
  });
  it('a bare 否 without its header says nothing (是否滞后 or 是否达序?)', () => {
    expect(assessTask({ target: '增种林荫50处', progress: '已增种林荫51处。 否' }).status).toBe('done');
  });
});

describe('targets spread over two columns', () => {
  it('the office’s own share supersedes the general figure with the same wording', () => {
    const a = assessTask({
      target: '新建和改造提升城市绿道500公里 新建和改造提升城市绿道130公里',
      progress: '全年完成新建和改造提升城市绿道140.01公里。',
    });
    expect(a.indicators.map((i) => i.target)).toEqual([130]);
    expect(a.status).toBe('done');
  });
  it('an amount in brackets after what it counts is the indicator', () => {
    const a = assessTask({ target: '维修、改造、补建健身点(60个);', progress: '已维修、改造、补建健身点60个。' });
    expect(a.indicators.map((i) => [i.target, i.unit, i.actual])).toEqual([[60, '个', 60]]);
    expect(a.status).toBe('done');
  });
  it('a floor in brackets stays a floor', () => {
    expect(assessTask({ target: '地区生产总值增长6%（确保5.5%）', progress: '' }).indicators[0].floor).toBe(5.5);
  });
});

describe('report columns of two periods (`1-10月推进情况 | 1-11月推进情况`)', () => {
  const nov = { period: parsePeriod('2023-11') };
  const q4 = { period: parsePeriod('2023Q4') };
  it('the later column supersedes the earlier one', () => {
    const parts = [
      part('progress', '1-10月推进情况', '已建成垃圾中转站3个;其余点位已启动建设流程。'),
      part('progress', '1-11月推进情况', '已建成垃圾中转站7个。'),
      part('flag', '是否达序', '是'),
    ];
    const a = assessTask({ target: '新建垃圾中转站8个', progress: joined(parts), progress_parts: parts }, nov);
    expect(a.indicators[0].actual).toBe(7);
    // 7 < 8 × 11/12 in the November report, whatever the flag says
    expect(a.status).toBe('behind');
  });
  it('a header naming a month before the report period’s end dates its figures', () => {
    const parts = [
      part('progress', '1-9月推进情况', '已建成垃圾中转站5个。'),
      part('progress', '1-10月推进情况', '已建成垃圾中转站7个。'),
    ];
    const a = assessTask({ target: '新建垃圾中转站8个', progress: joined(parts), progress_parts: parts }, q4);
    // as of October 7 ≥ 8 × 10/12; undated in a Q4 report it would count as of November (7.33)
    expect([a.indicators[0].actual, a.indicators[0].actual_period, a.status]).toEqual([7, '1-10月', 'on_track']);
  });
  it('a column of another measure or without a period is still read', () => {
    const parts = [part('progress', '1-11月推进情况', '已建成垃圾中转站8个。'), part('remarks', '说明', '已完成')];
    const a = assessTask({ target: '新建垃圾中转站8个', progress: joined(parts), progress_parts: parts }, nov);
    expect([a.indicators[0].actual, a.status]).toEqual([8, 'done']);
  });
});

describe('a clause of only `完成N%`', () => {
  it('is the whole task’s completion rate, judged against the time share', () => {
    const nov = { period: parsePeriod('2023-11') };
    const behind = assessTask({ target: '优化提升50条背街后巷交通组织。', progress: '已进场施工,完成60%。' }, nov);
    const ahead = assessTask({ target: '优化提升50条背街后巷交通组织。', progress: '已进场施工,完成95%。' }, nov);
    expect([behind.status, ahead.status]).toEqual(['behind', 'on_track']);
  });
  it('but not a rate after the part it measures', () => {
    const q1 = { period: parsePeriod('2023Q1') };
    const a = assessTask({ target: '新增学位810个', progress: '室内装修及安装工程完成10%,场外工程完成5%。' }, q1);
    expect(a.status).toBe('on_track');
  });
});

describe('a lone percentage beside a target that is itself a rate', () => {
  const h1 = { period: parsePeriod('2021H1') };
  it('is the rate reached, not a completion rate of the task', () => {
    const a = assessTask({ target: '一般公共预算收入增长率 5%以上', progress: '21.4%' }, h1);
    expect(a.indicators[0].actual).toBe(21.4);
    // a part-year rate cannot close the task
    expect(a.status).toBe('on_track');
  });
  it('falls short of the rate when it is below it', () => {
    const a = assessTask({ target: '社会消费品零售总额增长率 8%', progress: '3.2%' }, h1);
    expect(a.indicators[0].actual).toBe(3.2);
    expect(a.status).toBe('behind');
  });
  it('stays a completion rate beside a target of amounts', () => {
    const a = assessTask({ target: '新建公办幼儿园6所', progress: '30%' }, h1);
    expect(a.indicators[0].actual).toBeNull();
    expect(a.status).toBe('behind');
  });
});

describe('cells of an indicator table joined without their headers', () => {
  const year = { period: parsePeriod('2021') };
  it('reads a rate after the amount cell (`15352.99亿元 10%`) as the rate reached', () => {
    const a = assessTask({ target: '地区生产总值 增长7%以上', progress: '15352.99亿元 10%' }, year);
    expect(a.indicators[0].actual).toBe(10);
    expect(a.status).toBe('done');
  });
  it('reads a lone number beside a rate target as the rate reached, a note in brackets after it', () => {
    expect(
      assessTask({ target: '区级一般公共预算收入增长率 % 5左右', progress: '16.5' }, year).indicators[0].actual,
    ).toBe(16.5);
    expect(assessTask({ target: '经济密度增长率 % 5左右', progress: '10.9(可比7.0)' }, year).indicators[0].actual).toBe(
      10.9,
    );
  });
  it('reads a figure with 以上 after it as the amount reached', () => {
    const a = assessTask({ target: '旧改征收户数 20000以上', progress: '26000以上' }, year);
    expect(a.indicators[0].actual).toBe(26000);
  });
  it('still leaves a figure after words (`候车亭 200 个`) to the prose', () => {
    const a = assessTask({ target: '新建候车亭300个', progress: '已完成候车亭 200 个' }, q3);
    expect(a.indicators[0].actual).toBe(200);
  });
});
