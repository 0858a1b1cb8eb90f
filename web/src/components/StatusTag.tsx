// A task's status as a coloured tag with its Chinese label; marks a human override.
import { Tag, Tooltip } from 'antd';
import type { Status } from '../api/types';
import { STATUS_COLOR, STATUS_LABEL_ZH } from '../lib/status';

export function StatusTag({
  status,
  machineStatus,
  overridden,
}: {
  status: Status;
  machineStatus?: Status;
  overridden?: boolean;
}) {
  const tag = (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }} data-status={status}>
      {STATUS_LABEL_ZH[status]}
      {overridden ? ' *' : ''}
    </Tag>
  );
  if (!overridden || !machineStatus) return tag;
  return <Tooltip title={`人工调整；系统判定为「${STATUS_LABEL_ZH[machineStatus]}」`}>{tag}</Tooltip>;
}
