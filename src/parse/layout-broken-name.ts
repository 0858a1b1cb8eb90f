// A merged units cell printed down a narrow column breaks one name into the column's lines
// (`市政/府办/公厅`, `长沙/先导/区管委会`); text copied from such a page keeps the lines apart
// with spaces, and the list splitter would read three bodies where the office wrote one. A list
// of short names (`发改局 统计局`, `经开区 高新园 各街道`) is told apart by its pieces: each of its
// names stands on its own, while a line of a broken name is too short to name anything.
import { COLLECTIVE_UNITS, SHORT_UNITS, isPersonName, isUnitName } from './classify.js';

/** Anything but Han characters and white space (、，；/ brackets, digits) means a list or prose. */
const ONLY_HAN_AND_SPACES = /^[\u3400-\u9fff\s]+$/;
/** The widest line a piece can be: a column narrow enough to break a name holds two characters. */
const PIECE_MAX_CHARS = 2;

/**
 * The one unit a units cell names when its lines are the pieces of that name, or null when the
 * cell is anything else. Every line but the last must be a piece that names nothing on its own;
 * the last may end the name (`区管委会`, `管委会`, which alone would pass for a person) but not
 * start another (`各街道`); and the lines read together must name a body (`市政府办公厅`).
 */
export function nameBrokenByLayout(cell: string): string | null {
  const text = cell.trim();
  if (!ONLY_HAN_AND_SPACES.test(text)) return null;
  const lines = text.split(/\s+/);
  if (lines.length < 2) return null;
  const last = lines[lines.length - 1];
  if (!lines.slice(0, -1).every(isPiece)) return null;
  if (COLLECTIVE_UNITS.test(last)) return null;
  const whole = lines.join('');
  return isUnitName(whole) ? whole : null;
}

/** Too short to be a body (`市政`, `府办`, `先导`) and no person's name (`王伟`). */
function isPiece(line: string): boolean {
  if (line.length > PIECE_MAX_CHARS || SHORT_UNITS.has(line)) return false;
  return !COLLECTIVE_UNITS.test(line) && !isPersonName(line);
}
