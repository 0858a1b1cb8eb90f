// A 序号 column numbered by formulas in a workbook no spreadsheet program has saved (no results).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/parse/index.js';
import { movedFormula, numberingValue } from '../../src/parse/xlsx-formulas.js';

const grid: Record<string, string> = { '3,1': '1', '4,1': '2', '4,2': '新建5G基站800个' };
const valueAt = (row: number, col: number) => grid[`${row},${col}`];

describe('numbering formulas', () => {
  it.each([
    ['ROW()-2', 5, 3],
    ['=ROW() - 2', 5, 3],
    ['ROW(A3)', 5, 3],
    ['A4+1', 5, 3],
    ['$A$3+1', 5, 2],
    ['MAX($A$3:A4)+1', 5, 3],
    ['MAX($A$2:A2)+1', 3, 1],
  ])('%s at row %i gives %i', (formula, row, value) => {
    expect(numberingValue(formula, { row, col: 1 }, valueAt)).toBe(value);
  });

  it.each(['SUM(B3:B4)', 'B4+1', 'VLOOKUP(A3,B:C,2,0)', 'COUNTA($B$3:B5)', 'MAX(A3:B4)+1'])(
    'computes no other formula, nor a cell without a number (%s)',
    (formula) => expect(numberingValue(formula, { row: 5, col: 1 }, valueAt)).toBeNull(),
  );

  it('stops computing MAX ranges once the sheet’s budget of cells is spent', () => {
    const budget = { cells: 3 };
    expect(numberingValue('MAX($A$2:A4)+1', { row: 5, col: 1 }, valueAt, budget)).toBe(3);
    expect(numberingValue('MAX($A$2:A5)+1', { row: 6, col: 1 }, valueAt, budget)).toBeNull();
  });

  it('moves the references without $ of a shared formula with its cell', () => {
    expect(movedFormula('A3+1', { row: 4, col: 1 }, { row: 6, col: 1 })).toBe('A5+1');
    expect(movedFormula('MAX($A$3:A3)+1', { row: 4, col: 1 }, { row: 7, col: 1 })).toBe('MAX($A$3:A6)+1');
    expect(movedFormula('ROW()-2', { row: 4, col: 1 }, { row: 7, col: 1 })).toBe('ROW()-2');
  });
});

async function workbookNumberedBy(formulas: (row: number) => ExcelJS.CellFormulaValue | number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  sheet.addRow(['2024年区政府重点工作任务进展情况表（三季度）']);
  sheet.addRow(['序号', '具体目标任务', '牵头单位', '进展情况']);
  const tasks = [
    ['新建5G基站800个', '区经信局', '累计新建610个'],
    ['完成老旧小区改造30个', '区住建局', '已完工24个'],
    ['新增城镇就业1万人', '区人社局', '新增8600人'],
  ];
  tasks.forEach((cells, i) => {
    const row = sheet.addRow([null, ...cells]);
    row.getCell(1).value = formulas(i + 3);
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('a workbook whose 序号 formulas hold no result', () => {
  it.each([
    ['ROW()-2', () => ({ formula: 'ROW()-2' })],
    ['the cell above plus one', (row: number) => (row === 3 ? 1 : { formula: `A${row - 1}+1` })],
    ['MAX of the cells above plus one', (row: number) => ({ formula: `MAX($A$2:A${row - 1})+1` })],
  ])('is read with its numbers (%s)', async (_, formulas) => {
    const r = await parseTable(await workbookNumberedBy(formulas));
    expect(r.ok && r.value.tasks.map((t) => [t.seq, t.units])).toEqual([
      [1, ['区经信局']],
      [2, ['区住建局']],
      [3, ['区人社局']],
    ]);
  });

  it('is read with its numbers where the formula is written once and shared down the column', async () => {
    const bytes = await workbookNumberedBy((row) =>
      row === 3
        ? ({ formula: 'MAX($A$2:A2)+1', shareType: 'shared', ref: 'A3:A5' } as ExcelJS.CellFormulaValue)
        : ({ sharedFormula: 'A3' } as unknown as ExcelJS.CellFormulaValue),
    );
    const r = await parseTable(bytes);
    expect(r.ok && r.value.tasks.map((t) => t.seq)).toEqual([1, 2, 3]);
  });

  it('keeps a result the workbook holds, whatever the formula', async () => {
    const r = await parseTable(await workbookNumberedBy((row) => ({ formula: 'ROW()-2', result: row * 10 })));
    expect(r.ok && r.value.tasks.map((t) => t.seq)).toEqual([30, 40, 50]);
  });
});
