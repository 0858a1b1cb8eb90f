// Settings the office can change at run time (light thresholds, upload limits, whether only approved
// reports are published), stored as JSON per
// top-level key and merged over the defaults, so a new setting needs no migration.
import type { Kysely } from 'kysely';
import { DEFAULT_LIGHT_THRESHOLDS, type LightThresholds } from '../domain/light.js';
import { recordAudit, type Actor } from './audit.js';
import { nowIso } from './db.js';
import type { DB } from './schema.js';
import { inTransaction } from './transaction.js';

export interface Settings {
  lights: LightThresholds;
  upload: { maxAttachmentMb: number };
  /** Publish only approved reports (default: submitted and approved ones; src/workflow/rules.ts). */
  publish: { approvedOnly: boolean };
}

export const DEFAULT_SETTINGS: Settings = {
  lights: { ...DEFAULT_LIGHT_THRESHOLDS },
  upload: { maxAttachmentMb: 10 },
  publish: { approvedOnly: false },
};

export async function getSettings(db: Kysely<DB>): Promise<Settings> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'in', Object.keys(DEFAULT_SETTINGS))
    .execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as object]));
  return {
    lights: { ...DEFAULT_SETTINGS.lights, ...(stored.lights as Partial<LightThresholds> | undefined) },
    upload: { ...DEFAULT_SETTINGS.upload, ...(stored.upload as Partial<Settings['upload']> | undefined) },
    publish: { ...DEFAULT_SETTINGS.publish, ...(stored.publish as Partial<Settings['publish']> | undefined) },
  };
}

export type SettingsPatch = { [K in keyof Settings]?: Partial<Settings[K]> };

export async function updateSettings(db: Kysely<DB>, actor: Actor, patch: SettingsPatch): Promise<Settings> {
  const now = nowIso();
  return inTransaction(db, async (trx) => {
    const before = await getSettings(trx);
    for (const key of Object.keys(patch) as (keyof Settings)[]) {
      if (!(key in DEFAULT_SETTINGS) || patch[key] === undefined) continue;
      const value = JSON.stringify({ ...before[key], ...patch[key] });
      await trx
        .insertInto('settings')
        .values({ key, value, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
        .execute();
    }
    const after = await getSettings(trx);
    await recordAudit(trx, actor, { action: 'settings.update', entity: 'settings', before, after }, now);
    return after;
  });
}
