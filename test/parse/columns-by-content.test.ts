// Columns placed by what their cells hold and where they stand, when no header word names them:
// headers in words of their own, blank header cells, or no header row at all.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/parse-text.js';

const table = (...rows: string[][]) => rows.map((r) => r.join('\t')).join('\n') + '\n';
const guesses = (text: string) =>
  parseText(text)
    .warnings.filter((w) => w.code === 'column_guessed')
    .map((w) => w.message);

describe('a 序号 column with blank sub-rows, no header', () => {
  // 序号 | task name | target | units | figure | percentage
  const text = table(
    ['1', '扩大就业', '新增城镇就业1800人', '人社局', '1920', '106.7%'],
    ['', '', '零就业家庭动态清零', '', '—', '—'],
    ['2', '养老服务', '新建社区养老服务站4个', '民政局', '3', '75%'],
    ['', '', '培训养老护理员200人次', '', '210', '105%'],
    ['3', '教育提质', '新增公办学位1500个', '教育局', '1500', '100%'],
    ['4', '医疗保障', '完成村卫生室标准化改造12个', '卫健局', '9', '75%'],
  );

  it('counts up on the rows that carry a number: it is the seq column', () => {
    const t = parseText(text);
    // a sub-row with figures of its own is another item under the same number (sibling_row)
    expect([...new Set(t.tasks.map((x) => x.seq))]).toEqual([1, 2, 3, 4]);
    expect(guesses(text).some((m) => m.startsWith('第1列'))).toBe(true);
  });

  it('reads figures right of the target as the actual and percentages as the rate, a dash among them', () => {
    const t = parseText(text);
    expect(t.tasks[0].units).toEqual(['人社局']);
    expect(t.tasks[0].progress).toContain('1920');
    expect(t.tasks[0].progress).toContain('106.7%');
    const last = t.tasks[t.tasks.length - 1];
    expect(last.progress).toBe('9 75%');
    expect(last.target).toBe('完成村卫生室标准化改造12个');
  });
});

describe('two columns of figures right of the target, no header', () => {
  it('the first is the amount planned, part of the target; the second the amount reached', () => {
    const text = table(
      ['1', '新增城镇就业', '人社局', '6000人', '6320人', '105.3%'],
      ['2', '改造农村危房', '住建局', '300户', '240户', '80%'],
      ['3', '新建农村公路', '交通局', '45公里', '45公里', '100%'],
    );
    const t = parseText(text);
    expect(t.tasks[1].target).toBe('改造农村危房 300户');
    expect(t.tasks[1].progress).toBe('240户 80%');
  });
});

describe('a column of figures beside the counting one, no header', () => {
  it('is an amount: the column counting up is the seq', () => {
    const text = table(
      ['1', '新增养老床位500张', '526', '105%'],
      ['', '改造适老化住房200户', '214', '107%'],
      ['2', '新建社区食堂15个', '12', '80%'],
      ['3', '新增公共充电桩600个', '640', '107%'],
    );
    const t = parseText(text);
    expect([...new Set(t.tasks.map((x) => x.seq))]).toEqual([1, 2, 3]);
    expect(t.tasks[t.tasks.length - 1].progress).toBe('640 107%');
  });
});

describe('a mostly-empty column of sentences right of the report', () => {
  it('remarks on the task, it is no heading', () => {
    const text = table(
      ['1', '城区新增停车位2000个', '住建局', '1650', ''],
      ['2', '改造老旧小区15个', '住建局', '15', ''],
      ['3', '新建口袋公园6个', '城管局', '—', '待用地指标下达后开工建设'],
      ['4', '新增充电桩300个', '发改局', '320', ''],
    );
    const t = parseText(text);
    expect(t.tasks.map((x) => x.theme)).toEqual([null, null, null, null]);
    expect(t.tasks[2].progress).toContain('待用地指标下达后开工建设');
    expect(t.tasks[2].target).toBe('新建口袋公园6个');
  });
});

