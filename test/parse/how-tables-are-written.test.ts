// More ways real tables are written, met in a blind round of tables from other offices: numbers
// printed by a converter, sub-items listed inside one task, grouping columns over merged cells.
// Each case is a small table of that kind and what a reader would write down from it.
import { describe, expect, it } from 'vitest';
import type { ParsedTable } from '../../src/domain/index.js';
import { parseText } from '../../src/parse/index.js';

const rows = (...lines: string[][]) => lines.map((l) => l.join('\t')).join('\n');
const brief = (t: ParsedTable['tasks'][number]) => [
  t.seq,
  t.theme,
  t.category,
  t.target,
  t.leaders,
  t.units,
  t.progress,
];

describe('a number followed by a full stop 。 (a converter writes 1。 for 1.)', () => {
  it('reads 1。 as task 1 in a table in traditional characters', () => {
    const table = parseText(
      rows(
        ['2021年民生實事工作目標'],
        ['部分', '序号', '民生实事', '牵头单位'],
        ['一、交通出行', '1。', '打通中心城區“斷頭路”20條。', '市住建局'],
        ['一、交通出行', '2。', '新改建農村公路200公里。', '市交通運輸局'],
        ['二、市容環境', '3。', '完成城市道路整治提升60條。', '市城管委、市公安局'],
      ),
    );
    expect(table.tasks.map(brief)).toEqual([
      [1, '一、交通出行', null, '打通中心城區“斷頭路”20條。', [], ['市住建局'], ''],
      [2, '一、交通出行', null, '新改建農村公路200公里。', [], ['市交通運輸局'], ''],
      [3, '二、市容環境', null, '完成城市道路整治提升60條。', [], ['市城管委', '市公安局'], ''],
    ]);
  });
  it('reads 4。 opening the target text in a table without a 序号 column', () => {
    const table = parseText(
      rows(
        ['目标任务', '责任单位', '进展情况'],
        ['1。新建公办幼儿园3所', '区教育局', '已开工2所'],
        ['4。新增公共停车泊位1500个', '区住建局', '已新增900个'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.target])).toEqual([
      [1, '1。新建公办幼儿园3所'],
      [4, '4。新增公共停车泊位1500个'],
    ]);
  });
});

describe('a mark after the number (9*, 10＊: items the notes single out)', () => {
  it('reads 9* as task 9', () => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '牵头单位', '进展情况'],
        ['8', '新增城镇就业3000人', '市人社局', '已新增3120人'],
        ['9*', '促进大学生创业260人', '市人社局', '已扶持262人'],
        ['10＊', '妇女居家灵活就业培训4000人', '市妇联', '已培训4856人'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.target])).toEqual([
      [8, '新增城镇就业3000人'],
      [9, '促进大学生创业260人'],
      [10, '妇女居家灵活就业培训4000人'],
    ]);
  });
});

describe('a 完成…(%) header is a completion rate, even when its words name the target', () => {
  it('reads 完成目标(%) of bare figures as the rate, after the actual', () => {
    const table = parseText(
      rows(
        ['序号', '项目内容', '目标任务', '牵头单位', '进度', '完成目标(%)', '备注'],
        ['1', '城镇新增就业(人)', '26000', '市人社局', '32095', '123.4', '超额完成'],
        ['2', '劳务品牌培训(人)', '2425', '市人社局', '2425', '100', '已完成'],
      ),
    );
    expect(table.tasks.map((t) => [t.target, t.progress])).toEqual([
      ['城镇新增就业(人) 26000', '32095 123.4 超额完成'],
      ['劳务品牌培训(人) 2425', '2425 100 已完成'],
    ]);
    // (the 备注 of verdicts, 超额完成 and 已完成, is the table's flag on each task)
    expect(table.tasks[0].progress_parts?.map((p) => p.role)).toEqual(['actual', 'rate', 'flag']);
  });
});

