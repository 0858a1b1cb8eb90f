// The audit trail in words people read: each action's Chinese name, each entity's, and a one-line
// account of what a write changed (from the before/after the audit log keeps). Pure; the server's
// task trail and the web's 操作日志 both use it, so an action reads the same everywhere.
import { STATUS_LABEL_ZH, type Status } from '../domain/status.js';
import { STATE_LABEL, type ReportState } from './rules.js';

/** Every action the server records, with the name it is shown and filtered by. */
export const AUDIT_ACTIONS: readonly { action: string; label: string }[] = [
  { action: 'report.save', label: '保存报告' },
  { action: 'report.submit', label: '提交报告' },
  { action: 'report.approve', label: '审核通过' },
  { action: 'report.return', label: '退回修改' },
  { action: 'report.override', label: '人工调整状态' },
  { action: 'report.override_clear', label: '取消人工调整' },
  { action: 'comment.create', label: '发表意见' },
  { action: 'attachment.add', label: '上传证明材料' },
  { action: 'attachment.delete', label: '删除证明材料' },
  { action: 'task.acknowledge', label: '签收任务' },
  { action: 'task.close', label: '销号' },
  { action: 'task.reopen', label: '取消销号' },
  { action: 'task.update', label: '修改任务' },
  { action: 'extension.request', label: '申请延期' },
  { action: 'extension.approve', label: '批准延期' },
  { action: 'extension.refuse', label: '不批准延期' },
  { action: 'reminder.send', label: '催办' },
  { action: 'reminder.read', label: '阅读催办' },
  { action: 'supervision.issue', label: '下发督办单' },
  { action: 'supervision.sign', label: '签收督办单' },
  { action: 'supervision.answer', label: '答复督办单' },
  { action: 'supervision.accept', label: '督办单办结' },
  { action: 'supervision.return', label: '督办单退回' },
  { action: 'supervision.escalate', label: '督办升级' },
  { action: 'instruction.create', label: '领导批示' },
  { action: 'instruction.acknowledge', label: '批示签收' },
  { action: 'instruction.answer', label: '批示答复' },
  { action: 'period.open', label: '开启报告期' },
  { action: 'period.close', label: '关闭报告期' },
  { action: 'period.reopen', label: '重新开启报告期' },
  { action: 'period.due_date', label: '修改截止日期' },
  { action: 'plan.import', label: '导入进展表' },
  { action: 'plan.create', label: '新建年度计划' },
  { action: 'unit.create', label: '新增单位' },
  { action: 'unit.update', label: '修改单位' },
  { action: 'unit.merge', label: '合并单位' },
  { action: 'leader.create', label: '新增领导' },
  { action: 'leader.update', label: '修改领导' },
  { action: 'user.create', label: '新增账号' },
  { action: 'user.update', label: '修改账号' },
  { action: 'user.password', label: '修改密码' },
  { action: 'user.unlock', label: '解除锁定' },
  { action: 'token.create', label: '创建接口令牌' },
  { action: 'token.revoke', label: '吊销接口令牌' },
  { action: 'channel.create', label: '新增通知渠道' },
  { action: 'channel.update', label: '修改通知渠道' },
  { action: 'channel.delete', label: '删除通知渠道' },
  { action: 'settings.update', label: '修改系统设置' },
];

const LABELS = new Map(AUDIT_ACTIONS.map((a) => [a.action, a.label]));

/** The Chinese name of an action; an unknown one is shown as it is rather than hidden. */
export const actionLabel = (action: string): string => LABELS.get(action) ?? action;

export const ENTITY_LABEL: Record<string, string> = {
  report: '报告',
  task: '任务',
  comment: '意见',
  attachment: '证明材料',
  extension: '延期申请',
  reminder: '催办',
  period: '报告期',
  plan: '年度计划',
  unit: '单位',
  leader: '领导',
  user: '账号',
  token: '接口令牌',
  channel: '通知渠道',
  settings: '系统设置',
  notice: '督办单',
  instruction: '批示',
};

export const entityLabel = (entity: string): string => ENTITY_LABEL[entity] ?? entity;

/** Who, as people know them: the display name when there is one; the system and tokens by kind. */
export function actorLabel(actorName: string, displayName?: string | null): string {
  if (displayName) return displayName;
  if (actorName === 'system' || actorName === 'demo') return '系统';
  if (actorName.startsWith('token:')) return `接口令牌 ${actorName.slice('token:'.length)}`;
  return actorName;
}

type Json = Record<string, unknown> | null | undefined;
const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const status = (v: unknown): string => STATUS_LABEL_ZH[v as Status] ?? str(v);
const state = (v: unknown): string => STATE_LABEL[v as ReportState] ?? str(v);
const clip = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/** One line saying what the write changed, in Chinese; empty when the log holds nothing to say. */
export function describeChange(action: string, before: unknown, after: unknown): string {
  const b = (before ?? null) as Json;
  const a = (after ?? null) as Json;
  switch (action) {
    case 'report.save': {
      const moved = b?.status !== a?.status ? `，评估：${status(b?.status)} → ${status(a?.status)}` : '';
      return `第 ${str(b?.version)} 版 → 第 ${str(a?.version)} 版${moved}；内容：${clip(str(a?.text))}`;
    }
    case 'report.submit':
    case 'report.approve':
    case 'report.return': {
      const comment = a?.review_comment ? `；意见：${clip(str(a.review_comment))}` : '';
      return `${state(b?.state)} → ${state(a?.state)}${comment}`;
    }
    case 'report.override':
      return `状态：${status(b?.status)} → ${status(a?.status)}；理由：${clip(str(a?.reason))}`;
    case 'report.override_clear':
      return `恢复机器判断：${status(a?.status)}`;
    case 'comment.create':
      return clip(str(a?.body));
    case 'attachment.add':
    case 'attachment.delete':
      return str((a ?? b)?.fileName);
    case 'task.close':
      return a?.reason ? `理由：${clip(str(a.reason))}` : '';
    case 'extension.request':
      return a?.requestedDue ? `申请延至 ${str(a.requestedDue)}：${clip(str(a.reason))}` : '';
    case 'extension.approve':
    case 'extension.refuse':
      return a?.decisionComment ? clip(str(a.decisionComment)) : '';
    case 'period.due_date':
      return `截止日期：${str(b?.dueDate) || '无'} → ${str(a?.dueDate) || '无'}`;
    default:
      return '';
  }
}
