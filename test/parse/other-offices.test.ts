// Tables as other offices write them: headers in their own words, any numbering, reports split
// over several columns, targets only, no header at all. Each case is a small table of the kind the
// real ones in test/fixtures/real are, and what a reader would write down from it.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePeriod, type ParsedTable } from '../../src/domain/index.js';
import { assessTask } from '../../src/assess/index.js';
import { parseTable, parseText } from '../../src/parse/index.js';

const rows = (...lines: string[][]) => lines.map((l) => l.join('\t')).join('\n');
const brief = (t: ParsedTable['tasks'][number]) => ({
  seq: t.seq,
  theme: t.theme,
  category: t.category,
  target: t.target,
  leaders: t.leaders,
  units: t.units,
  progress: t.progress,
});
const guesses = (t: ParsedTable) => t.warnings.filter((w) => w.code === 'column_guessed').map((w) => w.message);

describe('columns placed by what they hold when the header words are unfamiliar', () => {
  const table = parseText(
    rows(
      ['', '事项', '主办', '经办', '情况'],
      ['1', '新增公共停车泊位2000个', '区住建局', '张伟', '已新增1350个，完成年度目标的67.5%。'],
      ['2', '建成口袋公园10个', '区城管局', '李明', '截至10月底已建成8个。'],
    ),
  );
  it('reads target, units, leaders and progress by content', () => {
    expect(table.tasks.map(brief)).toEqual([
      {
        seq: 1,
        theme: null,
        category: null,
        target: '新增公共停车泊位2000个',
        leaders: ['张伟'],
        units: ['区住建局'],
        progress: '已新增1350个，完成年度目标的67.5%。',
      },
      {
        seq: 2,
        theme: null,
        category: null,
        target: '建成口袋公园10个',
        leaders: ['李明'],
        units: ['区城管局'],
        progress: '截至10月底已建成8个。',
      },
    ]);
  });
  it('names each guess in a table warning', () => {
    expect(guesses(table)).toEqual([
      '第1列全是编号，按序号处理',
      '表头“事项”不认识，按其内容当作“目标任务”列',
      '表头“主办”不认识，按其内容当作“牵头单位”列',
      '表头“经办”不认识，按其内容当作“牵头领导”列',
      '表头“情况”不认识，按其内容当作“进展情况”列',
    ]);
  });
});

describe('numbering in any form', () => {
  it('reads section rows numbered 一、 in the 序号 column and tasks numbered ① restarting per section', () => {
    const table = parseText(
      rows(
        ['2024年民生实事1-8月实际完成情况表'],
        ['序号', '项目', '目标任务', '责任单位', '1-8月实际完成情况'],
        ['一、', '公共交通', '', '', ''],
        ['①', '', '新开公交线路10条', '市交通局', '已开通6条'],
        ['②', '', '新增公交车50辆', '市公交集团', '已新增30辆'],
        ['二、', '教育', '', '', ''],
        ['①', '', '新增学位3000个', '市教育局', '已新增1800个'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.target, t.units, t.progress])).toEqual([
      [1, '一、公共交通', '新开公交线路10条', ['市交通局'], '已开通6条'],
      [2, '一、公共交通', '新增公交车50辆', ['市公交集团'], '已新增30辆'],
      [1, '二、教育', '新增学位3000个', ['市教育局'], '已新增1800个'],
    ]);
    expect(table.period).toBe('2024-08');
  });
  it('reads （一） as 1 in a targets-only table, every task with an empty report', () => {
    const table = parseText(
      rows(
        ['序号', '工作任务', '牵头单位', '完成时限'],
        ['（一）', '地区生产总值增长7%以上', '区发改局', '2023年12月底'],
        ['（二）', '固定资产投资增长10%', '区发改局', '2023年12月底'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.target, t.progress, t.deadline])).toEqual([
      [1, '地区生产总值增长7%以上', '', '2023年12月底'],
      [2, '固定资产投资增长10%', '', '2023年12月底'],
    ]);
  });
  it('reads heading rows numbered （一） as themes when there is no level above them', () => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '完成情况'],
        ['（一）就业促进行动'],
        ['1', '新增技能人才2400人', '新增技能人才2450人'],
        ['（二）老年助餐行动'],
        ['1', '城市老年食堂8个', '新增城市老年食堂8个'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.category])).toEqual([
      [1, '（一）就业促进行动', null],
      [1, '（二）老年助餐行动', null],
    ]);
  });
  it('reads （一） in the 序号 column with its name beside it as a theme, （二） as its sibling', () => {
    const table = parseText(
      rows(
        ['序号', '工作任务', '牵头单位', '上半年完成情况'],
        ['（一）', '稳增长促发展', '', ''],
        ['1', '全年引进亿元以上项目30个', '区投促局', '上半年引进亿元以上项目16个。'],
        ['2', '新增规上工业企业20家', '区经信局', '新增规上工业企业6家。'],
        ['（二）', '抓民生补短板', '', ''],
        ['3', '新增公办幼儿园学位1200个', '区教育局', '3所新建幼儿园主体完工。'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.category])).toEqual([
      [1, '（一）稳增长促发展', null],
      [2, '（一）稳增长促发展', null],
      [3, '（二）抓民生补短板', null],
    ]);
  });
  it('reads `1、省实事工程` alone in the 序号 column over items numbered ① as a theme, and the item under it without a number as its first', () => {
    const table = parseText(
      rows(
        ['序号', '民生实事工程', '完成情况'],
        ['1、省实事工程'],
        ['', '增加公办幼儿园学位970个。', '已完成。'],
        ['2、市民生实事工程'],
        ['①', '提质改造乡村小规模学校30所', '已完成。'],
        ['②', '建成社会足球场7个。', '已完成。'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.target])).toEqual([
      [1, '1、省实事工程', '增加公办幼儿园学位970个。'],
      [1, '2、市民生实事工程', '提质改造乡村小规模学校30所'],
      [2, '2、市民生实事工程', '建成社会足球场7个。'],
    ]);
  });
  it('reads an unnumbered line right under a heading as that heading’s item, not as a task going on', () => {
    const table = parseText(
      rows(
        ['序号', '工作任务', '协同单位'],
        ['一、张明省长负责的工作'],
        ['(一)省监察厅牵头的工作'],
        ['', '加强行政监察工作,全面落实政府系统党风廉政建设责任制。', ''],
        ['(二)省编办牵头的工作'],
        ['1.', '深化行政管理体制改革,优化政府机构设置。', ''],
        ['2.', '积极稳妥地推进乡镇机构改革。', '省财政厅'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.category, t.leaders, t.units])).toEqual([
      [1, '(一)省监察厅牵头的工作', ['张明'], ['省监察厅']],
      [1, '(二)省编办牵头的工作', ['张明'], ['省编办']],
      [2, '(二)省编办牵头的工作', ['张明'], ['省编办']],
    ]);
  });
  it('keeps （一） heading rows as categories under 一、 themes', () => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '完成情况'],
        ['一、民生保障'],
        ['（一）就业'],
        ['1', '新增技能人才2400人', '新增技能人才2450人'],
        ['（二）养老'],
        ['2', '城市老年食堂8个', '新增城市老年食堂8个'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.category])).toEqual([
      [1, '一、民生保障', '（一）就业'],
      [2, '一、民生保障', '（二）养老'],
    ]);
  });
  it('reads a number printed in the target itself (`1.…`), restarting in each section, and not a figure (`3.5%…`)', () => {
    const table = parseText(
      rows(
        ['项目名称', '年度目标任务', '完成进度'],
        ['一、就业促进行动', '1.新增城镇就业4000人', '完成736人,完成率18.4%'],
        ['', '2.90%的社区达到充分就业社区标准', '已完成'],
        ['二、健康口腔行动', '1.新增牙椅12台', '完成2台'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.target, t.progress])).toEqual([
      [1, '一、就业促进行动', '1.新增城镇就业4000人', '完成736人,完成率18.4%'],
      [2, '一、就业促进行动', '2.90%的社区达到充分就业社区标准', '已完成'],
      [1, '二、健康口腔行动', '1.新增牙椅12台', '完成2台'],
    ]);
  });
});

