// Tables written between pipes, as Markdown, a wiki or a chat tool copies them, or drawn with
// borders as a console prints them: the pipes are the columns, the rules are no rows.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tableAsMarkdown } from '../../scripts/table-as-markup.js';
import { parseText } from '../../src/parse/index.js';
import { looksLikePipeTable, pipeRows } from '../../src/parse/pipe-rows.js';
import { taskFields } from '../helpers/task-fields.js';

const lines = (...l: string[]) => l.join('\n');

describe('a Markdown table', () => {
  const t = parseText(
    lines(
      '2024年区政府工作报告重点任务三季度进展',
      '| 序号 | 重点任务 | 牵头领导 | 责任单位 | 进展情况 |',
      '|:---:|---|---|---|---|',
      '| 1 | 新建5G基站500个 | 王强 | 区经信局 | 已建成320个 |',
      '| 2 | 完成老旧小区改造30个 | 李明 | 区住建局、区城管局 | 已完成改造18个 \\| 其余在建 |',
    ),
  );
  it('reads its rows under its header, the rule left out', () => {
    expect(t.period).toBe('2024Q3');
    expect(t.tasks.map((x) => [x.seq, x.target, x.leaders, x.units])).toEqual([
      [1, '新建5G基站500个', ['王强'], ['区经信局']],
      [2, '完成老旧小区改造30个', ['李明'], ['区住建局', '区城管局']],
    ]);
  });
  it('keeps an escaped pipe inside its cell', () => {
    expect(t.tasks[1].progress).toBe('已完成改造18个 | 其余在建');
  });
});

describe('a table drawn with borders', () => {
  it('reads the rows between the rules', () => {
    const text = lines(
      '+----+----------------+------+',
      '| 序号 | 目标任务 | 责任单位 | 进展情况 |',
      '+====+================+======+',
      '| 1 | 新增城镇就业8000人 | 区人社局 | 1-9月新增6540人 |',
      '+----+----------------+------+',
    );
    expect(pipeRows(text).map((r) => r.cells)).toEqual([
      ['序号', '目标任务', '责任单位', '进展情况'],
      ['1', '新增城镇就业8000人', '区人社局', '1-9月新增6540人'],
    ]);
  });
});

describe('what is no pipe table', () => {
  it.each([
    ['a report naming a ratio with a pipe', '序号\t目标任务\n1\t产值|增加值比达到3:1'],
    ['prose with one pipe', '全区推进“一网通办|一网统管”建设。\n已完成。'],
  ])('%s', (_, text) => expect(looksLikePipeTable(text)).toBe(false));
});

describe('the labelled tables, written as Markdown (scripts/table-as-markup.ts)', () => {
  const dir = new URL('../fixtures/real/', import.meta.url);
  const stems = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4));
  const fields = (text: string) => {
    const t = parseText(text);
    return { period: t.period, tasks: taskFields(t.tasks) };
  };
  it.each(stems)('%s reads as its text does', (stem) => {
    const text = readFileSync(new URL(`${stem}.txt`, dir), 'utf8');
    expect(fields(tableAsMarkdown(text))).toEqual(fields(text));
  });
});
