// `duban parse` as a user runs it: exit codes, one JSON array on stdout, one-line errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'test/fixtures');

function duban(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'parse', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DUBAN_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('duban parse', () => {
  it('--json prints exactly one JSON array of tasks and counts warnings on stderr', () => {
    const r = duban(join(fixtures, 'qiantang-2023-q4.txt'), '--json');
    expect(r.code).toBe(0);
    const tasks = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(tasks).toHaveLength(136);
    expect(Object.keys(tasks[0])).toEqual([
      'seq',
      'theme',
      'category',
      'target',
      'leaders',
      'units',
      'progress',
      'warnings',
    ]);
    expect(r.stderr).toMatch(/136 tasks; \d+ warnings/);
  });
  it('adds co_units and deadline where the table has them, and reads a named sheet', () => {
    const county = JSON.parse(duban(join(fixtures, 'parse/county-2024-h1.gb18030.txt'), '--json').stdout);
    expect(county[0]).toMatchObject({ co_units: ['县统计局'], deadline: '2024年12月底' });
    const sheet = duban(join(fixtures, 'parse/chengnan-2024-h1.xlsx'), '--json', '--sheet', '三季度');
    expect(JSON.parse(sheet.stdout)).toHaveLength(1);
  });
  it('prints a readable summary without --json', () => {
    const r = duban(join(fixtures, 'parse/shiqiao-2023.docx'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('石桥镇2023年度重点工作任务完成情况表');
    expect(r.stdout).toContain('一、产业发展');
  });

  const tmp = mkdtempSync(join(tmpdir(), 'duban-parse-'));
  const bad: Array<[string, string, string[]]> = [
    ['an empty file', 'empty.txt', []],
    ['binary garbage', 'garbage.bin', []],
    ['no header', 'notes.txt', []],
    ['a password-protected file', join(fixtures, 'parse/encrypted.docx'), []],
    ['a file over the size limit', join(fixtures, 'qiantang-2023-q4.txt'), ['--max-bytes', '1000']],
    ['a missing file', 'does-not-exist.xlsx', []],
  ];
  writeFileSync(join(tmp, 'empty.txt'), '');
  writeFileSync(join(tmp, 'garbage.bin'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31 + 7) % 256)));
  writeFileSync(join(tmp, 'notes.txt'), '会议纪要\n各单位要高度重视，抓好落实。\n');
  it.each(bad)('%s: exit code 2, one line on stderr, no stack trace', (_what, file, extra) => {
    const r = duban(file.startsWith('/') ? file : join(tmp, file), '--json', ...extra);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^duban: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('--columns names the columns by position, and a role it does not know is one line on stderr', () => {
    const file = join(tmp, 'no-header.txt');
    writeFileSync(file, '1\t新增学位3000个\t王芳\t已新增3200个。\n2\t新建公园5个\t李强\t已建成2个。\n');
    const r = duban(file, '--json', '--columns', '序号,目标,领导,进展');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([
      { seq: 1, target: '新增学位3000个', leaders: ['王芳'], progress: '已新增3200个。' },
      { seq: 2, target: '新建公园5个', leaders: ['李强'], progress: '已建成2个。' },
    ]);
    const wrong = duban(file, '--json', '--columns', '序号,目标,负责的人');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim()).toMatch(/^duban: .*--columns: "负责的人" names no column role/);
  });
  it('--json carries progress_parts where the report is split over several columns', () => {
    const file = join(tmp, 'split.txt');
    writeFileSync(file, '序号\t工作任务\t牵头单位\t实际完成\t完成率\n1\t新增就业岗位5000个\t县人社局\t3200个\t64%\n');
    const [task] = JSON.parse(duban(file, '--json').stdout) as Array<Record<string, unknown>>;
    expect(task.progress).toBe('3200个 64%');
    expect(task.progress_parts).toEqual([
      { role: 'actual', header: '实际完成', text: '3200个' },
      { role: 'rate', header: '完成率', text: '64%' },
    ]);
  });
  it('honours DUBAN_MAX_UPLOAD_MB', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'parse', join(fixtures, 'qiantang-2023-q4.txt')],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, DUBAN_MAX_UPLOAD_MB: '0.01' },
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/over the limit/);
  });
});