describe('nested numbers and lead marks', () => {
  it('reads `1.1`, `1.2` as tasks 1, 2 under the section row numbered `1`', () => {
    const table = parseText(
      rows(
        ['序号', '工作任务', '责任单位', '完成时限'],
        ['1', '产业发展', '', ''],
        ['1.1', '新引进亿元项目10个', '区招商局', '2025年12月底'],
        ['1.2', '新增规上企业20家', '区经信局（牵头）、区统计局', '2025年12月底'],
        ['2', '社会事业', '', ''],
        ['2.1', '新增托位600个', '区卫健委', '2025年12月底'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.target, t.units])).toEqual([
      [1, '1、产业发展', '新引进亿元项目10个', ['区招商局']],
      [2, '1、产业发展', '新增规上企业20家', ['区经信局']],
      [1, '2、社会事业', '新增托位600个', ['区卫健委']],
    ]);
  });
});

describe('a two-row header in an .xlsx, merged as offices draw it', () => {
  it('reads the merged parent over its parts and the period from the title', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('1-8月');
    ws.addRow(['2024年民生实事项目1-8月进展情况表']);
    ws.mergeCells('A1:G1');
    ws.addRow(['序号', '项目名称', '目标任务', '责任单位', '1-8月进展', '', '']);
    ws.addRow(['', '', '', '', '完成值', '完成率', '存在问题']);
    for (const range of ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:G2']) ws.mergeCells(range);
    ws.addRow(['1', '就业', '城镇新增就业5000人', '区人社局', '3400人', '68%', '']);
    ws.addRow(['2', '托育', '新增托位600个', '区卫健委', '200个', '33%', '场地未落实，推进缓慢']);
    const r = await parseTable(new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.period).toBe('2024-08');
    expect(r.value.tasks.map((t) => [t.target, t.units, t.progress])).toEqual([
      ['就业 城镇新增就业5000人', ['区人社局'], '3400人 68%'],
      ['托育 新增托位600个', ['区卫健委'], '200个 33% 场地未落实，推进缓慢'],
    ]);
    expect(r.value.tasks[1].progress_parts?.map((p) => [p.role, p.header])).toEqual([
      ['actual', '1-8月进展 完成值'],
      ['rate', '1-8月进展 完成率'],
      ['remarks', '1-8月进展 存在问题'],
    ]);
  });
});

describe('a report split over several columns', () => {
  const table = parseText(
    rows(
      ['序号', '工作任务', '牵头单位', '实际完成', '完成率', '是否达序', '备注'],
      ['1', '新增就业岗位5000个', '县人社局', '3200个', '64%', '是', ''],
      ['2', '改造老旧小区12个', '县住建局', '3个', '25%', '否', '雨季影响，推进缓慢'],
    ),
  );
  it('keeps each part with its role and header, and joins them in table order', () => {
    expect(table.tasks[1].progress).toBe('3个 25% 否 雨季影响，推进缓慢');
    expect(table.tasks[1].progress_parts).toEqual([
      { role: 'actual', header: '实际完成', text: '3个' },
      { role: 'rate', header: '完成率', text: '25%' },
      { role: 'flag', header: '是否达序', text: '否' },
      { role: 'remarks', header: '备注', text: '雨季影响，推进缓慢' },
    ]);
    expect(table.tasks[0].progress_parts?.map((p) => p.role)).toEqual(['actual', 'rate', 'flag']);
  });
  it('reads a 进度 column of bare percentages as a completion rate beside the written report', () => {
    const t = parseText(
      rows(
        ['序号', '目标任务', '牵头 市领导', '责任单位', '进展情况', '形象进度(%)'],
        ['1', '建设充电驿站1440个', '吕  乐', '市消防大队', '已完成方案制定，正在选址。', '30%'],
      ),
    );
    expect(t.tasks[0].leaders).toEqual(['吕乐']);
    expect(t.tasks[0].progress).toBe('已完成方案制定，正在选址。 30%');
    expect(t.tasks[0].progress_parts?.map((p) => p.role)).toEqual(['progress', 'rate']);
    expect(guesses(t)).toEqual(['表头“形象进度(%)”按其内容当作“完成率”列（表头像“进展情况”）']);
  });
  it('has no parts for a table with one written report column', () => {
    const t = parseText(
      rows(['序号', '目标任务', '牵头单位', '进展情况'], ['1', '新增学位3000个', '区教育局', '已新增3200个']),
    );
    expect(t.tasks[0].progress_parts).toBeUndefined();
  });
});

