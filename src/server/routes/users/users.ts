// /api/users: accounts, managed by admins. Nobody changes their own role or disables themselves,
// so an office cannot lock itself out by accident and a role cannot be raised from inside.
import type { FastifyInstance } from 'fastify';
import * as Users from '../../../domain/api/users.js';
import type { Store } from '../../../store/db.js';
import { DEFAULT_BACKOFF, type BackoffPolicy } from '../../../store/sessions.js';
import { createUser, listUsers, lockedUserIds, unlockUser, updateUser } from '../../../store/users.js';
import { actorOf } from '../../access.js';
import { hashPassword } from '../../auth/password.js';
import { callerOf } from '../../auth/plugin.js';
import { HttpError } from '../../errors.js';
import { typed } from '../common.js';

export function userRoutes(store: Store, backoff: BackoffPolicy = DEFAULT_BACKOFF) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const admin = { access: ['admin'] as const };
    app.get('/users', { config: admin, schema: Users.list }, async () => {
      const locked = await lockedUserIds(store.db, backoff, Date.now());
      return (await listUsers(store.db)).map((u) => ({ ...u, locked: locked.has(u.id) }));
    });

    app.post('/users/:id/unlock', { config: admin, schema: Users.unlock }, async (request) => ({
      unlocked: await unlockUser(store.db, actorOf(callerOf(request)), request.params.id),
    }));

    app.post('/users', { config: admin, schema: Users.create }, async (request) => {
      const { password, ...rest } = request.body;
      return createUser(store.db, actorOf(callerOf(request)), {
        ...rest,
        passwordHash: await hashPassword(password),
      });
    });

    app.patch('/users/:id', { config: admin, schema: Users.update }, async (request) => {
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
    });
  };
}
