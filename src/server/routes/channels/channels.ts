// /api/channels and /api/deliveries: notification channels (webhook, DingTalk, WeCom robots) and
// the delivery log. Admin only; secrets are write-only.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../../store/db.js';
import {
  NOTIFICATION_EVENTS,
  createChannel,
  deleteChannel,
  listChannels,
  listDeliveries,
  publicChannel,
  updateChannel,
  type ChannelInput,
} from '../../../store/notifications.js';
import { actorOf } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { idParams, object } from '../common.js';

const fields = {
  name: { type: 'string', minLength: 1, maxLength: 100 },
  kind: { type: 'string', enum: ['webhook', 'dingtalk', 'wecom'] },
  url: { type: 'string', minLength: 8, maxLength: 1000 },
  secret: { type: ['string', 'null'], maxLength: 200 },
  events: { type: 'array', items: { type: 'string', enum: [...NOTIFICATION_EVENTS] }, uniqueItems: true },
  enabled: { type: 'boolean' },
};

export function channelRoutes(store: Store) {
  return async (app: FastifyInstance) => {
    const config = { access: ['admin'] as const };
    const tags = ['notifications'];
    app.get('/channels', { config, schema: { tags, summary: '通知渠道' } }, async () =>
      (await listChannels(store.db)).map(publicChannel),
    );
    app.post<{ Body: ChannelInput }>(
      '/channels',
      { config, schema: { tags, summary: '新增通知渠道', body: object(fields, ['name', 'kind', 'url', 'events']) } },
      async (request) => publicChannel(await createChannel(store.db, actorOf(callerOf(request)), request.body)),
    );
    app.patch<{ Params: { id: number }; Body: Partial<ChannelInput> }>(
      '/channels/:id',
      { config, schema: { tags, summary: '修改通知渠道', params: idParams, body: object(fields) } },
      async (request) =>
        publicChannel(await updateChannel(store.db, actorOf(callerOf(request)), request.params.id, request.body)),
    );
    app.delete<{ Params: { id: number } }>(
      '/channels/:id',
      { config, schema: { tags, summary: '删除通知渠道', params: idParams } },
      async (request) => {
        await deleteChannel(store.db, actorOf(callerOf(request)), request.params.id);
        return { ok: true };
      },
    );
    app.get<{ Querystring: { channelId?: number } }>(
      '/deliveries',
      {
        config,
        schema: { tags, summary: '投递记录', querystring: object({ channelId: { type: 'integer', minimum: 1 } }) },
      },
      async (request) => listDeliveries(store.db, request.query),
    );
  };
}
