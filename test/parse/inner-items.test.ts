// The numbers that open an item inside a name column, read by inner-items.ts.
import { describe, expect, it } from 'vitest';
import { itemNumber } from '../../src/parse/inner-items.js';

describe('itemNumber reads the number an item opens with and how it is printed', () => {
  it.each([
    ['（一）城乡供水一体化工程', { seq: 1, style: 'paren-cn' }],
    ['(十二)井盖整治项目', { seq: 12, style: 'paren-cn' }],
    ['三、教育文化', { seq: 3, style: 'cn' }],
    ['（2）老旧小区改造', { seq: 2, style: 'paren-ar' }],
    ['2.西山路拓宽', { seq: 2, style: 'ar' }],
    ['14、改扩建学校', { seq: 14, style: 'ar' }],
    ['③口袋公园', { seq: 3, style: 'circled' }],
    ['1.5万亩高标准农田', null],
    ['2024年完成改造', null],
    ['（一）', null],
    ['城区道路改造', null],
  ])('%s', (text, expected) => expect(itemNumber(text)).toEqual(expected));
});
