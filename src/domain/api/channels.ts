// /api/channels and /api/deliveries: notification channels (admin) and the log of what was sent.
import { Type, type Static } from '@sinclair/typebox';
import { CHANNEL_KINDS, DELIVERY_STATES, NOTIFICATION_EVENTS } from '../notifications.js';
import { Answers, Dictionary, IdParams, Nullable, Ok, StringEnum, Strict } from './shared.js';

const tags = ['notifications'];

export const ChannelKind = StringEnum(CHANNEL_KINDS);
export const NotificationEvent = StringEnum(NOTIFICATION_EVENTS);

/** A channel as answered: the secret is write-only, `hasSecret` says whether one is set. */
export const Channel = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: ChannelKind,
  url: Type.String(),
  events: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  hasSecret: Type.Boolean(),
  createdAt: Type.String(),
});
export type Channel = Static<typeof Channel>;

export const Delivery = Type.Object({
  id: Type.Integer(),
  channelId: Type.Integer(),
  event: Type.String(),
  /** The message as queued: the words for a group chat and the data for a machine. */
  payload: Type.Object({
    event: Type.String(),
    title: Type.String(),
    text: Type.String(),
    data: Dictionary(Type.Unknown()),
    at: Type.String(),
  }),
  state: StringEnum(DELIVERY_STATES),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  nextAttemptAt: Nullable(Type.String()),
  createdAt: Type.String(),
  deliveredAt: Nullable(Type.String()),
});
export type Delivery = Static<typeof Delivery>;

const fields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  kind: ChannelKind,
  url: Type.String({ minLength: 8, maxLength: 1000 }),
  /** Omitted: keep the stored secret; null: remove it. */
  secret: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  events: Type.Array(NotificationEvent, { uniqueItems: true }),
  enabled: Type.Optional(Type.Boolean()),
};

export const ChannelInput = Strict(fields);
export type ChannelInput = Static<typeof ChannelInput>;
export const ChannelPatch = Type.Partial(ChannelInput, { additionalProperties: false });
export type ChannelPatch = Static<typeof ChannelPatch>;

export const list = { tags, summary: '通知渠道', response: Answers(Type.Array(Channel)) };
export const create = { tags, summary: '新增通知渠道', body: ChannelInput, response: Answers(Channel) };
export const update = {
  tags,
  summary: '修改通知渠道',
  params: IdParams,
  body: ChannelPatch,
  response: Answers(Channel),
};
export const remove = { tags, summary: '删除通知渠道', params: IdParams, response: Answers(Ok) };
export const deliveries = {
  tags,
  summary: '投递记录',
  querystring: Strict({ channelId: Type.Optional(Type.Integer({ minimum: 1 })) }),
  response: Answers(Type.Array(Delivery)),
};
