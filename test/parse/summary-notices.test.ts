// Tables rebuilt from a supervision notice or a news summary: the items stand under sentences
// that count or introduce them (`8项进展偏慢的重点工作为：`), and a project is named beside its
// description (`项目 | 内容`).
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';

const rows = (...lines: string[][]) => lines.map((l) => l.join('\t')).join('\n');

describe('a sentence leading a group of items, alone where the numbers stand', () => {
  const table = parseText(
    rows(
      ['关于2021年市政府重点工作三季度完成情况的通报'],
      ['序号', '工作任务', '责任单位', '进展情况'],
      ['3项进展偏慢的市政府重点工作为:'],
      ['1', '实现“小升规”60家', '市经信局', '进展偏慢'],
      ['2', '完成低效用地再开发1000亩', '市自然资源和规划局', '进展偏慢'],
      ['基本达到时间节点要求的重点工作有'],
      ['3', '新建高标准农田6700亩', '市农业农村局', '基本达到时间节点要求'],
      ['二是有一定进度的实事项目 2个,占比达20%。'],
      ['1', '改造老旧小区9.5万平方米', '市住建局', '有一定进度'],
    ),
  );
  it('is the theme of the items below it', () => {
    expect(table.tasks.map((t) => [t.seq, t.theme])).toEqual([
      [1, '3项进展偏慢的市政府重点工作为:'],
      [2, '3项进展偏慢的市政府重点工作为:'],
      [3, '基本达到时间节点要求的重点工作有'],
      [1, '二是有一定进度的实事项目 2个,占比达20%。'],
    ]);
  });
  it('is no part of the target or report of the item above it', () => {
    expect(table.tasks[1].target).toBe('完成低效用地再开发1000亩');
    expect(table.tasks[2].progress).toBe('基本达到时间节点要求');
  });
  it('is not taken from a line that goes on a report (no following number)', () => {
    const t = parseText(
      rows(
        ['序号', '工作任务', '责任单位', '进展情况'],
        ['1', '建成口袋公园10个', '区城管局', '已建成8个'],
        ['其余2个项目为:'],
      ),
    );
    expect(t.tasks.map((x) => x.theme)).toEqual([null]);
  });
});

describe('a bare 项目 column beside the item’s description', () => {
  it('names the item: the name and the description make the target', () => {
    const table = parseText(
      rows(
        ['序号', '项目', '具体内容', '牵头单位', '落实情况'],
        ['1', '推进城市优化改造', '改造老旧小区户外供水设施7500户。', '区水务局', '上半年完成改造3648户。'],
        ['2', '道路畅通工程', '完成1.7公里农路建设。', '区交通局', '已完成。'],
      ),
    );
    expect(table.tasks.map((t) => [t.theme, t.target])).toEqual([
      [null, '推进城市优化改造 改造老旧小区户外供水设施7500户。'],
      [null, '道路畅通工程 完成1.7公里农路建设。'],
    ]);
  });
  it('still groups the targets as a theme beside a column of goals', () => {
    const table = parseText(
      rows(
        ['序号', '项目', '省工作目标', '牵头单位', '1-9月进展情况'],
        ['1', '浙有善育', '新增托位525个', '卫生健康局', '已全部完成。'],
        ['', '', '新增普惠托位315个', '', '已全部完成。'],
        ['2', '浙里优学', '新增义务教育公办学位800个', '教体局', '已全部完成。'],
      ),
    );
    expect(table.tasks[0].theme).toBe('浙有善育');
    expect(table.tasks[0].target.startsWith('新增托位525个')).toBe(true);
  });
});

describe('rows whose numbers the extraction lost', () => {
  it('reads a row shaped like a task, with a lead unit of its own, as the next task', () => {
    const table = parseText(
      rows(
        ['序号', '工作任务', '责任单位', '进展情况'],
        ['①', '实现“小升规”60家', '市经信局', '进展偏慢'],
        ['②', '全力推动规上企业发明专利全覆盖', '市市场监管局', '进展偏慢'],
        ['', '新增跨境电商产值10亿元以上', '市商务局', '进展偏慢'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.target, t.units])).toEqual([
      [1, '实现“小升规”60家', ['市经信局']],
      [2, '全力推动规上企业发明专利全覆盖', ['市市场监管局']],
      [3, '新增跨境电商产值10亿元以上', ['市商务局']],
    ]);
    expect(table.tasks[2].warnings.map((w) => w.code)).toContain('seq_missing');
  });
  it('still joins a row under the same unit, or one that fills fewer columns, to the task above', () => {
    const table = parseText(
      rows(
        ['序号', '工作任务', '责任单位', '进展情况'],
        ['1', '建成口袋公园10个', '区城管局', '已建成8个'],
        ['', '改造街头绿地5处', '区城管局', '已改造3处'],
        ['', '', '', '其余2个正在施工。'],
      ),
    );
    expect(table.tasks).toHaveLength(1);
  });
});

