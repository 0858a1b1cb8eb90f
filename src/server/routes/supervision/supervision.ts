// 督办单 over HTTP: the office raises, accepts or returns; the unit signs and answers; the leader
// and viewers read. The escalation step runs with the server clock (src/server/clock.ts) every
// ESCALATION_EVERY_MS, so channels hear of a rise even when nobody looks, and before answering a
// read, so a notice past its deadline is never shown un-risen; POST /supervision/escalate runs it
// on demand. The .docx is the printable notice. Request and answer shapes: src/domain/api/supervision.ts.
import type { FastifyInstance } from 'fastify';
import * as Supervision from '../../../domain/api/supervision.js';
import { writeSupervisionDocx } from '../../../export/supervision-docx.js';
import { MIME, safeFileName } from '../../../export/index.js';
import { listAudit, SYSTEM_ACTOR } from '../../../store/audit.js';
import { getSettings } from '../../../store/settings.js';
import { addEvidence, getEvidenceContent, listEvidence } from '../../../store/supervision-evidence.js';
import type { Store } from '../../../store/db.js';
import {
  answerNotice,
  decideNotice,
  escalateDue,
  getNotice,
  listNotices,
  raiseNotice,
  signNotice,
  type NoticeRecord,
} from '../../../store/supervision.js';
import { actorOf, type Caller } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { clockIso } from '../../clock.js';
import { forbidden, notFound } from '../../errors.js';
import { typed } from '../common.js';
import { sendDownload } from '../publish/download.js';
import { checkEvidence, cleanFileName, readUpload } from '../reports/upload.js';

/** How often each server process runs the escalation step on its own. */
export const ESCALATION_EVERY_MS = 10 * 60_000;

/** A unit sees its own notices, a leader those on tasks they lead, the office and viewers all. */
function scopeOf(caller: Caller): { unitId?: number; leaderId?: number } {
  if (caller.role === 'unit') return { unitId: caller.unitId ?? -1 };
  if (caller.role === 'leader') return { leaderId: caller.leaderId ?? -1 };
  return {};
}

function assertVisible(caller: Caller, n: NoticeRecord | null): NoticeRecord {
  if (!n) throw notFound('督办单');
  if (caller.role === 'unit' && n.unit.id !== caller.unitId) throw forbidden('只能查看本单位的督办单');
  if (caller.role === 'leader' && !n.leaders.some((l) => l.id === caller.leaderId))
    throw forbidden('只能查看本人牵头任务的督办单');
  return n;
}

