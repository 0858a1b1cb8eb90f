// How one notification looks on the wire for each channel kind: a generic JSON webhook (signed
// with HMAC-SHA256 when a secret is set), a DingTalk group robot (markdown, optional 加签), and
// a WeCom group robot (markdown). Pure: the clock comes in as an argument.
import { createHmac } from 'node:crypto';
import type { Channel, NotificationMessage } from '../../store/notifications.js';

export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export function formatDelivery(
  channel: Pick<Channel, 'kind' | 'url' | 'secret'>,
  message: NotificationMessage,
  nowMs: number,
): OutgoingRequest {
  const json = { 'content-type': 'application/json; charset=utf-8' };
  switch (channel.kind) {
    case 'dingtalk': {
      const body = JSON.stringify({
        msgtype: 'markdown',
        markdown: { title: message.title, text: `### ${message.title}\n\n${message.text}` },
      });
      let url = channel.url;
      if (channel.secret) {
        // DingTalk 加签: timestamp + "\n" + secret, HMAC-SHA256 with the secret, base64, URL-encoded.
        const sign = createHmac('sha256', channel.secret).update(`${nowMs}\n${channel.secret}`).digest('base64');
        url += `${url.includes('?') ? '&' : '?'}timestamp=${nowMs}&sign=${encodeURIComponent(sign)}`;
      }
      return { url, headers: json, body };
    }
    case 'wecom':
      return {
        url: channel.url,
        headers: json,
        body: JSON.stringify({ msgtype: 'markdown', markdown: { content: `**${message.title}**\n${message.text}` } }),
      };
    case 'webhook':
    default: {
      const body = JSON.stringify({
        event: message.event,
        title: message.title,
        text: message.text,
        data: message.data,
        at: message.at,
      });
      const headers: Record<string, string> = { ...json, 'x-duban-event': message.event };
      if (channel.secret)
        headers['x-duban-signature'] = `sha256=${createHmac('sha256', channel.secret).update(body).digest('hex')}`;
      return { url: channel.url, headers, body };
    }
  }
}

/** DingTalk and WeCom answer HTTP 200 with `errcode` ≠ 0 on failure; that is a failure too. */
export function robotAccepted(
  kind: Channel['kind'],
  status: number,
  responseText: string,
): { ok: boolean; error?: string } {
  if (status < 200 || status >= 300) return { ok: false, error: `HTTP ${status}: ${responseText.slice(0, 200)}` };
  if (kind === 'webhook') return { ok: true };
  try {
    const body = JSON.parse(responseText) as { errcode?: number; errmsg?: string };
    if (body.errcode != null && body.errcode !== 0)
      return { ok: false, error: `errcode ${body.errcode}: ${body.errmsg ?? ''}` };
  } catch {
    // Some proxies answer with an empty body; a 2xx without an errcode counts as accepted.
  }
  return { ok: true };
}