describe('a target header over two sub-columns, the first merged down over its tasks', () => {
  it('reads the merged sub-column as the category of the tasks beside it', () => {
    const table = parseText(
      rows(
        ['工程名称', '序号', '项 目 内 容', '', '目标任务', '牵头单位', '进度'],
        ['就业促进工程', '1', '促进城乡劳动者就业创业', '城镇新增就业(人)', '26000', '市人社局', '32095'],
        ['', '2', '', '城镇失业人员再就业(人)', '4000', '', '4934'],
        ['', '3', '', '就业困难人员就业(人)', '2000', '', '2519'],
        ['', '4', '', '青年劳动者技能培训(人)', '3000', '', '3291'],
        ['', '5', '提升技能人才素质', '高技能人才培训(人)', '1500', '市人社局', '1620'],
      ),
    );
    expect(table.tasks.map(brief)).toEqual([
      [1, '就业促进工程', '促进城乡劳动者就业创业', '城镇新增就业(人) 26000', [], ['市人社局'], '32095'],
      [2, '就业促进工程', '促进城乡劳动者就业创业', '城镇失业人员再就业(人) 4000', [], ['市人社局'], '4934'],
      [3, '就业促进工程', '促进城乡劳动者就业创业', '就业困难人员就业(人) 2000', [], ['市人社局'], '2519'],
      [4, '就业促进工程', '促进城乡劳动者就业创业', '青年劳动者技能培训(人) 3000', [], ['市人社局'], '3291'],
      [5, '就业促进工程', '提升技能人才素质', '高技能人才培训(人) 1500', [], ['市人社局'], '1620'],
    ]);
  });
  it('keeps a target column that states each task in full as the target', () => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '牵头单位', '进展情况'],
        ['1', '新建公办幼儿园3所', '区教育局', '已开工2所'],
        ['2', '新增公共停车泊位1500个', '区住建局', '已新增900个'],
        ['3', '改造老旧小区12个', '区住建局', '已开工10个'],
        ['4', '新建口袋公园8个', '区城管局', '已建成5个'],
      ),
    );
    expect(table.tasks.map((t) => [t.theme, t.category, t.target])).toEqual([
      [null, null, '新建公办幼儿园3所'],
      [null, null, '新增公共停车泊位1500个'],
      [null, null, '改造老旧小区12个'],
      [null, null, '新建口袋公园8个'],
    ]);
  });
});

describe('sub-items numbered (1), (2)… in the target under a group the 序号 column numbers', () => {
  it('makes each sub-item a task, the group’s name its theme, blank leaders and units merged from above', () => {
    const table = parseText(
      rows(
        ['2024年政府工作报告主要目标任务责任分解表'],
        ['序号', '目标名称', '工作标准', '分管领导', '牵头单位', '配合单位'],
        ['1', '全区经济社会发展的主要预期目标', '(1)地区生产总值增长6%左右。', '王建国', '发改局', '统计局'],
        ['', '', '(2)一般公共预算收入增长3%以上。', '', '财政局', ''],
        ['', '', '(3)社会消费品零售总额增长6%左右。', '李红', '商务局', ''],
        ['', '', '(4)安全生产形势平稳向好。', '', '应急管理局', ''],
        ['2', '聚焦产业强区', '(5)新开工亿元以上产业项目40个。', '张强', '工信局', ''],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.leaders, t.units])).toEqual([
      [1, '全区经济社会发展的主要预期目标', ['王建国'], ['发改局']],
      [2, '全区经济社会发展的主要预期目标', ['王建国'], ['财政局']],
      [3, '全区经济社会发展的主要预期目标', ['李红'], ['商务局']],
      [4, '全区经济社会发展的主要预期目标', ['李红'], ['应急管理局']],
      [5, '聚焦产业强区', ['张强'], ['工信局']],
    ]);
  });
});

