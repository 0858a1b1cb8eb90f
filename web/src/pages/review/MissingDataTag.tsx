// 缺少数据: the report gives no figure for some of the target's indicators (the live assessor says
// which), so the office sees at a glance which reports to send back for their figures.
import { Tag } from 'antd';

export function MissingDataTag({ metrics }: { metrics: string[] }) {
  if (metrics.length === 0) return null;
  return (
    <Tag color="orange" title={`未写明：${metrics.join('、')}`} data-testid="missing-data">
      缺少数据
    </Tag>
  );
}
