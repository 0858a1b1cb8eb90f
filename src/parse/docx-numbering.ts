// Word's automatic numbering: a 序号 cell or a listed paragraph numbered by the list it belongs to
// (w:numPr), not by text. The number is nowhere in the document's text, so a table numbered so
// read as a table with an empty 序号 column and no tasks. The numbering part (word/numbering.xml)
// says how each list's levels are written (`%1`, `%1.`, `（%1）` in decimal, 一二三 or ①②③), and
// the paragraphs count up in document order; this module renders each numbered paragraph's label.

import { attr, child, kids, tagOf, type Node } from './docx-xml.js';

/** How one level of a list writes its number. */
interface Level {
  format: string;
  text: string;
  start: number;
}

/** A list instance (w:num): its abstract definition's levels, with any start overridden. */
interface List {
  abstractId: string;
  levels: Map<number, Level>;
}

const valOf = (n: Node | undefined): string | undefined => (n ? attr(n, 'w:val') : undefined);

/** One level's definition (w:lvl), with the level it is for. */
function levelOf(lvl: Node): [number, Level] {
  const ilvl = Number(attr(lvl, 'w:ilvl') ?? 0);
  return [
    ilvl,
    {
      format: valOf(child(lvl, 'w:numFmt')) ?? 'decimal',
      text: valOf(child(lvl, 'w:lvlText')) ?? `%${ilvl + 1}.`,
      start: Number(valOf(child(lvl, 'w:start')) ?? 1) || 1,
    },
  ];
}

function levelsOf(abstract: Node): Map<number, Level> {
  return new Map(
    kids(abstract)
      .filter((k) => tagOf(k) === 'w:lvl')
      .map(levelOf),
  );
}

const CN_DIGITS = '〇一二三四五六七八九';
/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (lists rarely run past a hundred). */
function chineseCount(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n < 100) {
    const tens = Math.floor(n / 10);
    return `${tens === 1 ? '' : CN_DIGITS[tens]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  }
  if (n < 1000) {
    const rest = n % 100;
    const restText = rest === 0 ? '' : rest < 10 ? `零${CN_DIGITS[rest]}` : chineseCount(rest).replace(/^十/, '一十');
    return `${CN_DIGITS[Math.floor(n / 100)]}百${restText}`;
  }
  return String(n);
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) for (; n >= v; n -= v) out += s;
  return out;
}

/** A counter written in a level's format (`decimal`, `chineseCounting`, `decimalEnclosedCircle` …). */
export function formatCount(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'ideographLegalTraditional':
      return chineseCount(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => CN_DIGITS[Number(d)]).join('');
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? HEAVENLY_STEMS[n - 1] : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? CIRCLED[n - 1] : String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'upperLetter':
    case 'lowerLetter': {
      const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter : letter.toLowerCase();
    }
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

/** The lists of a document and where each stands: labels come out in document order. */
export class ListNumbering {
  private readonly counters = new Map<string, number[]>();

  private constructor(
    private readonly lists: Map<string, List>,
    /** The list a paragraph style numbers its paragraphs with (`标题 2` → list 3, level 1). */
    private readonly styles: Map<string, { numId: string; ilvl: number }>,
  ) {}

  /**
   * Reads word/numbering.xml (and the numbered paragraph styles of word/styles.xml), both already
   * parsed; null when the document defines no lists.
   */
  static of(numbering: Node[] | null, styles: Node[] | null): ListNumbering | null {
    const root = numbering ? find(numbering, 'w:numbering') : undefined;
    if (!root) return null;
    const abstracts = new Map<string, Map<number, Level>>();
    for (const a of kids(root).filter((k) => tagOf(k) === 'w:abstractNum'))
      abstracts.set(attr(a, 'w:abstractNumId') ?? '', levelsOf(a));
    const lists = new Map<string, List>();
    for (const num of kids(root).filter((k) => tagOf(k) === 'w:num')) {
      const abstractId = valOf(child(num, 'w:abstractNumId')) ?? '';
      const base = abstracts.get(abstractId);
      if (!base) continue;
      const levels = new Map(base);
      for (const o of kids(num).filter((k) => tagOf(k) === 'w:lvlOverride')) {
        const ilvl = Number(attr(o, 'w:ilvl') ?? 0);
        const start = valOf(child(o, 'w:startOverride'));
        const own = child(o, 'w:lvl');
        const level = own ? levelOf(own)[1] : levels.get(ilvl);
        if (level) levels.set(ilvl, start ? { ...level, start: Number(start) || 1 } : level);
      }
      lists.set(attr(num, 'w:numId') ?? '', { abstractId, levels });
    }
    const styleLists = new Map<string, { numId: string; ilvl: number }>();
    const stylesRoot = styles ? find(styles, 'w:styles') : undefined;
    for (const style of stylesRoot ? kids(stylesRoot).filter((k) => tagOf(k) === 'w:style') : []) {
      const numPr = child(child(style, 'w:pPr') ?? ({} as Node), 'w:numPr');
      const numId = valOf(numPr && child(numPr, 'w:numId'));
      if (numId && numId !== '0')
        styleLists.set(attr(style, 'w:styleId') ?? '', {
          numId,
          ilvl: Number(valOf(numPr && child(numPr, 'w:ilvl')) ?? 0),
        });
    }
    return new ListNumbering(lists, styleLists);
  }

  /** The label of a paragraph (its w:pPr), counting it; null when it is in no list or a bulleted one. */
  labelOf(pPr: Node | undefined): string | null {
    if (!pPr) return null;
    const numPr = child(pPr, 'w:numPr');
    const style = this.styles.get(valOf(child(pPr, 'w:pStyle')) ?? '');
    const numId = valOf(numPr && child(numPr, 'w:numId')) ?? style?.numId;
    if (!numId || numId === '0') return null;
    const ilvl = Number(valOf(numPr && child(numPr, 'w:ilvl')) ?? style?.ilvl ?? 0);
    const list = this.lists.get(numId);
    const level = list?.levels.get(ilvl);
    if (!list || !level || level.format === 'bullet' || level.format === 'none') return null;
    // lists of one definition count on together, as Word numbers them
    const counts = this.counters.get(list.abstractId) ?? [];
    for (let k = 0; k < ilvl; k++) counts[k] ??= (list.levels.get(k)?.start ?? 1) - 1;
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    // a deeper level starts again under each new item above it
    counts.length = ilvl + 1;
    this.counters.set(list.abstractId, counts);
    return level.text.replace(/%([1-9])/g, (_, k: string) => {
      const at = Number(k) - 1;
      return formatCount(counts[at] ?? 1, list.levels.get(at)?.format ?? 'decimal');
    });
  }
}

/** The first element named `tag` at the top of a parsed part. */
function find(nodes: Node[], tag: string): Node | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}
