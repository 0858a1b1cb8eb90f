// Word's automatic numbering: a 序号 column, or a document's list of sections and items, numbered by
// Word rather than typed. The numbers are in no text of the document; they are written out from
// the list definitions (word/numbering.xml), counting in document order.
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type ILevelsOptions,
} from 'docx';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ListNumbering } from '../../src/parse/docx-numbering.js';
import { formatCount } from '../../src/parse/list-labels.js';
import type { Node } from '../../src/parse/docx-xml.js';
import { parseTable } from '../../src/parse/index.js';

const level = (l: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string): ILevelsOptions => ({
  level: l,
  format,
  text,
  alignment: AlignmentType.LEFT,
});

async function parsedDocx(doc: Document) {
  const r = await parseTable(new Uint8Array(await Packer.toBuffer(doc)), { fileName: 'list.docx' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('a table whose 序号 column Word numbers', () => {
  const cell = (text: string, numbered: boolean) =>
    new TableCell({
      children: [
        new Paragraph(
          numbered ? { numbering: { reference: 'seq', level: 0 }, children: [] } : { children: [new TextRun(text)] },
        ),
      ],
    });
  const rows = [
    ['序号', '目标任务', '责任单位', '进展情况'],
    ['', '新建5G基站500个', '区经信局', '已建成320个'],
    ['', '完成老旧小区改造30个', '区住建局', '已完成18个'],
    ['', '新增城镇就业8000人', '区人社局', '新增6540人'],
  ];
  const doc = new Document({
    numbering: { config: [{ reference: 'seq', levels: [level(0, LevelFormat.DECIMAL, '%1')] }] },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('2024年区政府工作报告重点任务三季度进展情况')] }),
          new Table({
            rows: rows.map((r, i) => new TableRow({ children: r.map((c, j) => cell(c, i > 0 && j === 0)) })),
          }),
        ],
      },
    ],
  });

  it('reads every task by the number Word draws (it was refused: no numbered tasks)', async () => {
    const t = await parsedDocx(doc);
    expect(t.tasks.map((x) => [x.seq, x.target, x.units])).toEqual([
      [1, '新建5G基站500个', ['区经信局']],
      [2, '完成老旧小区改造30个', ['区住建局']],
      [3, '新增城镇就业8000人', ['区人社局']],
    ]);
    expect(t.period).toBe('2024Q3');
  });
});

describe('a document’s list of sections and items', () => {
  const para = (text: string, lvl?: number) =>
    new Paragraph(
      lvl === undefined
        ? { children: [new TextRun(text)] }
        : { numbering: { reference: 'tasks', level: lvl }, children: [new TextRun(text)] },
    );
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'tasks',
          levels: [level(0, LevelFormat.CHINESE_COUNTING, '%1、'), level(1, LevelFormat.DECIMAL, '%2.')],
        },
      ],
    },
    sections: [
      {
        children: [
          para('2024年区政府工作报告重点任务分解'),
          para('稳增长', 0),
          para('地区生产总值增长6%。', 1),
          para('牵头单位：区发改局'),
          para('固定资产投资增长8%。', 1),
          para('牵头单位：区发改局'),
          para('惠民生', 0),
          para('新增城镇就业8000人。', 1),
          para('牵头单位：区人社局'),
          para('新增公办幼儿园学位1200个。', 1),
          para('牵头单位：区教育局'),
        ],
      },
    ],
  });

  it('numbers the sections 一、二、 and the items 1. 2. again under each', async () => {
    const t = await parsedDocx(doc);
    expect(t.tasks.map((x) => [x.theme, x.seq, x.units])).toEqual([
      ['一、稳增长', 1, ['区发改局']],
      ['一、稳增长', 2, ['区发改局']],
      ['二、惠民生', 1, ['区人社局']],
      ['二、惠民生', 2, ['区教育局']],
    ]);
  });
});

describe('the list definitions', () => {
  const parse = (xml: string) => new XMLParser({ preserveOrder: true, ignoreAttributes: false }).parse(xml) as Node[];
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const numbering = parse(
    `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">` +
      `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl>` +
      `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%2"/></w:lvl>` +
      `</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num></w:numbering>`,
  );
  const styles = parse(
    `<w:styles ${W}><w:style w:styleId="2"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`,
  );
  const pPr = (xml: string) => (parse(`<w:pPr ${W}>${xml}</w:pPr>`)[0] as Node) ?? undefined;
  const numbered = (numId: string, ilvl = 0) =>
    pPr(`<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);

  it('writes each level in its own format, deeper levels starting again under each item', () => {
    const lists = ListNumbering.of(numbering, styles)!;
    expect([
      lists.labelOf(numbered('1')),
      lists.labelOf(numbered('1', 1)),
      lists.labelOf(numbered('1', 1)),
      lists.labelOf(numbered('1')),
      lists.labelOf(numbered('1', 1)),
    ]).toEqual(['（一）', '①', '②', '（二）', '①']);
  });
  it('gives a bulleted paragraph no number, and numbers a paragraph by its style', () => {
    const lists = ListNumbering.of(numbering, styles)!;
    expect(lists.labelOf(numbered('2'))).toBeNull();
    expect(lists.labelOf(pPr('<w:pStyle w:val="2"/>'))).toBe('（一）');
    expect(lists.labelOf(pPr('<w:pStyle w:val="9"/>'))).toBeNull();
  });
  it('starts a list where its override says', () => {
    const lists = ListNumbering.of(numbering, styles)!;
    expect(lists.labelOf(numbered('3'))).toBe('（五）');
  });
  it.each([
    [12, 'chineseCounting', '十二'],
    [20, 'chineseCounting', '二十'],
    [3, 'decimalEnclosedCircle', '③'],
    [7, 'decimalZero', '07'],
    [2, 'ideographTraditional', '乙'],
    [4, 'upperRoman', 'IV'],
    [27, 'lowerLetter', 'aa'],
  ])('%s in %s is %s', (n, format, written) => expect(formatCount(n, format)).toBe(written));
});
