// A plan table of indicators with no 序号: the indicator's name, its unit, last year's results and
// this year's plan, by a department merged down its rows. Last year's figures are no task numbers
// and no report; this year's plan is part of the target.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/parse-text.js';

const table = (...rows: string[][]) => rows.map((r) => r.join('\t')).join('\n') + '\n';
const plan = table(
  ['示范区2022年国民经济和社会发展计划指标'],
  ['指 标 名 称', '单位', '2021年完成', '', '2022年计划', '', '责任(牵头)部门'],
  ['', '', '绝对值', '增长%', '绝对值', '增长%', ''],
  ['一、创新驱动', '', '', '', '', '', ''],
  ['各类科技研发及转化平台总数', '项', '95', '-', '100', '-', '示范区科技创新局'],
  ['年获省部级以上科技成果奖励总数', '个', '13', '-', '17', '-', ''],
  ['孵化载体总数', '个', '16', '-', '17', '-', ''],
  ['年培育、集聚高层次人才数量', '人', '617', '-', '648', '-', '示范区党工委组织部'],
  ['年审定和登记农作物新品种总数量', '个', '89', '-', '55', '-', '示范区农业局'],
);

describe('an indicator plan table without 序号', () => {
  const t = parseText(plan);
  it('reads every indicator as a task: last year’s figures are not the numbers', () => {
    expect(t.tasks).toHaveLength(5);
    expect(t.tasks[0].target).toBe('各类科技研发及转化平台总数 项 100');
    expect(t.tasks[0].theme).toBe('一、创新驱动');
  });
  it('leaves last year’s results out of the report, and says so by their column', () => {
    expect(t.tasks.every((x) => x.progress === '')).toBe(true);
    expect((t.sourceColumns ?? []).filter((c) => c.header.startsWith('2021年完成')).map((c) => c.role)).toEqual([
      'other',
      'other',
    ]);
  });
  it('but a table of last year’s targets and results reports them, the next plan aside', () => {
    const report = parseText(
      table(
        ['序号', '指标名称', '2021年目标', '2021年完成', '2022年计划'],
        ['1', '城镇新增就业（人）', '8000', '8650', '8500'],
        ['2', '新增公办学位（个）', '2000', '2100', '2400'],
        ['3', '改造老旧小区（个）', '12', '12', '15'],
      ),
    );
    expect(report.tasks[0].progress).toBe('8650');
  });
});

describe('an excerpt of a longer list, no header', () => {
  it('keeps its own numbers (81, 85, 87) as the 序号: they go up, as amounts do not', () => {
    const t = parseText(
      table(
        ['81', '科学精准落实疫情防控优化措施,加强医疗资源建设。', '汪峰', '县卫健委', '加强基层医疗卫生机构人员培训'],
        ['85', '新增托育机构2所以上。', '吴蓓蓓', '县卫健委', '已完成备案工作'],
        ['87', '创建全国中医药示范县。', '吴蓓蓓', '县卫健委', '组织开展中医药义诊活动'],
      ),
    );
    expect(t.tasks.map((x) => x.seq)).toEqual([81, 85, 87]);
  });
});

describe('a table of investment by sector, no task text', () => {
  const t = parseText(
    table(
      [
        '分类名称',
        '项目数',
        '总投资',
        '年度计划投资(亿元)',
        '1-本月累计完成投资(亿元)',
        '占年计划的%',
        '与序时进度比较%',
      ],
      ['农林水利', '11', '17.73', '2.17', '2.00', '92.1%', '0.5%'],
      ['城建环保', '42', '65.13', '18.40', '17.57', '95.5%', '3.8%'],
      ['商贸服务', '44', '595.33', '97.31', '100.92', '103.7%', '12.0%'],
    ),
  );
  it('names each row by its sector and counts its projects in the target', () => {
    expect(t.tasks.map((x) => x.target.split(' ').slice(0, 2).join(' '))).toEqual([
      '农林水利 11',
      '城建环保 42',
      '商贸服务 44',
    ]);
  });
  it('keeps the points ahead of the schedule with the report, not as a completion rate', () => {
    const parts = t.tasks[0].progress_parts ?? [];
    expect(parts.map((p) => p.role)).toEqual(['actual', 'rate', 'remarks']);
  });
});