describe('text right of the target and of who answers for it, no header word', () => {
  it('is the report, even in short status words', () => {
    const text = table(
      ['栏目', '事项', '第3栏', '摘要', '情况'],
      ['1', '新建城乡公交候车亭80个', '交通运输局', '已完成。', '建成候车亭86个并投入使用'],
      ['2', '实施农村饮水提标工程3处', '水利局', '序时推进', '2处完工，1处完成主体工程'],
      ['3', '新增普惠性托育托位300个', '卫健局', '已完成。', '新增托位312个'],
    );
    const t = parseText(text);
    expect(t.tasks[1].target).toBe('实施农村饮水提标工程3处');
    expect(t.tasks[1].units).toEqual(['水利局']);
    expect(t.tasks[1].progress).toBe('序时推进 2处完工，1处完成主体工程');
    expect(guesses(text).some((m) => m.includes('“摘要”') && m.includes('进展情况'))).toBe(true);
  });
});

describe('two report-like columns and no target, no header', () => {
  it('the first is the target: the report stands right of it', () => {
    const text = table(
      ['1', '完成农村公路提档升级60公里', '1-6月完成农村公路提档升级35公里，完成年度任务的58%'],
      ['2', '新增城镇就业2400人', '截至6月底新增城镇就业1300人'],
      ['3', '完成危房改造120户', '已完成危房改造70户，其余正在施工'],
    );
    const t = parseText(text);
    expect(t.tasks[0].target).toBe('完成农村公路提档升级60公里');
    expect(t.tasks[1].progress).toBe('截至6月底新增城镇就业1300人');
  });
});

describe('a text column repeating the target with other figures, no header', () => {
  it('is the report of what was reached', () => {
    const text = table(
      ['1', '稳定就业', '城镇新增就业8000人，培训农民工3000人次', '城镇新增就业8650人，培训农民工3120人次'],
      ['2', '教育扩容', '新增公办学位2000个', '新增公办学位2100个'],
      ['3', '医疗提升', '建成县域医共体2个，新增床位300张', '建成县域医共体2个，新增床位260张'],
    );
    const t = parseText(text);
    expect(t.tasks[1].target).toBe('新增公办学位2000个');
    expect(t.tasks[1].progress).toBe('新增公办学位2100个');
  });
});

describe('a short name and a long account of what was done, no header', () => {
  const account = table(
    [
      '1',
      '海河综合开发',
      '进步桥、金阜桥竣工通车，堤岸建设完成14.3公里，新增沿河绿化8万平方米，为市民创造了新的休闲环境。',
    ],
    [
      '2',
      '治理道路拥堵',
      '国庆节前完成8条市区旧路改造，开工建设7座人行天桥，分别达到治理计划的57%和37%，拥堵明显缓解。',
    ],
    [
      '3',
      '农贸服务站建设',
      '目前，已建成1674家村级农贸综合服务站，共向农民供应化肥、农药、种子等价值5.35亿元，群众反映良好。',
    ],
  );
  it('the name is the target and the account its report', () => {
    const t = parseText(account);
    expect(t.tasks[0].target).toBe('海河综合开发');
    expect(t.tasks[2].progress).toMatch(/^目前，已建成1674家/);
  });
  it('but a plan written out beside its name stays the target', () => {
    const plan = table(
      [
        '1',
        '积水点专项整治项目',
        '对全镇积水点进行集中专项整治，通过增加、连通排水管网，增加排水能力，减少暴雨后积水现象。',
      ],
      [
        '2',
        '古建廊亭修缮工程',
        '对公园的5座古建亭廊进行全面勘察，并统一进行修缮和油漆保养，对栈桥、围栏等基础设施进行维护。',
      ],
      ['3', '实践基地改造项目', '建设基层实践基地、残疾人之家、养老育幼服务阵地等功能板块，打造群众家门口的服务平台。'],
    );
    const t = parseText(plan);
    expect(t.tasks[0].target).toMatch(/^积水点专项整治项目.*对全镇积水点/);
    expect(t.tasks[0].progress).toBe('');
  });
});