describe('a line naming an indicator with its unit in brackets is no heading', () => {
  it('keeps 城市标准(元/月) alone on a row with the task above instead of starting a category', () => {
    const table = parseText(
      rows(
        ['序号', '类别', '项目名称', '目标任务', '牵头单位', '累计完成', '累计进度'],
        ['1', '一、社会保障(2项)', '规范确定和调整低保标准', '最低生活保障 农村标准(元/月)', '县民政局', '', ''],
        ['', '', '', '农村保障人数', '', '35611', '持续推进'],
        ['', '', '', '城市标准(元/月)', '', '', ''],
        ['', '', '', '城市保障人数', '', '6794', '持续推进'],
        ['2', '', '农村敬老院运营服务能力提升', '督促4家公建公营敬老院规范运营', '县民政局', '4', '100%'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.category])).toEqual([
      [1, '一、社会保障(2项)', null],
      [2, '一、社会保障(2项)', null],
    ]);
    expect(table.tasks[0].target).toContain('城市标准(元/月)');
    expect(table.warnings.map((w) => w.code)).not.toContain('category_row');
  });
});

describe('a second target column restating the figure of the target text', () => {
  it('leaves out the copied figure and a dash, keeps a figure the text does not state', () => {
    const table = parseText(
      rows(
        ['序号', '项目名称', '目标任务', '牵头单位', '目标任务', '累计完成', '累计进度'],
        ['1', '促进重点群体稳定就业', '城镇新增就业1100人', '县人社局', '1100', '1063', '96.64%'],
        ['', '', '“三公里”充分就业社区4个', '', '4', '4', '100%'],
        ['2', '企业职工退休一件事一次办理', '办理人次', '县人社局', '-', '454', '持续推进'],
        ['3', '劳务品牌培训', '培训人数(人)', '县人社局', '2425', '2425', '100%'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.target])).toEqual([
      [1, '促进重点群体稳定就业 城镇新增就业1100人 “三公里”充分就业社区4个'],
      [2, '企业职工退休一件事一次办理 办理人次'],
      [3, '劳务品牌培训 培训人数(人) 2425'],
    ]);
  });
});

describe('a period’s part of the target or its steps (一季度目标, 进度安排) is a plan', () => {
  it.each(['一季度目标', '1-6月目标', '季度目标', '上半年目标任务', '进度安排', '工作安排'])(
    'reads %s as neither the target nor the report',
    (header) => {
      const table = parseText(
        rows(
          ['序号', '工作任务', '责任单位', header, '进展情况', '完成情况'],
          [
            '1',
            '新改扩建公办中小学校1所',
            '区教体局',
            '①3月底前,完成室内装修。②6月底前,完成场外施工。',
            '室内装修完成80%。',
            '顺利推进',
          ],
          ['2', '新增公共停车泊位1500个', '区住建局', '完成选址和方案设计', '已完成选址。', '顺利推进'],
        ),
      );
      expect(table.tasks.map((t) => [t.seq, t.theme, t.target, t.units, t.progress])).toEqual([
        [1, null, '新改扩建公办中小学校1所', ['区教体局'], '室内装修完成80%。 顺利推进'],
        [2, null, '新增公共停车泊位1500个', ['区住建局'], '已完成选址。 顺利推进'],
      ]);
    },
  );
});

describe('counties and districts named as bodies in a units cell', () => {
  it('keeps 西秀区 and 普定县 beside 市移民局 as units, not as people', () => {
    const table = parseText(
      rows(
        ['序号', '工作任务', '责任单位', '完成情况'],
        ['1', '实施易地扶贫搬迁18695人', '市移民局,西秀区、普定县、镇宁自治县', '已完成搬迁入住18695人。'],
        ['2', '解决6万人农村饮水安全问题', '市水务局', '已解决6.007万人。'],
      ),
    );
    expect(table.tasks.map((t) => t.units)).toEqual([['市移民局', '西秀区', '普定县', '镇宁自治县'], ['市水务局']]);
    expect(table.tasks[0].warnings.map((w) => w.code)).not.toContain('person_in_units');
  });
});

