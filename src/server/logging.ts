// Structured logs: one JSON object per line (Fastify's pino) with an ISO time, the level as a word,
// and the request id on every line a request writes. A request id sent by a proxy in X-Request-Id is
// kept when it looks like one (so one id follows a request through the proxy's log and ours) and
// echoed in the answer; otherwise one is made.
//
// What is never logged: request and response bodies (passwords, report texts), headers (cookies,
// bearer tokens), query strings (search words, names), and the detail of database errors (PostgreSQL
// puts a whole failing row, report text included, in `detail`). A request is logged as method,
// path, matched route and address; an error as its type, code and first line.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { LogLevel } from '../config/index.js';

const GOOD_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The request's id: the proxy's X-Request-Id when it is a plain token, else a new UUID. */
export function requestIdOf(raw: IncomingMessage): string {
  const sent = raw.headers['x-request-id'];
  return typeof sent === 'string' && GOOD_ID.test(sent) ? sent : randomUUID();
}

/** Answers every request with its id, so a user's report of a failure can be found in the log. */
export function echoRequestIds(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
}

interface LoggedError {
  type: string;
  code?: string;
  message: string;
  stack?: string;
}

function serializeError(err: Error & { code?: unknown }): LoggedError {
  const firstLine = String(err.message ?? '')
    .split('\n')[0]
    .slice(0, 300);
  return {
    type: err.name ?? 'Error',
    ...(typeof err.code === 'string' ? { code: err.code } : {}),
    message: firstLine,
    // The stack names our files and lines, not data; it stays in the log, never in an answer.
    ...(err.stack ? { stack: err.stack.split('\n').slice(1, 8).join('\n') } : {}),
  };
}

function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    path: request.url.split('?')[0],
    route: request.routeOptions?.url ?? null,
    remoteAddress: request.ip,
  };
}

export interface LoggerOptions {
  level: LogLevel;
  /** Where the lines go (tests); default stdout. */
  stream?: { write(line: string): void };
}

/** Fastify's `logger` option for `duban serve`. */
export function loggerOptions(options: LoggerOptions) {
  return {
    level: options.level,
    base: { service: 'duban', pid: process.pid },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label: string) => ({ level: label }) },
    serializers: {
      req: serializeRequest,
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: serializeError,
    },
    // Belt and braces: should anyone log a request's headers or body, these paths are blanked.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'headers.cookie',
        'body',
        'req.body',
        'password',
        '*.password',
      ],
      censor: '[hidden]',
    },
    ...(options.stream ? { stream: options.stream } : {}),
  };
}
