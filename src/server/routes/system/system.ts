// /api/health (no login: load balancers probe it) and /api/audit (admins read the audit log).
import type { FastifyInstance } from 'fastify';
import * as System from '../../../domain/api/system.js';
import { listAudit } from '../../../store/audit.js';
import type { Store } from '../../../store/db.js';
import { HttpError } from '../../errors.js';
import { typed } from '../common.js';

export function systemRoutes(store: Store) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    app.get('/health', { config: { access: 'public' }, schema: System.health }, async () => {
      try {
        await store.db.selectFrom('settings').select('key').limit(1).execute();
      } catch {
        throw new HttpError('db_unavailable', '数据库暂时不可用');
      }
      return { ok: true, db: store.dialect.name };
    });

    app.get('/audit', { config: { access: ['admin'] }, schema: System.audit }, async (request) => {
      const result = await listAudit(store.db, request.query);
      return { ...result, page: request.query.page ?? 1, pageSize: request.query.pageSize ?? 20 };
    });
  };
}