describe('a body’s other name in brackets set apart by a space', () => {
  it('reads 应急管理局 (安委办) as one unit', () => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '牵头单位', '进展情况'],
        ['1', '安全生产形势平稳向好。', '应急管理局 (安委办)', '未发生较大以上事故。'],
        ['2', '新增城镇就业3000人', '人社局 (就业中心) 、民政局', '已新增3120人。'],
      ),
    );
    expect(table.tasks.map((t) => t.units)).toEqual([['应急管理局(安委办)'], ['人社局(就业中心)', '民政局']]);
  });
});

describe('a target column used by a few rows only, right of the target', () => {
  it('stays part of the target: headings stand left of what they group', () => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '具体内容', '牵头单位', '进展情况'],
        ['1', '新建公办幼儿园3所', '', '区教育局', '已开工2所'],
        ['2', '新增公共停车泊位1500个', '', '区住建局', '已新增900个'],
        ['3', '改造老旧小区12个', '含加装电梯', '区住建局', '已开工10个'],
        ['4', '新建口袋公园8个', '', '区城管局', '已建成5个'],
      ),
    );
    expect(table.tasks.map((t) => [t.theme, t.category, t.target])).toEqual([
      [null, null, '新建公办幼儿园3所'],
      [null, null, '新增公共停车泊位1500个'],
      [null, null, '改造老旧小区12个 含加装电梯'],
      [null, null, '新建口袋公园8个'],
    ]);
  });
});

describe('an indicator table whose 单位 column is blank where the target names its own unit', () => {
  it('keeps the units of measure in the target, reads 占年任务之比 as the rate and a 备注 of bodies as the units', () => {
    const table = parseText(
      rows(
        ['重点民生实事落实情况'],
        ['序号', '考核指标', '单 位', '工作目标', '已完成数', '占年任务之比', '备  注'],
        ['1', '城镇新增就业', '万人', '5.2', '7.23', '139.1%', '人力资源社会保障局'],
        ['2', '新增农村通自来水人口', '万人', '4.52', '5.52', '122.0%', '水利局'],
        ['3', '减少义务教育大班额', '', '869', '1022', '117.6%', '教体局'],
        ['4', '农村适龄妇女“两癌”免费检查', '', '93215', '106345', '114.1%', '妇联'],
        ['5', '提高农村救助水平', '元/月/人', '不低于197元', '197', '达到目标197元', '民政局'],
        ['6', '完成行政村配电网改造', '万元', '5900', '5900', '100.0%', '电力公司'],
      ),
    );
    expect(table.tasks.map(brief).slice(0, 3)).toEqual([
      [1, null, null, '城镇新增就业 万人 5.2', [], ['人力资源社会保障局'], '7.23 139.1%'],
      [2, null, null, '新增农村通自来水人口 万人 4.52', [], ['水利局'], '5.52 122.0%'],
      [3, null, null, '减少义务教育大班额 869', [], ['教体局'], '1022 117.6%'],
    ]);
    expect(table.tasks[4].target).toBe('提高农村救助水平 元/月/人 不低于197元');
  });
});

describe('a dash in one report column beside words in another', () => {
  it('keeps the dashes in the joined report as printed, as the reviewed labels do', () => {
    const table = parseText(
      rows(
        ['序号', '项目名称', '目标任务', '牵头单位', '累计完成', '累计进度', '备注'],
        ['1', '促进就业', '城镇新增就业2450人', '县人社局', '2712', '110.69%', ''],
        ['2', '支持毕业生求职创业', '发放求职创业补贴', '县人社局', '—', '—', '待省统一部署后启动实施'],
        ['3', '放心家政行动', '培训家政服务人员1185人次', '县商务局', '/', '/', ''],
      ),
    );
    expect(table.tasks.map((t) => t.progress)).toEqual(['2712 110.69%', '— — 待省统一部署后启动实施', '/ /']);
  });
});

