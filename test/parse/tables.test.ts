// Whole tables, one per layout real offices produce, each with the tasks a reader would write down.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedTable } from '../../src/domain/index.js';
import { parseTable, parseText } from '../../src/parse/index.js';
import { scoreParse, type GoldTask } from '../../scripts/score/parse.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/parse/${name}`, import.meta.url)));
const seedPath = new URL('../fixtures/qiantang-2023-q4.txt', import.meta.url);

async function parsed(name: string, sheet?: string): Promise<ParsedTable> {
  const r = await parseTable(fixture(name), { sheet });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
/** The scored fields of a task, without warnings, for comparing with what a reader writes down. */
const fields = ({ warnings: _w, ...rest }: ParsedTable['tasks'][number]) => rest;
const codes = (t: ParsedTable['tasks'][number]) => t.warnings.map((w) => w.code);

describe('the seed table (Qiantang 2023 Q4, text extracted from a PDF)', () => {
  const table = parseText(readFileSync(seedPath, 'utf8'));
  const gold = JSON.parse(
    readFileSync(new URL('../fixtures/qiantang-2023-q4.gold.json', import.meta.url), 'utf8'),
  ) as GoldTask[];

  it('gets at least 99% of the gold fields right', () => {
    const score = scoreParse(gold, table.tasks);
    expect(score.misses).toEqual([]);
    expect(score.rate).toBeGreaterThanOrEqual(0.99);
  });
  it('reads title and period, and skips the header repeated on every page', () => {
    expect(table.title).toBe('2023年钱塘区政府工作报告重点工作任务四季度进展情况表');
    expect(table.period).toBe('2023Q4');
    expect(table.tasks.map((t) => t.seq)).toEqual(Array.from({ length: 136 }, (_, i) => i + 1));
    expect(table.warnings.map((w) => w.code)).toContain('repeated_header');
    expect(table.warnings.filter((w) => w.code === 'category_row')).toHaveLength(2);
  });
  it('puts a unit standing in the leaders column back, and fills the leader from above', () => {
    const t4 = table.tasks.find((t) => t.seq === 4)!;
    expect(t4.leaders).toEqual(['陶峰']);
    expect(t4.units).toEqual(['区财政局']);
    expect(t4.progress).toMatch(/^预计实现一般公共预算收入/);
    expect(codes(t4)).toEqual(expect.arrayContaining(['unit_in_leaders_column', 'filled_from_above']));
  });
  it('reads a category written in the theme column and progress shifted into the leaders column', () => {
    const t70 = table.tasks.find((t) => t.seq === 70)!;
    expect(t70.theme).toBe('突出开放合作，扩大有效投资，在服务构建新发展格局上实现全新突破');
    expect(t70.category).toBe('提升开放型经济质效');
    expect(t70.progress).toMatch(/^钱塘硅谷中心/);
    expect(t70.leaders).toEqual(['李俊']);
  });
  it('splits several people and units in one cell', () => {
    const t20 = table.tasks.find((t) => t.seq === 20)!;
    expect(t20.leaders).toEqual(['陶峰', '刘国娟', '徐进', '马于惠', '李俊']);
    expect(t20.units).toHaveLength(6);
  });
});

describe('a county table: 工作任务/责任单位/配合单位/完成时限, no leaders, GB18030', () => {
  it('reads themes and categories from their own rows, co_units and deadline, and joins a row broken by a page', async () => {
    const table = await parsed('county-2024-h1.gb18030.txt');
    expect(table.format).toBe('text');
    expect(table.period).toBe('2024H1');
    expect(table.columns).toEqual(expect.arrayContaining(['co_units', 'deadline']));
    expect(table.tasks.map(fields)).toEqual([
      {
        seq: 1,
        theme: '一、着力稳增长促发展',
        category: '（一）扩大有效投资',
        target: '全年完成固定资产投资增长8%',
        leaders: [],
        units: ['县发改局'],
        co_units: ['县统计局'],
        deadline: '2024年12月底',
        progress: '1-5月全县固定资产投资同比增长9.6%，高于年度目标1.6个百分点。',
      },
      {
        seq: 2,
        theme: '一、着力稳增长促发展',
        category: '（一）扩大有效投资',
        target: '新开工亿元以上项目30个',
        leaders: [],
        units: ['县发改局', '县投资促进中心'],
        co_units: ['各乡镇（街道）'],
        deadline: '2024年12月底',
        progress: '已新开工亿元以上项目17个，完成年度目标的56.7%。',
      },
      {
        seq: 3,
        theme: '一、着力稳增长促发展',
        category: '（二）提振消费需求',
        target: '社会消费品零售总额增长7%',
        leaders: [],
        units: ['县商务局'],
        co_units: ['县统计局'],
        deadline: '2024年12月底',
        progress: '1-5月社会消费品零售总额增长6.2%，略低于序时进度。',
      },
      {
        seq: 4,
        theme: '一、着力稳增长促发展',
        category: '（二）提振消费需求',
        target: '举办“青溪好物节”等促消费活动20场以上',
        leaders: [],
        units: ['县商务局'],
        co_units: ['县文广旅体局'],
        deadline: '2024年10月底',
        progress: '已举办促消费活动12场，带动消费1.8亿元。',
      },
      {
        seq: 5,
        theme: '二、着力抓改革优环境',
        category: null,
        target: '深化“一件事”集成改革，企业开办全流程1个工作日内办结',
        leaders: [],
        units: ['县行政服务中心'],
        co_units: ['县市场监管局', '县税务局'],
        deadline: '2024年6月底',
        progress: '已实现企业开办全流程1个工作日内办结，上半年累计办理1236件。其中线上办理占比92%。',
      },
      {
        seq: 6,
        theme: '二、着力抓改革优环境',
        category: null,
        target: '新增市场主体5000户',
        leaders: [],
        units: ['县市场监管局'],
        co_units: [],
        deadline: '2024年12月底',
        progress: '上半年新增市场主体2860户。',
      },
      {
        seq: 7,
        theme: '三、着力惠民生促共富',
        category: null,
        target: '城镇新增就业6000人',
        leaders: [],
        units: ['县人力社保局'],
        co_units: ['各乡镇（街道）'],
        deadline: '2024年12月底',
        progress: '1-5月城镇新增就业3150人。',
      },
      {
        seq: 8,
        theme: '三、着力惠民生促共富',
        category: null,
        target: '完成老旧小区改造12个',
        leaders: [],
        units: ['县住建局'],
        co_units: ['城关镇', '溪口镇'],
        deadline: '2024年11月底',
        progress: '12个小区均已开工，完成投资量45%。',
      },
    ]);
    expect(codes(table.tasks[3])).toContain('same_as_above');
    expect(codes(table.tasks[4])).toContain('continued_row');
  });
  it('reads the same table identically from UTF-8 and GB18030', async () => {
    const utf8 = await parsed('county-2024-h1.txt');
    const gb = await parsed('county-2024-h1.gb18030.txt');
    expect(gb.tasks).toEqual(utf8.tasks);
  });
});

describe('a monthly 民生实事 table exported as Unicode text (UTF-16LE, quoted multi-line cells)', () => {
  it('joins each item’s name (民生实事项目) to its content (具体内容) as the target, reads line breaks inside cells, a blank leader as same-as-above, and notes', async () => {
    const table = await parsed('minsheng-2024-03.utf16le.txt');
    expect(table.period).toBe('2024-03');
    expect(table.tasks.map(fields)).toEqual([
      {
        seq: 1,
        theme: null,
        category: null,
        target: '教育优质均衡 新建、改扩建中小学和幼儿园5所，新增学位2400个',
        leaders: ['王丽华'],
        units: ['县教育局'],
        progress: '1. 城东小学主体结顶；\n2. 城北幼儿园完成桩基施工。',
        notes: null,
      },
      {
        seq: 2,
        theme: null,
        category: null,
        target: '养老服务提升 新增养老床位300张，建成老年食堂15家',
        leaders: ['陈志远'],
        units: ['县民政局'],
        progress: '已新增养老床位126张，建成老年食堂6家。',
        notes: null,
      },
      {
        seq: 3,
        theme: null,
        category: null,
        target: '“菜篮子”保供 新建改造农贸市场4家',
        leaders: ['陈志远'],
        units: ['县市场监管局', '县商务局'],
        progress: '2家农贸市场已开工改造。',
        notes: null,
      },
      {
        seq: 4,
        theme: null,
        category: null,
        target: '城乡公交优化 新辟、优化公交线路10条，新增新能源公交车40辆',
        leaders: ['陈志远'],
        units: ['县交通运输局', '县公交公司'],
        progress: '已优化公交线路4条，新增新能源公交车18辆。',
        notes: '3月新辟2条线路',
      },
      {
        seq: 5,
        theme: null,
        category: null,
        target: '残疾人关爱 为500名困难残疾人提供康复服务',
        leaders: ['王丽华'],
        units: ['县残联'],
        progress: '康复服务已覆盖213人。',
        notes: null,
      },
    ]);
    expect(table.tasks[2].warnings).toEqual([expect.objectContaining({ code: 'filled_from_above', field: 'leaders' })]);
  });
});

describe('an .xlsx with merged cells and a 重点工作任务 header spanning two columns', () => {
  it('spreads vertically merged theme, category, leader and unit cells over their rows', async () => {
    const table = await parsed('chengnan-2024-h1.xlsx');
    expect(table.format).toBe('xlsx');
    expect(table.title).toBe('城南区2024年政府工作报告重点工作任务上半年进展情况表');
    expect(table.period).toBe('2024H1');
    const short = table.tasks.map((t) => [
      t.seq,
      t.theme,
      t.category,
      t.leaders.join('|'),
      t.units.join('|'),
      t.progress,
    ]);
    expect(short).toEqual([
      [1, '做强实体经济', '推动工业提质', '孙建国', '区经信局', '1-5月规上工业增加值增长9.3%。'],
      [2, '做强实体经济', '推动工业提质', '孙建国', '区经信局', '已认定省级“专精特新”企业9家。'],
      [
        3,
        '做强实体经济',
        '壮大现代服务业',
        '林晓燕',
        '区发改局|区商务局',
        '一季度服务业增加值增长6.1%，\n二季度数据待发布。',
      ],
      [4, '做强实体经济', '壮大现代服务业', '林晓燕', '区商务局', '已新增限上商贸企业41家。'],
      [5, '增进民生福祉', '办好人民满意教育', '周敏', '区教育局', '两所新建学校已结顶，秋季可新增学位3150个。'],
      [6, '增进民生福祉', '办好人民满意教育', '周敏', '区教育局', ''],
      [7, '增进民生福祉', '织密社会保障网', '吴海涛|周敏', '区人力社保局|区民政局', '1-5月城镇新增就业6820人。'],
    ]);
    expect(table.tasks[1].target).toBe('新增“专精特新”企业15家');
    // Merges are explicit, not guesses.
    expect(table.tasks.flatMap(codes)).toEqual([]);
  });
  it('reads another worksheet with --sheet', async () => {
    const table = await parsed('chengnan-2024-h1.xlsx', '三季度');
    expect(table.tasks.map(fields)).toEqual([
      {
        seq: 1,
        theme: null,
        category: null,
        target: '新增城镇绿道20公里',
        leaders: [],
        units: ['区住建局'],
        progress: '已建成绿道23公里。',
      },
    ]);
  });
});

describe('a .docx table with gridSpan heading rows and vMerge cells', () => {
  it('reads themes from spanning rows, merged task/leader/unit cells, multi-paragraph cells and notes', async () => {
    const table = await parsed('shiqiao-2023.docx');
    expect(table.format).toBe('docx');
    expect(table.title).toBe('石桥镇2023年度重点工作任务完成情况表');
    expect(table.period).toBe('2023');
    expect(table.tasks.map(fields)).toEqual([
      {
        seq: 1,
        theme: '一、产业发展',
        category: '招商引资',
        target: '引进亿元以上项目8个',
        leaders: ['郑志刚'],
        units: ['镇经济发展办'],
        progress: '已引进亿元以上项目9个，超额完成。',
        notes: null,
      },
      {
        seq: 2,
        theme: '一、产业发展',
        category: '招商引资',
        target: '实际利用外资1500万美元',
        leaders: ['郑志刚'],
        units: ['镇经济发展办'],
        progress: '全年实际利用外资1320万美元，完成88%。',
        notes: '受外部环境影响',
      },
      {
        seq: 3,
        theme: '一、产业发展',
        category: '农业提效',
        target: '建成高标准农田2000亩',
        leaders: ['何丽萍'],
        units: ['镇农业农村办', '镇自然资源所'],
        progress: '1. 完成土地平整2000亩；\n2. 灌溉设施已通过验收。',
        notes: null,
      },
      {
        seq: 4,
        theme: '二、社会事业',
        category: '养老服务',
        target: '新建村级居家养老服务照料中心3个',
        leaders: ['何丽萍'],
        units: ['镇社会事务办'],
        progress: '3个照料中心均已投入使用。',
        notes: null,
      },
      {
        seq: 5,
        theme: '二、社会事业',
        category: '养老服务',
        target: '发放高龄津贴覆盖率100%',
        leaders: ['何丽萍'],
        units: ['镇社会事务办'],
        progress: '',
        notes: '年度数据待统计',
      },
    ]);
  });
});

describe('sections on rows of their own (一、经济发展 over its items)', () => {
  const text = [
    '序号\t重点任务\t牵头领导\t牵头单位\t进展情况',
    '一、经济发展\t\t\t\t',
    '1\t城镇新增就业6000人\t王磊\t区人社局\t1-9月新增4900人。',
    '2\t完成老旧小区改造12个\t\t区住建局\t已完成8个。',
    '二、社会事业\t\t\t\t',
    '3\t新建幼儿园2所\t赵丽\t区教育局\t已竣工。',
  ].join('\n');
  const table = parseText(text);

  it('gives each item its section as theme', () =>
    expect(table.tasks.map((t) => t.theme)).toEqual(['一、经济发展', '一、经济发展', '二、社会事业']));

  it('warns once per section row, not on every item under it as if a cell were blank', () => {
    expect(table.warnings.filter((w) => w.code === 'theme_row')).toHaveLength(2);
    expect(table.tasks.flatMap((t) => t.warnings.filter((w) => w.field === 'theme'))).toEqual([]);
  });

  it('still warns where a cell of the item is blank and the row above fills it', () =>
    expect(table.tasks[1].warnings).toEqual([
      expect.objectContaining({ code: 'filled_from_above', field: 'leaders' }),
    ]));
});

describe('a full row whose leaders cell is no name list (待定, 区委办公室主任)', () => {
  const table = parseText(
    [
      '序号\t重点任务\t责任领导\t责任单位\t进展情况',
      '1\t新增城镇就业6000人\t王磊\t区人社局\t1-9月新增4900人。',
      '2\t完成老旧小区改造12个\t待定\t区住建局\t已完成8个。',
      '3\t新建幼儿园2所\t赵丽\t区教育局\t已竣工。',
      '4\t优化营商环境\t区委办公室主任\t区发改局\t持续推进。',
    ].join('\n'),
  );

  it('keeps its cells in their columns, so no target becomes a theme', () =>
    expect(table.tasks.map((t) => [t.theme, t.target, t.leaders])).toEqual([
      [null, '新增城镇就业6000人', ['王磊']],
      [null, '完成老旧小区改造12个', ['待定']],
      [null, '新建幼儿园2所', ['赵丽']],
      [null, '优化营商环境', ['区委办公室主任']],
    ]));
});
