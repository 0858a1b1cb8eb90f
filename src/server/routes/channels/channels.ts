// /api/channels and /api/deliveries: notification channels (webhook, DingTalk, WeCom robots) and
// the delivery log. Admin only; secrets are write-only.
import type { FastifyInstance } from 'fastify';
import * as Channels from '../../../domain/api/channels.js';
import type { Store } from '../../../store/db.js';
import {
  createChannel,
  deleteChannel,
  listChannels,
  listDeliveries,
  publicChannel,
  updateChannel,
} from '../../../store/notifications.js';
import { actorOf } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { typed } from '../common.js';

export function channelRoutes(store: Store) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const config = { access: ['admin'] as const };
    app.get('/channels', { config, schema: Channels.list }, async () =>
      (await listChannels(store.db)).map(publicChannel),
    );
    app.post('/channels', { config, schema: Channels.create }, async (request) =>
      publicChannel(await createChannel(store.db, actorOf(callerOf(request)), request.body)),
    );
    app.patch('/channels/:id', { config, schema: Channels.update }, async (request) =>
      publicChannel(await updateChannel(store.db, actorOf(callerOf(request)), request.params.id, request.body)),
    );
    app.delete('/channels/:id', { config, schema: Channels.remove }, async (request) => {
      await deleteChannel(store.db, actorOf(callerOf(request)), request.params.id);
      return { ok: true };
    });
    app.get('/deliveries', { config, schema: Channels.deliveries }, async (request) =>
      listDeliveries(store.db, request.query),
    );
  };
}
