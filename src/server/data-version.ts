// The database's data version (StoreDialect.dataVersion), read at most once per request and
// before anything else is read for it, so that whatever the request then computes is at least as
// new as the version it is filed under. Used by the session lookup and the read cache.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../store/db.js';

declare module 'fastify' {
  interface FastifyRequest {
    dataVersionRead: Promise<string> | null;
  }
}

export function installDataVersion(app: FastifyInstance): void {
  app.decorateRequest('dataVersionRead', null);
}

export function dataVersionOf(request: FastifyRequest, store: Store): Promise<string> {
  return (request.dataVersionRead ??= store.dialect.dataVersion(store.db));
}