describe('a target spread over two columns and sub-rows of one task', () => {
  it('joins 项目名称 and 目标任务, and a sub-row’s target and figures into the task above', () => {
    const table = parseText(
      rows(
        ['序号', '项目名称', '目标任务', '牵头单位', '累计完成', '累计进度', '备注'],
        ['1', '促进重点群体稳定就业', '城镇新增就业2450人', '县人社局', '2712', '110.69%', ''],
        ['', '', '“三公里”充分就业社区6个', '', '6', '100%', ''],
        ['2', '支持毕业生求职创业', '按1500元/人标准发放求职创业补贴', '县人社局', '—', '—', '待省统一部署后启动实施'],
      ),
    );
    expect(table.tasks.map(brief)).toEqual([
      {
        seq: 1,
        theme: null,
        category: null,
        target: '促进重点群体稳定就业 城镇新增就业2450人 “三公里”充分就业社区6个',
        leaders: [],
        units: ['县人社局'],
        progress: '2712 110.69% 6 100%',
      },
      {
        seq: 2,
        theme: null,
        category: null,
        target: '支持毕业生求职创业 按1500元/人标准发放求职创业补贴',
        leaders: [],
        units: ['县人社局'],
        progress: '— — 待省统一部署后启动实施',
      },
    ]);
    expect(table.tasks[0].progress_parts?.map((p) => `${p.role}:${p.text}`)).toEqual([
      'actual:2712',
      'rate:110.69%',
      'actual:6',
      'rate:100%',
    ]);
  });
});

describe('a leader written with the unit in brackets', () => {
  it('leads, and the unit in brackets is the lead unit (张伟（区经信局）)', () => {
    const table = parseText(
      rows(
        ['2024年区政府重点工作任务进展情况表（一季度）'],
        ['序号', '重点任务', '责任领导', '进展情况'],
        ['1', '新建5G基站800个', '张伟（区经信局）', '累计新建410个'],
        ['2', '完成老旧小区改造30个', '李明（区住建局、区财政局）', '已开工15个'],
        ['3', '新增城镇就业1万人', '王芳（常务副区长）', '新增2600人'],
      ),
    );
    expect(table.tasks.map((t) => [t.leaders, t.units])).toEqual([
      [['张伟'], ['区经信局']],
      [['李明'], ['区住建局', '区财政局']],
      [['王芳'], []],
    ]);
    expect(table.tasks[0].warnings.map((w) => w.code)).toContain('unit_in_leaders_column');
  });
});

describe('section and category columns, lead units', () => {
  it.each(['工作类别', '类别', '分类'])('reads a single grouping column headed %s as the theme', (header) => {
    const table = parseText(
      rows(
        ['序号', header, '任务内容', '落实情况'],
        ['1', '(一)就业促进行动', '充分就业社区创建18个', '已创建18个'],
        ['2', '(一)就业促进行动', '新增技能人才2400人', '新增2450人'],
        ['1', '(二)老年助餐行动', '城市老年食堂8个', '新增8个'],
        ['2', '(二)老年助餐行动', '农村老年食堂15个', '新增15个'],
        ['3', '(二)老年助餐行动', '新增助餐点20个', '新增21个'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.category, t.target])).toEqual([
      [1, '(一)就业促进行动', null, '充分就业社区创建18个'],
      [2, '(一)就业促进行动', null, '新增技能人才2400人'],
      [1, '(二)老年助餐行动', null, '城市老年食堂8个'],
      [2, '(二)老年助餐行动', null, '农村老年食堂15个'],
      [3, '(二)老年助餐行动', null, '新增助餐点20个'],
    ]);
  });

  it('reads repeated 部分/类别 columns as theme and category and keeps only the lead unit named by 牵头', () => {
    const table = parseText(
      rows(
        ['部分', '类别', '序号', '重点工作', '责任单位'],
        [
          '一、加快提振市场信心',
          '（一）全面促进消费增长。',
          '1.',
          '落实好提振市场信心90条措施。',
          '省发展改革委牵头，省商务厅、财政厅等相关部门按职责分工负责',
        ],
        [
          '一、加快提振市场信心',
          '（一）全面促进消费增长。',
          '2.',
          '加大保障性租赁住房供给。',
          '省住房城乡建设厅、自然资源厅按职责分工负责',
        ],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.category, t.target, t.units])).toEqual([
      [1, '一、加快提振市场信心', '（一）全面促进消费增长。', '落实好提振市场信心90条措施。', ['省发展改革委']],
      [
        2,
        '一、加快提振市场信心',
        '（一）全面促进消费增长。',
        '加大保障性租赁住房供给。',
        ['省住房城乡建设厅', '自然资源厅'],
      ],
    ]);
    expect(table.tasks[0].warnings.map((w) => w.code)).toContain('lead_unit_only');
  });
  it('drops a unit head’s name and a lead mark from the units', () => {
    const table = parseText(
      rows(
        ['大类', '序号', '工作任务', '分管 市领导', '牵头单位及 主要负责人', '落实进展情况'],
        ['一、提高底线民生保障水平', '1', '城乡低保标准提高到每人每月835元。', '陈宣群', '市民政局 伍泽国', '已完成。'],
        ['', '2', '清除淤泥3000万立方米', '陈宣群', '*区城管局 *区水利局', '已完成。'],
      ),
    );
    expect(table.tasks.map((t) => [t.theme, t.leaders, t.units])).toEqual([
      ['一、提高底线民生保障水平', ['陈宣群'], ['市民政局']],
      ['一、提高底线民生保障水平', ['陈宣群'], ['区城管局', '区水利局']],
    ]);
  });
});

