// /api/accounts: accounts opened in bulk by the office — one 填报员 account per unit, or the rows of a
// table of accounts (preview, then confirm). Passwords are generated and answered once.
import { Type, type Static } from '@sinclair/typebox';
import { Answers, Id, Named, Nullable, Role, StringEnum, Strict } from './shared.js';

const tags = ['users'];

/** Most rows one table may open at once. */
export const MAX_ACCOUNT_ROWS = 2000;

export const UnitAccounts = Type.Object({
  created: Type.Array(
    Type.Object({ unit: Named, username: Type.String(), displayName: Type.String(), password: Type.String() }),
  ),
  skipped: Type.Array(Type.Object({ unit: Named, reason: Type.String() })),
});
export type UnitAccounts = Static<typeof UnitAccounts>;

export const unitAccounts = {
  tags,
  summary: '批量开通单位填报账号（初始密码只在本次返回中出现）',
  body: Strict({ unitIds: Type.Optional(Type.Array(Id, { maxItems: 5000 })) }),
  response: Answers(UnitAccounts),
};

export const ACCOUNT_FIELDS = ['username', 'displayName', 'role', 'unit', 'leader'] as const;

/** One row of the table as written: its row number and its cells, trimmed. */
export const AccountRecord = Type.Object({
  line: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  unit: Type.String(),
  leader: Type.String(),
});
export type AccountRecord = Static<typeof AccountRecord>;

/** What a row becomes: 新建 (create), 已存在 (exists, left as it is) or 错误 (error, with the reason). */
export const AccountCheck = Type.Object({
  line: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Nullable(Role),
  unit: Nullable(Named),
  leader: Nullable(Named),
  result: StringEnum(['create', 'exists', 'error'] as const),
  reason: Nullable(Type.String()),
});
export type AccountCheck = Static<typeof AccountCheck>;

const Counts = Type.Object({ create: Type.Integer(), exists: Type.Integer(), error: Type.Integer() });

export const AccountPreview = Type.Object({
  columns: Type.Array(StringEnum(ACCOUNT_FIELDS)),
  records: Type.Array(AccountRecord),
  rows: Type.Array(AccountCheck),
  counts: Counts,
});
export type AccountPreview = Static<typeof AccountPreview>;

export const AccountImport = Type.Object({
  created: Type.Array(Type.Composite([AccountCheck, Type.Object({ password: Type.String() })])),
  skipped: Type.Array(AccountCheck),
  counts: Counts,
});
export type AccountImport = Static<typeof AccountImport>;

export const previewImport = {
  tags,
  summary: '上传账号表并预览每一行的结果（不保存；multipart 字段 file，可选 sheet）',
  consumes: ['multipart/form-data'],
  response: Answers(AccountPreview),
};

const cell = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

export const confirmImport = {
  tags,
  summary: '按账号表开通账号（初始密码只在本次返回中出现）',
  body: Strict({
    accounts: Type.Array(
      Strict({
        line: Type.Integer({ minimum: 1, maximum: 1000000 }),
        username: Type.String({ maxLength: 200 }),
        displayName: cell(200),
        role: cell(50),
        unit: cell(200),
        leader: cell(200),
      }),
      { maxItems: MAX_ACCOUNT_ROWS },
    ),
  }),
  response: Answers(AccountImport),
};
