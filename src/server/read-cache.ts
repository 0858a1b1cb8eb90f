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
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/db.js';
import { dataVersionOf } from './data-version.js';
import { VersionedCache } from './versioned-cache.js';

declare module 'fastify' {
  interface FastifyRequest {
    readCacheSlot: { key: string; version: string; settle(answer: Answer | null): void } | null;
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

/** A computation under way for one key and version; requests that miss meanwhile wait for it. */
interface InFlight {
  version: string;
  answer: Promise<Answer | null>;
}

export function installReadCache(app: FastifyInstance, store: Store, options: ReadCacheOptions): void {
  if (!options.enabled) return;
  // An answer weighs its UTF-16 bytes in memory; no single one may take more than a quarter.
  const cache = new VersionedCache<Answer>({ ...options, weigh: (a) => a.payload.length * 2 });
  // Right after a write, every request in flight misses at once; without this they would all compute
  // the same answer side by side (measured: p99 over 100 ms on PostgreSQL with a save every 50 ms).
  const inFlight = new Map<string, InFlight>();
  app.decorateRequest('readCacheSlot', null);

  const send = (reply: FastifyReply, answer: Answer) =>
    reply.header('x-duban-cache', 'hit').type(answer.contentType).send(answer.payload);

  // After authentication (onRequest) and validation: only a valid, permitted request gets here.
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET' || !request.routeOptions.config?.readCache || !request.caller) return;
    const c = request.caller;
    const today = new Date().toISOString().slice(0, 10);
    const key = `${c.role}|${c.unitId ?? ''}|${c.leaderId ?? ''}|${today}|${request.url}`;
    const version = await dataVersionOf(request, store);
    const hit = cache.get(key, version);
    if (hit) return send(reply, hit);
    const pending = inFlight.get(key);
    if (pending?.version === version) {
      const shared = await pending.answer;
      if (shared) return send(reply, shared);
      // That computation failed or was abandoned: this request computes its own.
    }
    let resolve!: (answer: Answer | null) => void;
    const mine: InFlight = { version, answer: new Promise((r) => (resolve = r)) };
    inFlight.set(key, mine);
    request.readCacheSlot = {
      key,
      version,
      settle: (answer) => {
        resolve(answer);
        if (inFlight.get(key) === mine) inFlight.delete(key);
      },
    };
    reply.header('x-duban-cache', 'miss');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const slot = request.readCacheSlot;
    if (!slot) return payload;
    if (reply.statusCode === 200 && typeof payload === 'string') {
      const answer = {
        payload,
        contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
      };
      cache.set(slot.key, slot.version, answer);
      slot.settle(answer);
    } else {
      slot.settle(null);
    }
    return payload;
  });
  // A request that ends without reaching onSend (client gone) must not leave others waiting.
  const abandon = async (request: FastifyRequest) => request.readCacheSlot?.settle(null);
  app.addHook('onResponse', abandon);
  app.addHook('onRequestAbort', abandon);
}