describe('a target split by area (全市 | 巴州区 | 恩阳区 …)', () => {
  const t = parseText(
    table(
      ['考核项目', '指标名称', '全市', '巴州区', '恩阳区', '经开区', '分值', '考核实施单位'],
      ['主要经济指标', '地区生产总值(亿元)', '466', '112', '45', '4', '15', '市发改委、市统计局'],
      ['', '全社会固定资产投资(亿元)', '846', '169', '60', '78', '', ''],
      ['', '地方公共财政预算收入(亿元)', '32.55', '6.23', '1.5', '', '', '市财政局'],
    ),
  );
  it('reads the first row of figures as a task, not as a second header row', () => {
    expect(t.tasks).toHaveLength(3);
  });
  it('reads each area’s figure as part of the target, none as a report', () => {
    expect(t.tasks[0].target).toBe('地区生产总值(亿元) 466 112 45 4');
    expect(t.tasks.every((x) => x.progress === '')).toBe(true);
  });
});

describe('a name column repeated down the rows', () => {
  it('groups the tasks it names (`实事名称`: *医疗卫生 ×3) instead of joining each target', () => {
    const t = parseText(
      table(
        ['序号', '省政府十大民生实事名称', '项目内容', '完成率(%)', '牵头单位'],
        ['1', '*医疗卫生', '为全县60岁以上老年人免费接种流感疫苗27758人。', '20%', '县卫健局'],
        ['2', '*医疗卫生', '重点筛查60岁以上人群16000人。', '40%', '县卫健局'],
        ['3', '*医疗卫生', '新增家庭医生签约1000人。', '55%', '县卫健局'],
        ['4', '*教育助学', '资助困难学生300人。', '60%', '县教育局'],
      ),
    );
    expect(t.tasks.map((x) => [x.theme, x.target.slice(0, 4)])).toEqual([
      ['*医疗卫生', '为全县6'],
      ['*医疗卫生', '重点筛查'],
      ['*医疗卫生', '新增家庭'],
      ['*教育助学', '资助困难'],
    ]);
  });
});

describe('a target header merged over a name and a figure, beside a breakdown', () => {
  const t = parseText(
    table(
      ['项 目', '', '目标', '', '分 解 情 况', '责任领导', '责任单位', '责任人'],
      [
        '就业促进工程',
        '促进城乡劳动者就业创业',
        '城镇新增就业人数(人)',
        '1300',
        '元坝镇280 白果乡15 柏林沟镇40 朝阳乡20',
        '刘 强',
        '区人社局',
        '陈 宗',
      ],
      ['', '', '城镇失业人员再就业(人)', '250', '白果乡8 柏林沟镇8', '', '', ''],
      ['', '', '就业困难人员再就业(人)', '120', '白果乡2 柏林沟镇2', '', '', ''],
    ),
  );
  it('reads the figure under the merged header as the target, the breakdown as no report', () => {
    expect(t.tasks[0].target).toBe('城镇新增就业人数(人) 1300');
    expect(t.tasks[0].progress).toBe('');
  });
  it('takes the leader, not the officer named beside the unit', () => {
    expect(t.tasks[0].leaders).toEqual(['刘强']);
  });
});

