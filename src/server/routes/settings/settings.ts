// /api/settings: light thresholds, upload limits and what is published. Everyone reads (the web app
// colours lights with them); admins change them. Changing what is published re-publishes every
// report in the same transaction, so dashboards and exports follow at once.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../../store/db.js';
import { republishAll } from '../../../store/reports.js';
import { getSettings, updateSettings, type SettingsPatch } from '../../../store/settings.js';
import { inTransaction } from '../../../store/transaction.js';
import { actorOf } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { object } from '../common.js';

const settings = {
  type: 'object',
  properties: {
    lights: { type: 'object', properties: { yellowWithinPoints: { type: 'number' } } },
    upload: { type: 'object', properties: { maxAttachmentMb: { type: 'number' } } },
    publish: { type: 'object', properties: { approvedOnly: { type: 'boolean' } } },
  },
} as const;

const putBody = object({
  lights: object({ yellowWithinPoints: { type: 'number', minimum: 0, maximum: 100 } }),
  upload: object({ maxAttachmentMb: { type: 'number', minimum: 0.1, maximum: 50 } }),
  publish: object({ approvedOnly: { type: 'boolean' } }),
});

export function settingsRoutes(store: Store) {
  return async (app: FastifyInstance) => {
    app.get(
      '/settings',
      { config: { access: 'any' }, schema: { tags: ['admin'], summary: '设置', response: { 200: settings } } },
      async () => getSettings(store.db),
    );
    app.put<{ Body: SettingsPatch }>(
      '/settings',
      {
        config: { access: ['admin'] },
        schema: { tags: ['admin'], summary: '修改设置', body: putBody, response: { 200: settings } },
      },
      async (request) =>
        inTransaction(store.db, async (trx) => {
          const before = await getSettings(trx);
          const after = await updateSettings(trx, actorOf(callerOf(request)), request.body);
          if (before.publish.approvedOnly !== after.publish.approvedOnly) await republishAll(trx);
          return after;
        }),
    );
  };
}
