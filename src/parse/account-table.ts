// A table of accounts to open (账号导入表): .xlsx, .csv or tab-separated text with a header row
// naming 用户名, 姓名, 角色, 单位, 领导 in any order (Chinese or English names), one account a row.
// Pure: bytes → rows (the parser's own readers), rows → records, records → a verdict per row
// against what the database already holds (units with their aliases, leaders, taken usernames),
// passed in as plain maps. The store (src/store/account-import.ts) does the rest.
import { ROLES, type Role } from '../domain/roles.js';
import { detect } from './detect.js';
import { DEFAULT_MAX_INFLATED_BYTES } from './limits.js';
import { openZip } from './office-zip.js';
import { textToRows } from './text-rows.js';
import { openXls } from './xls-rows.js';
import { xlsxToRows } from './xlsx-rows.js';

export type AccountField = 'username' | 'displayName' | 'role' | 'unit' | 'leader';

/** Header names per field, compared without spaces and case. */
export const ACCOUNT_HEADERS: Record<AccountField, string[]> = {
  username: ['用户名', '账号', '帐号', '登录名', '登录账号', '用户账号', 'username', 'user', 'login', 'account'],
  displayName: ['姓名', '名称', '显示名', '显示名称', '用户姓名', '联系人', 'displayname', 'name', 'fullname'],
  role: ['角色', '账号类型', '账号角色', '类型', '权限', 'role'],
  unit: ['单位', '所属单位', '单位名称', '责任单位', '牵头单位', '部门', 'unit'],
  leader: ['领导', '对应领导', '区领导', '领导姓名', '牵头领导', 'leader'],
};

/** Role words an office writes, each to the role it means. */
const ROLE_WORDS: [Role, string[]][] = [
  ['admin', ['管理员', '系统管理员', '督查科', '督查室', '督查', '办公室', 'admin', 'administrator']],
  ['unit', ['单位', '填报员', '单位填报员', '填报', '单位账号', 'unit']],
  ['leader', ['领导', '区领导', '分管领导', '牵头领导', 'leader']],
  ['viewer', ['查看', '查看者', '只读', '浏览', '观察员', 'viewer', 'readonly']],
];

/** The label each role is shown under, in the messages below. */
export const ROLE_WORD: Record<Role, string> = { admin: '管理员', unit: '单位', leader: '领导', viewer: '查看' };

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '').toLowerCase();

/** The role a cell names, or null; '' when the cell is empty. */
export function roleOf(text: string): Role | null | '' {
  const word = squash(text);
  if (!word) return '';
  if ((ROLES as readonly string[]).includes(word)) return word as Role;
  for (const [role, words] of ROLE_WORDS) if (words.includes(word)) return role;
  return null;
}

function fieldOfHeader(cell: string): AccountField | null {
  const word = squash(cell).replace(/[（(].*[)）]$/, '');
  for (const [field, names] of Object.entries(ACCOUNT_HEADERS) as [AccountField, string[]][])
    if (names.includes(word)) return field;
  return null;
}

/** One data row of the table, as written (trimmed). `line` is its row number in the file, from 1. */
export interface AccountRecord {
  line: number;
  username: string;
  displayName: string;
  role: string;
  unit: string;
  leader: string;
}

export type AccountTable =
  { ok: true; records: AccountRecord[]; columns: AccountField[] } | { ok: false; message: string };

/**
 * Finds the header row (the first of the first 20 rows naming 用户名 and at least one more field;
 * a title above it is skipped) and reads every row under it. Rows with nothing in the known
 * columns are left out.
 */
export function readAccountTable(rows: string[][]): AccountTable {
  for (let h = 0; h < Math.min(rows.length, 20); h++) {
    const at = new Map<AccountField, number>();
    rows[h].forEach((cell, i) => {
      const field = fieldOfHeader(cell);
      if (field && !at.has(field)) at.set(field, i);
    });
    if (!at.has('username') || at.size < 2) continue;
    const cell = (row: string[], field: AccountField) => {
      const i = at.get(field);
      return i === undefined ? '' : (row[i] ?? '').replace(/\u3000/g, ' ').trim();
    };
    const records: AccountRecord[] = [];
    for (let r = h + 1; r < rows.length; r++) {
      const record: AccountRecord = {
        line: r + 1,
        username: cell(rows[r], 'username'),
        displayName: cell(rows[r], 'displayName'),
        role: cell(rows[r], 'role'),
        unit: cell(rows[r], 'unit'),
        leader: cell(rows[r], 'leader'),
      };
      if (record.username || record.displayName || record.role || record.unit || record.leader) records.push(record);
    }
    return { ok: true, records, columns: [...at.keys()] };
  }
  return {
    ok: false,
    message: '没有找到表头：表格的第一行应写明「用户名」，以及「姓名」「角色」「单位」「领导」等列。',
  };
}

/** What the database already holds, keyed by name: units (with their aliases), leaders, usernames. */
export interface AccountReference {
  units: Map<string, { id: number; name: string }>;
  leaders: Map<string, { id: number; name: string }>;
  /** Usernames taken, lower-case. */
  usernames: Set<string>;
}

export type AccountVerdict = 'create' | 'exists' | 'error';

