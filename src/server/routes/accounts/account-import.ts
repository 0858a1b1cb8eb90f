// Accounts from a table (账号导入): the office uploads an .xlsx/.csv/.txt of accounts and sees what
// each row would become (POST /accounts/import/preview, nothing stored); confirming sends the rows
// back (POST /accounts/import) and every row still to be created is opened in one transaction. The
// generated passwords are in that answer only, never stored or logged in clear: not cacheable.
import type { FastifyInstance } from 'fastify';
import * as Accounts from '../../../domain/api/accounts.js';
import { accountRowsOf, readAccountTable } from '../../../parse/account-table.js';
import { importAccounts, previewAccountImport } from '../../../store/account-import.js';
import type { Store } from '../../../store/db.js';
import { actorOf } from '../../access.js';
import { hashPassword } from '../../auth/password.js';
import { callerOf } from '../../auth/plugin.js';
import { HttpError } from '../../errors.js';
import { readUpload } from '../reports/upload.js';
import { typed } from '../common.js';

/** An account table is a few hundred rows: 10 MB is generous. */
const MAX_TABLE_BYTES = 10 * 1024 * 1024;

export function accountImportRoutes(store: Store) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    app.post(
      '/accounts/import/preview',
      { config: { access: ['admin'] }, schema: Accounts.previewImport },
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

    app.post(
      '/accounts/import',
      { config: { access: ['admin'] }, schema: Accounts.confirmImport },
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
