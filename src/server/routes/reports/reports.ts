// /api/reports and /api/attachments: read (in scope), write and submit (lead unit or admin, open
// period), review (admin: approve, return with comment, override with reason), comments, evidence.
// Their contract (params, bodies, answers) is src/domain/api/reports.ts.
import type { FastifyInstance, FastifyReply } from 'fastify';
import * as Reports from '../../../domain/api/reports.js';
import { getAttachmentContent, getAttachmentInfo, isUploader } from '../../../store/attachments.js';
import type { Store } from '../../../store/db.js';
import { getPeriod } from '../../../store/periods.js';
import { getReport, listVersions } from '../../../store/reports.js';
import { getSettings } from '../../../store/settings.js';
import { tasksByIds } from '../../../store/tasks.js';
import { publishedStates, seesUnpublished } from '../../../workflow/rules.js';
import * as workflow from '../../../workflow/service.js';
import {
  actorOf,
  assertReportReadable,
  assertReportReviewable,
  assertReportWritable,
  type Caller,
} from '../../access.js';
import { assess } from '../../assessor.js';
import { callerOf } from '../../auth/plugin.js';
import { forbidden, notFound, toHttpError } from '../../errors.js';
import { typed } from '../common.js';
import { presentReport, reportDetail } from './detail.js';
import { checkEvidence, cleanFileName, readUpload } from './upload.js';

/** The caller as the workflow sees it: role, unit, and the name its steps are recorded under. */
const who = (caller: Caller): workflow.WorkflowCaller => ({
  role: caller.role,
  unitId: caller.unitId,
  actor: actorOf(caller),
});