describe('figures alone beside targets that name figures, headers in words of their own', () => {
  it('are the report of what was reached', () => {
    const text = table(
      ['A', '摘要', '情况'],
      ['1', '新增4000张养老床位', '4385 110%'],
      ['2', '新增800张困难重度残疾人养护床位', '810 101%'],
      ['3', '改建3000张认知障碍照护床位', '3210 107%'],
    );
    expect(parseText(text).tasks[0].progress).toBe('4385 110%');
  });
});

describe('one text column, report-like words in it, no header', () => {
  it('is the target: every task has one', () => {
    const text = table(
      ['1', '完成城区雨污分流改造8公里', '住建局'],
      ['2', '新增城镇就业2400人以上', '人社局'],
      ['3', '完成高标准农田建设5万亩', '农业农村局'],
    );
    const t = parseText(text);
    expect(t.tasks[0].target).toBe('完成城区雨污分流改造8公里');
    expect(t.tasks[0].progress).toBe('');
  });
});

describe('percentages right of the target, a note after some, no header', () => {
  it('are the completion rate, part of the report', () => {
    const text = table(
      ['1', '新建乡镇综合文化站3个', '60%（一处用地未落实）', '文旅局', '两个已封顶，一个在办理用地手续'],
      ['2', '改造提升农贸市场6个', '85%', '商务局', '五个已完工'],
      ['3', '新增公共停车泊位800个', '100%', '城管局', '已新增泊位812个'],
    );
    const t = parseText(text);
    expect(t.tasks[0].target).toBe('新建乡镇综合文化站3个');
    expect(t.tasks[0].progress).toBe('60%（一处用地未落实） 两个已封顶，一个在办理用地手续');
    expect(t.tasks[1].units).toEqual(['商务局']);
  });
});

describe('section headings between an unfamiliar header and the first task', () => {
  it('head the tasks under them, they are not the title', () => {
    const text = table(
      ['2024年重点工作任务分解表'],
      ['A', '第2栏', '要点'],
      ['一、稳住经济大盘'],
      ['（一）扩大有效投资'],
      ['1', '实施重点项目60个，完成投资150亿元', '发改局'],
      ['2', '新开工产业项目20个', '工信局'],
    );
    const t = parseText(text);
    expect(t.title).toBe('2024年重点工作任务分解表');
    expect(t.tasks[0].theme).toBe('一、稳住经济大盘');
    expect(t.tasks[1].category).toBe('（一）扩大有效投资');
  });
});

describe('a column of 全年, 年底前 after the people, no header', () => {
  it('is the deadline, not more leaders', () => {
    const text = table(
      ['1', '建成智慧停车平台', '李明', '数据局', '全年'],
      ['2', '完成老旧管网改造20公里', '王强', '住建局', '年底前'],
      ['3', '新增养老床位200张', '赵峰', '民政局', '全年'],
    );
    const t = parseText(text);
    expect(t.tasks[0].leaders).toEqual(['李明']);
    expect(t.tasks[1].deadline).toBe('年底前');
  });
});

describe('no header and no 序号 column, the number opening the target', () => {
  it('starts the body at the row numbered 1 when 2 and 3 follow', () => {
    const text = table(
      ['2024年1-6月民生实事进展'],
      ['1.新增城镇就业3000人', '人社局', '新增城镇就业1680人'],
      ['2.改造老旧小区12个', '住建局', '已开工9个'],
      ['3.新建公办幼儿园2所', '教育局', '主体完工1所'],
    );
    const t = parseText(text);
    expect(t.tasks.map((x) => x.seq)).toEqual([1, 2, 3]);
    expect(t.tasks[1].units).toEqual(['住建局']);
    expect(t.tasks[1].progress).toBe('已开工9个');
  });
});

