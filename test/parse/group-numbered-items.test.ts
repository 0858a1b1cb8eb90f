// Tables whose 序号 column numbers groups (`1`, merged down) while each task carries its own number
// inside the target cell (`1.…`, `2、…`, `（3）…`) on rows whose 序号 is blank: each such row is a task.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';

const header = '序号\t项目\t重点任务\t牵头领导\t责任单位';

function tasksOf(lines: string[]) {
  return parseText(lines.join('\n')).tasks.map((t) => ({
    seq: t.seq,
    theme: t.theme,
    category: t.category,
    target: t.target,
    units: t.units,
  }));
}

describe('items numbered inside the target cell under a group number in 序号', () => {
  it.each([
    ['1.', (n: number) => `${n}.`],
    ['1、', (n: number) => `${n}、`],
    ['（1）', (n: number) => `（${n}）`],
  ])('splits a group into its items printed %s', (_, num) => {
    const tasks = tasksOf([
      '县政府2025年重点工作任务分解表',
      header,
      '一、年度发展目标',
      `1\t发展目标\t${num(1)}城镇新增就业3000人。\t李明\t县人社局`,
      `\t\t${num(2)}粮食播种面积稳定在50万亩。\t\t县农业农村局`,
      `\t\t${num(3)}空气优良天数比例达85%。\t张华\t县生态环境局`,
    ]);
    expect(tasks.map((t) => t.seq)).toEqual([1, 2, 3]);
    expect(tasks[1]).toMatchObject({
      theme: '一、年度发展目标',
      category: '发展目标',
      target: `${num(2)}粮食播种面积稳定在50万亩。`,
      units: ['县农业农村局'],
    });
  });

  it('numbers the items on across groups, each group naming its own', () => {
    const tasks = tasksOf([
      header,
      '1\t稳定增长\t1.规上工业增加值增长6%。\t李明\t县工信局',
      '\t\t2.固定资产投资增长5%。\t\t县发改委',
      '2\t改善民生\t3.新建幼儿园2所。\t王芳\t县教育局',
      '\t\t4.改造老旧小区12个。\t\t县住建局',
    ]);
    expect(tasks.map((t) => [t.seq, t.theme ?? t.category, t.units[0]])).toEqual([
      [1, '稳定增长', '县工信局'],
      [2, '稳定增长', '县发改委'],
      [3, '改善民生', '县教育局'],
      [4, '改善民生', '县住建局'],
    ]);
  });

  it("keeps one task's numbered points together when their rows hold nothing else", () => {
    const tasks = tasksOf([
      header,
      '1\t产业项目\t1.新开工项目20个；\t李明\t县发改委',
      '\t\t2.竣工项目15个。\t\t',
      '2\t城市更新\t1.改造背街小巷8条；\t王芳\t县住建局',
      '\t\t2.新增停车位500个。\t\t',
    ]);
    expect(tasks.map((t) => t.seq)).toEqual([1, 2]);
    expect(tasks[0].target).toContain('2.竣工项目15个。');
  });
});
