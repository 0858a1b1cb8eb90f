// Answers repeated reads (the dashboard, the trend, the task list) from memory while the database
// has not changed. Many people open the same dashboard in the same hour, and a unit's list does not
// change between two of its saves; recomputing them is most of what the server does under load.
//
// Nothing stale is ever served: every request still asks the database for its data version (one
// cheap query, see StoreDialect.dataVersion), and an entry is used only when it was stored under that
// same version. A write anywhere, by this process or another one on the same database, changes the
// version, so several processes behind a load balancer stay exact without telling each other.
// Entries are keyed by what decides the answer: the URL, the caller's role and scope, and the day
// (lights depend on whether a due date has passed). Routes opt in with `config: { readCache: true }`.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/db.js';
import { dataVersionOf } from './data-version.js';
import { VersionedCache } from './versioned-cache.js';

declare module 'fastify' {
  interface FastifyRequest {
    readCacheSlot: { key: string; version: string } | null;
  }
  interface FastifyContextConfig {
    /** GET routes whose answer depends only on the URL, the caller's scope, the day and the data. */
    readCache?: boolean;
  }
}

export interface ReadCacheOptions {
  /** Off: every request is computed (the benchmark measures both). Default on. */
  enabled: boolean;
  /** Most entries kept; the least recently used go first. */
  maxEntries: number;
  /** Most bytes of answers kept. */
  maxBytes: number;
}

export const DEFAULT_READ_CACHE: ReadCacheOptions = { enabled: true, maxEntries: 2000, maxBytes: 64 * 1024 * 1024 };

interface Answer {
  payload: string;
  contentType: string;
}

export function installReadCache(app: FastifyInstance, store: Store, options: ReadCacheOptions): void {
  if (!options.enabled) return;
  // An answer weighs its UTF-16 bytes in memory; no single one may take more than a quarter.
  const cache = new VersionedCache<Answer>({ ...options, weigh: (a) => a.payload.length * 2 });
  app.decorateRequest('readCacheSlot', null);

  // After authentication (onRequest) and validation: only a valid, permitted request gets here.
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET' || !request.routeOptions.config?.readCache || !request.caller) return;
    const c = request.caller;
    const today = new Date().toISOString().slice(0, 10);
    const key = `${c.role}|${c.unitId ?? ''}|${c.leaderId ?? ''}|${today}|${request.url}`;
    const version = await dataVersionOf(request, store);
    const hit = cache.get(key, version);
    if (hit) {
      reply.header('x-duban-cache', 'hit').type(hit.contentType);
      return reply.send(hit.payload);
    }
    request.readCacheSlot = { key, version };
    reply.header('x-duban-cache', 'miss');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const slot = request.readCacheSlot;
    if (slot && reply.statusCode === 200 && typeof payload === 'string') {
      const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
      cache.set(slot.key, slot.version, { payload, contentType });
    }
    return payload;
  });
}
