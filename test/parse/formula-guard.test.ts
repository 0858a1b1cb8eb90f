// A CSV export guards cells that a spreadsheet would run as formulas with a leading `'` (OWASP);
// importing that file again must give back the text that was exported, not the guard.
import { describe, expect, it } from 'vitest';
import { writeProgressCsv } from '../../src/export/progress-csv.js';
import { parseTable, parseText } from '../../src/parse/index.js';
import { withoutFormulaGuard } from '../../src/parse/text-rows.js';

describe('the CSV formula guard is stripped on import', () => {
  it.each([
    ["'=1+1", '=1+1'],
    ["'+5%", '+5%'],
    ["'-3.2%（同比）", '-3.2%（同比）'],
    ["'@区教育局", '@区教育局'],
    ["'\t已完成", '\t已完成'],
    ["'\r已完成", '\r已完成'],
  ])('%j → %j', (cell, text) => expect(withoutFormulaGuard(cell)).toBe(text));

  it.each([["'三季度'"], ["'s"], ['已完成'], ["''=1"]])('leaves %j as written', (cell) =>
    expect(withoutFormulaGuard(cell)).toBe(cell),
  );

  it('reads guarded cells of a CSV back as the report typed them', () => {
    const csv = [
      '序号,具体目标任务,牵头单位,进展情况',
      "1,新增学位3000个,区教育局,'-1.5%，低于目标",
      `2,"'=HYPERLINK(""x"")",区财政局,"'@已完成"`,
    ].join('\r\n');
    const tasks = parseText(csv).tasks;
    expect(tasks.map((t) => [t.target, t.progress])).toEqual([
      ['新增学位3000个', '-1.5%，低于目标'],
      ['=HYPERLINK("x")', '@已完成'],
    ]);
  });

  it('round-trips a progress table through the CSV export', async () => {
    const rows = [
      {
        seq: 1,
        theme: '主要经济指标',
        category: null,
        target: '地区生产总值增长6%',
        leaders: ['陶峰'],
        units: ['区发展改革局'],
        progress: '-1.2%，低于预期',
      },
      {
        seq: 2,
        theme: '主要经济指标',
        category: null,
        target: '+新增规上企业50家',
        leaders: ['陶峰'],
        units: ['区经信局'],
        progress: '=已新增52家',
      },
      {
        seq: 3,
        theme: '主要经济指标',
        category: null,
        target: '@数字经济',
        leaders: ['陶峰'],
        units: ['区经信局'],
        progress: '已完成。',
      },
    ];
    const bytes = writeProgressCsv({
      title: '进展情况表',
      planTitle: '',
      periodLabel: '2023Q4',
      withStatus: false,
      rows,
    });
    const parsed = await parseTable(bytes, { fileName: 'export.csv' });
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.tasks.map((t) => [t.seq, t.target, t.progress])).toEqual(
      rows.map((r) => [r.seq, r.target, r.progress]),
    );
  });
});
