// Lengths of streets, embankments and pipes are set in metres as often as in kilometres; a target
// in 米 is an amount like any other, and 平方米/千米 still read as their own units.
import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../../src/assess/indicators.js';

const brief = (text: string) => extractIndicators(text).map((i) => ({ target: i.target, unit: i.unit }));

describe('targets in metres', () => {
  it('reads a length in 米', () => {
    expect(brief('对老街两侧沿街立面进行改造，改造长度为860米。')).toEqual([{ target: 860, unit: '米' }]);
  });
  it('keeps 平方米 and 千米 as they were', () => {
    expect(brief('新建绿道12千米')).toEqual([{ target: 12, unit: '公里' }]);
    expect(brief('改造老旧小区面积3.2万平方米')).toEqual([{ target: 32000, unit: '平方米' }]);
  });
});
