// How 责任分解 tables mark their lead unit (`★`), pad their leaders' names (`李 明`) and count their
// items under the title (`（共56项）`).
import { describe, expect, it } from 'vitest';
import { splitNames } from '../../src/parse/classify.js';
import { isPageFurniture } from '../../src/parse/furniture.js';
import { parseText } from '../../src/parse/index.js';
import { leadUnits } from '../../src/parse/unit-list.js';

describe('a mark before some units only picks the lead units', () => {
  it.each([
    [['★县教育局', '县财政局'], ['县教育局']],
    [['县财政局', '※县住建局', '县交通局'], ['县住建局']],
    [
      ['★县教育局', '★县卫健委', '县财政局'],
      ['县教育局', '县卫健委'],
    ],
    // every name marked, or a single one: the mark picks nothing out
    [
      ['★县教育局', '★县财政局'],
      ['县教育局', '县财政局'],
    ],
    [['*县城管局'], ['县城管局']],
    [
      ['县教育局', '县财政局'],
      ['县教育局', '县财政局'],
    ],
  ])('%j', (names, units) => expect(leadUnits(names).units).toEqual(units));

  it('says the others were read as co-operating units', () => {
    expect(leadUnits(['★县教育局', '县财政局']).warnings.map((w) => w.code)).toEqual(['lead_unit_only']);
  });
});

describe('padded names in a leaders cell', () => {
  it.each([
    ['李 明', ['李明']],
    ['周  强', ['周强']],
    // two padded names, one per line of the cell
    ['李 明\n周 强', ['李明', '周强']],
    ['李 明 周 强', ['李明', '周强']],
    ['李 明 周 强、王建国', ['李明', '周强', '王建国']],
    // a body spelled out with spaces stays one name
    ['县 财 政 局', ['县财政局']],
    ['张小明', ['张小明']],
  ])('%s', (cell, names) => expect(splitNames(cell)).toEqual(names));
});

describe('a count of the items under the title', () => {
  it.each(['（共56项）', '(共118项)', '共 12 项', '共30条'])('%s is furniture', (line) =>
    expect(isPageFurniture(line)).toBe(true),
  );
  it.each(['共建共享', '新建公园3个'])('%s is not', (line) => expect(isPageFurniture(line)).toBe(false));

  it('is no title', () => {
    const table = parseText(
      ['县政府2025年重点工作分解落实方案', '（共56项）', '序号\t重点任务\t牵头单位', '1\t新建幼儿园2所\t县教育局'].join(
        '\n',
      ),
    );
    expect(table.title).toBe('县政府2025年重点工作分解落实方案');
    expect(table.tasks).toHaveLength(1);
  });
});
