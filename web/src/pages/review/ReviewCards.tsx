// 审核 on a phone: one card per submitted report instead of the 1,080-px table squeezed to 390 px.
// A card shows the task, the machine's judgement with its reason and 缺少数据, the report (cut after
// four lines, 展开 shows it whole), the time it was handed in and the three review actions; a
// checkbox puts it in the bulk selection the page's 批量通过/批量退回 act on.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Checkbox, Empty, Space, Spin } from 'antd';
import type { TaskListItem } from '../../api/types';
import { LightDot } from '../../components/LightDot';
import { StatusTag } from '../../components/StatusTag';
import { clamp } from '../../lib/clamp';
import { formatTime } from '../../lib/format';
import { MissingDataTag } from './MissingDataTag';

export interface ReviewActions {
  closed: boolean;
  busy: boolean;
  selected: number[];
  onSelect: (taskId: number, on: boolean) => void;
  onApprove: (taskId: number) => void;
  onReturn: (taskId: number) => void;
  onOverride: (row: TaskListItem) => void;
  missingOf: (row: TaskListItem) => string[];
}

function ReviewCard({ row, actions }: { row: TaskListItem; actions: ReviewActions }) {
  const [whole, setWhole] = useState(false);
  const report = row.report!;
  return (
    <li style={{ listStyle: 'none' }} data-task-id={row.id} data-seq={row.seq}>
      <Card size="small" styles={{ body: { padding: 12 } }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 6 }}>
          {!actions.closed && (
            <Checkbox
              aria-label={`选择任务 ${row.seq}`}
              checked={actions.selected.includes(row.id)}
              onChange={(e) => actions.onSelect(row.id, e.target.checked)}
            />
          )}
          <Link to={`/tasks/${row.id}`} style={{ fontWeight: 600, flex: 'none' }}>
            第 {row.seq} 项
          </Link>
          <span style={{ marginInlineStart: 'auto', display: 'inline-flex', alignItems: 'center', gap: 6 }}>
            <LightDot light={report.light} />
            <StatusTag status={report.status} machineStatus={report.machineStatus} overridden={report.overridden} />
          </span>
        </div>
        <div style={{ ...clamp(3), lineHeight: 1.6 }}>{row.target}</div>
        <div style={{ fontSize: 12, color: '#888', marginTop: 4 }}>
          {row.units.map((u) => u.name).join('、') || '—'}
        </div>
        <div
          className="pre-text"
          style={{ ...(whole ? {} : clamp(4)), background: '#fafafa', padding: 8, marginTop: 8, borderRadius: 4 }}
        >
          {report.text}
        </div>
        {/* Four lines on a phone hold about 80 characters; a shorter report is already whole. */}
        {report.text.length > 80 && (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setWhole(!whole)}>
            {whole ? '收起' : '展开全文'}
          </Button>
        )}
        <div style={{ fontSize: 12, color: '#666' }}>
          <MissingDataTag metrics={actions.missingOf(row)} />
          {report.reason}
        </div>
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 8 }}>
          <span style={{ fontSize: 12, color: '#999' }}>提交于 {formatTime(report.submittedAt)}</span>
          {!actions.closed && (
            <Space size={4} style={{ marginInlineStart: 'auto' }}>
              <Button
                size="small"
                type="primary"
                disabled={actions.busy}
                onClick={() => actions.onApprove(row.id)}
                aria-label={`通过任务 ${row.seq}`}
              >
                通过
              </Button>
              <Button size="small" danger onClick={() => actions.onReturn(row.id)} aria-label={`退回任务 ${row.seq}`}>
                退回
              </Button>
              <Button size="small" onClick={() => actions.onOverride(row)}>
                调整
              </Button>
            </Space>
          )}
        </div>
      </Card>
    </li>
  );
}

export function ReviewCards({
  rows,
  loading,
  actions,
}: {
  rows: TaskListItem[];
  loading: boolean;
  actions: ReviewActions;
}) {
  return (
    <Spin spinning={loading}>
      {rows.length === 0 && !loading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待审核的填报。责任单位提交后会出现在这里。" />
      ) : (
        <ul
          aria-label="待审核列表"
          style={{ margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 8 }}
        >
          {rows.map((row) => (
            <ReviewCard key={row.id} row={row} actions={actions} />
          ))}
        </ul>
      )}
    </Spin>
  );
}
