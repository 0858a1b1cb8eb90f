// A document or sheet holding a second table after the tasks (a 存在问题 table, a list of contacts)
// or a small one before them: the rows of one table are never read as tasks of the other. The
// table with more tasks is read; the other is named in a warning.
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { parseTable, parseText } from '../../src/parse/index.js';

const rows = (...lines: string[][]) => lines.map((l) => l.join('\t')).join('\n');
const tasks = [
  ['序号', '目标任务', '责任单位', '进展情况'],
  ['1', '新增城镇就业8000人', '区人社局', '新增就业6500人'],
  ['2', '改造老旧小区15个', '区住建局', '已完工9个，其余6个正在施工'],
  ['3', '新建公办幼儿园3所', '区教育局', '2所已投用，1所正在装修'],
];
const problems = [
  ['序号', '存在问题', '责任单位'],
  ['1', '部分项目资金到位慢', '区财政局'],
];

describe('a second table after the tasks', () => {
  const table = parseText(rows(['2024年重点工作三季度进展情况'], ...tasks, ['二、存在问题'], ...problems));

  it('ends the tasks at its header: neither its header nor its rows become tasks', () => {
    expect(table.tasks.map((t) => t.target)).toEqual(['新增城镇就业8000人', '改造老旧小区15个', '新建公办幼儿园3所']);
  });

  it('is named in a warning with its header and size', () => {
    const w = table.warnings.find((x) => x.code === 'another_table');
    expect(w?.message).toContain('表头：序号、存在问题、责任单位，1 项');
  });
});

describe('a smaller table before the tasks', () => {
  it('reads the later table with more tasks and names the smaller one', () => {
    const t = parseText(
      rows(
        ['2024年重点工作三季度进展情况'],
        ['序号', '指标', '责任单位'],
        ['1', '地区生产总值增长6%', '区发改局'],
        ...tasks,
      ),
    );
    expect(t.title).toBe('2024年重点工作三季度进展情况');
    expect(t.tasks).toHaveLength(3);
    expect(t.warnings.find((x) => x.code === 'another_table')?.message).toContain('1 项');
  });
});

describe('the header repeated on a later page', () => {
  it('is skipped, not read as another table', () => {
    const t = parseText(rows(...tasks, ...tasks.slice(0, 1), ['4', '新建口袋公园5个', '区城管局', '已建成3个']));
    expect(t.tasks).toHaveLength(4);
    expect(t.warnings.map((w) => w.code)).not.toContain('another_table');
  });
});

describe('a .docx with a form table, the tasks and a problems table', () => {
  it('reads the tasks and names the problems table', async () => {
    const grid = (cells: string[][]) =>
      new Table({
        rows: cells.map(
          (r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
        ),
      });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('2024年区政府工作报告重点任务三季度进展情况'),
            grid([
              ['填报单位', '区政府办', '填报时间', '2024年10月8日'],
              ['联系人', '王芳', '联系电话', '0571-86001234'],
            ]),
            grid(tasks),
            new Paragraph('二、存在问题'),
            grid(problems),
          ],
        },
      ],
    });
    const r = await parseTable(new Uint8Array(await Packer.toBuffer(doc)));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.tasks.map((t) => t.units)).toEqual([['区人社局'], ['区住建局'], ['区教育局']]);
    expect(r.value.warnings.map((w) => w.code)).toContain('another_table');
  });
});