describe('a section’s number in a cell of its own beside its name', () => {
  it('makes the name the theme of the unnumbered tasks under it, numbered in order', () => {
    const table = parseText(
      rows(
        ['第三季度政府工作报告重点任务目标执行情况'],
        ['项目名称', '', '项目内容', '责任单位', '进展情况'],
        ['(一)', '经济社会发展主要预期目标', '地区生产总值增长6.5%以上', '区发改局、各街道', '正常进行中'],
        ['', '', '财政收入与经济增长基本同步', '区财政局、各街道', '正常进行中'],
        ['', '', '节能减排确保完成市下达目标任务', '区发改局、各街道', '上半年单位GDP电耗降低6.52%'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.category, t.target])).toEqual([
      [1, '经济社会发展主要预期目标', null, '地区生产总值增长6.5%以上'],
      [2, '经济社会发展主要预期目标', null, '财政收入与经济增长基本同步'],
      [3, '经济社会发展主要预期目标', null, '节能减排确保完成市下达目标任务'],
    ]);
  });
});

describe('sub-items of one numbered item, each with its own target and report', () => {
  const table = parseText(
    rows(
      ['2022年度民生实事1-9月份进展情况表'],
      ['序号', '项目', '省工作目标', '牵头单位', '1-9月进展情况', '全面完成预计时间'],
      ['', '', '本县', '', '', ''],
      ['1', '幼有善育', '新增3个乡镇(街道)建有托育机构', '卫生健康局', '已全部完成(石璜镇幼托中心)。', '已完成'],
      ['', '', '新增托位525个', '卫生健康局', '已全部完成。', '已完成'],
      ['', '', '新增普惠托位315个', '', '已全部完成。', '已完成'],
      ['2', '病有良医', '建设临床重点专科项目10个', '卫生健康局', '未分解任务到本县。', '/'],
      ['', '', '新改扩建规范化村卫生室5个', '卫生健康局', '已全部完成。', '已完成'],
    ),
  );
  it('reads a short word under a column’s header, above the first task, as the header’s second line', () => {
    expect(table.tasks.every((t) => t.theme !== '本县')).toBe(true);
    expect(table.tasks[0].theme).toBe('幼有善育');
  });
  it('still joins a row broken by a page, whose report above stops mid-sentence', () => {
    const broken = parseText(
      rows(
        ['序号', '项目', '目标任务', '牵头单位', '进展情况'],
        ['1', '城市绿化', '新建城市公园3个，新增绿地', '住建局', '已建成公园2个，新增绿地'],
        ['', '', '120公顷', '', '96公顷，完成全年任务的80%。'],
      ),
    );
    expect(broken.tasks.map((t) => [t.seq, t.target, t.progress])).toEqual([
      [1, '新建城市公园3个，新增绿地 120公顷', '已建成公园2个，新增绿地 96公顷，完成全年任务的80%。'],
    ]);
  });
  it('makes each sub-item a task under the item’s number, the merged unit carried down', () => {
    expect(table.tasks.map((t) => [t.seq, t.theme, t.target, t.units, t.progress])).toEqual([
      [1, '幼有善育', '新增3个乡镇(街道)建有托育机构', ['卫生健康局'], '已全部完成(石璜镇幼托中心)。 已完成'],
      [1, '幼有善育', '新增托位525个', ['卫生健康局'], '已全部完成。 已完成'],
      [1, '幼有善育', '新增普惠托位315个', ['卫生健康局'], '已全部完成。 已完成'],
      [2, '病有良医', '建设临床重点专科项目10个', ['卫生健康局'], '未分解任务到本县。 /'],
      [2, '病有良医', '新改扩建规范化村卫生室5个', ['卫生健康局'], '已全部完成。 已完成'],
    ]);
  });
});

