// Publishing over HTTP: the progress table (进展情况表) in four formats with the task list's
// filters, a leader's briefing (领导专报), a unit's reminder notice (催办通知), and the comparison
// of two periods (期间对比). Every answer is narrowed to the caller's scope: a unit account
// exports its own tasks, a leader account the tasks they lead; asking for someone else's is a 403.
import type { FastifyInstance, FastifyReply } from 'fastify';
import * as Publish from '../../../domain/api/publish.js';
import { DubanError, parsePeriod, type Result } from '../../../domain/index.js';
import {
  MIME,
  exportProgressTable,
  loadBriefing,
  loadDiff,
  loadNotice,
  loadProgressTable,
  renderProgressHtml,
  safeFileName,
  writeBriefingDocx,
  writeNoticeDocx,
} from '../../../export/index.js';
import type { Store } from '../../../store/db.js';
import {
  filterProblem,
  resolveNamed,
  resolvePeriod,
  resolvePlan,
  type PeriodRef,
  type PlanRef,
} from '../../../store/progress-table.js';
import { callerOf } from '../../auth/plugin.js';
import { HttpError } from '../../errors.js';
import { typed } from '../common.js';
import { today } from '../reports/detail.js';
import { scopedFilter } from '../scope.js';
import { sendDownload } from './download.js';
import { hangUpSignal, pdfExports, queueKey, type PdfExportOptions } from './pdf.js';

/** Unwraps a loader's result; a `not_found` there means "nothing in scope" and gets the route's own words. */
function unwrap<T>(r: Result<T>, emptyMessage: string): T {
  if (r.ok) return r.value;
  if (r.error.code === 'not_found') throw new HttpError('not_found', emptyMessage);
  throw new HttpError(r.error.code === 'unsupported_format' ? 'unsupported_format' : 'bad_input', r.error.message);
}

async function planAndPeriod(
  store: Store,
  planId: number,
  periodId: number,
): Promise<{ plan: PlanRef; period: PeriodRef }> {
  const plan = await resolvePlan(store.db, planId);
  if (!plan) throw new HttpError('not_found', `计划 ${planId} 不存在`);
  const period = await resolvePeriod(store.db, plan.id, periodId);
  if (!period) throw new HttpError('not_found', `报告期 ${periodId} 不存在或不属于该计划`);
  return { plan, period };
}

const pdfUnavailable = (reply: FastifyReply, message: string) =>
  reply.code(503).send({ error: { code: 'pdf_unavailable', message } });

export function publishRoutes(store: Store, options: { pdf?: PdfExportOptions } = {}) {
  const pdf = pdfExports(options.pdf);
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    app.get('/export', { config: { access: 'any' }, schema: Publish.exportTable }, async (request, reply) => {
      const q = request.query;
      const scope = scopedFilter(callerOf(request), q);
      const { plan, period } = await planAndPeriod(store, q.planId, q.periodId);
      const problem = await filterProblem(store.db, plan.id, q);
      if (problem) throw new HttpError('validation', `筛选条件不正确：${problem}`);
      if (q.format === 'pdf') {
        const missing = await pdf.printer.unavailable();
        if (missing) return pdfUnavailable(reply, missing);
      }
      const table = unwrap(
        await loadProgressTable(store.db, {
          plan: plan.id,
          period: period.id,
          withStatus: q.withStatus === 1,
          statuses: q.status,
          lights: q.light,
          q: q.q,
          unit: scope.unitId,
          leader: scope.leaderId,
          themeId: q.themeId,
          categoryId: q.categoryId,
          today: today(),
        }),
        '当前筛选条件下没有可导出的任务，请放宽筛选后再导出。',
      );
      let file;
      try {
        // PDF: one Chromium tab each, so they wait their turn (429 when the queue is full).
        file =
          q.format === 'pdf'
            ? {
                bytes: await pdf.queue.run(
                  queueKey(callerOf(request)),
                  () => pdf.printer.print(renderProgressHtml(table)),
                  hangUpSignal(reply),
                ),
                mime: MIME.pdf,
                fileName: `${safeFileName(table.title)}.pdf`,
              }
            : await exportProgressTable(table, q.format);
      } catch (err) {
        // Chromium vanished or cannot print: say so rather than a bare 500.
        if (err instanceof DubanError && err.code === 'unsupported_format')
          return pdfUnavailable(reply, `暂时无法生成 PDF：${err.message}`);
        throw err;
      }
      return sendDownload(reply, { ...file, fallback: `progress-${period.label}.${q.format}` });
    });

    app.get(
      '/briefings/:leaderId',
      { config: { access: ['admin', 'viewer', 'leader'] }, schema: Publish.briefing },
      async (request, reply) => {
        const { leaderId } = scopedFilter(callerOf(request), { leaderId: request.params.leaderId });
        const { plan, period } = await planAndPeriod(store, request.query.planId, request.query.periodId);
        const leader = await resolveNamed(store.db, 'leaders', leaderId!);
        if (!leader) throw new HttpError('not_found', `领导 ${leaderId} 不存在`);
        const briefing = unwrap(
          await loadBriefing(store.db, { plan: plan.id, period: period.id, leader: leader.id, today: today() }),
          `${leader.name}在本计划中没有牵头的任务，无法生成专报。`,
        );
        return sendDownload(reply, {
          bytes: await writeBriefingDocx(briefing),
          mime: MIME.docx,
          fileName: `${safeFileName(`领导专报-${leader.name}-${period.label}`)}.docx`,
          fallback: `briefing-${leader.id}-${period.label}.docx`,
        });
      },
    );

    app.get(
      '/notices/:unitId',
      { config: { access: ['admin', 'unit'] }, schema: Publish.notice },
      async (request, reply) => {
        const { unitId } = scopedFilter(callerOf(request), { unitId: request.params.unitId });
        const { plan, period } = await planAndPeriod(store, request.query.planId, request.query.periodId);
        const unit = await resolveNamed(store.db, 'units', unitId!);
        if (!unit) throw new HttpError('not_found', `单位 ${unitId} 不存在`);
        const due = period.dueDate ?? period.endDate;
        const now = today();
        if (now <= due) throw new HttpError('not_found', `${period.label} 的报送截止日是 ${due}，还没有逾期的任务。`);
        const notice = unwrap(
          await loadNotice(store.db, { plan: plan.id, period: period.id, unit: unit.id, today: now }),
          `${unit.name}在 ${period.label} 没有逾期未报的任务。`,
        );
        return sendDownload(reply, {
          bytes: await writeNoticeDocx(notice),
          mime: MIME.docx,
          fileName: `${safeFileName(`催办通知-${unit.name}-${period.label}`)}.docx`,
          fallback: `notice-${unit.id}-${period.label}.docx`,
        });
      },
    );

    app.get('/diff', { config: { access: ['admin', 'viewer'] }, schema: Publish.diff }, async (request) => {
      const { planId, from, to } = request.query;
      const plan = await resolvePlan(store.db, planId);
      if (!plan) throw new HttpError('not_found', `计划 ${planId} 不存在`);
      for (const label of [from, to]) {
        if (!parsePeriod(label))
          throw new HttpError('validation', `“${label}”不是周期（如 2023Q4、2024-03、2023H1、2023）`);
        if (!(await resolvePeriod(store.db, plan.id, label)))
          throw new HttpError('not_found', `该计划没有 ${label} 这个周期`);
      }
      return unwrap(await loadDiff(store.db, { plan: plan.id, from, to }), `${from} 和 ${to} 都还没有填报，无从比较。`);
    });
  };
}