/** One row's fate: created (when confirmed), already there, or refused with the reason. */
export interface AccountCheck {
  line: number;
  username: string;
  displayName: string;
  role: Role | null;
  unit: { id: number; name: string } | null;
  leader: { id: number; name: string } | null;
  result: AccountVerdict;
  /** Why it is not created, in Chinese; null for `create`. */
  reason: string | null;
}

const USERNAME = /^[\p{L}\p{N}_.@-]{2,64}$/u;

/** The account a record asks for, checked against the reference and the rows above it. */
export function checkAccounts(records: AccountRecord[], ref: AccountReference): AccountCheck[] {
  const firstLine = new Map<string, number>();
  return records.map((rec) => {
    const username = rec.username.toLowerCase();
    const out: AccountCheck = {
      line: rec.line,
      username,
      displayName: rec.displayName,
      role: null,
      unit: null,
      leader: null,
      result: 'error',
      reason: null,
    };
    const refuse = (reason: string) => ({ ...out, result: 'error' as const, reason });
    if (!username) return refuse('缺少用户名');
    if (!USERNAME.test(username)) return refuse('用户名只能包含字母、数字、汉字和 _ . @ -，长度 2-64');
    const earlier = firstLine.get(username);
    if (earlier !== undefined) return refuse(`用户名与第 ${earlier} 行重复`);
    firstLine.set(username, rec.line);

    // No role written: a row naming a leader is a leader's account, one naming a unit a unit's.
    const written = roleOf(rec.role);
    if (written === null) return refuse(`无法识别的角色「${rec.role}」（应为 管理员、单位、领导 或 查看）`);
    const role: Role | null = written || (rec.leader ? 'leader' : rec.unit ? 'unit' : null);
    if (!role) return refuse('缺少角色（管理员、单位、领导 或 查看）');
    out.role = role;

    if (role === 'unit') {
      if (!rec.unit) return refuse('单位账号须填写所属单位');
      const unit = ref.units.get(rec.unit.replace(/\s+/g, ''));
      if (!unit) return refuse(`系统中没有单位「${rec.unit}」`);
      out.unit = unit;
    }
    if (role === 'leader') {
      // The leader's own account often names the leader only in 姓名.
      const name = rec.leader || rec.displayName;
      if (!name) return refuse('领导账号须填写对应领导');
      const leader = ref.leaders.get(name.replace(/\s+/g, ''));
      if (!leader) return refuse(`系统中没有领导「${name}」`);
      out.leader = leader;
    }
    out.displayName =
      rec.displayName || (out.unit ? `${out.unit.name}填报员` : out.leader ? out.leader.name : username);
    if (ref.usernames.has(username)) return { ...out, result: 'exists', reason: '账号已存在，未改动' };
    return { ...out, result: 'create', reason: null };
  });
}

export type AccountRows = { ok: true; rows: string[][] } | { ok: false; message: string };

/** Rows of cells from an .xlsx (first sheet, or `sheet`), .csv or tab-separated text. */
export function accountRowsOf(bytes: Uint8Array, options: { sheet?: string; maxBytes?: number } = {}): AccountRows {
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  if (bytes.length > maxBytes)
    return { ok: false, message: `文件太大（上限 ${Math.round(maxBytes / 1024 / 1024)} MB）` };
  const what = detect(bytes);
  if (what.kind === 'error')
    return {
      ok: false,
      message:
        what.code === 'encrypted'
          ? '文件设有密码保护，无法读取。请取消密码后另存，再上传。'
          : what.code === 'unsupported_format'
            ? '不支持该文件格式，请上传 .xlsx、.xls、.csv 或 .txt 文件。'
            : '文件是空的或无法读取。',
    };
  if (what.kind === 'text') {
    const r = textToRows(what.text);
    if (!r.ok) return { ok: false, message: '表格行数或列数过多，无法读取。' };
    // A one-column text is a list of lines; commas (also full-width) then separate its cells.
    return {
      ok: true,
      rows: r.rows.map((row) => (row.cells.length === 1 ? row.cells[0].split(/[,，]/) : row.cells)),
    };
  }
  if (what.kind === 'compound') {
    const xls = openXls(bytes);
    if (!xls.ok)
      return {
        ok: false,
        message:
          xls.code === 'encrypted' ? '文件设有密码保护，无法读取。请取消密码后另存，再上传。' : '工作簿无法读取。',
      };
    const name = options.sheet ?? xls.workbook.sheets[0]?.name;
    const r = name === undefined ? null : xls.workbook.rows(name);
    if (!r?.ok)
      return { ok: false, message: options.sheet ? `没有名为「${options.sheet}」的工作表` : '工作簿无法读取。' };
    return { ok: true, rows: r.rows.map((row) => row.cells) };
  }
  const opened = openZip(bytes, DEFAULT_MAX_INFLATED_BYTES);
  if (!opened.ok) return { ok: false, message: '文件已损坏或过大，无法读取。' };
  if (!opened.zip.has('xl/workbook.xml'))
    return { ok: false, message: '不支持该文件格式，请上传 .xlsx、.xls、.csv 或 .txt 账号表。' };
  const r = xlsxToRows(opened.zip, options.sheet);
  if (!r.ok)
    return {
      ok: false,
      message: r.code === 'bad_input' && options.sheet ? `没有名为「${options.sheet}」的工作表` : '工作簿无法读取。',
    };
  return { ok: true, rows: r.rows.map((row) => row.cells) };
}