describe('a units cell naming who runs the task: 负责, 主办 … 协办, 分别牵头', () => {
  it('keeps the bodies that answer for it and leaves the co-operating ones out', () => {
    const table = parseText(
      rows(
        ['序号', '工作任务', '责任单位'],
        ['1', '全省地区生产总值增长8.5%左右', '省发改委负责'],
        ['2', '公共财政收入增长10%', '省财政厅主办，省国税局、地税局协办'],
        ['3', '城乡居民收入增长与经济增长同步', '省发改委、省农委、省统计局分别负责'],
        ['4', '城镇新增就业、节能减排降碳完成省定任务', '市人力社保局、市发改委分别牵头'],
      ),
    );
    expect(table.tasks.map((t) => t.units)).toEqual([
      ['省发改委'],
      ['省财政厅'],
      ['省发改委', '省农委', '省统计局'],
      ['市人力社保局', '市发改委'],
    ]);
  });
});

describe('a header ending in 内容 (事项内容) names what the task is to achieve', () => {
  it('joins 事项名称 and 事项内容 across the units column into the target of a table without reports', () => {
    const table = parseText(
      rows(
        ['2026年重点民生实事工作目标任务'],
        ['序号', '事项名称', '责任单位', '事项内容'],
        ['1', '实施老旧小区居住品质提升工程', '住房城乡建设局', '完成城镇老旧小区改造;完成50台老旧电梯更新改造。'],
        ['2', '开展高层建筑消防安全能力建设', '消防救援大队', '高层建筑消防物联感知设备接入率达80%以上。'],
      ),
    );
    expect(table.tasks.map((t) => [t.target, t.units, t.progress])).toEqual([
      ['实施老旧小区居住品质提升工程 完成城镇老旧小区改造;完成50台老旧电梯更新改造。', ['住房城乡建设局'], ''],
      ['开展高层建筑消防安全能力建设 高层建筑消防物联感知设备接入率达80%以上。', ['消防救援大队'], ''],
    ]);
  });
});

describe('a section heading followed by its sums only', () => {
  it('starts the section; the 合计 row above it is no task', () => {
    const table = parseText(
      rows(
        ['序号', '项目名称', '2025年工作目标任务', '2025年投资计划(万元)', '责任单位', '月度进展情况(1-3月)'],
        ['合计', '', '', '182852', '', ''],
        ['一、市级重点民生实事', '', '', '16842', '', ''],
        [
          '1',
          '农村公路加装护栏',
          '实施农村公路生命安全防护工程201公里。',
          '3417',
          '区交通运输委',
          '已完成施工图审查。',
        ],
        ['2', '实施城镇老旧小区改造', '新开工改造城镇老旧小区67个。', '11604', '区住房城乡建委', '新开工改造42个。'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme])).toEqual([
      [1, '一、市级重点民生实事'],
      [2, '一、市级重点民生实事'],
    ]);
  });
});

describe('a name column whose names open with 一、 二、 while 序号 counts the indicator rows', () => {
  const table = parseText(
    rows(
      ['序号', '实事名称', '指标任务', '责任单位', '实施点位', '完成时限', '进展情况', '下步计划'],
      [
        '1',
        '一、农村路灯亮化工程',
        '新增农村路灯1000盏。',
        '农业农村局',
        '全县50余个村',
        '11月底',
        '已发布招标公告。',
        '7月份开展基础施工',
      ],
      [
        '2',
        '二、农村公路改建提升工程',
        '改建农村公路12公里',
        '交通运输局',
        '四条提升工程',
        '11月底',
        '已完成工程量85%。',
        '8月中旬完工',
      ],
    ),
  );
  it('groups the rows: the name is their theme', () => {
    expect(table.tasks.map((t) => [t.seq, t.theme, t.target])).toEqual([
      [1, '一、农村路灯亮化工程', '新增农村路灯1000盏。'],
      [2, '二、农村公路改建提升工程', '改建农村公路12公里'],
    ]);
  });
  it('reads 实施点位 as neither target nor report, and 下步计划 as a remark on the report', () => {
    expect(table.tasks.map((t) => t.progress)).toEqual([
      '已发布招标公告。 7月份开展基础施工',
      '已完成工程量85%。 8月中旬完工',
    ]);
  });
});

