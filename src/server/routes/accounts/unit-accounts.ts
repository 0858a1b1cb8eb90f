// POST /accounts/units: the office opens one 填报员 account per unit in one go (all units without
// one, or the units listed). The generated passwords are in this answer only, never stored or
// logged in clear, so the answer is not cacheable.
import type { FastifyInstance } from 'fastify';
import * as Accounts from '../../../domain/api/accounts.js';
import type { Store } from '../../../store/db.js';
import { createUnitAccounts } from '../../../store/unit-accounts.js';
import { actorOf } from '../../access.js';
import { hashPassword } from '../../auth/password.js';
import { callerOf } from '../../auth/plugin.js';
import { typed } from '../common.js';

export function unitAccountRoutes(store: Store) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    app.post(
      '/accounts/units',
      { config: { access: ['admin'] }, schema: Accounts.unitAccounts },
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
