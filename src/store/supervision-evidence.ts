// Evidence (证明材料) for a 督办单's 办结反馈: files the unit attaches while the notice waits for its
// answer. The caller checks the file's kind and size (server/routes/reports/upload.ts); this module
// checks that the notice is the unit's and still open to it, and keeps the trail.
import type { Kysely } from 'kysely';
import type { Evidence } from '../domain/api/supervision.js';
import { DubanError } from '../domain/index.js';
import { recordAudit, type Actor } from './audit.js';
import type { DB } from './schema.js';
import { AWAITING_UNIT } from './supervision-ladder.js';
import { inTransaction } from './transaction.js';

/** A file's description, as the API answers it (src/domain/api/supervision.ts). */
export type EvidenceInfo = Evidence;

export async function addEvidence(
  db: Kysely<DB>,
  actor: Actor,
  input: { noticeId: number; unitId: number; fileName: string; mime: string; content: Buffer; sha256: string },
  now: string,
): Promise<EvidenceInfo> {
  return inTransaction(db, async (trx) => {
    const notice = await trx
      .selectFrom('supervision_notices')
      .select(['id', 'unit_id', 'state'])
      .where('id', '=', input.noticeId)
      .executeTakeFirst();
    if (!notice) throw new DubanError('not_found', '督办单不存在');
    if (notice.unit_id !== input.unitId) throw new DubanError('forbidden', '只能为本单位的督办单上传材料');
    if (!(AWAITING_UNIT as readonly string[]).includes(notice.state))
      throw new DubanError('conflict', '该督办单已反馈，不能再上传材料');
    const row = await trx
      .insertInto('supervision_evidence')
      .values({
        notice_id: notice.id,
        file_name: input.fileName,
        mime: input.mime,
        size: input.content.byteLength,
        sha256: input.sha256,
        content: input.content,
        uploaded_by: actor.id,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      actor,
      {
        action: 'supervision.evidence',
        entity: 'supervision',
        entityId: notice.id,
        after: { fileName: input.fileName, size: input.content.byteLength, sha256: input.sha256 },
      },
      now,
    );
    return {
      id: row.id,
      noticeId: notice.id,
      fileName: input.fileName,
      mime: input.mime,
      size: input.content.byteLength,
      createdAt: now,
    };
  });
}

export async function listEvidence(db: Kysely<DB>, noticeId: number): Promise<EvidenceInfo[]> {
  const rows = await db
    .selectFrom('supervision_evidence')
    .select(['id', 'notice_id', 'file_name', 'mime', 'size', 'created_at'])
    .where('notice_id', '=', noticeId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    noticeId: r.notice_id,
    fileName: r.file_name,
    mime: r.mime,
    size: Number(r.size),
    createdAt: r.created_at,
  }));
}

export async function getEvidenceContent(
  db: Kysely<DB>,
  id: number,
): Promise<{ info: EvidenceInfo; content: Buffer } | null> {
  const r = await db.selectFrom('supervision_evidence').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  return {
    info: {
      id: r.id,
      noticeId: r.notice_id,
      fileName: r.file_name,
      mime: r.mime,
      size: Number(r.size),
      createdAt: r.created_at,
    },
    content: Buffer.from(r.content),
  };
}
