// Notification events and channel kinds: what a channel subscribes to and how it is sent. Written
// once here; the store's outbox, the API contract and the web app's forms import them.

export const NOTIFICATION_EVENTS = [
  'reminder',
  'report.submitted',
  'report.returned',
  'report.approved',
  'extension.requested',
  'extension.decided',
  'supervision',
  'instruction',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const CHANNEL_KINDS = ['webhook', 'dingtalk', 'wecom'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
