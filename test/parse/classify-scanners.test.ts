// The hand-written scanners in classify.ts replace regular expressions for speed; they must
// read every cell exactly as the expressions they replace. Each is checked against its
// original pattern on realistic cells and on random strings from the characters that matter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isListSeparator,
  isSameAsAbove,
  isWhiteSpace,
  progressScore,
  splitList,
  withoutSpaces,
} from '../../src/parse/classify.js';

/** The list splitting as first written: a regex split, with a character loop when brackets occur. */
function splitListReference(cell: string): string[] {
  const separators = /[\s、，,；;/／|]+/;
  if (!/[（(]/.test(cell)) return cell.split(separators).filter(Boolean);
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of cell) {
    if (ch === '（' || ch === '(') depth++;
    if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.test(ch)) {
      if (current) out.push(current);
      current = '';
    } else current += ch;
  }
  if (current) out.push(current);
  return out.map((s) => s.trim()).filter(Boolean);
}

/** The progress score as first written: count the marker pattern's matches in the opening. */
function progressScoreReference(cell: string): number {
  const markers =
    /已|累计|截至|截止|目前|今年以来|同比|环比|完成率|正在|预计|\d+月\d+日|\d+-\d+月|\d+月(底|末|份)|年度数据|推进中|持续推进/g;
  const hits = cell.slice(0, 200).match(markers)?.length ?? 0;
  return Math.min(3, hits) + (cell.length > 80 ? 1 : 0);
}

/** Strings built from pieces that exercise the scanners: separators, brackets, digits, marker words. */
const cellFrom = (pieces: string[], maxLength = 40) =>
  fc.array(fc.constantFrom(...pieces), { maxLength }).map((xs) => xs.join(''));

describe('isWhiteSpace and withoutSpaces', () => {
  it('isWhiteSpace accepts exactly the characters of /\\s/', () => {
    for (let c = 0; c <= 0xffff; c++)
      expect(isWhiteSpace(c), `U+${c.toString(16)}`).toBe(/\s/.test(String.fromCharCode(c)));
  });
  it.each(['区财政局', ' 区财政局\n', '突出 新区功能，\u3000扛起使命担当', '', '\t\u00a0'])(
    'withoutSpaces(%j) removes white space as the regex did',
    (text) => expect(withoutSpaces(text)).toBe(text.replace(/\s+/g, '')),
  );
});

describe('isSameAsAbove', () => {
  it.each(['同上', ' 同上 ', '〃', '"', '”', 'ditto', '\u3000同上\n'])('%j is a ditto', (cell) =>
    expect(isSameAsAbove(cell)).toBe(true),
  );
  it.each(['同上级', '区财政局', '', '同 上', 'ditto mark'])('%j is not', (cell) =>
    expect(isSameAsAbove(cell)).toBe(false),
  );
});

describe('isListSeparator', () => {
  it('accepts exactly the characters of /[\\s、，,；;/／|]/', () => {
    const pattern = /[\s、，,；;/／|]/;
    for (let c = 0; c <= 0xffff; c++)
      expect(isListSeparator(c), `U+${c.toString(16)}`).toBe(pattern.test(String.fromCharCode(c)));
  });
});

describe('splitList reads cells as the regex split did', () => {
  it.each([
    '陶峰 刘国娟',
    '区发改局、区财政局，区商务局',
    '区委改革（数改）专班 区财政局',
    '各乡镇（街道 社区）\n县民政局',
    '（未闭合 区财政局',
    ' \u3000区教育局\u00a0 ',
    '',
  ])('%j', (cell) => expect(splitList(cell)).toEqual(splitListReference(cell)));
  it('on random cells of names, separators and brackets', () => {
    const pieces = [
      '区财政局',
      '陶峰',
      'a',
      ' ',
      '\u3000',
      '\u00a0',
      '\n',
      '\t',
      '、',
      '，',
      ',',
      '；',
      ';',
      '/',
      '／',
      '|',
      '（',
      '）',
      '(',
      ')',
      '𠀀',
    ];
    fc.assert(
      fc.property(cellFrom(pieces), (cell) => {
        expect(splitList(cell)).toEqual(splitListReference(cell));
      }),
      {
        numRuns: 3000,
      },
    );
  });
});

describe('progressScore counts the markers the pattern counted', () => {
  it.each([
    '1-11月，全区固定资产投资增长33.2%。',
    '截至11月底，已完成投资12亿元，同比增长8%，目前正在推进二期。',
    '年度数据。预计全年完成。',
    '12月15日召开推进会，3月份、11月末、2-月、月底',
    '新增学位3000个',
  ])('%j', (cell) => expect(progressScore(cell)).toBe(progressScoreReference(cell)));
  it('on random text around marker words and dates', () => {
    const pieces = [
      '已',
      '累计',
      '累',
      '截至',
      '截止',
      '截',
      '目前',
      '今年以来',
      '今年',
      '同比',
      '环比',
      '完成率',
      '完成',
      '正在',
      '预计',
      '年度数据',
      '年度',
      '推进中',
      '持续推进',
      '持续',
      '1',
      '12',
      '月',
      '日',
      '-',
      '底',
      '末',
      '份',
      '中',
      '，',
      '。',
      '增长',
    ];
    fc.assert(
      fc.property(cellFrom(pieces, 120), (cell) => {
        expect(progressScore(cell)).toBe(progressScoreReference(cell));
      }),
      { numRuns: 3000 },
    );
  });
});