describe('layouts seen in other offices’ tables (from the metamorphic variants)', () => {
  it('reads a two-column table without numbers (目标任务 | 进展情况), numbering its rows in order', () => {
    const table = parseText(
      rows(
        ['2024年4月民生实事项目进展情况'],
        ['具体目标任务', '进展情况'],
        ['新增公共停车泊位2000个', '已新增1350个。'],
        ['建成口袋公园10个', '已建成8个。'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.target, t.progress])).toEqual([
      [1, '新增公共停车泊位2000个', '已新增1350个。'],
      [2, '建成口袋公园10个', '已建成8个。'],
    ]);
  });
  it('reads a list of targets only whose header names only the grouping and the target', () => {
    const table = parseText(
      rows(
        ['部分', '类别', '为民实事'],
        ['一、主要任务', '（一）交通出行方面', '开通运营地铁线路。开通运营地铁8号环线等线路。'],
        ['一、主要任务', '（一）交通出行方面', '新开调整公交线路。新开、调整公交线路80条。'],
        ['一、主要任务', '（二）教育助学方面', '幼儿园建设。新建、改扩建公办和普惠幼儿园8所。'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.category, t.progress])).toEqual([
      [1, '一、主要任务', '（一）交通出行方面', ''],
      [2, '一、主要任务', '（一）交通出行方面', ''],
      [3, '一、主要任务', '（二）教育助学方面', ''],
    ]);
  });
  it('skips a header of unfamiliar words repeated after a page number', () => {
    const table = parseText(
      rows(
        ['序号', '事项', '情况'],
        ['1', '新增公共停车泊位2000个', '已新增1350个。'],
        ['— 2 —'],
        ['序号', '事项', '情况'],
        ['2', '建成口袋公园10个', '已建成8个。'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.target, t.progress])).toEqual([
      [1, '新增公共停车泊位2000个', '已新增1350个。'],
      [2, '建成口袋公园10个', '已建成8个。'],
    ]);
  });
  it('keeps a report broken over a page in its own column, the flag printed beside its first line after it', () => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '牵头单位', '进展情况', '是否达到序时进度'],
        ['1', '新建城市书房3家', '区文广旅局', '已完成2家书房主体建设。', '是'],
        ['', '', '', '第三家正在进行内部装修，预计11月投用。', ''],
        ['2', '建成口袋公园10个', '区城管局', '已建成8个。', '是'],
      ),
    );
    expect(table.tasks[0].progress).toBe('已完成2家书房主体建设。第三家正在进行内部装修，预计11月投用。 是');
    expect(table.tasks[0].progress_parts?.map((p) => [p.role, p.text])).toEqual([
      ['progress', '已完成2家书房主体建设。第三家正在进行内部装修，预计11月投用。'],
      ['flag', '是'],
    ]);
  });
  it('joins a report broken over a page to the task above in a table without numbers', () => {
    const table = parseText(
      rows(
        ['目标任务', '牵头单位', '进展情况'],
        ['新建城市书房3家', '区文广旅局', '已完成2家书房主体建设。'],
        ['', '', '第三家正在进行内部装修，预计11月投用。'],
        ['建成口袋公园10个', '区城管局', '已建成8个。'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.target, t.progress])).toEqual([
      [1, '新建城市书房3家', '已完成2家书房主体建设。第三家正在进行内部装修，预计11月投用。'],
      [2, '建成口袋公园10个', '已建成8个。'],
    ]);
  });
  it('puts a short report in the report column when the merged units cell is missing from the row', () => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '牵头单位', '进展情况'],
        ['1', '城镇新增就业2450人', '县人社局', '新增就业2712人。'],
        ['2', '按1500元/人标准发放求职创业补贴', '待省统一部署后启动实施'],
        ['3', '培训家政服务人员1185人次', '县商务局', '已培训1187人次。'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.units, t.progress])).toEqual([
      [1, ['县人社局'], '新增就业2712人。'],
      [2, ['县人社局'], '待省统一部署后启动实施'],
      [3, ['县商务局'], '已培训1187人次。'],
    ]);
  });
  it('joins a per-task 项目 name to the target where section rows already group the tasks', () => {
    const table = parseText(
      rows(
        ['序号', '项目', '目标', '责任单位', '进展情况'],
        ['一、教育'],
        ['1', '新建中学', '建成城南中学', '区教育局', '主体完工。'],
        ['2', '改扩建小学', '改扩建小学3所', '区教育局', '2所已完工。'],
        ['二、交通'],
        ['3', '公交优化', '新开公交线路5条', '区交通局', '新开线路3条。'],
        ['4', '停车设施', '新增泊位2000个', '区城管局', '新增泊位1500个。'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.category, t.target])).toEqual([
      [1, '一、教育', null, '新建中学 建成城南中学'],
      [2, '一、教育', null, '改扩建小学 改扩建小学3所'],
      [3, '二、交通', null, '公交优化 新开公交线路5条'],
      [4, '二、交通', null, '停车设施 新增泊位2000个'],
    ]);
  });
  it.each(['单位', '计量单位'])(
    'reads a %s column of %%, 亿元 and 人 as part of the target, not as organisations',
    (h) => {
      const table = parseText(
        rows(
          ['序号', '指标名称', h, '年度目标', '责任单位'],
          ['1', '地区生产总值增速', '%', '6.5', '县发改委'],
          ['2', '一般公共预算收入', '亿元', '25', '县财政局'],
          ['3', '新增城镇就业', '人', '4000', '县人社局'],
        ),
      );
      expect(table.tasks.map((t) => [t.target, t.units])).toEqual([
        ['地区生产总值增速 % 6.5', ['县发改委']],
        ['一般公共预算收入 亿元 25', ['县财政局']],
        ['新增城镇就业 人 4000', ['县人社局']],
      ]);
    },
  );
  it('reads a two-column CSV of sections and targets without numbers', () => {
    const table = parseText(
      [
        '2023年主要目标任务责任分解方案',
        '重点工作任务,具体目标任务',
        '一、主要预期目标,地区生产总值增长7%以上',
        '一、主要预期目标,规上工业增加值增长12%以上',
        '一、主要预期目标,固定资产投资增长10%以上',
      ].join('\n'),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.target, t.progress])).toEqual([
      [1, '一、主要预期目标', '地区生产总值增长7%以上', ''],
      [2, '一、主要预期目标', '规上工业增加值增长12%以上', ''],
      [3, '一、主要预期目标', '固定资产投资增长10%以上', ''],
    ]);
  });
  it('reads a two-row header whose known words are split between the rows, with no numbered rows', () => {
    const table = parseText(
      rows(
        ['2025年重点工作及责任清单'],
        ['重点工作', '责任分工', ''],
        ['', '责任领导', '责任单位'],
        ['力争全年盘活僵尸企业10家，盘活存量土地400亩。', '马振明', '改革办'],
        ['加快推进污水处理厂及污水管网提升项目。', '张云峰', '规划建设局'],
      ),
    );
    expect(table.title).toBe('2025年重点工作及责任清单');
    expect(table.tasks.map((t) => [t.seq, t.target, t.leaders, t.units])).toEqual([
      [1, '力争全年盘活僵尸企业10家，盘活存量土地400亩。', ['马振明'], ['改革办']],
      [2, '加快推进污水处理厂及污水管网提升项目。', ['张云峰'], ['规划建设局']],
    ]);
  });
  it.each(['；', ';', '/', '，'])('reads units separated by %s', (sep) => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '责任单位', '进展情况'],
        ['1', '新建城市书房3家', `区文广旅局${sep}区教育局`, '已建成2家。'],
        ['2', '建成口袋公园10个', '区城管局', '已建成8个。'],
      ),
    );
    expect(table.tasks[0].units).toEqual(['区文广旅局', '区教育局']);
    expect(table.tasks[0].progress).toBe('已建成2家。');
  });
});

