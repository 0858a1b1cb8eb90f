// Projects with items of their own under one number, and headers that do not line up with
// their cells: how offices' 民生实事 progress tables are printed.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';

const rows = (...lines: string[][]) => lines.map((l) => l.join('\t')).join('\n');

describe('items of one project, each with its own people and report', () => {
  const table = parseText(
    rows(
      ['序号', '项目名称', '主要内容', '区领导', '牵头单位', '8月份完成情况'],
      ['1', '促进交通 便利畅行', '完成20公里农村公路改造提升。', '储杨洋', '区交通局', '项目完成。'],
      ['', '', '新增及优化调整公交线路4条。', '储杨洋', '区交通局', '已新增9条公交线路。'],
      ['', '', '提升20个交通堵点通行效率。', '储杨洋', '区交通局、区交警大队', '力争10月份开工。'],
      ['2', '加强医疗 卫生保障', '开工建设区中医院改扩建工程。', '储杨洋', '区卫健局', '项目规划方案已完成公示。'],
      ['', '', '新建村级医疗卫生机构3家。', '储杨洋', '区卫健局', '大碶塔峙已投入使用。'],
    ),
  );
  it('reads each item as a task under the project’s number, the project’s name its theme', () => {
    expect(table.tasks.map((t) => [t.seq, t.theme, t.target, t.units])).toEqual([
      [1, '促进交通 便利畅行', '完成20公里农村公路改造提升。', ['区交通局']],
      [1, '促进交通 便利畅行', '新增及优化调整公交线路4条。', ['区交通局']],
      [1, '促进交通 便利畅行', '提升20个交通堵点通行效率。', ['区交通局', '区交警大队']],
      [2, '加强医疗 卫生保障', '开工建设区中医院改扩建工程。', ['区卫健局']],
      [2, '加强医疗 卫生保障', '新建村级医疗卫生机构3家。', ['区卫健局']],
    ]);
    expect(table.tasks[4].progress).toBe('大碶塔峙已投入使用。');
  });
  it('keeps a second line of one item (no unit of its own) in that item’s target', () => {
    const t = parseText(
      rows(
        ['序号', '项目名称', '目标任务', '牵头单位', '累计完成', '累计进度'],
        ['1', '促进重点群体稳定就业', '城镇新增就业2450人', '县人社局', '2712', '110.69%'],
        ['', '', '“三公里”充分就业社区6个', '', '6', '100%'],
        ['2', '支持毕业生求职创业', '发放求职创业补贴', '县人社局', '—', '—'],
        ['3', '放心家政行动', '培训家政服务人员1185人次', '县商务局', '1187', '100%'],
      ),
    );
    expect(t.tasks[0].target).toBe('促进重点群体稳定就业 城镇新增就业2450人 “三公里”充分就业社区6个');
    expect(t.tasks[0].theme).toBeNull();
  });
});

describe('a note under the report’s own heading', () => {
  it('is read with the report', () => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '牵头单位', '工作进度', '', ''],
        ['', '', '', '10月完成情况', '进度状态', '情况说明'],
        ['1', '增加学生午休躺睡座椅10000套。', '教育局', '10015套已安装到位', '办结', '项目完成。'],
        ['2', '打造最美上学路9条。', '住建局', '9条最美上学路建设完成', '办结', '项目完成。'],
      ),
    );
    expect(table.tasks[0].progress).toBe('10015套已安装到位 办结 项目完成。');
  });
});

describe('a header without a cell over the numbers', () => {
  it('stands each header word over its own cells', () => {
    const table = parseText(
      rows(
        ['2023年民生实事项目(11月份完成情况)'],
        ['项目名称', '具体内容及规模', '截止11月30日完成情况'],
        ['1', '府前路沿街门面房屋顶隐患整治项目', '对府前路两侧门面房的屋顶进行全面排查和整治。', '已完成。'],
        ['2', '口袋公园项目', '对海坝路及小学东面进行绿化景观、设施提升。', '已完'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.target, t.progress])).toEqual([
      [1, '府前路沿街门面房屋顶隐患整治项目 对府前路两侧门面房的屋顶进行全面排查和整治。', '已完成。'],
      [2, '口袋公园项目 对海坝路及小学东面进行绿化景观、设施提升。', '已完'],
    ]);
    expect(table.warnings.map((w) => w.code)).toContain('header_shifted');
  });
});

describe('one 年度任务 header over a name and a content', () => {
  it('reads both cells as the target when the names differ on every task', () => {
    const table = parseText(
      rows(
        ['序号', '年度任务', '本月进展', '是否达进度', '责任单位'],
        ['1', '美丽乡村建设', '创建4个市级美丽乡村示范村。', '完成宜居村创建名单发文。', '是', '农业农村局'],
        ['2', '绿道建设', '全区新改建绿道60公里。', '部分道路已开工。', '是', '城建局'],
        ['3', '城区道路拓建改造', '新建胥河路南段。', '已完成施工招标。', '是', '城建局'],
      ),
    );
    expect(table.tasks.map((t) => [t.theme, t.target])).toEqual([
      [null, '美丽乡村建设 创建4个市级美丽乡村示范村。'],
      [null, '绿道建设 全区新改建绿道60公里。'],
      [null, '城区道路拓建改造 新建胥河路南段。'],
    ]);
  });
});

describe('columns of plans and weights beside the targets', () => {
  it('reads 年度投资金额 as money planned, not an amount reached, and 目标进度 as the plan', () => {
    const table = parseText(
      rows(
        ['序号', '项目名称', '建设内容', '年度投资金额 (万元)', '2023年 目标进度', '责任单位'],
        ['1', '中小学运动场地改造项目', '对3所学校运动场地进行改造。', '300', '一季度开工,年内完成。', '教体局'],
        ['2', '城区道路提升项目', '实施宏图路提升改造工程。', '4800', '6月开工', '住建局'],
      ),
    );
    expect(table.tasks.map((t) => t.progress)).toEqual(['', '']);
  });
  it('does not take a 分值 column of small numbers for the task numbers', () => {
    const table = parseText(
      rows(
        ['项 目', '分值', '目标任务', '监考单位'],
        ['宏观调控'],
        ['地区生产总值增长率', '3', '年终根据全省平均水平综合考核', '区发改局区统计局'],
        ['规模以上工业增加值增长率', '3', '年终根据全省平均水平综合考核', '区经信局区统计局'],
        ['服务业增加值增长率', '2', '年终根据全省平均水平综合考核', '区商务局区统计局'],
      ),
    );
    expect(table.tasks.map((t) => [t.theme, t.target, t.units])).toEqual([
      ['宏观调控', '地区生产总值增长率 年终根据全省平均水平综合考核', ['区发改局', '区统计局']],
      ['宏观调控', '规模以上工业增加值增长率 年终根据全省平均水平综合考核', ['区经信局', '区统计局']],
      ['宏观调控', '服务业增加值增长率 年终根据全省平均水平综合考核', ['区商务局', '区统计局']],
    ]);
  });
  it('keeps one unit whole when its name only looks like two (`区市场监管局`, `市区供水公司`)', () => {
    const table = parseText(
      rows(
        ['序号', '目标任务', '牵头单位'],
        ['1', '新建农贸市场2个', '区市场监管局'],
        ['2', '改造供水管网10公里', '市区供水公司'],
      ),
    );
    expect(table.tasks.map((t) => t.units)).toEqual([['区市场监管局'], ['市区供水公司']]);
  });
});
