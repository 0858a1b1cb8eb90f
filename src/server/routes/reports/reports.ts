// /api/reports and /api/attachments: read (in scope), write and submit (lead unit or admin, open
// period), review (admin: approve, return with comment, override with reason), comments, evidence.
import type { FastifyInstance } from 'fastify';
import type { Status } from '../../../domain/index.js';
import { getAttachmentContent, getAttachmentInfo, isUploader } from '../../../store/attachments.js';
import type { Store } from '../../../store/db.js';
import { getPeriod } from '../../../store/periods.js';
import { listVersions } from '../../../store/reports.js';
import { getSettings } from '../../../store/settings.js';
import { tasksByIds } from '../../../store/tasks.js';
import { REPORT_MAX_CHARS } from '../../../workflow/rules.js';
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
import { idParams, object, statusSchema } from '../common.js';
import { presentReport, reportDetail } from './detail.js';
import { checkEvidence, cleanFileName, readUpload } from './upload.js';

type P = { Params: { id: number } };

/** The caller as the workflow sees it: role, unit, and the name its steps are recorded under. */
const who = (caller: Caller): workflow.WorkflowCaller => ({
  role: caller.role,
  unitId: caller.unitId,
  actor: actorOf(caller),
});

export function reportRoutes(store: Store) {
  return async (app: FastifyInstance) => {
    const tags = ['reports'];
    app.get<P>(
      '/reports/:id',
      { config: { access: 'any' }, schema: { tags, summary: '报告详情', params: idParams } },
      async (request) => {
        const caller = callerOf(request);
        await assertReportReadable(store.db, caller, request.params.id);
        return reportDetail(store, request.params.id, caller.role);
      },
    );

    app.get<P>(
      '/reports/:id/versions',
      { config: { access: 'any' }, schema: { tags, summary: '报告历史版本', params: idParams } },
      async (request) => {
        await assertReportReadable(store.db, callerOf(request), request.params.id);
        return listVersions(store.db, request.params.id);
      },
    );

    app.put<P & { Body: { text: string; version: number } }>(
      '/reports/:id',
      {
        config: { access: ['admin', 'unit'] },
        schema: {
          tags,
          summary: '保存报告（即时评估）',
          params: idParams,
          body: object(
            { text: { type: 'string', maxLength: REPORT_MAX_CHARS }, version: { type: 'integer', minimum: 1 } },
            ['text', 'version'],
          ),
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const ref = await assertReportWritable(store.db, caller, request.params.id);
        const saved = await workflow.saveReportText(store.db, who(caller), {
          reportId: ref.id,
          text: request.body.text,
          version: request.body.version,
        });
        return presentReport(store, saved);
      },
    );

    app.post<P & { Body: { version: number } }>(
      '/reports/:id/submit',
      {
        config: { access: ['admin', 'unit'] },
        schema: {
          tags,
          summary: '提交报告',
          params: idParams,
          body: object({ version: { type: 'integer', minimum: 1 } }, ['version']),
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const ref = await assertReportWritable(store.db, caller, request.params.id);
        return presentReport(store, await workflow.submit(store.db, who(caller), ref.id, request.body.version));
      },
    );

    const admin = { access: ['admin'] as const };
    app.post<P & { Body: { comment?: string } }>(
      '/reports/:id/approve',
      {
        config: admin,
        schema: {
          tags: ['review'],
          summary: '审核通过',
          params: idParams,
          body: object({ comment: { type: 'string', maxLength: 2000 } }),
        },
      },
      async (request) => {
        const caller = callerOf(request);
        await assertReportReviewable(store.db, caller, request.params.id);
        const approved = await workflow.approve(
          store.db,
          who(caller),
          request.params.id,
          request.body?.comment || undefined,
        );
        return presentReport(store, approved);
      },
    );

    app.post<P & { Body: { comment: string } }>(
      '/reports/:id/return',
      {
        config: admin,
        schema: {
          tags: ['review'],
          summary: '退回修改',
          params: idParams,
          body: object({ comment: { type: 'string', minLength: 1, maxLength: 2000 } }, ['comment']),
        },
      },
      async (request) => {
        const caller = callerOf(request);
        await assertReportReviewable(store.db, caller, request.params.id);
        return presentReport(
          store,
          await workflow.sendBack(store.db, who(caller), request.params.id, request.body.comment),
        );
      },
    );

    app.post<P & { Body: { status: Status | null; reason: string } }>(
      '/reports/:id/override',
      {
        config: admin,
        schema: {
          tags: ['review'],
          summary: '人工改判状态（保留机器判断）',
          params: idParams,
          body: object(
            { status: { anyOf: [statusSchema, { type: 'null' }] }, reason: { type: 'string', maxLength: 2000 } },
            ['status', 'reason'],
          ),
        },
      },
      async (request) => {
        const caller = callerOf(request);
        await assertReportReviewable(store.db, caller, request.params.id);
        const { status, reason } = request.body;
        return presentReport(store, await workflow.override(store.db, who(caller), request.params.id, status, reason));
      },
    );

    app.post<{ Body: { ids: number[]; action: 'approve' | 'return'; comment?: string } }>(
      '/reports/bulk',
      {
        config: admin,
        schema: {
          tags: ['review'],
          summary: '批量审核',
          body: object(
            {
              ids: { type: 'array', items: { type: 'integer', minimum: 1 }, minItems: 1, maxItems: 500 },
              action: { type: 'string', enum: ['approve', 'return'] },
              comment: { type: 'string', maxLength: 2000 },
            },
            ['ids', 'action'],
          ),
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const done: number[] = [];
        const failed: { id: number; error: { code: string; message: string } }[] = [];
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
      },
    );

    app.post<P & { Body: { body: string } }>(
      '/reports/:id/comments',
      {
        config: { access: ['admin', 'unit', 'leader'] },
        schema: {
          tags,
          summary: '发表意见',
          params: idParams,
          body: object({ body: { type: 'string', minLength: 1, maxLength: 4000 } }, ['body']),
        },
      },
      async (request) => {
        const caller = callerOf(request);
        await assertReportReadable(store.db, caller, request.params.id);
        return workflow.comment(store.db, who(caller), request.params.id, request.body.body);
      },
    );

    app.post<P>(
      '/reports/:id/attachments',
      {
        config: { access: ['admin', 'unit'] },
        schema: {
          tags,
          summary: '上传证明材料（multipart 字段 file）',
          params: idParams,
          consumes: ['multipart/form-data'],
        },
      },
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

    app.get<P>(
      '/attachments/:id',
      { config: { access: 'any' }, schema: { tags, summary: '下载证明材料', params: idParams } },
      async (request, reply) => {
        const info = await getAttachmentInfo(store.db, request.params.id);
        if (!info) throw notFound('附件');
        await assertReportReadable(store.db, callerOf(request), info.reportId);
        const content = await getAttachmentContent(store.db, info.id);
        reply
          .header('content-type', info.mime)
          .header(
            'content-disposition',
            // Names stored before upload names were cleaned may still hold bidi overrides.
            `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(cleanFileName(info.fileName))}`,
          )
          .header('cache-control', 'private, no-store');
        return reply.send(content);
      },
    );

    app.delete<P>(
      '/attachments/:id',
      { config: { access: ['admin', 'unit'] }, schema: { tags, summary: '删除证明材料', params: idParams } },
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

    app.post<{ Body: { target: string; progress: string; period?: string } }>(
      '/assess',
      {
        config: { access: 'any' },
        schema: {
          tags: ['reports'],
          summary: '评估一段进展（不保存）',
          body: object(
            {
              target: { type: 'string', maxLength: 5000 },
              progress: { type: 'string', maxLength: 20000 },
              period: { type: 'string', maxLength: 20 },
            },
            ['target', 'progress'],
          ),
        },
      },
      async (request) => assess(request.body.target, request.body.progress, request.body.period),
    );

    app.get<{
      Querystring: { planId: number; periodId: number; state?: 'submitted' | 'returned' | 'approved' | 'draft' };
    }>(
      '/review',
      {
        config: admin,
        schema: {
          tags: ['review'],
          summary: '待审核报告',
          querystring: object(
            {
              planId: { type: 'integer', minimum: 1 },
              periodId: { type: 'integer', minimum: 1 },
              state: { type: 'string', enum: ['draft', 'submitted', 'returned', 'approved'], default: 'submitted' },
            },
            ['planId', 'periodId'],
          ),
        },
      },
      async (request) => {
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
      },
    );
  };
}
