// Builds the Fastify instance from a Store: security headers, cookies, uploads, OpenAPI, the API
// routes under /api and the web app at /. Nothing listens here (tests use app.inject; `duban serve`
// listens), and nothing is kept in memory between requests: sessions, back-off counters and
// deliveries live in the database, so several processes on one database behave as one.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Store } from '../store/db.js';
import { DEFAULT_BACKOFF, type BackoffPolicy } from '../store/sessions.js';
import {
  DEFAULT_SESSION_POLICY,
  assertEveryRouteDeclaresAccess,
  installAuth,
  markRoutesPublic,
  type SessionPolicy,
} from './auth/plugin.js';
import { looksLikeApiPath } from './api-path.js';
import { answerClientError } from './client-errors.js';
import { errorHandler } from './errors.js';
import { installValidation } from './validation.js';
import { installDataVersion } from './data-version.js';
import { installOperations, type OperationsOptions } from './health/index.js';
import { requestIdOf } from './logging.js';
import { DEFAULT_READ_CACHE, installReadCache, type ReadCacheOptions } from './read-cache.js';
import { registerApiRoutes } from './routes/index.js';
import type { PdfExportOptions } from './routes/publish/pdf.js';
import { createOidcClient, type OidcOptions } from './auth/oidc.js';
import { DEFAULT_TIMEOUTS, installBodyDeadline, serverTimeoutOptions, type TimeoutPolicy } from './timeouts.js';
import { fastifyTrustProxy, type TrustProxy } from './trust-proxy.js';

export interface AppOptions {
  /** Fastify logger option; off by default (tests), `duban serve` turns it on. */
  logger?: boolean | object;
  /**
   * The reverse proxy whose X-Forwarded-* headers are believed (then `Secure` cookies follow the
   * client's https): its address/subnet or a hop count (trust-proxy.ts), never every address.
   */
  trustProxy?: TrustProxy;
  /** Largest JSON body, bytes (default 1 MiB). Uploads have their own limits. */
  bodyLimit?: number;
  /** Largest import upload, bytes (default 50 MiB). */
  importLimit?: number;
  /** Import previews parsed at once in this process (default 2; each worker may take 1.5 GB). */
  maxParallelPreviews?: number;
  /** Built web app (index.html and assets); default web/dist of the package. null: plain page. */
  webRoot?: string | null;
  session?: Partial<SessionPolicy>;
  backoff?: Partial<BackoffPolicy>;
  /** Local passwords (default on) and single sign-on through an OpenID Connect platform (default off). */
  signIn?: { passwordLogin?: boolean; oidc?: OidcOptions | null };
  /**
   * Answers of the dashboard and task list, and sessions, kept in memory while the data is unchanged
   * (read-cache.ts); `{ enabled: false }` computes and looks up everything on every request.
   */
  readCache?: Partial<ReadCacheOptions>;
  /** PDF export: the printer (Chromium; tests inject a fake) and its queue's limits (export-queue.ts). */
  pdf?: PdfExportOptions;
  /** Header, body, upload, keep-alive and idle deadlines (timeouts.ts); tests make them short. */
  timeouts?: Partial<TimeoutPolicy>;
  /** /healthz, /readyz, /metrics (src/server/health): the metrics token, the shutting-down flag. */
  operations?: OperationsOptions;
}

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

const PLAIN_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>督办 duban</title></head>
<body><h1>督办 duban</h1><p>服务已启动。网页端尚未构建（<code>npm run build:web</code>）；API 文档见 <a href="/api/docs">/api/docs</a>。</p></body></html>`;

export async function buildApp(store: Store, options: AppOptions = {}): Promise<FastifyInstance> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Errors answered before routing (Node's parser: 431, 408, 400; Fastify's router: bad URL
    // encoding, over-long params) leave in the API's error shape like all others.
    clientErrorHandler: answerClientError,
    frameworkErrors: (err, request, reply) => errorHandler(err, request as FastifyRequest, reply as FastifyReply),
    return503OnClosing: true,
    // Request ids: a proxy's X-Request-Id when it is a plain token, else a UUID (logging.ts).
    genReqId: requestIdOf,
    // Header, body, keep-alive and idle deadlines (timeouts.ts): slow clients cannot hold connections.
    ...serverTimeoutOptions(timeouts),
  });
  app.setErrorHandler(errorHandler);
  // Unknown body fields are refused, bodies are not type-coerced, numbers in URLs are decimal (validation.ts).
  installValidation(app);
  // First of all hooks, so a body is timed even when auth answers before reading it.
  installBodyDeadline(app, timeouts);
  // Before any route exists: every route registered from here on must say who may call it.
  assertEveryRouteDeclaresAccess(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // antd injects its CSS-in-JS styles at run time
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    hsts: false, // only meaningful behind TLS; a proxy terminating TLS sets it
  });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: options.importLimit ?? 50 * 1024 * 1024,
      files: 1,
      fields: 10,
      fieldSize: 64 * 1024,
      parts: 12,
    },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'duban 督办 API',
        version: '0.1.0',
        description: 'See docs/API.md. Cookie session + x-csrf-token, or Bearer API token.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'duban_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await app.register(async (docs) => {
    markRoutesPublic(docs); // the OpenAPI document and its UI
    await docs.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });

  const readCache = { ...DEFAULT_READ_CACHE, ...options.readCache };
  installDataVersion(app);
  installAuth(app, store, { ...DEFAULT_SESSION_POLICY, ...options.session }, { cacheSessions: readCache.enabled });
  installReadCache(app, store, readCache);
  installOperations(app, store, options.operations);
  await app.register(
    async (api) =>
      registerApiRoutes(api, store, {
        backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
        session: { ...DEFAULT_SESSION_POLICY, ...options.session },
        maxImportBytes: options.importLimit ?? 50 * 1024 * 1024,
        maxParallelPreviews: options.maxParallelPreviews ?? 2,
        passwordLogin: options.signIn?.passwordLogin ?? true,
        oidc: options.signIn?.oidc ? createOidcClient(options.signIn.oidc) : null,
        pdf: options.pdf,
      }),
    { prefix: '/api' },
  );

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const hasWeb = webRoot !== null && existsSync(`${webRoot}/index.html`);
  // The web app's files and its page for every other GET are public; they carry no data.
  await app.register(async (web) => {
    markRoutesPublic(web);
    if (hasWeb)
      await web.register(fastifyStatic, {
        root: webRoot!,
        wildcard: false,
        index: ['index.html'],
        // Vite names every asset by its content hash: a browser may keep it for good and never ask
        // again. index.html names the current assets, so it is always revalidated.
        cacheControl: false,
        // The build writes .br and .gz copies of its text files (web/precompress.ts).
        preCompressed: true,
        setHeaders: (res, path) =>
          res.header(
            'cache-control',
            /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
          ),
      });

    web.setNotFoundHandler((request, reply) => {
      // However the path is spelled (`/%61pi/…`, `//api/…`, `/api/./…`), an API path gets the API's 404.
      if (looksLikeApiPath(request.url) || request.method !== 'GET') {
        reply.code(404).send({
          error: { code: 'not_found', message: `没有这个接口：${request.method} ${request.url.split('?')[0]}` },
        });
        return;
      }
      // The web app routes on the client: every other GET is answered with its page.
      if (hasWeb) return reply.type('text/html').sendFile('index.html');
      reply.type('text/html; charset=utf-8').send(PLAIN_PAGE);
    });
  });

  return app;
}
