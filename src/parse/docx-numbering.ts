// Word's automatic numbering: a 序号 cell or a listed paragraph numbered by the list it belongs to
// (w:numPr), not by text. The number is nowhere in the document's text, so a table numbered so
// read as a table with an empty 序号 column and no tasks. The numbering part (word/numbering.xml)
// says how each list's levels are written (`%1`, `%1.`, `（%1）` in decimal, 一二三 or ①②③), and
// the paragraphs count up in document order; this module renders each numbered paragraph's label.

import { attr, child, kids, tagOf, type Node } from './docx-xml.js';
import { ListCounters, type ListLevel as Level } from './list-labels.js';

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

/** The lists of a document and where each stands: labels come out in document order. */
export class ListNumbering {
  private readonly counters = new ListCounters();

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
    return list ? this.counters.next(list.abstractId, list.levels, ilvl) : null;
  }
}

/** The first element named `tag` at the top of a parsed part. */
function find(nodes: Node[], tag: string): Node | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}
