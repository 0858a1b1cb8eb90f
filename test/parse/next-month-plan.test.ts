// A plan column right of the report (`1-3月份项目进展 | 4月份计划`) is the next steps after the
// period, read with the report as a 下步计划 column is; a plan column left of it (`8月计划进度 |
// 实际进度情况`) is the period's own plan and no part of the report.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';

const rows = (...lines: string[][]) => lines.map((l) => l.join('\t')).join('\n');

describe('a plan column beside the report', () => {
  it('joins a next month’s plan right of the report to the report, as remarks', () => {
    const table = parseText(
      rows(
        ['序号', '项目', '1-3月份项目进展', '4月份计划'],
        ['1', '新建全民健身示范工程10个', '已开工8个,已完工7个。', '加快未开工项目尽快开工。'],
        ['2', '新建城市书房5家', '已完成选址3家。', '完成装修设计。'],
      ),
    );
    expect(table.tasks.map((t) => [t.progress, t.progress_parts?.map((p) => p.role)])).toEqual([
      ['已开工8个,已完工7个。 加快未开工项目尽快开工。', ['progress', 'remarks']],
      ['已完成选址3家。 完成装修设计。', ['progress', 'remarks']],
    ]);
  });
  it('leaves the period’s plan left of the report out of it', () => {
    const table = parseText(
      rows(
        ['序号', '项目内容', '8月计划进度', '实际进度情况'],
        ['1', '新建全民健身示范工程10个', '开工9个。', '已开工8个。'],
        ['2', '新建城市书房5家', '完成装修3家。', '已完成装修2家。'],
      ),
    );
    expect(table.tasks.map((t) => t.progress)).toEqual(['已开工8个。', '已完成装修2家。']);
  });
});