describe('a form numbering its lines after a label (指标1:), restarting in each group', () => {
  it('keeps the number after the label', () => {
    const text = table(
      ['二级指标', '三级指标', '年度指标值', '实际完成值'],
      ['数量指标', '指标1:租车次数(次)', '12', '12'],
      ['', '指标2:宣传展板制作个数(个)', '30', '32'],
      ['质量指标', '指标1:租车达标率', '100%', '100%'],
      ['', '指标2:宣传合格率', '95%', '98%'],
    );
    expect(parseText(text).tasks.map((x) => x.seq)).toEqual([1, 2, 1, 2]);
  });
});

describe('a re-hosted copy in traditional characters with pinyin annotations', () => {
  it('places its report column by content under an unfamiliar header', () => {
    const text = table(
      ['A', '分项', '填报', '情况'],
      [
        '1',
        '2024年十件民生實事',
        '沙湖鎮(zhèn)圩鎮(zhèn)主街風(fēng)貌提升工程',
        '需進一步加快施工速度,預(yù)計在12月下旬完成',
      ],
      [
        '2',
        '2024年十件民生實事',
        '住宅小區生活污水市政管網整治工程',
        '需進一步加快施工速度,預(yù)計在12月下旬完成任務(wù)',
      ],
      [
        '3',
        '2024年十件民生實事',
        '高標(biāo)準(zhǔn)農田建設(shè)項目',
        '需進一步加快施工速度,預(yù)計在12月下旬完成任務(wù)。',
      ],
    );
    const t = parseText(text);
    expect(t.tasks[0].progress).toBe('需進一步加快施工速度,預(yù)計在12月下旬完成');
    expect(t.tasks[2].target).toBe('高標(biāo)準(zhǔn)農田建設(shè)項目');
  });
});

describe('content does not override a known header', () => {
  it('a 备注 column of a few words stays notes; a 完成值 of figures stays the actual', () => {
    const text = table(
      ['序号', '目标任务', '责任单位', '完成值', '进展情况', '备注'],
      ['1', '新增绿道30公里', '林业局', '32', '已建成绿道32公里', ''],
      ['2', '新建污水管网20公里', '水务局', '12', '完成污水管网12公里', '跨年度项目'],
      ['3', '改造农贸市场5个', '商务局', '5', '5个农贸市场改造完成', ''],
    );
    const t = parseText(text);
    expect(guesses(text)).toEqual([]);
    expect(t.tasks[1].progress).toBe('12 完成污水管网12公里');
    expect(t.tasks[1].notes).toBe('跨年度项目');
  });
});

describe('a heading column naming every task in its own words, no target column', () => {
  // 序号 | 实事项目 (a heading word) | a caption (说明: a note) | the report under a word it knows
  const text = table(
    ['序号', '实事项目', '图片说明', '实施情况'],
    [
      '一',
      '开展城乡供水提质行动',
      '城北水厂二期投入运行',
      '截至12月底，已完成投资3.2亿元，新建改造供水管网186公里，农村自来水普及率达99%。',
    ],
    [
      '二',
      '开展老旧小区改造行动',
      '东门社区改造后的活动广场',
      '截至12月底，已完成改造小区42个，惠及居民1.3万户，加装电梯36部。',
    ],
    ['三', '开展托育服务扩容行动', '区托育综合服务中心', '截至12月底，已新增普惠托位860个，建成托育综合服务中心1个。'],
  );

  it('is the target, and the report stays the report', () => {
    const t = parseText(text);
    expect(t.tasks.map((x) => x.target)).toEqual([
      '开展城乡供水提质行动',
      '开展老旧小区改造行动',
      '开展托育服务扩容行动',
    ]);
    expect(t.tasks.every((x) => x.theme === null)).toBe(true);
    expect(t.tasks[0].progress).toBe('截至12月底，已完成投资3.2亿元，新建改造供水管网186公里，农村自来水普及率达99%。');
  });

  it('and so is an unknown header over the report, read by its cells', () => {
    const t = parseText(text.replace('实施情况', '办理结果'));
    expect(t.tasks.map((x) => x.target)).toEqual([
      '开展城乡供水提质行动',
      '开展老旧小区改造行动',
      '开展托育服务扩容行动',
    ]);
    expect(t.tasks[2].progress).toBe('截至12月底，已新增普惠托位860个，建成托育综合服务中心1个。');
  });
});

