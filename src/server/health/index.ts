// What operating a duban server needs from it: /healthz, /readyz, /metrics and request ids echoed
// in every answer. Installed by app.ts on the root scope.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/db.js';
import { echoRequestIds } from '../logging.js';
import { installProbes, type OperationsOptions } from './routes.js';

export type { OperationsOptions };

export function installOperations(app: FastifyInstance, store: Store, options: OperationsOptions = {}): void {
  echoRequestIds(app);
  installProbes(app, store, options);
}
