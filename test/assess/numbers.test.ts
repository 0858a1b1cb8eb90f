import { describe, expect, it } from 'vitest';
import { findQuantities, parseChineseNumeral } from '../../src/assess/numbers.js';

describe('parseChineseNumeral reads Chinese numerals', () => {
  it.each([
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一百', 100],
    ['百', 100],
    ['三千二百', 3200],
    ['两万', 20000],
    ['一亿', 1e8],
  ])('%s is %d', (s, n) => expect(parseChineseNumeral(s)).toBe(n));
  it('is NaN for other text', () => expect(parseChineseNumeral('地区')).toBeNaN());
});

describe('findQuantities normalises to the base unit', () => {
  it.each([
    ['1.5万亩', 15000, '亩'],
    ['11亿美元', 1100000000, '美元'],
    ['128.3亿元', 12830000000, '元'],
    ['6%', 6, '%'],
    ['40万元', 400000, '元'],
    ['9.05万千瓦', 90500, '千瓦'],
    ['60万平方米', 600000, '平方米'],
    ['4km', 4, '公里'],
    ['１２３个', 123, '个'],
    ['５．５％', 5.5, '%'],
    ['两个', 2, '个'],
    ['百场', 100, '场'],
    // a decimal written in numerals, its multiplier after the decimals
    ['一点二亿元', 1.2e8, '元'],
    ['零点六五万人', 6500, '人'],
    ['三点五公里', 3.5, '公里'],
    ['10余所', 10, '所'],
    ['700余场', 700, '场'],
    // 余/多 after the scale word, the money's 元 after it
    ['投资38亿余元', 3.8e9, '元'],
    ['投资2亿多元', 2e8, '元'],
    ['1.87万件', 18700, '件'],
    ['41342人次', 41342, '人次'],
    ['44.3个百分点', 44.3, '个百分点'],
    ['32微克/立方米', 32, '微克/立方米'],
    ['30微克', 30, '微克/立方米'],
    ['0.45吨标准煤', 0.45, '吨标准煤'],
    ['1.2万吨标煤', 12000, '吨标准煤'],
    ['五千万元', 5e7, '元'],
    ['两千亿元', 2e11, '元'],
    // a page that spaces out its figures
    ['2.7 万个', 27000, '个'],
    ['15 万人', 150000, '人'],
  ])('%s → %d %s', (text, value, unit) => {
    const [q] = findQuantities(text);
    expect(q.value).toBe(value);
    expect(q.unit).toBe(unit);
  });

  it.each([
    ['超110亿元', true],
    ['约4.7亿美元', true],
    ['700余场', true],
    ['2326亩', false],
    // 约 in a word of its own (签约, 节约) is no approximation
    ['签约1020户', false],
    ['节约用水约200万吨', true],
  ])('%s approximate: %s', (text, approx) => {
    expect(findQuantities(text)[0].approx).toBe(approx);
  });

  it.each([
    '七大重点工程',
    '一体化运行',
    '三年百园',
    '一号工程',
    '万亩千亿',
    '二期',
    '亿元楼宇',
    '进一步',
    '两千瓦时',
    'PM2.5',
    '5G基站',
  ])('reads no count in the programme name %s', (text) => {
    expect(findQuantities(text).filter((q) => q.unit !== null)).toEqual([]);
  });

  it('reads a minus opening a cell as a sign, a dash between figures as a range', () => {
    expect(findQuantities('-2.3').map((q) => q.value)).toEqual([-2.3]);
    expect(findQuantities('812.5 −4').map((q) => q.value)).toEqual([812.5, -4]);
    expect(findQuantities('1-9月').map((q) => q.value)).toEqual([1, 9]);
    expect(findQuantities('2023-2025年').map((q) => q.value)).toEqual([2023, 2025]);
  });

  it('keeps offsets into the original text, full-width digits included', () => {
    const text = '完成投资７４亿元';
    const [q] = findQuantities(text);
    expect(text.slice(q.start, q.end)).toBe('７４亿元');
  });
});
