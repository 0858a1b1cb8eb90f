// /api/health (no login: load balancers probe it) and /api/audit (admins read the audit log).
import type { FastifyInstance } from 'fastify';
import { listAudit, type AuditQuery } from '../../../store/audit.js';
import type { Store } from '../../../store/db.js';
import { HttpError } from '../../errors.js';
import { object, paging } from '../common.js';

const auditQuery = object({
  entity: { type: 'string', maxLength: 50 },
  entityId: { type: 'string', maxLength: 50 },
  actorId: { type: 'integer', minimum: 1 },
  action: { type: 'string', maxLength: 50 },
  from: { type: 'string', maxLength: 40 },
  to: { type: 'string', maxLength: 40 },
  ...paging,
});

export function systemRoutes(store: Store) {
  return async (app: FastifyInstance) => {
    app.get(
      '/health',
      { config: { access: 'public' }, schema: { tags: ['system'], summary: '健康检查' } },
      async () => {
        try {
          await store.db.selectFrom('settings').select('key').limit(1).execute();
        } catch {
          throw new HttpError('db_unavailable', '数据库暂时不可用');
        }
        return { ok: true, db: store.dialect.name };
      },
    );

    app.get<{ Querystring: AuditQuery }>(
      '/audit',
      { config: { access: ['admin'] }, schema: { tags: ['admin'], summary: '审计日志', querystring: auditQuery } },
      async (request) => {
        const result = await listAudit(store.db, request.query);
        return { ...result, page: request.query.page ?? 1, pageSize: request.query.pageSize ?? 20 };
      },
    );
  };
}
