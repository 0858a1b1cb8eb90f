// The five statuses a task can have in a period, and their Chinese labels (assessment.md).

export const STATUSES = ['done', 'on_track', 'behind', 'pending', 'no_report'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABEL_ZH: Record<Status, string> = {
  done: '已完成',
  on_track: '正常推进',
  behind: '进度滞后',
  pending: '待数据',
  no_report: '未报送',
};

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}
