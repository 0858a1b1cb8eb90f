// 任务清单 on a phone: one card per task instead of the desktop table squeezed to 390 px (whose
// status column was cut off). A card shows the task number, its light and status, the target (cut
// after three lines; the search hits highlighted), the lead units and leaders; the whole card is
// a link to the task. Paging is the same as the table's, in the URL.
import { Link } from 'react-router-dom';
import { Card, Empty, Pagination, Spin, Tag } from 'antd';
import type { TaskListItem } from '../../api/types';
import { HitText } from '../../components/Highlighted';
import { LightDot } from '../../components/LightDot';
import { StatusTag } from '../../components/StatusTag';
import { clamp } from '../../lib/clamp';
import { REPORT_STATE_LABEL } from '../../lib/status';

function TaskCard({ row }: { row: TaskListItem }) {
  const targetHit = row.highlights?.find((h) => h.field === 'target');
  const progressHit = row.highlights?.find((h) => h.field === 'progress');
  const units = row.units.map((u) => u.name).join('、');
  const leaders = row.leaders.map((l) => l.name).join('、');
  return (
    <li style={{ listStyle: 'none' }} data-task-id={row.id} data-seq={row.seq}>
      <Link to={`/tasks/${row.id}`} aria-label={`第 ${row.seq} 项：${row.target}`} style={{ color: 'inherit' }}>
        <Card size="small" hoverable styles={{ body: { padding: 12 } }}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 6 }}>
            <span style={{ fontWeight: 600, flex: 'none' }}>第 {row.seq} 项</span>
            {row.closedAt && (
              <Tag color="default" style={{ marginInlineEnd: 0 }}>
                已销号
              </Tag>
            )}
            <span
              style={{ marginInlineStart: 'auto', display: 'inline-flex', alignItems: 'center', gap: 6, flex: 'none' }}
              data-testid="task-card-status"
            >
              {row.report ? (
                <>
                  <LightDot light={row.report.light} />
                  <StatusTag
                    status={row.report.status}
                    machineStatus={row.report.machineStatus}
                    overridden={row.report.overridden}
                  />
                </>
              ) : (
                <span style={{ color: '#999', fontSize: 12 }}>本周期无填报</span>
              )}
            </span>
          </div>
          <div style={{ ...clamp(3), color: '#1f1f1f', lineHeight: 1.6 }}>
            {targetHit ? <HitText parts={targetHit.parts} /> : row.target}
          </div>
          {progressHit && (
            <div style={{ ...clamp(2), fontSize: 12, color: '#555', marginTop: 4 }}>
              进展：
              <HitText parts={progressHit.parts} />
            </div>
          )}
          <div style={{ fontSize: 12, color: '#888', marginTop: 6, lineHeight: 1.6 }}>
            <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
              牵头单位：{units || '—'}
            </div>
            <div style={{ display: 'flex', gap: 12 }}>
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 }}>
                牵头领导：{leaders || '—'}
              </span>
              {row.report && (
                <span style={{ marginInlineStart: 'auto', flex: 'none' }}>{REPORT_STATE_LABEL[row.report.state]}</span>
              )}
            </div>
          </div>
        </Card>
      </Link>
    </li>
  );
}

export function TaskCards({
  items,
  loading,
  emptyText,
  page,
  pageSize,
  total,
  onPage,
}: {
  items: TaskListItem[];
  loading: boolean;
  emptyText: string;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number, pageSize: number) => void;
}) {
  return (
    <Spin spinning={loading}>
      {items.length === 0 && !loading ? (
        <Card size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
        </Card>
      ) : (
        <ul
          aria-label="任务列表"
          style={{ margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 8 }}
        >
          {items.map((row) => (
            <TaskCard key={row.id} row={row} />
          ))}
        </ul>
      )}
      {total > 0 && (
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, marginTop: 12 }}>
          <span style={{ color: '#666', flex: 'none' }}>共 {total} 项</span>
          <Pagination
            simple
            size="small"
            current={page}
            pageSize={pageSize}
            total={total}
            showSizeChanger
            pageSizeOptions={[20, 50, 100, 200]}
            onChange={onPage}
          />
        </div>
      )}
    </Spin>
  );
}
