// The report workflow's rules, pure: the states a report goes through (草稿 → 已提交 → 已退回 or
// 已审核), which step may start from which state, who may take it, and which reports count as
// published. The server's workflow service applies them inside each write's transaction; the web
// app asks them which buttons to offer, so what is offered is what the server accepts.
import type { ReportState } from '../domain/report.js';
import type { Role } from '../domain/roles.js';

export type { ReportState, Role };

/** Every step of the cycle a report can take. */
export type ReportAction = 'save' | 'submit' | 'approve' | 'return' | 'override' | 'comment' | 'attach';

export const STATE_LABEL: Record<ReportState, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '已审核',
};

export const ACTION_LABEL: Record<ReportAction, string> = {
  save: '保存',
  submit: '提交',
  approve: '审核通过',
  return: '退回',
  override: '人工调整',
  comment: '发表意见',
  attach: '上传证明材料',
};

/**
 * The states each step may start from, per role. A unit edits only what is still its own (a draft
 * or a returned report); the office may correct a submitted report's text before approving it.
 */
const FROM: Record<ReportAction, Partial<Record<Role, readonly ReportState[]>>> = {
  save: { unit: ['draft', 'returned'], admin: ['draft', 'returned', 'submitted', 'approved'] },
  attach: { unit: ['draft', 'returned'], admin: ['draft', 'returned', 'submitted', 'approved'] },
  submit: { unit: ['draft', 'returned'], admin: ['draft', 'returned'] },
  approve: { admin: ['submitted'] },
  return: { admin: ['submitted', 'approved'] },
  override: { admin: ['draft', 'submitted', 'returned', 'approved'] },
  comment: {
    admin: ['draft', 'submitted', 'returned', 'approved'],
    unit: ['draft', 'submitted', 'returned', 'approved'],
    leader: ['draft', 'submitted', 'returned', 'approved'],
  },
};

/** The states a step may start from, whoever takes it (the store's guarded update uses this). */
export function statesFrom(action: ReportAction): ReportState[] {
  return [...new Set(Object.values(FROM[action]).flat())];
}

/** What the rules need to know about one report and the caller, read inside the write's transaction. */
export interface ReportSituation {
  role: Role;
  state: ReportState;
  periodOpen: boolean;
  taskClosed: boolean;
  /** A unit caller leads the task (co-units read and comment; only the lead unit reports). */
  leadUnit: boolean;
}

export type Verdict = { ok: true } | { ok: false; code: 'closed_period' | 'conflict' | 'forbidden'; message: string };

/** Whether the step may be taken now, and if not, the Chinese reason a user is shown. */
export function judge(action: ReportAction, s: ReportSituation): Verdict {
  const allowed = FROM[action][s.role];
  if (!allowed) return { ok: false, code: 'forbidden', message: `当前角色不能${ACTION_LABEL[action]}` };
  if (s.role === 'unit' && action !== 'comment' && !s.leadUnit)
    return { ok: false, code: 'forbidden', message: '只有牵头单位可以填报此任务' };
  if (!s.periodOpen) return { ok: false, code: 'closed_period', message: '该报告期已关闭，不能再修改' };
  if (s.taskClosed && action !== 'comment') return { ok: false, code: 'conflict', message: '该任务已销号，不能再填报' };
  if (!allowed.includes(s.state)) {
    const why =
      s.role === 'unit' && (action === 'save' || action === 'attach') && s.state === 'submitted'
        ? '报告已提交，需退回后才能修改'
        : `报告当前状态为「${STATE_LABEL[s.state]}」，不能${ACTION_LABEL[action]}`;
    return { ok: false, code: 'conflict', message: why };
  }
  return { ok: true };
}

/** The steps to offer: those `judge` would allow. */
export function allowedActions(s: ReportSituation): ReportAction[] {
  return (Object.keys(FROM) as ReportAction[]).filter((a) => judge(a, s).ok);
}

/**
 * Which reports the office publishes (dashboards, lists, exports, briefings, scores): submitted or
 * approved ones, or approved ones only when the office's setting says so. A draft or a returned
 * report belongs to its unit until it is handed in again.
 */
export function publishedStates(approvedOnly: boolean): ReportState[] {
  return approvedOnly ? ['approved'] : ['submitted', 'approved'];
}

/** The office and the unit see a report as it stands; leaders and viewers only what is published. */
export function seesUnpublished(role: Role): boolean {
  return role === 'admin' || role === 'unit';
}

/**
 * A report as a leader or viewer may see it: once handed in, as it is; before, 未提交 with no text,
 * status or figures (what a unit has not handed in is not published, not even to the leader).
 */
export function publishedView<
  R extends { state: ReportState; text: string; status: string; machineStatus: string; reason: string },
>(report: R, role: Role, approvedOnly = false): R {
  if (seesUnpublished(role) || publishedStates(approvedOnly).includes(report.state)) return report;
  const reason = report.state === 'submitted' ? '待审核' : '未提交';
  return { ...report, text: '', status: 'no_report', machineStatus: 'no_report', reason };
}

/** The longest report text accepted (characters): src/domain/report.ts. */
export { REPORT_MAX_CHARS } from '../domain/report.js';

/** The evidence (证明材料) file types accepted, by extension (the server also checks each file's first bytes). */
export const EVIDENCE_EXTENSIONS = [
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'docx',
  'xlsx',
  'pptx',
  'doc',
  'xls',
  'ppt',
  'zip',
] as const;
