// Status and light vocabulary for the UI: Chinese labels and colours, one place for all pages.
import { STATUSES, STATUS_LABEL_ZH } from '@duban/domain/status';
import type { Status } from '@duban/domain/status';
import type { Light, ReportState, Role } from '../api/types';

export { STATUSES, STATUS_LABEL_ZH };
export type { Status };

export const STATUS_COLOR: Record<Status, string> = {
  done: '#389e0d',
  on_track: '#1677ff',
  behind: '#cf1322',
  pending: '#d48806',
  no_report: '#8c8c8c',
};

export const LIGHTS: Light[] = ['green', 'yellow', 'red', 'grey'];
export const LIGHT_LABEL: Record<Light, string> = { green: '绿灯', yellow: '黄灯', red: '红灯', grey: '灰灯' };
export const LIGHT_COLOR: Record<Light, string> = {
  green: '#52c41a',
  yellow: '#faad14',
  red: '#f5222d',
  grey: '#bfbfbf',
};

export const REPORT_STATE_LABEL: Record<ReportState, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '已审核',
};
export const REPORT_STATE_COLOR: Record<ReportState, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
};

export const ROLE_LABEL: Record<Role, string> = {
  admin: '督查科（管理员）',
  unit: '责任单位',
  leader: '区领导',
  viewer: '只读查看',
};

/** The light the UI shows when the server gave none (e.g. a live assessment in the form). */
export function lightOfStatus(status: Status): Light {
  if (status === 'done' || status === 'on_track') return 'green';
  if (status === 'behind') return 'red';
  if (status === 'pending') return 'grey';
  return 'grey';
}
