// Evidence files (证明材料) attached to a report, stored in the database (servers keep no files of
// their own). Size and type limits are checked by the server before anything reaches here.
import type { Kysely } from 'kysely';
import { DubanError } from '../domain/index.js';
import { recordAudit, type Actor } from './audit.js';
import { nowIso } from './db.js';
import type { DB } from './schema.js';
import { inTransaction } from './transaction.js';

export interface AttachmentInfo {
  id: number;
  reportId: number;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedBy: number | null;
  /** The API token that uploaded it, when a token did (then `uploadedBy` is null). */
  uploadedByToken: number | null;
  createdAt: string;
}

const INFO = [
  'id',
  'report_id',
  'file_name',
  'mime',
  'size',
  'sha256',
  'uploaded_by',
  'uploaded_by_token',
  'created_at',
] as const;
const toInfo = (r: {
  id: number;
  report_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_by: number | null;
  uploaded_by_token: number | null;
  created_at: string;
}): AttachmentInfo => ({
  id: r.id,
  reportId: r.report_id,
  fileName: r.file_name,
  mime: r.mime,
  size: Number(r.size),
  sha256: r.sha256,
  uploadedBy: r.uploaded_by,
  uploadedByToken: r.uploaded_by_token,
  createdAt: r.created_at,
});

/** Who uploads or deletes: a user, or an API token (which has no user id). */
export interface Uploader {
  userId: number | null;
  tokenId: number | null;
}

/**
 * True when `who` uploaded the file: a token owns what that token uploaded, a user what that user
 * uploaded. An unknown uploader (null) is owned by nobody, so two token callers never match on
 * null = null.
 */
export function isUploader(info: AttachmentInfo, who: Uploader): boolean {
  if (who.tokenId != null) return info.uploadedByToken === who.tokenId;
  return who.userId != null && info.uploadedBy === who.userId;
}

export async function addAttachment(
  db: Kysely<DB>,
  actor: Actor,
  input: {
    reportId: number;
    fileName: string;
    mime: string;
    sha256: string;
    content: Uint8Array;
    /** The uploading API token, if a token uploads. */
    tokenId?: number | null;
  },
): Promise<AttachmentInfo> {
  const at = nowIso();
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('attachments')
      .values({
        report_id: input.reportId,
        file_name: input.fileName,
        mime: input.mime,
        size: input.content.byteLength,
        sha256: input.sha256,
        content: input.content,
        uploaded_by: actor.id,
        uploaded_by_token: input.tokenId ?? null,
        created_at: at,
      })
      .returning(INFO)
      .executeTakeFirstOrThrow();
    const info = toInfo(row);
    await recordAudit(
      trx,
      actor,
      { action: 'attachment.add', entity: 'attachment', entityId: info.id, after: info },
      at,
    );
    return info;
  });
}

export async function listAttachments(db: Kysely<DB>, reportId: number): Promise<AttachmentInfo[]> {
  return (
    await db.selectFrom('attachments').select(INFO).where('report_id', '=', reportId).orderBy('id').execute()
  ).map(toInfo);
}

export async function getAttachmentInfo(db: Kysely<DB>, id: number): Promise<AttachmentInfo | null> {
  const row = await db.selectFrom('attachments').select(INFO).where('id', '=', id).executeTakeFirst();
  return row ? toInfo(row) : null;
}

export async function getAttachmentContent(db: Kysely<DB>, id: number): Promise<Buffer | null> {
  const row = await db.selectFrom('attachments').select('content').where('id', '=', id).executeTakeFirst();
  return row ? Buffer.from(row.content) : null;
}

export async function deleteAttachment(db: Kysely<DB>, actor: Actor, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await getAttachmentInfo(trx, id);
    if (!before) throw new DubanError('not_found', '附件不存在');
    await trx.deleteFrom('attachments').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'attachment.delete', entity: 'attachment', entityId: id, before });
  });
}
