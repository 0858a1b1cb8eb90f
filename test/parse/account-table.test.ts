// The account table (账号导入表): header found in any order and under its Chinese or English names,
// roles as offices write them, and each row's verdict — created, already there, or refused with a
// Chinese reason (unknown unit, unknown role, repeated username …). Pure: no database.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  accountRowsOf,
  checkAccounts,
  readAccountTable,
  roleOf,
  type AccountRecord,
  type AccountReference,
} from '../../src/parse/account-table.js';
import { cell, record, RECORD, sst, u32, unicodeString, workbookStream } from './helpers/biff.js';
import { compoundFile } from './helpers/compound-file.js';

const ref = (): AccountReference => ({
  units: new Map([
    ['区发展改革局', { id: 1, name: '区发展改革局' }],
    ['区发展改革委', { id: 1, name: '区发展改革局' }], // an alias left by a merge
    ['区建设局', { id: 2, name: '区建设局' }],
  ]),
  leaders: new Map([['陶峰', { id: 7, name: '陶峰' }]]),
  usernames: new Set(['admin', 'fagai']),
});

const records = (rows: string[][]): AccountRecord[] => {
  const table = readAccountTable(rows);
  if (!table.ok) throw new Error(table.message);
  return table.records;
};

describe('reading the table', () => {
  it('finds the header under a title, with the columns in any order', () => {
    const table = readAccountTable([
      ['2024年督办系统账号开通表'],
      ['序号', '单位', '角色', '姓名', '用户名'],
      ['1', '区建设局', '单位', '李敏', 'jianshe01'],
      ['', '', '', '', ''],
      ['2', '', '领导', '陶峰', 'taofeng'],
    ]);
    expect(table).toEqual({
      ok: true,
      columns: ['unit', 'role', 'displayName', 'username'],
      records: [
        { line: 3, username: 'jianshe01', displayName: '李敏', role: '单位', unit: '区建设局', leader: '' },
        { line: 5, username: 'taofeng', displayName: '陶峰', role: '领导', unit: '', leader: '' },
      ],
    });
  });

  it('reads English headers and headers with spaces or a note in brackets', () => {
    const table = readAccountTable([
      ['Username', 'Role', 'Unit'],
      ['gs01', 'unit', '区建设局'],
    ]);
    expect(table.ok && table.columns).toEqual(['username', 'role', 'unit']);
    const chinese = readAccountTable([
      ['用 户 名', '角色（管理员/单位/领导/查看）', '所属单位'],
      ['gs01', '单位', '区建设局'],
    ]);
    expect(chinese.ok && chinese.records[0]).toMatchObject({ username: 'gs01', role: '单位', unit: '区建设局' });
  });

  it('says in Chinese when no row names 用户名', () => {
    const table = readAccountTable([
      ['单位', '姓名'],
      ['区建设局', '李敏'],
    ]);
    expect(table).toEqual({ ok: false, message: expect.stringContaining('用户名') });
  });
});

describe('roles as offices write them', () => {
  it.each([
    ['管理员', 'admin'],
    ['督查科', 'admin'],
    ['单位', 'unit'],
    ['填报员', 'unit'],
    ['领导', 'leader'],
    ['查看', 'viewer'],
    ['只读', 'viewer'],
    ['Leader', 'leader'],
    [' viewer ', 'viewer'],
  ])('%s is %s', (word, role) => expect(roleOf(word)).toBe(role));

  it('an unknown word is no role, an empty cell is left to the other columns', () => {
    expect(roleOf('科长')).toBeNull();
    expect(roleOf('')).toBe('');
  });
});

