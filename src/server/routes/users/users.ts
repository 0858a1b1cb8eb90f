// /api/users: accounts, managed by admins. Nobody changes their own role or disables themselves,
// so an office cannot lock itself out by accident and a role cannot be raised from inside.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../../store/db.js';
import { DEFAULT_BACKOFF, type BackoffPolicy } from '../../../store/sessions.js';
import { createUser, listUsers, lockedUserIds, unlockUser, updateUser, type Role } from '../../../store/users.js';
import { actorOf } from '../../access.js';
import { hashPassword } from '../../auth/password.js';
import { callerOf } from '../../auth/plugin.js';
import { HttpError } from '../../errors.js';
import { idParams } from '../common.js';
import { createBody, patchBody, user } from './schema.js';

interface CreateBody {
  username: string;
  displayName?: string;
  role: Role;
  unitId?: number | null;
  leaderId?: number | null;
  password: string;
}
type PatchBody = Partial<Omit<CreateBody, 'username'>> & { disabled?: boolean };

export function userRoutes(store: Store, backoff: BackoffPolicy = DEFAULT_BACKOFF) {
  return async (app: FastifyInstance) => {
    const admin = { access: ['admin'] as const };
    app.get(
      '/users',
      {
        config: admin,
        schema: { tags: ['users'], summary: '账号列表', response: { 200: { type: 'array', items: user } } },
      },
      async () => {
        const locked = await lockedUserIds(store.db, backoff, Date.now());
        return (await listUsers(store.db)).map((u) => ({ ...u, locked: locked.has(u.id) }));
      },
    );

    app.post<{ Params: { id: number } }>(
      '/users/:id/unlock',
      {
        config: admin,
        schema: {
          tags: ['users'],
          summary: '解除登录锁定（连续输错密码后）',
          params: idParams,
          response: { 200: { type: 'object', properties: { unlocked: { type: 'boolean' } } } },
        },
      },
      async (request) => ({ unlocked: await unlockUser(store.db, actorOf(callerOf(request)), request.params.id) }),
    );

    app.post<{ Body: CreateBody }>(
      '/users',
      { config: admin, schema: { tags: ['users'], summary: '新建账号', body: createBody, response: { 200: user } } },
      async (request) => {
        const { password, ...rest } = request.body;
        return createUser(store.db, actorOf(callerOf(request)), {
          ...rest,
          passwordHash: await hashPassword(password),
        });
      },
    );

    app.patch<{ Params: { id: number }; Body: PatchBody }>(
      '/users/:id',
      {
        config: admin,
        schema: { tags: ['users'], summary: '修改账号', params: idParams, body: patchBody, response: { 200: user } },
      },
      async (request) => {
        const caller = callerOf(request);
        const { password, ...patch } = request.body;
        if (caller.userId === request.params.id) {
          if (patch.role !== undefined && patch.role !== caller.role)
            throw new HttpError('forbidden', '不能修改自己的角色');
          if (patch.disabled) throw new HttpError('forbidden', '不能停用自己的账号');
          if (patch.unitId !== undefined || patch.leaderId !== undefined)
            throw new HttpError('forbidden', '不能修改自己的所属单位或领导');
        }
        return updateUser(store.db, actorOf(caller), request.params.id, {
          ...patch,
          ...(password ? { passwordHash: await hashPassword(password) } : {}),
        });
      },
    );
  };
}
