import { describe, expect, it } from 'vitest';
import { csvField, writeProgressCsv } from '../../src/export/progress-csv.js';
import { readCsv } from './csv-read.js';
import { goldRows, seedTable } from './seed.js';
import { taskFields } from '../helpers/task-fields.js';

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('progress table as CSV', () => {
  it('starts with a UTF-8 byte-order mark so Excel reads Chinese correctly', () => {
    const bytes = writeProgressCsv(seedTable());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('has one row per task with theme and category in columns of their own', () => {
    const table = seedTable();
    const rows = readCsv(decode(writeProgressCsv(table)).slice(1));
    expect(rows[0]).toEqual([
      '序号',
      '重点工作任务',
      '重点工作任务（二级）',
      '具体目标任务',
      '牵头区领导',
      '牵头单位',
      '进展情况',
    ]);
    expect(rows).toHaveLength(table.rows.length + 1);
    const byCsv = rows.slice(1).map((r) => ({
      seq: Number(r[0]),
      theme: r[1] || null,
      category: r[2] || null,
      target: r[3],
      leaders: r[4] ? r[4].split('、') : [],
      units: r[5] ? r[5].split('、') : [],
      progress: r[6],
    }));
    expect(byCsv).toEqual(taskFields(table.rows));
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says and reads back the same text', () => {
    const rows = goldRows('../fixtures/export/linan-2024-h1.gold.json');
    const table = { title: 't', planTitle: 'p', periodLabel: '2024H1', withStatus: true, rows };
    const text = decode(writeProgressCsv(table)).slice(1);
    expect(text).toContain('"已制定集成改革实施方案，""强村公司""新增12家。"');
    const back = readCsv(text);
    expect(back[0].slice(-2)).toEqual(['评估状态', '评估说明']);
    expect(back[2][6]).toBe(rows[1].progress); // a progress text of two lines stays one field
    expect(back[5][7]).toBe('未报送');
    expect(text.split('\r\n').length).toBeGreaterThan(rows.length); // CRLF row ends
  });

  it('leaves plain fields unquoted', () => {
    expect(csvField('区发改局')).toBe('区发改局');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
  });
});
