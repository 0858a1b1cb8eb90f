// The report workflow as the server runs it: every step (save, submit, approve, return, override,
// comment) opens one transaction, reads the report's state with its period and task held
// (store/reports.ts readWriteFacts), asks the rules (rules.ts) whether the step may be taken, lets
// the store persist it, and answers what that transaction wrote. A period closed or a task closed
// out a millisecond earlier therefore refuses the write, and the answer is never another writer's.
import type { Kysely } from 'kysely';
import { DubanError, type Status } from '../domain/index.js';
import type { Actor } from '../store/audit.js';
import { addAttachment, deleteAttachment, type AttachmentInfo } from '../store/attachments.js';
import { prepareSave, readWriteFacts, writeSave, type ReportDetail } from '../store/reports.js';
import {
  addComment,
  approveReport,
  overrideStatus,
  returnReport,
  submitReport,
  type CommentRecord,
} from '../store/review.js';
import type { DB } from '../store/schema.js';
import { inTransaction } from '../store/transaction.js';
import { judge, type ReportAction, type Role } from './rules.js';

/** Who takes a step: the role decides what is allowed, the unit whether it leads the task. */
export interface WorkflowCaller {
  role: Role;
  unitId: number | null;
  actor: Actor;
}

/** Inside a transaction: the step is allowed on this report now, or a DubanError says why not. */
async function mayTake(trx: Kysely<DB>, who: WorkflowCaller, reportId: number, action: ReportAction): Promise<void> {
  const facts = await readWriteFacts(trx, reportId, who.role === 'unit' ? who.unitId : null);
  if (!facts) throw new DubanError('not_found', '报告不存在');
  const verdict = judge(action, { role: who.role, ...facts });
  if (!verdict.ok) throw new DubanError(verdict.code, verdict.message);
}

/** Checks a step without taking it (an upload checks before reading its body). */
export async function assertMay(
  db: Kysely<DB>,
  who: WorkflowCaller,
  reportId: number,
  action: ReportAction,
): Promise<void> {
  await inTransaction(db, (trx) => mayTake(trx, who, reportId, action));
}

export async function saveReportText(
  db: Kysely<DB>,
  who: WorkflowCaller,
  input: { reportId: number; text: string; version: number },
): Promise<ReportDetail> {
  // Assessed outside the transaction (no lock held while the text is read); written inside it.
  const prepared = await prepareSave(db, {
    reportId: input.reportId,
    text: input.text,
    expectedVersion: input.version,
  });
  return inTransaction(db, async (trx) => {
    await mayTake(trx, who, input.reportId, 'save');
    return writeSave(trx, who.actor, prepared);
  });
}

export async function submit(db: Kysely<DB>, who: WorkflowCaller, reportId: number, version: number) {
  return inTransaction(db, async (trx) => {
    await mayTake(trx, who, reportId, 'submit');
    return submitReport(trx, who.actor, reportId, version);
  });
}

export async function approve(db: Kysely<DB>, who: WorkflowCaller, reportId: number, comment?: string) {
  return inTransaction(db, async (trx) => {
    await mayTake(trx, who, reportId, 'approve');
    return approveReport(trx, who.actor, reportId, comment);
  });
}

export async function sendBack(db: Kysely<DB>, who: WorkflowCaller, reportId: number, comment: string) {
  return inTransaction(db, async (trx) => {
    await mayTake(trx, who, reportId, 'return');
    return returnReport(trx, who.actor, reportId, comment);
  });
}

export async function override(
  db: Kysely<DB>,
  who: WorkflowCaller,
  reportId: number,
  status: Status | null,
  reason: string,
): Promise<ReportDetail> {
  return inTransaction(db, async (trx) => {
    await mayTake(trx, who, reportId, 'override');
    return overrideStatus(trx, who.actor, reportId, status, reason);
  });
}

/** Evidence stored only if the report is still open to it when the write happens. */
export async function attach(
  db: Kysely<DB>,
  who: WorkflowCaller,
  file: Parameters<typeof addAttachment>[2],
): Promise<AttachmentInfo> {
  return inTransaction(db, async (trx) => {
    await mayTake(trx, who, file.reportId, 'attach');
    return addAttachment(trx, who.actor, file);
  });
}

export async function detach(db: Kysely<DB>, who: WorkflowCaller, reportId: number, attachmentId: number) {
  await inTransaction(db, async (trx) => {
    await mayTake(trx, who, reportId, 'attach');
    await deleteAttachment(trx, who.actor, attachmentId);
  });
}

export async function comment(
  db: Kysely<DB>,
  who: WorkflowCaller,
  reportId: number,
  body: string,
): Promise<CommentRecord> {
  return inTransaction(db, async (trx) => {
    await mayTake(trx, who, reportId, 'comment');
    return addComment(trx, who.actor, reportId, body);
  });
}
