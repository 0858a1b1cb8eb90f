// How long a client may take to send a request. Without limits, clients that send one byte every
// few seconds hold connections forever (320 slow login bodies made the server unreachable).
// Node's server enforces the header deadline, the keep-alive idle time, the socket idle time and
// an outer bound on the whole request; the body deadline is ours, per route: an ordinary API body
// must arrive within `bodyMs` (answered 408 `request_timeout`, connection closed), an upload (a
// route that consumes multipart/form-data) within `uploadMs`.
import type { Server } from 'node:http';
import { Socket } from 'node:net';
import { PassThrough, type Readable } from 'node:stream';
import type { FastifyHttpOptions, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

export interface TimeoutPolicy {
  /** All request headers must arrive within this (slowloris). */
  headersMs: number;
  /** A JSON or form body of an ordinary route must arrive within this, counted from the request's start. */
  bodyMs: number;
  /** An upload (import table, evidence file) must arrive within this. Also Node's outer bound on any request. */
  uploadMs: number;
  /** An idle keep-alive connection is closed after this; keep it above the reverse proxy's upstream keep-alive. */
  keepAliveMs: number;
  /** A socket with no traffic at all for this long is closed (must outlast the slowest answer, a queued PDF). */
  idleMs: number;
  /** How often Node checks the header and request deadlines. */
  checkIntervalMs: number;
}

export const DEFAULT_TIMEOUTS: TimeoutPolicy = {
  headersMs: 20_000,
  bodyMs: 30_000,
  uploadMs: 300_000,
  keepAliveMs: 65_000,
  idleMs: 600_000,
  checkIntervalMs: 5_000,
};

/** The Fastify constructor options that set Node's own deadlines. */
export function serverTimeoutOptions(
  t: TimeoutPolicy,
): Pick<FastifyHttpOptions<Server>, 'requestTimeout' | 'connectionTimeout' | 'keepAliveTimeout' | 'http'> {
  return {
    // Node's request deadline is one for the whole server: the longest one (uploads), plus slack so
    // that our per-route deadline answers first with a readable 408.
    requestTimeout: t.uploadMs + Math.max(t.checkIntervalMs, 1000),
    connectionTimeout: t.idleMs,
    keepAliveTimeout: t.keepAliveMs,
    http: { headersTimeout: t.headersMs, connectionsCheckingInterval: t.checkIntervalMs },
  };
}

const isUploadRoute = (request: FastifyRequest): boolean => {
  const consumes = (request.routeOptions.schema as { consumes?: string[] } | undefined)?.consumes;
  return Array.isArray(consumes) && consumes.includes('multipart/form-data');
};

const hasBody = (request: FastifyRequest): boolean =>
  request.headers['transfer-encoding'] !== undefined ||
  (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0');

const deadlineStream = new WeakMap<FastifyRequest, PassThrough>();

function onDeadline(request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw;
  if (raw.complete) return;
  const stream = deadlineStream.get(request);
  if (!reply.sent && stream) {
    // The body parser reads through our stream: failing it answers 408 through the error handler.
    reply.header('connection', 'close');
    stream.destroy(new HttpError('request_timeout', '请求内容发送超时，连接已关闭，请检查网络后重试'));
    return;
  }
  // Answered already (the rest of the body was being discarded) or read by an upload parser: hang up.
  raw.socket?.destroy();
}

/** Installs the per-route body deadline. Register before any hook that may answer early (auth). */
export function installBodyDeadline(app: FastifyInstance, t: TimeoutPolicy): void {
  app.addHook('onRequest', async (request, reply) => {
    // Only a network client can be slow; an injected request (tests, app.inject) has no socket.
    if (!hasBody(request) || !(request.raw.socket instanceof Socket)) return;
    const timer = setTimeout(() => onDeadline(request, reply), isUploadRoute(request) ? t.uploadMs : t.bodyMs);
    timer.unref();
    // A keep-alive socket carries many requests: each one's listener must go when it is done,
    // or they pile up on the socket (a leak, and Node's MaxListenersExceededWarning).
    const socket = request.raw.socket;
    const clear = () => {
      clearTimeout(timer);
      socket.off('close', clear);
    };
    request.raw.once('end', clear);
    socket.once('close', clear);
  });
  app.addHook('preParsing', async (request, _reply, payload: Readable) => {
    if (isUploadRoute(request)) return payload;
    const stream = new PassThrough();
    payload.on('error', (err) => stream.destroy(err));
    payload.pipe(stream);
    deadlineStream.set(request, stream);
    return stream;
  });
}
