// Word's automatic numbering in a .doc: a 序号 cell numbered by a list holds no text, as in a .docx
// (docx-numbering.ts). A .doc keeps its lists in the table stream: the list definitions (PlfLst:
// each list's id and its levels, each level's number format and text) and the list instances
// (PlfLfo: which definition each instance uses). A paragraph names its instance (sprmPIlfo, from 1)
// and its level (sprmPIlvl); labels are counted in document order as Word draws them. Overrides of
// an instance's start are not read: such a list counts from its definition's start.
import { ListCounters, type ListLevel } from './list-labels.js';

/** Word's number formats (nfc) by code, in the names the .docx format gives them. */
const FORMATS: Record<number, string> = {
  0: 'decimal',
  1: 'upperRoman',
  2: 'lowerRoman',
  3: 'upperLetter',
  4: 'lowerLetter',
  10: 'ideographDigital',
  11: 'japaneseCounting',
  14: 'decimalFullWidth',
  18: 'decimalEnclosedCircle',
  19: 'decimalFullWidth2',
  22: 'decimalZero',
  23: 'bullet',
  28: 'decimalEnclosedCircleChinese',
  30: 'ideographTraditional',
  33: 'taiwaneseCounting',
  34: 'ideographLegalTraditional',
  36: 'taiwaneseDigital',
  37: 'chineseCounting',
  38: 'chineseLegalSimplified',
  39: 'chineseCountingThousand',
  255: 'none',
};

const LSTF_BYTES = 28;
const LVLF_BYTES = 28;
const LFO_BYTES = 16;

/** The lists of a .doc, and a counter for its numbered paragraphs. */
export class DocLists {
  private readonly counters = new ListCounters();

  private constructor(
    /** Levels of each list definition, by its id. */
    private readonly lists: Map<number, Map<number, ListLevel>>,
    /** The definition each list instance uses, by instance (from 1). */
    private readonly instances: number[],
  ) {}

  /**
   * Reads the list definitions at `lst` and the instances at `lfo` of the table stream; null when
   * the document has none or they cannot be read (the table is then read without Word's numbers).
   */
  static read(
    table: Uint8Array,
    lst: { at: number; length: number },
    lfo: { at: number; length: number },
  ): DocLists | null {
    if (lst.length < 2 || lfo.length < 4) return null;
    try {
      const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
      const count = view.getInt16(lst.at, true);
      const lists = new Map<number, Map<number, ListLevel>>();
      // the definitions' fixed parts first, then every level of every list, in order
      let at = lst.at + 2 + count * LSTF_BYTES;
      for (let k = 0; k < count; k++) {
        const lstf = lst.at + 2 + k * LSTF_BYTES;
        const id = view.getInt32(lstf, true);
        const simple = (table[lstf + 26] & 1) === 1;
        const levels = new Map<number, ListLevel>();
        for (let level = 0; level < (simple ? 1 : 9); level++) {
          const start = view.getInt32(at, true);
          const nfc = table[at + 4];
          const papx = table[at + 25];
          const chpx = table[at + 24];
          at += LVLF_BYTES + papx + chpx;
          const chars = view.getUint16(at, true);
          let text = '';
          for (let c = 0; c < chars; c++) {
            const code = view.getUint16(at + 2 + c * 2, true);
            // characters 0-8 stand for the counters of levels 1-9
            text += code < 9 ? `%${code + 1}` : String.fromCharCode(code);
          }
          at += 2 + chars * 2;
          levels.set(level, { format: FORMATS[nfc] ?? 'decimal', text, start: start || 1 });
        }
        lists.set(id, levels);
      }
      const instances = [0];
      const lfos = view.getInt32(lfo.at, true);
      for (let k = 0; k < lfos; k++) instances.push(view.getInt32(lfo.at + 4 + k * LFO_BYTES, true));
      return new DocLists(lists, instances);
    } catch {
      // a DataView read past the stream: the lists are damaged, the text is still read
      return null;
    }
  }

  /** The label of a paragraph of list instance `ilfo` (from 1) at level `ilvl`, counting it. */
  labelOf(ilfo: number, ilvl: number): string | null {
    const id = this.instances[ilfo];
    const levels = id === undefined ? undefined : this.lists.get(id);
    return levels ? this.counters.next(String(id), levels, ilvl) : null;
  }
}