describe('task numbers of a longer list, regrouped or repeated, no header', () => {
  it('are the 序号 when regrouped (done first, then lagging: 5, 11, 26, 21, 3, 6)', () => {
    const t = parseText(
      table(
        ['5', '提高困难群体门诊用药报销比例', '已完成'],
        ['11', '实施高素质农民培训工程', '已完成'],
        ['26', '实施保障性安居工程', '已完成'],
        ['21', '建设城区生活垃圾分类屋', '已完成'],
        ['3', '实施近视防控教室照明改造工程', '滞后项目 正在编制招标文件'],
        ['6', '实施HPV疫苗免费接种项目试点', '滞后项目 预计10月完成'],
      ),
    );
    expect(t.tasks.map((x) => x.seq)).toEqual([5, 11, 26, 21, 3, 6]);
  });
  it('are the 序号 when repeated on a project’s sub-rows (1, 1, 1, 2, 2)', () => {
    const t = parseText(
      table(
        ['1', '促进交通 便利畅行', '完成20公里农村公路改造提升。', '储杨洋', '区交通局', '项目完成。'],
        ['1', '促进交通 便利畅行', '新增公交线路4条。', '储杨洋', '区交通局', '已新增3条。'],
        ['1', '促进交通 便利畅行', '提升20个交通堵点通行效率。', '储杨洋', '区交警大队', '已完成12个。'],
        ['2', '加强医疗 卫生保障', '开工建设区中医院改扩建工程。', '储杨洋', '区卫健局', '已开工。'],
        ['2', '加强医疗 卫生保障', '新建村级医疗卫生机构3家。', '储杨洋', '区卫健局', '已投用2家。'],
      ),
    );
    expect(t.tasks.map((x) => x.seq)).toEqual([1, 1, 1, 2, 2]);
  });
  it('are no 序号 when small counts come back (目标任务 5, 3, 2, 3): the rows keep their order', () => {
    const t = parseText(
      table(
        ['地区', '目标任务', '完成情况', '完成比例'],
        ['成 都', '5', '5.00', '100.00%'],
        ['自 贡', '3', '3.00', '100.00%'],
        ['攀枝花', '2', '2.00', '100.00%'],
        ['泸 州', '3', '3.00', '100.00%'],
        ['德 阳', '5', '4.00', '80.00%'],
      ),
    );
    expect(t.tasks.map((x) => x.seq)).toEqual([1, 2, 3, 4, 5]);
    // each place's name opens its row's target of figures
    expect(t.tasks.map((x) => x.target)).toEqual(['成 都 5', '自 贡 3', '攀枝花 2', '泸 州 3', '德 阳 5']);
  });
});

describe('a ranking under a header merged over the place and the name', () => {
  const t = parseText(
    table(
      [
        '地区',
        '',
        '重点项目个数',
        '年度计划投资金额(亿元)',
        '累计投资金额(亿元)',
        '完成年度百分比(%)',
        '本期新增投资(亿元)',
      ],
      ['全市', '', '116', '195.82', '119.73', '61.14', '6.33'],
      ['1', '产业转移工业园', '7', '17.52', '7.54', '43.04', '0.43'],
      ['2', '市直单位', '19', '49.2', '23.06', '46.87', '0.61'],
      ['3', '云浮新区', '13', '18.22', '9.12', '50.05', '0.37'],
    ),
  );
  it('numbers the ranked rows; the total above them is no task', () => {
    expect(t.tasks.map((x) => x.seq)).toEqual([1, 2, 3]);
    expect(t.tasks[0].target).toBe('产业转移工业园 7 17.52');
  });
  it('reads the money so far as the actual and what the period added as remarks', () => {
    expect(t.tasks[0].progress_parts?.map((p) => p.role)).toEqual(['actual', 'rate', 'remarks']);
  });
});

