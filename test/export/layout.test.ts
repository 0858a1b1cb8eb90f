import { describe, expect, it } from 'vitest';
import { layoutRows } from '../../src/export/layout.js';
import type { ProgressRow } from '../../src/export/model.js';

const row = (
  seq: number,
  theme: string | null,
  category: string | null,
  leaders: string[],
  units: string[],
): ProgressRow => ({
  seq,
  theme,
  category,
  target: `目标${seq}`,
  leaders,
  units,
  progress: '',
});

describe('merge layout of the progress table', () => {
  it('merges a run of one theme and one category, and leader and unit runs inside it', () => {
    const l = layoutRows([
      row(1, '优化营商环境', '深化改革', ['张伟'], ['区发改局']),
      row(2, '优化营商环境', '深化改革', ['张伟'], ['区发改局']),
      row(3, '优化营商环境', '扩大开放', ['张伟'], ['区商务局']),
    ]);
    expect(l.map((r) => r.span.theme)).toEqual([3, 0, 0]);
    expect(l.map((r) => r.span.category)).toEqual([2, 0, 1]);
    // The leader is the same on all three rows, but a run stops where the category changes.
    expect(l.map((r) => r.span.leaders)).toEqual([2, 0, 1]);
    expect(l.map((r) => r.span.units)).toEqual([2, 0, 1]);
  });

  it('spreads the theme of category-less tasks across both columns, in a block of its own', () => {
    const l = layoutRows([
      row(1, '实体经济', '先进制造业', ['李强'], ['区经信局']),
      row(2, '实体经济', null, ['李强'], ['区经信局']),
      row(3, '实体经济', null, ['李强'], ['区经信局']),
    ]);
    expect(l.map((r) => r.themeAcross)).toEqual([false, true, true]);
    expect(l.map((r) => r.span.theme)).toEqual([1, 2, 0]);
    expect(l.map((r) => r.span.category)).toEqual([1, 0, 0]);
    expect(l.map((r) => r.span.leaders)).toEqual([1, 2, 0]);
  });

  it('does not merge different leader lists or empty cells', () => {
    const l = layoutRows([
      row(1, '民生', null, ['王芳', '刘洋'], []),
      row(2, '民生', null, ['王芳'], []),
      row(3, '民生', null, ['王芳'], []),
    ]);
    expect(l.map((r) => r.span.leaders)).toEqual([1, 2, 0]);
    expect(l.map((r) => r.span.units)).toEqual([1, 1, 1]);
  });
});
