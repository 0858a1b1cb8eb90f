// Accounts from a table (账号导入): the office uploads an .xlsx/.csv/.txt of accounts and sees what
// each row would become (POST /accounts/import/preview, nothing stored); confirming sends the rows
// back (POST /accounts/import) and every row still to be created is opened in one transaction. The
// generated passwords are in that answer only, never stored or logged in clear: not cacheable.
import type { FastifyInstance } from 'fastify';
import { accountRowsOf, readAccountTable, type AccountRecord } from '../../../parse/account-table.js';
import { importAccounts, MAX_ACCOUNT_ROWS, previewAccountImport } from '../../../store/account-import.js';
import type { Store } from '../../../store/db.js';
import { actorOf } from '../../access.js';
import { hashPassword } from '../../auth/password.js';
import { callerOf } from '../../auth/plugin.js';
import { HttpError } from '../../errors.js';
import { readUpload } from '../reports/upload.js';
import { object } from '../common.js';

/** An account table is a few hundred rows: 10 MB is generous. */
const MAX_TABLE_BYTES = 10 * 1024 * 1024;

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;

export function accountImportRoutes(store: Store) {
  return async (app: FastifyInstance) => {
    const tags = ['users'];
    app.post(
      '/accounts/import/preview',
      {
        config: { access: ['admin'] },
        schema: {
          tags,
          summary: '上传账号表并预览每一行的结果（不保存）',
          consumes: ['multipart/form-data'],
        },
      },
      async (request) => {
        const { content, fields } = await readUpload(request, MAX_TABLE_BYTES);
        const rows = accountRowsOf(content, { sheet: fields.sheet?.trim() || undefined, maxBytes: MAX_TABLE_BYTES });
        if (!rows.ok) throw new HttpError('bad_input', rows.message);
        const table = readAccountTable(rows.rows);
        if (!table.ok) throw new HttpError('no_header', table.message);
        const preview = await previewAccountImport(store.db, table.records);
        return { columns: table.columns, records: table.records, ...preview };
      },
    );

    app.post<{ Body: { accounts: AccountRecord[] } }>(
      '/accounts/import',
      {
        config: { access: ['admin'] },
        schema: {
          tags,
          summary: '按账号表开通账号（初始密码只在本次返回中出现）',
          body: object(
            {
              accounts: {
                type: 'array',
                maxItems: MAX_ACCOUNT_ROWS,
                items: object(
                  {
                    line: { type: 'integer', minimum: 1, maximum: 1000000 },
                    username: text(200),
                    displayName: text(200),
                    role: text(50),
                    unit: text(200),
                    leader: text(200),
                  },
                  ['line', 'username'],
                ),
              },
            },
            ['accounts'],
          ),
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const accounts = request.body.accounts.map((a) => ({
          line: a.line,
          username: a.username.trim(),
          displayName: (a.displayName ?? '').trim(),
          role: (a.role ?? '').trim(),
          unit: (a.unit ?? '').trim(),
          leader: (a.leader ?? '').trim(),
        }));
        return importAccounts(store.db, actorOf(callerOf(request)), accounts, hashPassword);
      },
    );
  };
}
