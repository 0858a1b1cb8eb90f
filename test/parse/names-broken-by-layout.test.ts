// A lead unit printed down a merged, narrow cell reaches us as its lines joined by spaces; the
// lines are one body's name, while a list of short names stays a list.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { nameBrokenByLayout } from '../../src/parse/layout-broken-name.js';

const rows = (...lines: string[][]) => lines.map((l) => l.join('\t')).join('\n');

describe('a name broken into the lines of a narrow column', () => {
  it.each([
    ['县政 府办 公室', '县政府办公室'],
    ['滨江 新城 管委会', '滨江新城管委会'],
    ['区发 改委', '区发改委'],
  ])('%s reads as %s', (cell, name) => {
    expect(nameBrokenByLayout(cell)).toBe(name);
  });

  it.each([
    '区财政局 区税务局', // two bodies, each whole
    '开发区 工业园 各镇街', // short names that stand alone, the last one collective
    '区委 宣传部', // a two-character body is a body
    '县民政局 孙立平', // a unit and its head
    '发展 改革', // pieces that name no body read together either
    '区住建局、区城管局', // a list written with 、
  ])('%s stays a list', (cell) => {
    expect(nameBrokenByLayout(cell)).toBeNull();
  });

  it('gives the whole name to every task of the merged block', () => {
    const table = parseText(
      rows(
        ['牵头单位', '目标任务', '配合单位'],
        ['县政 府办 公室', '办理人大代表建议和政协提案办结率100%', '县直各单位'],
        ['', '完善政务公开制度', '县直各单位'],
        ['滨江 新城 管委会', '建成滨江新城展示中心', '县住建局'],
        ['县发改局 县统计局', '地区生产总值增长7%', '各乡镇'],
      ),
    );
    expect(table.tasks.map((t) => t.units)).toEqual([
      ['县政府办公室'],
      ['县政府办公室'],
      ['滨江新城管委会'],
      ['县发改局', '县统计局'],
    ]);
  });
});