export function reportRoutes(store: Store) {
  /** The report if it is published (handed in, or approved where only approved reports are), else null. */
  const publishedReport = async (reportId: number) => {
    const report = await getReport(store.db, reportId);
    const approvedOnly = (await getSettings(store.db)).publish.approvedOnly;
    return report && publishedStates(approvedOnly).includes(report.state) ? report : null;
  };

  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    app.get('/reports/:id', { config: { access: 'any' }, schema: Reports.get }, async (request) => {
      const caller = callerOf(request);
      await assertReportReadable(store.db, caller, request.params.id);
      return reportDetail(store, request.params.id, caller.role);
    });

    app.get('/reports/:id/versions', { config: { access: 'any' }, schema: Reports.versions }, async (request) => {
      const caller = callerOf(request);
      await assertReportReadable(store.db, caller, request.params.id);
      const versions = await listVersions(store.db, request.params.id);
      if (seesUnpublished(caller.role)) return versions;
      // A leader or viewer sees the text that is published and nothing of the drafts before it (a
      // version records a save, not a hand-in); a returned report is withdrawn, as in its detail.
      const report = await publishedReport(request.params.id);
      return report ? versions.filter((v) => v.version === report.version) : [];
    });

    app.put('/reports/:id', { config: { access: ['admin', 'unit'] }, schema: Reports.save }, async (request) => {
      const caller = callerOf(request);
      const ref = await assertReportWritable(store.db, caller, request.params.id);
      const saved = await workflow.saveReportText(store.db, who(caller), {
        reportId: ref.id,
        text: request.body.text,
        version: request.body.version,
      });
      return presentReport(store, saved);
    });

    app.post(
      '/reports/:id/submit',
      { config: { access: ['admin', 'unit'] }, schema: Reports.submit },
      async (request) => {
        const caller = callerOf(request);
        const ref = await assertReportWritable(store.db, caller, request.params.id);
        return presentReport(store, await workflow.submit(store.db, who(caller), ref.id, request.body.version));
      },
    );

    const admin = { access: ['admin'] as const };
    app.post('/reports/:id/approve', { config: admin, schema: Reports.approve }, async (request) => {
      const caller = callerOf(request);
      await assertReportReviewable(store.db, caller, request.params.id);
      const approved = await workflow.approve(
        store.db,
        who(caller),
        request.params.id,
        request.body?.comment || undefined,
      );
      return presentReport(store, approved);
    });

    app.post('/reports/:id/return', { config: admin, schema: Reports.sendBack }, async (request) => {
      const caller = callerOf(request);
      await assertReportReviewable(store.db, caller, request.params.id);
      return presentReport(
        store,
        await workflow.sendBack(store.db, who(caller), request.params.id, request.body.comment),
      );
    });

    app.post('/reports/:id/override', { config: admin, schema: Reports.override }, async (request) => {
      const caller = callerOf(request);
      await assertReportReviewable(store.db, caller, request.params.id);
      const { status, reason } = request.body;
      return presentReport(store, await workflow.override(store.db, who(caller), request.params.id, status, reason));
    });

    app.post('/reports/bulk', { config: admin, schema: Reports.bulk }, async (request) => {
      const caller = callerOf(request);
      const done: number[] = [];
      const failed: Reports.BulkResult['failed'] = [];
      for (const id of request.body.ids) {
        try {
          await assertReportReviewable(store.db, caller, id);
          if (request.body.action === 'approve')
            await workflow.approve(store.db, who(caller), id, request.body.comment || undefined);
          else await workflow.sendBack(store.db, who(caller), id, request.body.comment ?? '');
          done.push(id);
        } catch (err) {
          failed.push({ id, error: toHttpError(err).body.error });
        }
      }
      return { done, failed };
    });

    app.post(
      '/reports/:id/comments',
      { config: { access: ['admin', 'unit', 'leader'] }, schema: Reports.comment },
      async (request) => {
        const caller = callerOf(request);
        await assertReportReadable(store.db, caller, request.params.id);
        return workflow.comment(store.db, who(caller), request.params.id, request.body.body);
      },
    );

    app.post(
      '/reports/:id/attachments',
      { config: { access: ['admin', 'unit'] }, schema: Reports.attach },
      async (request) => {
        const caller = callerOf(request);
        const ref = await assertReportWritable(store.db, caller, request.params.id);
        // A unit attaches to its report while it is still its own (draft or returned), like its text.
        await workflow.assertMay(store.db, who(caller), ref.id, 'attach');
        const settings = await getSettings(store.db);
        const { fileName, content } = await readUpload(
          request,
          Math.round(settings.upload.maxAttachmentMb * 1024 * 1024),
        );
        const file = checkEvidence(fileName, content);
        // Checked again inside the write: the period may have closed while the file was arriving.
        const info = await workflow.attach(store.db, who(caller), {
          reportId: ref.id,
          ...file,
          tokenId: caller.tokenId,
        });
        return { id: info.id, fileName: info.fileName, mime: info.mime, size: info.size };
      },
    );

    app.get('/attachments/:id', { config: { access: 'any' }, schema: Reports.download }, async (request, reply) => {
      const info = await getAttachmentInfo(store.db, request.params.id);
      if (!info) throw notFound('附件');
      const caller = callerOf(request);
      await assertReportReadable(store.db, caller, info.reportId);
      // Evidence of a report not handed in is as unpublished as its text (the detail lists none).
      if (!seesUnpublished(caller.role) && !(await publishedReport(info.reportId))) throw notFound('附件');
      const content = await getAttachmentContent(store.db, info.id);
      // Deleted between the two reads.
      if (!content) throw notFound('附件');
      // The bytes as they are (a Buffer is never serialised; the contract types a file's answer as text).
      const raw: FastifyReply = reply;
      raw
        .header('content-type', info.mime)
        .header(
          'content-disposition',
          // Names stored before upload names were cleaned may still hold bidi overrides.
          `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(cleanFileName(info.fileName))}`,
        )
        .header('cache-control', 'private, no-store');
      return raw.send(content);
    });

    app.delete(
      '/attachments/:id',
      { config: { access: ['admin', 'unit'] }, schema: Reports.detach },
      async (request) => {
        const caller = callerOf(request);
        const info = await getAttachmentInfo(store.db, request.params.id);
        if (!info) throw notFound('附件');
        await assertReportWritable(store.db, caller, info.reportId);
        await workflow.assertMay(store.db, who(caller), info.reportId, 'attach');
        if (caller.role !== 'admin' && !isUploader(info, caller)) throw forbidden('只能删除自己上传的材料');
        await workflow.detach(store.db, who(caller), info.reportId, info.id);
        return { ok: true };
      },
    );

    app.post('/assess', { config: { access: 'any' }, schema: Reports.assess }, async (request) =>
      assess(request.body.target, request.body.progress, request.body.period, request.body.deadline),
    );

    app.get('/review', { config: admin, schema: Reports.review }, async (request) => {
      const period = await getPeriod(store.db, request.query.periodId);
      if (!period || period.planId !== request.query.planId) throw notFound('报告期');
      const rows = await store.db
        .selectFrom('reports as r')
        .innerJoin('tasks as t', 't.id', 'r.task_id')
        .select('t.id')
        .where('r.period_id', '=', period.id)
        .where('r.state', '=', request.query.state ?? 'submitted')
        .orderBy('t.seq')
        .execute();
      const settings = await getSettings(store.db);
      const items = await tasksByIds(
        store.db,
        rows.map((r) => r.id),
        period,
        { lightThresholds: settings.lights },
      );
      return { items, total: items.length, page: 1, pageSize: items.length };
    });
  };
}