describe('each row against the database', () => {
  it('creates new accounts, leaves existing ones, refuses the rest with a reason', () => {
    const checks = checkAccounts(
      records([
        ['用户名', '姓名', '角色', '单位', '领导'],
        ['jianshe01', '李敏', '单位', '区建设局', ''],
        ['FaGai', '', '单位', '区发展改革局', ''],
        ['wx01', '王霞', '单位', '区教育局', ''],
        ['zhang', '张伟', '科长', '', ''],
        ['jianshe01', '赵强', '单位', '区建设局', ''],
        ['x', '', '查看', '', ''],
        ['tf', '', '领导', '', '徐进'],
        ['', '钱芳', '单位', '区建设局', ''],
      ]),
      ref(),
    );
    expect(checks.map((c) => [c.line, c.result, c.reason])).toEqual([
      [2, 'create', null],
      [3, 'exists', '账号已存在，未改动'],
      [4, 'error', '系统中没有单位「区教育局」'],
      [5, 'error', '无法识别的角色「科长」（应为 管理员、单位、领导 或 查看）'],
      [6, 'error', '用户名与第 2 行重复'],
      [7, 'error', '用户名只能包含字母、数字、汉字和 _ . @ -，长度 2-64'],
      [8, 'error', '系统中没有领导「徐进」'],
      [9, 'error', '缺少用户名'],
    ]);
    expect(checks[0]).toMatchObject({
      username: 'jianshe01',
      displayName: '李敏',
      role: 'unit',
      unit: { id: 2, name: '区建设局' },
      leader: null,
    });
  });

  it('finds a unit by its old name, and a leader by the 姓名 of a leader account', () => {
    const [unit, leader] = checkAccounts(
      records([
        ['用户名', '姓名', '角色', '单位'],
        ['fgw01', '', '单位', '区发展改革委'],
        ['taofeng2', '陶峰', '领导', ''],
      ]),
      ref(),
    );
    expect(unit).toMatchObject({
      result: 'create',
      unit: { id: 1, name: '区发展改革局' },
      displayName: '区发展改革局填报员',
    });
    expect(leader).toMatchObject({ result: 'create', role: 'leader', leader: { id: 7, name: '陶峰' } });
  });

  it('reads the role from the unit or leader column when the role is left empty', () => {
    const checks = checkAccounts(
      records([
        ['用户名', '单位', '领导', '角色'],
        ['js02', '区建设局', '', ''],
        ['tf02', '', '陶峰', ''],
        ['who', '', '', ''],
      ]),
      ref(),
    );
    expect(checks.map((c) => c.role)).toEqual(['unit', 'leader', null]);
    expect(checks[2].reason).toBe('缺少角色（管理员、单位、领导 或 查看）');
  });

  it('asks a unit account for its unit, and names an office or viewer account after its username', () => {
    const [unit, viewer] = checkAccounts(
      records([
        ['用户名', '角色'],
        ['js03', '单位'],
        ['rd01', '查看'],
      ]),
      ref(),
    );
    expect(unit.reason).toBe('单位账号须填写所属单位');
    expect(viewer).toMatchObject({ result: 'create', role: 'viewer', displayName: 'rd01', unit: null });
  });
});

describe('reading the file', () => {
  it('reads an .xlsx written by a spreadsheet program', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('账号');
    sheet.addRow(['姓名', '用户名', '角色', '单位']);
    sheet.addRow(['李敏', 'jianshe01', '单位', '区建设局']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const rows = accountRowsOf(bytes);
    expect(rows).toEqual({
      ok: true,
      rows: [
        ['姓名', '用户名', '角色', '单位'],
        ['李敏', 'jianshe01', '单位', '区建设局'],
      ],
    });
  });

  it('reads CSV in GB18030 as Excel on Chinese Windows saves it, and comma lists of two columns', () => {
    const csv = new Uint8Array(
      Buffer.from(
        [0xd3, 0xc3, 0xbb, 0xa7, 0xc3, 0xfb, 0x2c, 0xbd, 0xc7, 0xc9, 0xab, 0x0a], // 用户名,角色\n
      ),
    );
    const rows = accountRowsOf(new Uint8Array([...csv, ...Buffer.from('rd01,viewer\n')]));
    expect(rows).toEqual({
      ok: true,
      rows: [
        ['用户名', '角色'],
        ['rd01', 'viewer'],
      ],
    });
  });

  it('reads the first sheet of an .xls account table', () => {
    const rows = [
      ['用户名', '角色'],
      ['rd01', 'viewer'],
    ];
    const strings = rows.flat();
    const stream = workbookStream({
      sheets: [
        {
          name: '账号',
          records: rows.flatMap((r, row) =>
            r.map((_, col) => record(RECORD.LABELSST, [...cell(row, col), ...u32(row * 2 + col)])),
          ),
        },
      ],
      sst: [
        sst(
          4,
          4,
          strings.flatMap((s) => unicodeString(s)),
        ),
      ],
    });
    expect(accountRowsOf(compoundFile({ Workbook: stream }))).toEqual({ ok: true, rows });
  });

  it('refuses a damaged .xls and a .docx in Chinese', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]);
    const r = accountRowsOf(ole);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