describe('tables a header does not describe', () => {
  it('reads numbered rows without any header, guessing every column', () => {
    const table = parseText(
      rows(
        ['1', '新增学位3000个', '区教育局', '已新增3200个。'],
        ['2', '新建公园5个', '区城管局', '已建成2个，3个在建。'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.target, t.units, t.progress])).toEqual([
      [1, '新增学位3000个', ['区教育局'], '已新增3200个。'],
      [2, '新建公园5个', ['区城管局'], '已建成2个，3个在建。'],
    ]);
    expect(guesses(table)).toHaveLength(4);
  });
  it('reads traditional-character headers and unit names', () => {
    const table = parseText(
      rows(['序號', '項目名稱', '責任單位', '進展情況'], ['1', '新增學位3000個', '縣城投集團', '已新增3200個。']),
    );
    expect(table.tasks.map((t) => [t.seq, t.target, t.units, t.progress])).toEqual([
      [1, '新增學位3000個', ['縣城投集團'], '已新增3200個。'],
    ]);
  });
  it('merges a second header row under its spanning parent and takes the period from a header', () => {
    const table = parseText(
      rows(
        ['序号', '项目名称', '责任单位', '2022年工作计划', '', '项目建设阶段(1-12月份)', '', ''],
        ['', '', '', '投资', '形象进度', '完成投资', '%', '主要形象进度'],
        ['1', '中小学校护眼灯光工程', '县教育局', '1800', '建成', '1800', '100', '完成'],
      ),
    );
    expect(table.period).toBe('2022');
    expect(table.tasks[0].progress).toBe('1800 100 完成');
    expect(table.tasks[0].progress_parts?.map((p) => [p.role, p.header])).toEqual([
      ['actual', '项目建设阶段(1-12月份) 完成投资'],
      ['rate', '项目建设阶段(1-12月份) %'],
      ['progress', '项目建设阶段(1-12月份) 主要形象进度'],
    ]);
  });
  it('takes the period from a date in the title (截至10月31日)', () => {
    const table = parseText(
      rows(
        ['2023年为民办实事项目推进情况(截至10月31日)'],
        ['序号', '内容与要求', '牵头部门', '推进情况'],
        ['1', '新增托位500个', '区卫健委', '已新增托位320个。'],
      ),
    );
    expect(table.period).toBe('2023-10');
    expect(table.tasks[0].target).toBe('新增托位500个');
  });
});

