// What "no lost update" means, checked against the database after a concurrent run: every save a
// writer was told succeeded is kept at the version it was given with its text, no two writers got
// the same version, each report's versions run without a gap from where the run started to the
// current one, and the audit log holds exactly one report.save per successful save.
import { expect } from 'vitest';
import type { Store } from '../../../src/store/db.js';

export interface SaveAck {
  id: number;
  version: number;
  /** A marker the saved text contains. */
  marker: string;
}

export async function expectNoLostUpdate(
  store: Store,
  acks: SaveAck[],
  startVersions: Map<number, number>,
  auditActorPrefix: string,
) {
  const ids = [...startVersions.keys()];
  const rows = await store.db.selectFrom('reports').select(['id', 'version', 'text']).where('id', 'in', ids).execute();
  const versions = await store.db
    .selectFrom('report_versions')
    .select(['report_id', 'version', 'text'])
    .where('report_id', 'in', ids)
    .execute();
  const kept = new Map(versions.map((v) => [`${v.report_id}:${v.version}`, v.text]));

  const seen = new Set<string>();
  for (const a of acks) {
    const key = `${a.id}:${a.version}`;
    expect(seen.has(key), `two writers were both given version ${a.version} of report ${a.id}`).toBe(false);
    seen.add(key);
    expect(kept.get(key), `acknowledged save ${a.marker} (report ${a.id} v${a.version}) is missing`).toContain(
      a.marker,
    );
  }
  let total = 0;
  for (const r of rows) {
    const start = startVersions.get(r.id)!;
    const mine = acks.filter((a) => a.id === r.id).length;
    total += mine;
    // versions = start + successful saves: nothing lost, nothing invented.
    expect(r.version, `report ${r.id}`).toBe(start + mine);
    const own = versions
      .filter((v) => v.report_id === r.id && v.version > start)
      .map((v) => v.version)
      .sort((a, b) => a - b);
    expect(own).toEqual(Array.from({ length: mine }, (_, i) => start + i + 1));
    if (mine) expect(r.text).toBe(kept.get(`${r.id}:${r.version}`));
  }
  const audits = await store.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'report.save')
    .where('actor_name', 'like', `${auditActorPrefix}%`)
    .executeTakeFirstOrThrow();
  expect(Number(audits.n)).toBe(total);
  return total;
}