describe('a first target column of short names, blank below each, beside tasks on every row', () => {
  const text = [
    '序号\t指标\t工作任务\t完成时限\t责任领导\t责任股室(单位)',
    '1\t公共文化服务\t“两馆一站”免费开放服务人次较上年增长15%。\t12月底前\t夏俊贵\t文化宣传股',
    '2\t\t全年组织开展文化下乡等惠民演出不少于100场。\t\t\t文化馆',
    '3\t\t开展好“三下乡”活动。\t\t\t',
    '4\t文化产业\t培育规模以上文化服务企业1家。\t\t\t',
    '5\t文物保护\t完成灵岩寺摩崖石刻修缮项目方案设计。\t\t\t文物股',
  ].join('\n');
  it('groups the rows it spans: a heading, not part of each target', () => {
    const t = parseText(text);
    expect(t.tasks.map((x) => [x.theme, x.target.slice(0, 6)])).toEqual([
      ['公共文化服务', '“两馆一站”'],
      ['公共文化服务', '全年组织开展'],
      ['公共文化服务', '开展好“三下'],
      ['文化产业', '培育规模以上'],
      ['文物保护', '完成灵岩寺摩'],
    ]);
  });
});

describe('columns headed only by the quarters beside a report column', () => {
  const text = [
    '序号\t重点工作任务\t责任单位\t一季度\t二季度\t三季度\t四季度\t截至三季度完成情况',
    '1\t新增城镇就业2000人\t县人社局\t500人\t1000人\t1500人\t2000人\t新增城镇就业1350人',
    '2\t新建农村供水工程5处\t县水利局\t完成设计\t开工建设\t完工3处\t全部完工\t已完工4处',
  ].join('\n');
  it('are the milestones planned for each quarter, no report', () => {
    const t = parseText(text);
    expect(t.tasks.map((x) => x.progress)).toEqual(['新增城镇就业1350人', '已完工4处']);
    expect(t.sourceColumns?.filter((c) => c.role === 'plan').map((c) => c.header)).toEqual([
      '一季度',
      '二季度',
      '三季度',
      '四季度',
    ]);
  });
  it('but are the reports where no other column is', () => {
    const t = parseText(
      [
        '序号\t重点工作任务\t责任单位\t一季度\t二季度\t三季度',
        '1\t新增城镇就业2000人\t县人社局\t一季度新增就业520人。\t二季度新增就业530人。\t三季度新增就业300人。',
        '2\t新建农村供水工程5处\t县水利局\t已完成设计。\t已开工建设。\t已完工4处。',
      ].join('\n'),
    );
    expect(t.sourceColumns?.some((c) => c.role === 'plan')).toBe(false);
  });
});

describe('a 完成… header over shares', () => {
  it('is how much of the target is done, not more of the target (完成年度目标: 72.8%)', () => {
    const t = parseText(
      table(
        ['序号', '指标名称', '年度目标', '1-9月完成', '完成年度目标', '责任单位'],
        ['1', '固定资产投资（亿元）', '420', '305.6', '72.8%', '区发改局'],
        ['2', '一般公共预算收入（亿元）', '65', '52.3', '80.5%', '区财政局'],
      ),
    );
    expect(t.tasks.map((x) => x.target)).toEqual(['固定资产投资（亿元） 420', '一般公共预算收入（亿元） 65']);
    expect(t.tasks[0].progress_parts?.map((p) => [p.role, p.text])).toEqual([
      ['actual', '305.6'],
      ['rate', '72.8%'],
    ]);
  });
  it('but a 年度目标 of rates stays the target', () => {
    const t = parseText(
      table(
        ['序号', '指标名称', '年度目标', '1-9月完成', '责任单位'],
        ['1', '地区生产总值增长', '6%', '5.2%', '区发改局'],
      ),
    );
    expect(t.tasks[0].target).toBe('地区生产总值增长 6%');
  });
});
