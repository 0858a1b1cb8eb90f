// Property tests: any text in, an assessment out, never a throw, within a bounded time per task.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessTask, extractIndicators } from '../../src/assess/index.js';
import { STATUSES } from '../../src/domain/index.js';

const pieces = fc.constantFrom('增长', '力争', '（确保', '）', '“', '”', '《', '1-11月', '截至', '万', '亿元', '%', '个', '前', '第一',
  '已完成', '推进中', '预计', '年度数据', '😀', '１２３', '．', '，', '。', '两', '十', '百', '(', ')', '控制在', '以内', '下降');
const reportish = fc.array(fc.oneof(pieces, fc.string(), fc.integer({ min: -1e9, max: 1e9 }).map(String)), { maxLength: 60 }).map((a) => a.join(''));
/** Per-input limit: generous, measured inside the property so a loaded machine does not flake the suite. */
const LIMIT_MS = 250;

describe('assessTask never throws and stays fast', () => {
  it('on report-like text', () => {
    fc.assert(fc.property(reportish, reportish, (target, progress) => {
      const started = performance.now();
      const a = assessTask({ target, progress });
      expect(performance.now() - started).toBeLessThan(LIMIT_MS);
      expect(STATUSES).toContain(a.status);
      for (const ind of a.indicators) {
        expect(ind.source.target.start).toBeGreaterThanOrEqual(0);
        expect(ind.source.target.end).toBeLessThanOrEqual(target.length);
        if (ind.source.actual) expect(ind.source.actual.end).toBeLessThanOrEqual(progress.length);
      }
    }), { numRuns: 300 });
  });

  it('on arbitrary unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (target, progress) => {
      expect(() => assessTask({ target, progress })).not.toThrow();
    }), { numRuns: 300 });
  });

  it.each([
    ['empty', '', ''],
    ['100 KB of one paragraph', '新增城镇就业3万人，'.repeat(10_000), '截至11月底城镇新增就业36112人，项目有序推进中，'.repeat(5_000)],
    ['emoji', '😀新增😀学位3000个😀', '😀已新增学位3200个😀'],
    ['unbalanced brackets', '增长力争6%（确保5.5%', '“三季度增长4%）》'],
  ])('on %s', (_name, target, progress) => {
    const started = performance.now();
    const a = assessTask({ target, progress });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(STATUSES).toContain(a.status);
  });

  it('extractIndicators is total on odd input', () => {
    fc.assert(fc.property(reportish, (t) => Array.isArray(extractIndicators(t))), { numRuns: 300 });
  });
});
