// /api/tokens: API tokens for machine clients. The secret is returned once, at creation.
// Request and answer shapes: src/domain/api/tokens.ts.
import type { FastifyInstance } from 'fastify';
import * as Tokens from '../../../domain/api/tokens.js';
import type { Store } from '../../../store/db.js';
import { createToken, listTokens, revokeToken } from '../../../store/tokens.js';
import { actorOf } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { API_TOKEN_PREFIX, newSecret, sha256 } from '../../auth/tokens.js';
import { typed } from '../common.js';

export function tokenRoutes(store: Store) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const admin = { access: ['admin'] as const };
    app.get('/tokens', { config: admin, schema: Tokens.list }, async () => listTokens(store.db));

    app.post('/tokens', { config: admin, schema: Tokens.create }, async (request) => {
      const secret = newSecret(API_TOKEN_PREFIX);
      const record = await createToken(store.db, actorOf(callerOf(request)), {
        ...request.body,
        tokenHash: sha256(secret),
      });
      return { ...record, token: secret };
    });

    app.delete('/tokens/:id', { config: admin, schema: Tokens.revoke }, async (request) =>
      revokeToken(store.db, actorOf(callerOf(request)), request.params.id),
    );
  };
}
