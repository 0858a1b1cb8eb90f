// ReportDetail as the API returns it: the store's report plus its traffic light and attachments.
import { lightOf, type Light, type LightThresholds } from '../../../domain/light.js';
import { listAttachments } from '../../../store/attachments.js';
import type { Store } from '../../../store/db.js';
import { getPeriod, type PeriodInfo } from '../../../store/periods.js';
import { getReport, type ReportDetail } from '../../../store/reports.js';
import { getSettings } from '../../../store/settings.js';
import { publishedView, type Role } from '../../../workflow/rules.js';
import { notFound } from '../../errors.js';

export const today = (): string => new Date().toISOString().slice(0, 10);

/** A report's evidence as the API lists it: who uploaded it, so the web offers 删除 to its uploader only. */
export async function attachmentsOf(store: Store, reportId: number) {
  return (await listAttachments(store.db, reportId)).map((a) => ({
    id: a.id,
    fileName: a.fileName,
    mime: a.mime,
    size: a.size,
    uploadedBy: a.uploadedBy,
    createdAt: a.createdAt,
  }));
}

export function withLight<R extends ReportDetail>(
  report: R,
  period: Pick<PeriodInfo, 'dueDate' | 'endDate'>,
  thresholds: LightThresholds,
): R & { light: Light } {
  const light = lightOf(
    { ...report.assessment, status: report.status },
    {
      dueDatePassed: period.dueDate != null && today() > period.dueDate,
      thresholds,
      periodEndMonth: Number(period.endDate.slice(5, 7)),
    },
  );
  return { ...report, light };
}

export async function reportDetail(store: Store, reportId: number, role: Role = 'admin') {
  const report = await getReport(store.db, reportId);
  if (!report) throw notFound('报告');
  const view = publishedView(report, role, (await getSettings(store.db)).publish.approvedOnly);
  // A report not handed in shows a leader or viewer neither its text nor its evidence.
  return presentReport(store, view, view === report);
}

/**
 * A report as a write's own transaction returned it, with its light and attachments: a write answers
 * this, not a fresh read, which could be another writer's newer version.
 */
export async function presentReport(store: Store, report: ReportDetail, withEvidence = true) {
  const period = (await getPeriod(store.db, report.periodId))!;
  const settings = await getSettings(store.db);
  const attachments = withEvidence ? await attachmentsOf(store, report.id) : [];
  return { ...withLight(report, period, settings.lights), attachments };
}