export function supervisionRoutes(store: Store) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const readers = { access: ['admin', 'viewer', 'unit', 'leader'] as const };
    /** The escalation step, run before reads; the system is its actor. */
    const escalate = () => escalateDue(store.db, SYSTEM_ACTOR, clockIso());
    // Several processes may run it at once: each rise is guarded, so it is applied once.
    const timer = setInterval(() => {
      escalate().catch((err: unknown) => app.log.warn({ err }, 'supervision escalation step failed'));
    }, ESCALATION_EVERY_MS);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));

    app.get('/supervision', { config: readers, schema: Supervision.list }, async (request) => {
      await escalate();
      const q = request.query;
      return listNotices(
        store.db,
        {
          planId: q.planId,
          unitId: q.unitId,
          taskId: q.taskId,
          state: q.state,
          open: q.open === 1,
          escalated: q.escalated === 1,
          page: q.page,
          pageSize: q.pageSize,
          ...scopeOf(callerOf(request)),
        },
        clockIso(),
      );
    });

    app.post('/supervision', { config: { access: ['admin'] }, schema: Supervision.raise }, async (request) =>
      raiseNotice(store.db, actorOf(callerOf(request)), request.body, clockIso()),
    );

    app.post('/supervision/escalate', { config: { access: ['admin'] }, schema: Supervision.escalate }, async () => ({
      escalated: await escalate(),
    }));

    app.get('/supervision/:id', { config: readers, schema: Supervision.detail }, async (request) => {
      await escalate();
      const caller = callerOf(request);
      const notice = assertVisible(caller, await getNotice(store.db, request.params.id, clockIso()));
      const trail = await listAudit(store.db, { entity: 'supervision', entityId: notice.id, pageSize: 100 });
      return {
        ...notice,
        evidence: await listEvidence(store.db, notice.id),
        trail: trail.items.map((a) => ({ at: a.at, action: a.action, actor: a.actorName, after: a.after })),
      };
    });

    app.post('/supervision/:id/sign', { config: { access: ['unit'] }, schema: Supervision.sign }, async (request) => {
      const caller = callerOf(request);
      return signNotice(store.db, actorOf(caller), request.params.id, caller.unitId ?? -1, clockIso());
    });

    app.post(
      '/supervision/:id/answer',
      { config: { access: ['unit'] }, schema: Supervision.answer },
      async (request) => {
        const caller = callerOf(request);
        return answerNotice(
          store.db,
          actorOf(caller),
          request.params.id,
          caller.unitId ?? -1,
          request.body.feedback,
          clockIso(),
        );
      },
    );

    app.post(
      '/supervision/:id/evidence',
      { config: { access: ['unit'] }, schema: Supervision.addEvidence },
      async (request) => {
        const caller = callerOf(request);
        const settings = await getSettings(store.db);
        const { fileName, content } = await readUpload(
          request,
          Math.round(settings.upload.maxAttachmentMb * 1024 * 1024),
        );
        const file = checkEvidence(fileName, content);
        return addEvidence(
          store.db,
          actorOf(caller),
          { noticeId: request.params.id, unitId: caller.unitId ?? -1, ...file },
          clockIso(),
        );
      },
    );

    app.get(
      '/supervision/:id/evidence/:fileId',
      { config: readers, schema: Supervision.evidenceFile },
      async (request, reply) => {
        const caller = callerOf(request);
        assertVisible(caller, await getNotice(store.db, request.params.id, clockIso()));
        const file = await getEvidenceContent(store.db, request.params.fileId);
        if (!file || file.info.noticeId !== request.params.id) throw notFound('证明材料');
        return sendDownload(reply, {
          bytes: file.content,
          mime: file.info.mime,
          fileName: cleanFileName(file.info.fileName),
          fallback: `evidence-${file.info.id}${/\.[a-z0-9]+$/i.exec(file.info.fileName)?.[0] ?? ''}`,
        });
      },
    );

    app.post(
      '/supervision/:id/decide',
      { config: { access: ['admin'] }, schema: Supervision.decide },
      async (request) =>
        decideNotice(store.db, actorOf(callerOf(request)), request.params.id, request.body, clockIso()),
    );

    app.get('/supervision/:id/docx', { config: readers, schema: Supervision.docx }, async (request, reply) => {
      await escalate();
      const caller = callerOf(request);
      const n = assertVisible(caller, await getNotice(store.db, request.params.id, clockIso()));
      const plan = await store.db
        .selectFrom('plans')
        .select('region')
        .where('id', '=', n.planId)
        .executeTakeFirstOrThrow();
      const leaders = await store.db
        .selectFrom('task_leaders as tl')
        .innerJoin('leaders as l', 'l.id', 'tl.leader_id')
        .select(['tl.task_id', 'l.name'])
        .where(
          'tl.task_id',
          'in',
          n.tasks.map((t) => t.id),
        )
        .orderBy('tl.position')
        .execute();
      const bytes = await writeSupervisionDocx({
        office: `${plan.region}督查室`,
        number: n.number,
        level: n.level,
        title: n.title,
        unit: n.unit.name,
        body: n.body,
        feedbackRequired: n.feedbackRequired,
        deadline: n.deadline,
        tasks: n.tasks.map((t) => ({
          seq: t.seq,
          target: t.target,
          leaders: leaders.filter((l) => l.task_id === t.id).map((l) => l.name),
        })),
        date: n.createdAt.slice(0, 10),
        escalations: n.escalations,
      });
      return sendDownload(reply, {
        bytes,
        mime: MIME.docx,
        fileName: `${safeFileName(`${n.number}-${n.unit.name}`)}.docx`,
        fallback: `supervision-${n.year}-${n.seq}.docx`,
      });
    });
  };
}