describe('--columns: the person names the columns', () => {
  const text = rows(['1', '新增学位3000个', '王芳', '已新增3200个。'], ['2', '新建公园5个', '李强', '已建成2个。']);
  it('by position overrides every guess', () => {
    const table = parseText(text, { columns: '序号,目标,领导,进展' });
    expect(table.tasks.map((t) => [t.seq, t.target, t.leaders, t.progress])).toEqual([
      [1, '新增学位3000个', ['王芳'], '已新增3200个。'],
      [2, '新建公园5个', ['李强'], '已建成2个。'],
    ]);
    expect(guesses(table)).toEqual([]);
  });
  it('by header name, the other columns still guessed', () => {
    const table = parseText(rows(['序号', '事项', '主办', '情况'], ['1', '新增学位3000个', '区教育局', '3200个']), {
      columns: '事项=目标,情况=实际完成',
    });
    expect(table.tasks[0]).toMatchObject({ target: '新增学位3000个', units: ['区教育局'], progress: '3200个' });
    expect(table.tasks[0].progress_parts).toEqual([{ role: 'actual', header: '情况', text: '3200个' }]);
  });
  it('lists the columns with the roles they were read as, which a person may send back by position', () => {
    const table = parseText(
      rows(['部分', '序号', '事项', '主办', '情况'], ['一、教育', '1', '新增学位3000个', '区教育局', '已新增3200个。']),
    );
    expect(table.sourceColumns).toEqual([
      { header: '部分', role: 'task' },
      { header: '序号', role: 'seq' },
      { header: '事项', role: 'target' },
      { header: '主办', role: 'units' },
      { header: '情况', role: 'progress' },
    ]);
    const corrected = parseText(
      rows(['部分', '序号', '事项', '主办', '情况'], ['一、教育', '1', '新增学位3000个', '区教育局', '3200个']),
      {
        columns: ['task', 'seq', 'target', 'units', 'actual'].join(','),
      },
    );
    expect(corrected.tasks[0]).toMatchObject({ theme: '一、教育', progress: '3200个' });
    expect(corrected.tasks[0].progress_parts).toEqual([{ role: 'actual', header: '情况', text: '3200个' }]);
  });
  it('refuses a role it does not know, in one line', () => {
    expect(() => parseText(text, { columns: '序号,目标,负责的人' })).toThrow(
      /--columns: "负责的人" names no column role/,
    );
  });
});

describe('a units cell listing organisations separated by spaces', () => {
  it('keeps the target in the task column and the bodies as units (spaces and 、 mixed)', () => {
    const table = parseText(
      rows(
        ['序号', '主要任务', '牵头单位', '落实情况'],
        ['12', '推进城市更新，完成老旧小区改造20个。', '县住建局、县城管局 县自规局', '已开工改造老旧小区18个。'],
        [
          '30',
          '支持档案、地方志、气象等事业发展。',
          '县委宣传部 县档案馆 县地方志编纂研究室 县气象局 县融媒体中心 县邮政管理局 县公积金管理中心 县机关事务服务中心',
          '上半年发布气象预警信号46条。',
        ],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.theme, t.target, t.units])).toEqual([
      [12, null, '推进城市更新，完成老旧小区改造20个。', ['县住建局', '县城管局', '县自规局']],
      [
        30,
        null,
        '支持档案、地方志、气象等事业发展。',
        [
          '县委宣传部',
          '县档案馆',
          '县地方志编纂研究室',
          '县气象局',
          '县融媒体中心',
          '县邮政管理局',
          '县公积金管理中心',
          '县机关事务服务中心',
        ],
      ],
    ]);
  });
});

describe('columns that are not about the task: contact numbers and target classes', () => {
  it('reads a column of telephone numbers as contact details, under a known or an unfamiliar header', () => {
    for (const header of ['监督电话', '投诉渠道']) {
      const table = parseText(
        rows(
          ['序号', '民生事项名称', '年度任务目标', '责任单位', '1-6月完成情况', header],
          ['1', '建设城区停车场', '新建公共停车场3处', '住建局', '已建成2处，第3处完成主体。', '监督电话0531-7654321'],
          ['2', '改造农贸市场', '改造提升农贸市场5个', '商务局', '已完成改造4个。', '0531-7654322'],
          ['3', '建设口袋公园', '新建口袋公园8个', '城管局', '已建成6个。', '13912345678'],
        ),
      );
      expect(table.tasks.map((t) => [t.target, t.progress])).toEqual([
        ['建设城区停车场 新建公共停车场3处', '已建成2处，第3处完成主体。'],
        ['改造农贸市场 改造提升农贸市场5个', '已完成改造4个。'],
        ['建设口袋公园 新建口袋公园8个', '已建成6个。'],
      ]);
    }
  });
  it('keeps a column of seven- and eight-digit amounts as figures, not telephone numbers', () => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '责任单位', '上半年完成（元）'],
        ['1', '发放创业担保贷款8000万元', '县人社局', '52000000'],
        ['2', '兑现惠企资金1200万元', '县财政局', '8350000'],
      ),
    );
    expect(table.tasks.map((t) => t.progress)).toEqual(['52000000', '8350000']);
  });
  it('leaves a 目标类型 column of A类/B类 out of the target, and joins a lone task’s name to its figure', () => {
    const table = parseText(
      rows(
        ['序号', '任务名称', '指标要求', '牵头部门', '配合部门', '目标类型'],
        ['1', '城镇居民人均可支配收入', '增长6%', '区人力社保局', '区统计局、各街道', 'B类'],
      ),
    );
    expect(table.tasks.map(brief)).toEqual([
      {
        seq: 1,
        theme: null,
        category: null,
        target: '城镇居民人均可支配收入 增长6%',
        leaders: [],
        units: ['区人力社保局'],
        progress: '',
      },
    ]);
  });
  it('leaves out classes under an unfamiliar header too', () => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '牵头单位', '考评档次'],
        ['1', '新增城镇就业1.2万人', '区人力社保局', 'A类'],
        ['2', '建成区级养老服务中心1个', '区民政局', 'B类'],
      ),
    );
    expect(table.tasks.map((t) => t.target)).toEqual(['新增城镇就业1.2万人', '建成区级养老服务中心1个']);
  });
});

describe('a share of the year’s plan is a completion rate', () => {
  it('reads 占全年计划 holding percentages as the rate beside the actual figure, not as a work plan', () => {
    const table = parseText(
      rows(
        ['序号', '实事项目名称', '完成情况', '占全年计划'],
        ['1', '新增社区助餐点40个', '46', '115%'],
        ['2', '改造无障碍设施200处', '180', '90%'],
      ),
    );
    expect(table.tasks.map((t) => t.progress)).toEqual(['46 115%', '180 90%']);
    expect(table.tasks[0].progress_parts?.map((p) => p.role)).toEqual(['actual', 'rate']);
  });
});