describe('the month’s planned progress (8月计划进度) beside the actual progress', () => {
  it('is the plan: neither the target nor the report', () => {
    const table = parseText(
      rows(
        ['项目内容', '8月计划进度', '实际进度情况', '完成率', '责任单位'],
        ['(1)组建教共体70对以上。', '继续常态化开展活动。', '已组建72对。', '72%', '市教育局'],
        ['(2)创建乡村小而优示范学校5所以上。', '暑期完成硬件建设。', '已投入建设资金190万元。', '60%', '市教育局'],
      ),
    );
    expect(table.tasks.map((t) => t.progress)).toEqual(['已组建72对。 72%', '已投入建设资金190万元。 60%']);
  });
});

describe('every cell closed with a full stop (the report’s sentences copied into a table)', () => {
  it('reads the names without the stop', () => {
    const table = parseText(
      rows(
        ['2022年区政府重点工作责任分解'],
        ['部分', '序号', '工作任务', '牵头负责领导', '牵头责任单位'],
        ['一、稳定经济增长', '1.', '地区生产总值增长7%左右。', '王强。', '区发改委。'],
        ['一、稳定经济增长', '2.', '一般公共预算收入增长6%。', '王强。', '区财政局。'],
      ),
    );
    expect(table.tasks.map(brief)).toEqual([
      [1, '一、稳定经济增长', null, '地区生产总值增长7%左右。', ['王强'], ['区发改委'], ''],
      [2, '一、稳定经济增长', null, '一般公共预算收入增长6%。', ['王强'], ['区财政局'], ''],
    ]);
  });
  it('keeps a unit closed by a stop in the units column beside a 项目 column naming each task', () => {
    const table = parseText(
      rows(
        ['部分', '序号', '项目', '牵头单位', '进展情况'],
        ['二、进展情况', '1、', '城乡居民技能培训', '县人社局。', '其中,培训进度较慢的为城关镇。'],
        ['二、进展情况', '2、', '农村危房改造', '县住建局。', '其中,改造进度较慢的为河口乡。'],
      ),
    );
    expect(table.tasks.map((t) => [t.category, t.target, t.units])).toEqual([
      [null, '城乡居民技能培训', ['县人社局']],
      [null, '农村危房改造', ['县住建局']],
    ]);
  });
  it('reads a closed sentence with a figure as text, though it ends like a body (所, 中心)', () => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '责任单位', '进展情况'],
        ['1', '新增老年大学3所。', '区教育局', '已建成2所。'],
        ['2', '建设农事服务中心8个。', '区农业农村局', '已建成6个农事服务中心。'],
      ),
    );
    expect(table.tasks.map((t) => [t.units, t.progress])).toEqual([
      [['区教育局'], '已建成2所。'],
      [['区农业农村局'], '已建成6个农事服务中心。'],
    ]);
  });
});

describe('a section heading between the title and the header row', () => {
  const table = parseText(
    rows(
      ['2022年区政府工作报告重点任务前三季度推进情况'],
      ['一、区政府工作报告主要指标完成情况'],
      ['序号', '目标任务', '牵头单位', '完成情况'],
      ['1.', '地区生产总值增长7%。', '区发改局', '1-9月,地区生产总值同比增长8.2%。'],
      ['2.', '城镇新增就业1.2万人。', '区人社局', '城镇新增就业9800人。'],
    ),
  );
  it('groups the tasks below it, though it ends like a title (情况)', () => {
    expect(table.tasks.map((t) => [t.seq, t.theme])).toEqual([
      [1, '一、区政府工作报告主要指标完成情况'],
      [2, '一、区政府工作报告主要指标完成情况'],
    ]);
  });
  it('leaves the line above it the title', () => {
    expect(table.title).toBe('2022年区政府工作报告重点任务前三季度推进情况');
  });
});
