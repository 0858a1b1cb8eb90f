// POST /accounts/units: the office opens one 填报员 account per unit in one go (all units without
// one, or the units listed). The generated passwords are in this answer only, never stored or
// logged in clear, so the answer is not cacheable.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../../store/db.js';
import { createUnitAccounts } from '../../../store/unit-accounts.js';
import { actorOf } from '../../access.js';
import { hashPassword } from '../../auth/password.js';
import { callerOf } from '../../auth/plugin.js';
import { object } from '../common.js';

export function unitAccountRoutes(store: Store) {
  return async (app: FastifyInstance) => {
    app.post<{ Body: { unitIds?: number[] } }>(
      '/accounts/units',
      {
        config: { access: ['admin'] },
        schema: {
          tags: ['users'],
          summary: '批量开通单位填报账号（初始密码只在本次返回中出现）',
          body: object({
            unitIds: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 2147483647 }, maxItems: 5000 },
          }),
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return createUnitAccounts(store.db, actorOf(callerOf(request)), {
          unitIds: request.body?.unitIds,
          hash: hashPassword,
        });
      },
    );
  };
}
