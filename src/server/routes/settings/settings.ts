// /api/settings: light thresholds, upload limits and what is published. Everyone reads (the web app
// colours lights with them); admins change them. Changing what is published re-publishes every
// report in the same transaction, so dashboards and exports follow at once.
import type { FastifyInstance } from 'fastify';
import * as Settings from '../../../domain/api/settings.js';
import type { Store } from '../../../store/db.js';
import { republishAll } from '../../../store/reports.js';
import { getSettings, updateSettings } from '../../../store/settings.js';
import { inTransaction } from '../../../store/transaction.js';
import { actorOf } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { typed } from '../common.js';

export function settingsRoutes(store: Store) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    app.get('/settings', { config: { access: 'any' }, schema: Settings.get }, async () => getSettings(store.db));
    app.put('/settings', { config: { access: ['admin'] }, schema: Settings.put }, async (request) =>
      inTransaction(store.db, async (trx) => {
        const before = await getSettings(trx);
        const after = await updateSettings(trx, actorOf(callerOf(request)), request.body);
        if (before.publish.approvedOnly !== after.publish.approvedOnly) await republishAll(trx);
        return after;
      }),
    );
  };
}
