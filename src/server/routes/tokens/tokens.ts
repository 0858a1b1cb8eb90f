// /api/tokens: API tokens for machine clients. The secret is returned once, at creation.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../../store/db.js';
import { createToken, listTokens, revokeToken } from '../../../store/tokens.js';
import type { Role } from '../../../store/users.js';
import { actorOf } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { API_TOKEN_PREFIX, newSecret, sha256 } from '../../auth/tokens.js';
import { idParams } from '../common.js';
import { createBody, token } from './schema.js';

export function tokenRoutes(store: Store) {
  return async (app: FastifyInstance) => {
    const admin = { access: ['admin'] as const };
    app.get(
      '/tokens',
      {
        config: admin,
        schema: { tags: ['tokens'], summary: 'API 令牌列表', response: { 200: { type: 'array', items: token } } },
      },
      async () => listTokens(store.db),
    );

    app.post<{ Body: { name: string; role: Role; unitId?: number | null; leaderId?: number | null } }>(
      '/tokens',
      {
        config: admin,
        schema: {
          tags: ['tokens'],
          summary: '新建 API 令牌（只显示一次）',
          body: createBody,
          response: { 200: token },
        },
      },
      async (request) => {
        const secret = newSecret(API_TOKEN_PREFIX);
        const record = await createToken(store.db, actorOf(callerOf(request)), {
          ...request.body,
          tokenHash: sha256(secret),
        });
        return { ...record, token: secret };
      },
    );

    app.delete<{ Params: { id: number } }>(
      '/tokens/:id',
      {
        config: admin,
        schema: { tags: ['tokens'], summary: '吊销 API 令牌', params: idParams, response: { 200: token } },
      },
      async (request) => revokeToken(store.db, actorOf(callerOf(request)), request.params.id),
    );
  };
}