describe('unnumbered rows that are items of their own under one number', () => {
  it('reads a row with its own item name, figure and rate as a separate task with the same number', () => {
    const table = parseText(
      rows(
        ['序号', '实事项目名称', '完成情况', '完成率'],
        ['1', '新增社区嵌入式养老服务设施20个', '23', '115%'],
        ['', '新增家庭养老照护床位500张', '540', '108%'],
        ['2', '建设儿童友好示范社区12个', '12', '100%'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.target, t.progress])).toEqual([
      [1, '新增社区嵌入式养老服务设施20个', '23 115%'],
      [1, '新增家庭养老照护床位500张', '540 108%'],
      [2, '建设儿童友好示范社区12个', '12 100%'],
    ]);
    expect(table.tasks[1].warnings.map((w) => w.code)).toContain('sibling_row');
  });
  it('keeps the lead unit of the number for its second item', () => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '牵头单位', '累计完成', '完成率'],
        ['3', '新增公办托位600个', '区卫健局', '420', '70%'],
        ['', '新增普惠性托育机构5家', '', '5', '100%'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.target, t.units, t.progress])).toEqual([
      [3, '新增公办托位600个', ['区卫健局'], '420 70%'],
      [3, '新增普惠性托育机构5家', ['区卫健局'], '5 100%'],
    ]);
  });
  it('still joins a row that goes on in words, or under a blank project name, to the task above', () => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '牵头单位', '累计完成', '进展情况'],
        ['1', '新建城市绿道30公里，', '区城管局', '18', '已建成18公里，'],
        ['', '串联主要公园', '', '', '其余正在施工。'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.target])).toEqual([[1, '新建城市绿道30公里， 串联主要公园']]);
  });
});

describe('projects numbered inside the name columns under grouping numbers in 序号', () => {
  it('makes each leaf project a task with its own number, a project with sub-projects their category', () => {
    const table = parseText(
      rows(
        ['序号', '牵头单位', '项目名称', '', '业主单位', '本月进展'],
        ['一', '县交通局', '（一）农村公路提升工程', '1.东环路改造', '县城投公司', '已完工'],
        ['', '', '', '2.西山路拓宽', '县交通局', '路基完成80%'],
        ['二', '县水利局', '（一）城乡供水一体化工程', '', '县水务集团', '已通水'],
        ['', '', '（二）山塘水库除险加固', '', '县水利局', '已完工'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.category, t.target, t.units, t.progress])).toEqual([
      [1, '（一）农村公路提升工程', '1.东环路改造', ['县交通局'], '已完工'],
      [2, '（一）农村公路提升工程', '2.西山路拓宽', ['县交通局'], '路基完成80%'],
      [1, null, '（一）城乡供水一体化工程', ['县水利局'], '已通水'],
      [2, null, '（二）山塘水库除险加固', ['县水利局'], '已完工'],
    ]);
    expect(table.warnings.map((w) => w.code)).toContain('inner_items');
  });
  it('reads a group row that only heads its projects (unit and count, no report) as no task', () => {
    const table = parseText(
      rows(
        ['序号', '牵头单位', '项目名称', '', '本月进展'],
        ['一', '县交通局', '农村公路项目（2个）', '', ''],
        ['', '', '（一）东环路改造', '', '已完工'],
        ['', '', '（二）西山路拓宽', '', '路基完成80%'],
        ['二', '县水利局', '水利项目（1个）', '', ''],
        ['', '', '（一）山塘水库除险加固', '1.东山塘', '已完工'],
        ['', '', '', '2.西山塘', '已完工'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.category, t.target, t.units, t.progress])).toEqual([
      [1, null, '（一）东环路改造', ['县交通局'], '已完工'],
      [2, null, '（二）西山路拓宽', ['县交通局'], '路基完成80%'],
      [1, '（一）山塘水库除险加固', '1.东山塘', ['县水利局'], '已完工'],
      [2, '（一）山塘水库除险加固', '2.西山塘', ['县水利局'], '已完工'],
    ]);
  });
  it('reads the same from an .xlsx whose 序号 and 牵头单位 cells are merged down over each group', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('12月');
    ws.addRow(['序号', '牵头单位', '项目名称', '', '本月进展']);
    ws.addRow(['一', '县交通局', '（一）农村公路提升工程', '1.东环路改造', '已完工']);
    ws.addRow(['', '', '', '2.西山路拓宽', '路基完成80%']);
    ws.addRow(['二', '县水利局', '（一）城乡供水一体化工程', '', '已通水']);
    ws.addRow(['', '', '（二）山塘水库除险加固', '', '已完工']);
    for (const range of ['A2:A3', 'B2:B3', 'C2:C3', 'A4:A5', 'B4:B5']) ws.mergeCells(range);
    const r = await parseTable(new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.tasks.map((t) => [t.seq, t.category, t.target, t.units, t.progress])).toEqual([
      [1, '（一）农村公路提升工程', '1.东环路改造', ['县交通局'], '已完工'],
      [2, '（一）农村公路提升工程', '2.西山路拓宽', ['县交通局'], '路基完成80%'],
      [1, null, '（一）城乡供水一体化工程', ['县水利局'], '已通水'],
      [2, null, '（二）山塘水库除险加固', ['县水利局'], '已完工'],
    ]);
  });
  it('leaves a numbered list inside one task’s target alone when 序号 numbers the tasks', () => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '牵头单位', '进展情况'],
        ['1', '1.新建污水管网12公里；', '县住建局', '已建成9公里。'],
        ['', '2.改造雨污分流小区8个', '', '已完成6个。'],
        ['2', '1.新增停车泊位800个', '县城管局', '已新增650个。'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.target])).toEqual([
      [1, '1.新建污水管网12公里； 2.改造雨污分流小区8个'],
      [2, '1.新增停车泊位800个'],
    ]);
  });
});

