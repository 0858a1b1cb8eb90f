// Indicator forms (绩效目标表, 考核指标表): levels of indicators as columns, a column of measures
// (计量单位) standing apart from the figure, lines numbered by a label (`指标1:`), scores beside.
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';
import { parseText } from '../../src/parse/index.js';

const rows = (...lines: string[][]) => lines.map((l) => l.join('\t')).join('\n');
const year = { period: parsePeriod('2024') };

describe('a performance form with indicator levels and a measure column', () => {
  const table = parseText(
    rows(
      ['项目支出绩效自评表（2024年度）'],
      ['一级指标', '二级指标', '三级指标', '指标方向', '年度指标值', '实际完成值', '计量单位', '分值', '得分'],
      ['产出指标', '数量指标', '指标1:培训次数(次)', '大于等于', '12', '12', '次', '10', '10'],
      ['', '', '指标2:发放宣传册数量(册)', '大于等于', '5000', '4200', '册', '10', '8'],
      ['', '质量指标', '指标1:培训合格率', '大于等于', '95', '97', '%', '10', '10'],
      ['效益指标', '满意度指标', '指标1:服务对象满意度', '大于等于', '90', '92', '%', '10', '10'],
    ),
  );

  it('reads the upper levels as the lines’ theme and category, the deepest as the target', () => {
    expect(table.tasks.map((t) => [t.theme, t.category])).toEqual([
      ['产出指标', '数量指标'],
      ['产出指标', '数量指标'],
      ['产出指标', '质量指标'],
      ['效益指标', '满意度指标'],
    ]);
    expect(table.tasks[0].target).toMatch(/^指标1:培训次数\(次\)/);
  });

  it('keeps a planned figure equal to the line’s label number (指标1 … 1) in the target', () => {
    const t = parseText(
      rows(
        ['三级指标', '年度指标值', '实际完成值', '计量单位'],
        ['指标1:租车次数(次)', '1', '1', '次'],
        ['指标2:宣传美工制作个数(个)', '1', '1', '个'],
      ),
    );
    expect(t.tasks.map((x) => x.target)).toEqual(['指标1:租车次数(次) 1 次', '指标2:宣传美工制作个数(个) 1 个']);
  });

  it('reads the measure column as part of the target, not as the lead units, and the scores as no report', () => {
    expect(table.tasks.every((t) => t.units.length === 0)).toBe(true);
    expect(table.tasks.map((t) => t.progress)).toEqual(['12', '4200', '97', '92']);
  });

  it('judges each line against its planned figure in the measure the column gives', () => {
    const judged = table.tasks.map((t) => assessTask(t, year));
    expect(judged.map((a) => a.indicators.map((i) => [i.metric, i.target, i.unit, i.actual]))).toEqual([
      [['培训次数', 12, '次', 12]],
      [['发放宣传册数量', 5000, '册', 4200]],
      [['培训合格率', 95, '%', 97]],
      [['服务对象满意度', 90, '%', 92]],
    ]);
    expect(judged.map((a) => a.status)).toEqual(['done', 'behind', 'done', 'done']);
  });
});

describe('levels named without a deeper one', () => {
  it('leave a two-level form’s second level as the target, the first grouping it', () => {
    const t = parseText(
      rows(
        ['序号', '一级指标', '二级指标', '分值', '完成情况'],
        ['1', '经济发展', '地区生产总值增长6%', '10', '前三季度增长6.2%'],
        ['2', '', '固定资产投资增长8%', '10', '前三季度增长5.1%'],
      ),
    );
    expect(t.tasks.map((x) => x.target)).toEqual(['地区生产总值增长6%', '固定资产投资增长8%']);
    expect(t.tasks.map((x) => x.theme)).toEqual(['经济发展', '经济发展']);
  });
});
