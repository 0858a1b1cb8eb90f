// Task numbers in the forms tables print them: `1`, `1.`, `1、`, `1。` (a converter's full stop),
// `1﹒` (a small form), `分解表17` (after a label), `（1）`, `（一）`, `一、`, `①`, and a number that
// opens the target text itself (`*1.力争…`) when a table has no 序号 column.
// A task keeps the number printed; tables that number within each section restart at 1.

const CN_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** `十二` → 12, `二十一` → 21, `七` → 7; null when the text is not a Chinese numeral below 100. */
export function chineseNumber(s: string): number | null {
  if (!s || s.length > 3) return null;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 && s in CN_DIGIT ? CN_DIGIT[s] : null;
  const tens = ten === 0 ? 1 : s.length > 1 && s[0] in CN_DIGIT && ten === 1 ? CN_DIGIT[s[0]] : null;
  const rest = s.slice(ten + 1);
  const ones = rest === '' ? 0 : rest.length === 1 && rest in CN_DIGIT ? CN_DIGIT[rest] : null;
  return tens === null || ones === null ? null : tens * 10 + ones;
}

const CIRCLED_ONE = 0x2460; // ① … ⑳
const MARKS = /^[*＊★☆※]+/;
/** A mark after the number (`9*`, `10＊`: an item the notes single out), as before it. */
const TRAILING_MARKS = /[*＊★☆※]+$/;

/** How a number is printed: arabic (`1`, `1.`, `（1）`), Chinese (`一、`, `（一）`), circled (`①`) or nested (`1.2`). */
export type NumberingStyle = 'arabic' | 'chinese' | 'circled' | 'nested';

export interface SeqReading {
  seq: number;
  style: NumberingStyle;
}

/** The number a whole cell prints, with its style; null when the cell is not a number. */
export function readNumbering(cell: string): SeqReading | null {
  // Most 序号 cells are plain digits: read them without building new strings.
  if (cell.length > 0 && cell.length <= 5 && /^\d+$/.test(cell)) return { seq: Number(cell), style: 'arabic' };
  const s = cell.replace(/\s+/g, '').replace(MARKS, '').replace(TRAILING_MARKS, '');
  if (!s || s.length > 8) return null;
  let m = /^[（(]?(\d{1,5})[）)]?[.、．。﹒﹑]?$/.exec(s);
  if (m) return { seq: Number(m[1]), style: 'arabic' };
  // a label before the number (`任务3`, `第5项`, `分解表17`: the item's number in a list it was split from)
  m = /^(?:第|实事|事项|项目|任务|工程|分解表|编号)(\d{1,3})(?:号|项|件)?[.、．。:：]?$/.exec(s);
  if (m) return { seq: Number(m[1]), style: 'arabic' };
  // `1.2`, `3-1`: an item of a section; the task keeps its number within the section.
  m = /^\d{1,3}(?:[.．\-－]([1-9]\d{0,2})){1,2}[.、．﹒﹑]?$/.exec(s);
  if (m) return { seq: Number(m[1]), style: 'nested' };
  // `第三`, `（三）`, `三、`; prose lists rebuilt as tables print `一是`, `二是` or `实事一`, `项目二`.
  m =
    /^(?:第|实事|事项|项目|任务|工程)?[（(]?([〇零一二两三四五六七八九十]{1,3})[）)]?(?:是|项|件)?[.、．。﹒﹑:：]?$/.exec(
      s,
    );
  if (m) {
    const n = chineseNumber(m[1]);
    return n === null || n === 0 ? null : { seq: n, style: 'chinese' };
  }
  const c = s.charCodeAt(0);
  if (s.length <= 2 && c >= CIRCLED_ONE && c < CIRCLED_ONE + 20 && /^.[.、．。﹒﹑]?$/.test(s))
    return { seq: c - CIRCLED_ONE + 1, style: 'circled' };
  return null;
}

/** A section heading's number opening a cell (`一、稳增长`, `（二）扩内需`), the tasks' numbers being 1, 2 … */
export const SECTION_HEADING_START = /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;

/** The sequence number of a task row: `12`, `12.`, `12、`, `（12）`, `（一）`, `一、`, `①`; null otherwise. */
export function readSeq(cell: string): number | null {
  return readNumbering(cell)?.seq ?? null;
}

/**
 * The number that opens a longer text (`*1.力争9个…`, `2、新增…`, `①…`, `（3）…`), or null. A figure
 * is not a number (`1.5万亩`, `2023年…`): arabic numbers need `.`/`、` or brackets and text after them,
 * unless the number is one of those `expected` next (the previous task's number plus one, or 1).
 */
export function leadingSeq(text: string, expected?: readonly number[]): number | null {
  const s = text.trimStart().replace(MARKS, '');
  let m = /^(\d{1,3})[.、．。﹒﹑] ?(?![\d%])\S/.exec(s) ?? /^[（(](\d{1,3})[）)] ?\S/.exec(s);
  if (m) return Number(m[1]);
  // a label before the number (`指标1:租车次数`, `任务2、…`), as a form numbers its lines
  m = /^(?:指标|任务|事项|实事)(\d{1,3})[:：.、．] ?\S/.exec(s);
  if (m) return Number(m[1]);
  // `一是…`, `二是…`: the items of a summary written as prose
  m = /^([一二三四五六七八九十]{1,3})是 ?[\u4e00-\u9fff]/.exec(s);
  if (m) return chineseNumber(m[1]);
  // `3.90%的二级综合医院…` after task 2 is task 3 of 90%, not a figure of 3.90%.
  m = /^(\d{1,3})[.、．﹒﹑]\d/.exec(s);
  if (m && expected?.includes(Number(m[1]))) return Number(m[1]);
  const c = s.charCodeAt(0);
  return c >= CIRCLED_ONE && c < CIRCLED_ONE + 20 && s.length > 2 ? c - CIRCLED_ONE + 1 : null;
}
