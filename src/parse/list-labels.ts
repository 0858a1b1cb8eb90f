// Labels of Word's automatic numbering, whatever file format kept the lists (.docx numbering.xml,
// a .doc's list tables): a counter written in a level's format (`decimal`, `chineseCounting`,
// `decimalEnclosedCircle` …) and level text (`%1.`, `（%1）`, `%1.%2`), counted in document order.

/** How one level of a list writes its number: the format of its counter, its text with `%1`…`%9` for
 * the counters of the levels, and where it starts. */
export interface ListLevel {
  format: string;
  text: string;
  start: number;
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

/** Counters of the lists of one document, in document order. */
export class ListCounters {
  private readonly counters = new Map<string, number[]>();

  /**
   * The label of the next paragraph at level `ilvl` of the list counted as `key` (lists sharing a
   * definition count on together, as Word numbers them); null for a bulleted or unnumbered level.
   */
  next(key: string, levels: ReadonlyMap<number, ListLevel>, ilvl: number): string | null {
    const level = levels.get(ilvl);
    if (!level || level.format === 'bullet' || level.format === 'none') return null;
    const counts = this.counters.get(key) ?? [];
    for (let k = 0; k < ilvl; k++) counts[k] ??= (levels.get(k)?.start ?? 1) - 1;
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    // a deeper level starts again under each new item above it
    counts.length = ilvl + 1;
    this.counters.set(key, counts);
    return level.text.replace(/%([1-9])/g, (_, k: string) => {
      const at = Number(k) - 1;
      return formatCount(counts[at] ?? 1, levels.get(at)?.format ?? 'decimal');
    });
  }
}

/**
 * A paragraph's text after the number its list gives it (`1`, `一、`): a 序号 cell numbered by Word
 * holds no text of its own. A label of bare digits is set apart from the text by a space.
 */
export function withLabel(label: string | null, text: string): string {
  if (!label) return text;
  if (!text.trim()) return label;
  return /[\d\p{L}]$/u.test(label) ? `${label} ${text}` : `${label}${text}`;
}
