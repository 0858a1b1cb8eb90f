// How a workbook cell's number format shows its number, for both .xlsx and .xls.
import { describe, expect, it } from 'vitest';
import { shownNumber, shownOf } from '../../src/parse/number-formats.js';

const show = (n: number, id: number, code?: string) => shownNumber(n, shownOf(id, code), false);

describe('a number as its format shows it', () => {
  it('shows a day for the built-in date formats, the Chinese ones too, which the file names by number only', () => {
    expect(show(45657, 14)).toBe('2024-12-31');
    expect(show(45657, 31)).toBe('2024-12-31'); // yyyy"年"m"月"d"日" in a Chinese Excel
    expect(show(45657, 57)).toBe('2024-12-31'); // yyyy"年"m"月"
    expect(show(45657, 0)).toBe('45657');
  });

  it('reads a custom code: a day outside quotes and brackets, a percentage with its decimals', () => {
    expect(show(45657, 176, 'yyyy"年"m"月"d"日"')).toBe('2024-12-31');
    expect(show(0.7763, 177, '0.00%')).toBe('77.63%');
    expect(show(0.7, 9)).toBe('70%');
    expect(show(12, 178, '0"个"')).toBe('12');
    expect(show(12.300000000000001, 0)).toBe('12.3');
  });
});