describe('lists of items with no 序号 column', () => {
  it('reads `项目名称 | 项目内容` over unnumbered rows as a table of targets', () => {
    const table = parseText(
      rows(
        ['代表票决确定2025年民生实事项目如下:'],
        ['项目名称', '项目内容'],
        ['社区综合服务提升改造项目', '对大英社区居委会、综合文化服务中心进行提升改造,面积约600平方米。'],
        ['中小学校门升降防撞柱安装项目', '27所中小学(幼儿园)校门口安装升降防撞柱,有效保障师生安全。'],
      ),
    );
    expect(table.tasks.map((t) => [t.seq, t.progress])).toEqual([
      [1, ''],
      [2, ''],
    ]);
    expect(table.tasks[1].target).toBe(
      '中小学校门升降防撞柱安装项目 27所中小学(幼儿园)校门口安装升降防撞柱,有效保障师生安全。',
    );
  });
  it('reads a lone item label over a list of sentences, one task a sentence', () => {
    const table = parseText(
      [
        '2025年为民办实事项目',
        '具体目标任务',
        '新建和改扩建幼儿园、中小学20所，新增学位1.4万个，缓解入学难问题。',
        '完成农村改厕6万户，新建和改扩建农村公路300公里，提升人居环境。',
        '新增城镇公共停车泊位2000个，缓解老城区停车难，方便群众出行。',
      ].join('\n'),
    );
    expect(table.tasks.map((t) => t.target.slice(0, 8))).toEqual([
      '新建和改扩建幼儿',
      '完成农村改厕6万',
      '新增城镇公共停车',
    ]);
  });
  it('reads a list numbered `(1) …` or `一是…` in plain text, without tabs', () => {
    const bracketed = parseText(
      [
        '将为民办好以下实事',
        '(1) 加快建设县医院迁建项目。',
        '(2) 新建西环路，改造提升新城路。',
        '(3) 新增城镇就业3000人。',
      ].join('\n'),
    );
    expect(bracketed.tasks.map((t) => t.seq)).toEqual([1, 2, 3]);
    const summary = parseText(
      [
        '为民兴办10件实事',
        '一是 实施扩大教育资源项目，新增学位1.4万个。',
        '二是 完成农村改厕6万户。',
        '三是 新建公交站台50个。',
      ].join('\n'),
    );
    expect(summary.tasks.map((t) => t.seq)).toEqual([1, 2, 3]);
  });
});

describe('a column repeating one text down its rows', () => {
  it('groups the rows as their theme, whatever figures the text holds', () => {
    const table = parseText(
      rows(
        ['1', '省实事11件15项', '改(新)建农村户用厕所', '进度偏慢'],
        ['2', '省实事11件15项', '4座台站开展省级节目数字化覆盖', '进度偏慢'],
        ['3', '省实事11件15项', '新增直播卫星用户', '进度偏慢'],
        ['4', '市实事5件', '新建城区公共停车场3个', '进度偏慢'],
      ),
    );
    expect(table.tasks.map((t) => [t.theme, t.target])).toEqual([
      ['省实事11件15项', '改(新)建农村户用厕所'],
      ['省实事11件15项', '4座台站开展省级节目数字化覆盖'],
      ['省实事11件15项', '新增直播卫星用户'],
      ['市实事5件', '新建城区公共停车场3个'],
    ]);
  });
});

describe('an office’s verdict column and a count leading its items', () => {
  const table = parseText(
    rows(
      ['序号', '重点工作任务', '牵头责任单位', '工作评价', '1-5月份进展情况', '近期工作安排'],
      ['未达预期2项分别是:'],
      ['1', '地区生产总值增长6.5%以上', '市发改委', '未达预期', '一季度增长6.4%', ''],
      ['2', '固定资产投资增长8%以上', '市发改委', '未达预期', '1-5月份增长5.1%', ''],
    ),
  );
  it('reads the verdict as part of the report and the count as the theme', () => {
    expect(table.tasks.map((t) => [t.theme, t.target, t.progress])).toEqual([
      ['未达预期2项分别是:', '地区生产总值增长6.5%以上', '未达预期 一季度增长6.4%'],
      ['未达预期2项分别是:', '固定资产投资增长8%以上', '未达预期 1-5月份增长5.1%'],
    ]);
  });
  it('reads 责任股室 as the units', () => {
    const t = parseText(
      rows(
        ['序号', '考核指标', '序时进度', '分管领导', '责任股室'],
        ['1', '地区生产总值增长6.5%左右。', '上半年增速5.3%。', '杨长生', '国民经济综合股'],
        ['2', '固定资产投资增长7.5%左右。', '1-9月份同比增长6.2%。', '王文强', '项目中心'],
      ),
    );
    expect(t.tasks.map((x) => x.units)).toEqual([['国民经济综合股'], ['项目中心']]);
  });
});