describe('workbooks whose cells are merged down over a task’s or a group’s rows', () => {
  const read = async (lines: string[][], merges: string[]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    for (const l of lines) ws.addRow(l);
    for (const range of merges) ws.mergeCells(range);
    const r = await parseTable(new Uint8Array(await wb.xlsx.writeBuffer()), { fileName: 'tasks.xlsx' });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.tasks;
  };

  it('reads a task on two rows, its 序号 merged over both, as one task, as the text reads it', async () => {
    const tasks = await read(
      [
        ['序号', '工作任务', '责任单位', '进展情况'],
        ['1', '新改扩建公办中小学校1所', '教体局', '新建工程室内装修及安装工程已完成70%'],
        ['', '新增学位810个', '', ''],
        ['2', '完成结对帮扶学校2所', '教体局', '已完成结对'],
      ],
      ['A2:A3', 'C2:C3', 'D2:D3'],
    );
    expect(tasks.map((t) => [t.seq, t.target])).toEqual([
      [1, '新改扩建公办中小学校1所 新增学位810个'],
      [2, '完成结对帮扶学校2所'],
    ]);
  });

  it('reads a grouping column merged over its rows as the theme, as the text’s blanks are', async () => {
    const tasks = await read(
      [
        ['序号', '指标', '工作任务', '责任股室'],
        ['1', '公共文化服务', '“两馆一站”免费开放服务人次较上年增长15%', '文化馆'],
        ['2', '', '全年组织开展文化下乡等惠民演出不少于100场', '文化馆'],
        ['3', '', '新建农家书屋10个', '图书馆'],
        ['4', '文化产业', '培育规上文化企业2家', '产业股'],
        ['5', '', '举办文化旅游节1次', '产业股'],
      ],
      ['B2:B4', 'B5:B6'],
    );
    expect(tasks.map((t) => [t.theme, t.target])).toEqual([
      ['公共文化服务', '“两馆一站”免费开放服务人次较上年增长15%'],
      ['公共文化服务', '全年组织开展文化下乡等惠民演出不少于100场'],
      ['公共文化服务', '新建农家书屋10个'],
      ['文化产业', '培育规上文化企业2家'],
      ['文化产业', '举办文化旅游节1次'],
    ]);
  });
});

describe('a supervision table with a 工作事项 column and a light for each task', () => {
  const table = parseText(
    [
      '2024年区政府工作报告重点任务1-9月推进情况表',
      '序号\t工作事项\t目标任务\t责任领导\t牵头单位\t配合单位\t时间节点\t1-9月进展\t存在问题\t下步打算\t评价',
      '一、扎实推进产业转型升级',
      '1\t招商引资\t全年引进亿元以上项目30个\t王建国\t区商务局\t各镇街\t12月底\t已引进亿元以上项目24个\t无\t加大招商力度\t绿灯',
      '2\t工业投资\t完成工业投资50亿元\t王建国\t区经信局\t区发改局\t12月底\t完成工业投资31.2亿元\t部分项目开工延迟\t加快项目开工\t黄灯',
      '3\t技术改造\t实施技改项目40个\t王建国\t区经信局\t\t12月底\t已实施技改项目33个\t\t\t绿灯',
    ].join('\n'),
  );
  it('keeps the matter each row names: under a heading row’s theme, it is the second level', () => {
    expect(table.tasks.map((t) => [t.theme, t.category, t.target])).toEqual([
      ['一、扎实推进产业转型升级', '招商引资', '全年引进亿元以上项目30个'],
      ['一、扎实推进产业转型升级', '工业投资', '完成工业投资50亿元'],
      ['一、扎实推进产业转型升级', '技术改造', '实施技改项目40个'],
    ]);
  });
  it('keeps the light apart as the flag', () => {
    expect(table.tasks[1].progress_parts?.find((p) => p.role === 'flag')).toEqual({
      role: 'flag',
      header: '评价',
      text: '黄灯',
    });
  });
});

describe('a project table with the year’s plan and the quarter’s plan side by side', () => {
  const table = parseText(
    [
      '2024年重点项目一季度推进情况',
      '序号\t项目名称\t年度计划投资（万元）\t一季度计划投资（万元）\t一季度完成投资（万元）\t形象进度\t责任单位',
      '1\t城东污水处理厂二期\t12000\t2500\t2800\t土建施工\t县住建局',
      '2\t县人民医院门诊楼\t8000\t2000\t900\t基础施工\t县卫健局',
      '3\t工业园区标准厂房\t15000\t3000\t3100\t主体施工\t县经开区',
    ].join('\n'),
  );
  it('reads the year’s plan as the target, the quarter’s as the period’s milestone', () => {
    expect(table.tasks.map((t) => t.target)).toEqual([
      '城东污水处理厂二期 12000',
      '县人民医院门诊楼 8000',
      '工业园区标准厂房 15000',
    ]);
  });
  it('keeps a quarter’s plan as the target where the table plans nothing for the year', () => {
    const alone = parseText(
      [
        '序号\t项目名称\t一季度计划投资（万元）\t一季度完成投资（万元）',
        '1\t城东污水处理厂二期\t2500\t2800',
        '2\t县人民医院门诊楼\t2000\t900',
        '3\t工业园区标准厂房\t3000\t3100',
      ].join('\n'),
    );
    expect(alone.tasks[0].target).toBe('城东污水处理厂二期 2500');
  });
  it('so a quarter’s investment above the quarter’s plan does not close the year’s project', () => {
    const period = { period: parsePeriod(table.period ?? '') };
    expect(assessTask(table.tasks[0], period).status).not.toBe('done');
  });
});