describe('a 重点任务 column naming each row beside a target of figures', () => {
  const t = parseText(
    table(
      ['序号', '重点任务', '牵头县领导', '责任单位', '年度目标', '截至9月底完成', '完成率'],
      ['1', '城镇新增就业', '王刚', '县人社局', '4000人', '3350人', '83.8%'],
      ['2', '新建5G基站', '李红', '县工信局', '300个', '180个', '60%'],
      ['3', '一般公共预算收入', '王刚', '县财政局', '增长5%', '增长6.2%', ''],
    ),
  );
  it('opens each target with the name: it groups nothing', () => {
    expect(t.tasks.map((x) => [x.theme, x.target])).toEqual([
      [null, '城镇新增就业 4000人'],
      [null, '新建5G基站 300个'],
      [null, '一般公共预算收入 增长5%'],
    ]);
  });
  it('stays a heading where it repeats over the rows it groups', () => {
    const grouped = parseText(
      table(
        ['序号', '重点任务', '责任单位', '年度目标'],
        ['1', '稳增长', '县人社局', '4000人'],
        ['2', '稳增长', '县工信局', '300个'],
        ['3', '稳增长', '县财政局', '增长5%'],
      ),
    );
    expect(grouped.tasks.map((x) => x.target)).toEqual(['4000人', '300个', '增长5%']);
  });
});

describe('a 工作标准 column', () => {
  it('is the target, not the report', () => {
    const t = parseText(
      table(
        ['类别', '序号', '项目名称', '工作标准'],
        ['省市重点类', '1', '金融商务区建设', '启动2平方公里征地拆迁、基础设施配套建设,年内完成投资10亿元。'],
        ['省市重点类', '2', '文化广场项目建设', '5月1日前正式开工建设;年内完成投资5亿元。'],
      ),
    );
    expect(t.tasks.map((x) => [x.target.slice(0, 7), x.progress])).toEqual([
      ['金融商务区建设', ''],
      ['文化广场项目建', ''],
    ]);
  });
});

describe('a column headed with 进度 that holds only dates', () => {
  it('is the deadline, so a list of targets has no report', () => {
    const t = parseText(
      table(
        ['序号', '工作任务', '负责部门', '时间进度'],
        ['1', '完善城市管理体制', '市委编办、市住建局', '省出台文件后 2 个月完成'],
        ['2', '完善城市工作机制', '市住建局', '2016 年 6 底前'],
        ['3', '推进数字化城市管理平台建设', '市城管局', '常态工作'],
        ['4', '开展环境卫生设施规划编制工作', '市住建局、市发改委', '2016 年底前'],
      ),
    );
    expect(t.tasks.map((x) => x.progress)).toEqual(['', '', '', '']);
  });
});

describe('a year’s plan of figures beside the figure reached', () => {
  it('is the target, a limit in words among the figures', () => {
    const t = parseText(
      table(
        ['序号', '指标', '截止6月底完成', '年计划', '完成年计划比例'],
        ['1', '城镇新增就业', '2842人', '4600人', '61.78%'],
        ['2', '就业困难人员实现就业', '206人', '300人', '68.67%'],
        ['3', '城镇登记失业率', '3.28%', '低于4%的控制指标', ''],
      ),
    );
    expect(t.tasks.map((x) => x.target)).toEqual([
      '城镇新增就业 4600人',
      '就业困难人员实现就业 300人',
      '城镇登记失业率 低于4%的控制指标',
    ]);
  });
});

describe('unnumbered headings in the 类别 column', () => {
  it('are each the first level, the second no category under the first', () => {
    const t = parseText(
      table(
        ['类别', '序号', '民生工程项目', '1至8月进展'],
        ['“工程类”项目', '', '', ''],
        ['', '1', '农村饮水安全工程', '完成项目478处,完成率100%'],
        ['', '2', '棚户区改造', '新开工18064套,完成率89.81%'],
        ['“培训类”项目', '', '', ''],
        ['', '3', '技能脱贫培训', '完成率125.95%,培训合格率100%'],
      ),
    );
    expect(t.tasks.map((x) => [x.theme, x.category])).toEqual([
      ['“工程类”项目', null],
      ['“工程类”项目', null],
      ['“培训类”项目', null],
    ]);
  });
});
