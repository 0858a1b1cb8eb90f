// The publishing commands end to end, through the real CLI entry (run with tsx): files written,
// and one clear line with exit code 2 for every kind of bad input.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { docxPart, paragraphsText } from './docx-read.js';
import { PLAN_TITLE, seedPlan } from './store-seed.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The loader by path: the commands run in a temporary folder, where `tsx` alone does not resolve.
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
let dir = '';
let dbFile = '';

function duban(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', tsx, join(root, 'src/cli/main.ts'), ...args],
      { cwd: dir, env: { ...process.env, DATABASE_URL: '', DUBAN_DB: '' }, encoding: 'utf8' },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-export-cli-'));
  dbFile = join(dir, 'duban.db');
  const store = await openStore({ file: dbFile });
  await seedPlan(store.db);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scope = ['--plan', PLAN_TITLE, '--period', '2024Q2', '--db'];
const oneLine = (stderr: string) => {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
};

describe.concurrent('duban export / briefing / notice / diff', () => {
  it('writes the progress table as .xlsx, keeping only the statuses asked for', async () => {
    const out = join(dir, 'behind.xlsx');
    const r = await duban('export', ...scope, dbFile, '--format', 'xlsx', '--status', 'behind,no_report', '-o', out);
    expect(r.stderr).toContain('wrote');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('2024年临安区政府工作报告重点工作任务二季度进展情况表');
    // 1 behind; 4 returned and 5 an empty draft print as no report (only handed-in reports are published).
    expect([ws.getCell('A3').value, ws.getCell('A4').value, ws.getCell('A5').value]).toEqual([1, 4, 5]);
    expect(ws.getCell('H3').value).toBe('进度滞后');
  }, 120_000);

  it('takes the format from the output name and writes CSV', async () => {
    const out = join(dir, 'table.csv');
    const r = await duban('export', ...scope, dbFile, '--unit', '区民政局', '-o', out);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['序号', '3', '11', '12']);
  }, 120_000);

  it('writes a leader briefing and a unit notice', async () => {
    const briefing = join(dir, 'briefing.docx');
    const notice = join(dir, 'notice.docx');
    const [b, n] = await Promise.all([
      duban('briefing', ...scope, dbFile, '--leader', '陈志远', '-o', briefing),
      duban('notice', ...scope, dbFile, '--unit', '区农业农村局', '--contact', '督查科 0571-63000000', '-o', notice),
    ]);
    expect([b.code, n.code]).toEqual([0, 0]);
    expect(paragraphsText(await docxPart(readFileSync(briefing)))).toContain('陈志远同志牵头的重点工作任务共4项');
    expect(paragraphsText(await docxPart(readFileSync(notice)))).toContain('联系人及电话：督查科 0571-63000000');
  }, 120_000);

  it('prints the period diff as JSON', async () => {
    const r = await duban('diff', '--plan', PLAN_TITLE, '--from', '2024Q1', '--to', '2024Q2', '--json', '--db', dbFile);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as { from: string; to: string; up: unknown[]; down: unknown[]; same: number };
    expect([d.from, d.to]).toEqual(['2024Q1', '2024Q2']);
    expect(d.up.length + d.down.length + d.same).toBe(12);
  }, 120_000);

  const bad: Array<[string, string[], RegExp]> = [
    [
      'an unknown plan',
      ['export', '--plan', '2024年某某县计划', '--period', '2024Q2', '--db', '<db>', '-o', 'x.xlsx'],
      /no plan “2024年某某县计划”/,
    ],
    [
      'an unknown period',
      ['export', '--plan', PLAN_TITLE, '--period', '2023Q4', '--db', '<db>', '-o', 'x.xlsx'],
      /has no period 2023Q4/,
    ],
    [
      'no tasks in scope',
      ['export', ...scope, '<db>', '--leader', '周晓燕', '--status', 'behind', '-o', 'x.docx'],
      /no tasks in scope/,
    ],
    [
      'an output folder that does not exist',
      ['export', ...scope, '<db>', '-o', '/nonexistent-folder/x.xlsx'],
      /cannot write .*does not exist/,
    ],
    ['an output path that is a folder', ['export', ...scope, '<db>', '--format', 'csv', '-o', '.'], /is a directory/],
    ['an unknown format', ['export', ...scope, '<db>', '--format', 'pptx', '-o', 'x.pptx'], /unknown format/],
    ['an unknown status', ['export', ...scope, '<db>', '--status', 'late', '-o', 'x.csv'], /unknown status late/],
    ['a missing database', ['export', ...scope, 'missing.db', '-o', 'x.csv'], /no database at missing\.db/],
    ['an unknown leader', ['briefing', ...scope, '<db>', '--leader', '张三', '-o', 'b.docx'], /no leader named “张三”/],
    [
      'a unit with nothing overdue',
      ['notice', ...scope, '<db>', '--unit', '区教育局', '-o', 'n.docx'],
      /no overdue task/,
    ],
    [
      'an unknown period in diff',
      ['diff', '--plan', PLAN_TITLE, '--from', '2023Q4', '--to', '2024Q2', '--db', '<db>'],
      /has no period 2023Q4/,
    ],
  ];
  for (const [what, args, message] of bad) {
    it(`refuses ${what} with one line and exit code 2`, async () => {
      const r = await duban(...args.map((a) => (a === '<db>' ? dbFile : a)));
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(2);
      oneLine(r.stderr);
      expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
    }, 120_000);
  }
});
