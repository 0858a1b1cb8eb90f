// One period's report as read by the office and leaders: status, light, reason, the text
// with the actual figures highlighted, the override and the review comment if any.
import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import type { ReportDetail } from '../api/types';
import { formatTime, fileSize } from '../lib/format';
import { actualMarks } from '../lib/indicators';
import { REPORT_STATE_COLOR, REPORT_STATE_LABEL, STATUS_LABEL_ZH } from '../lib/status';
import { Highlighted } from './Highlighted';
import { LightDot } from './LightDot';
import { StatusTag } from './StatusTag';

export function ReportView({ report }: { report: ReportDetail }) {
  const indicators = report.assessment?.indicators ?? [];
  return (
    <div>
      <Space wrap size={8} style={{ marginBottom: 8 }}>
        <LightDot light={report.light} withLabel />
        <StatusTag status={report.status} machineStatus={report.machineStatus} overridden={!!report.override} />
        <Tag color={REPORT_STATE_COLOR[report.state]}>{REPORT_STATE_LABEL[report.state]}</Tag>
        <Typography.Text type="secondary">
          {report.authorName ? `${report.authorName} · ` : ''}
          {report.submittedAt ? `提交于 ${formatTime(report.submittedAt)}` : `更新于 ${formatTime(report.updatedAt)}`}
        </Typography.Text>
      </Space>
      <div style={{ marginBottom: 8 }}>
        <Typography.Text strong>判定依据：</Typography.Text>
        {report.reason || '—'}
      </div>
      <div style={{ background: '#fafafa', padding: 12, borderRadius: 4, marginBottom: 8 }}>
        {report.text ? (
          <Highlighted text={report.text} marks={actualMarks(indicators)} />
        ) : (
          <Typography.Text type="secondary">（未填写进展）</Typography.Text>
        )}
      </div>
      {report.override && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`人工调整为「${STATUS_LABEL_ZH[report.override.status]}」（系统判定「${STATUS_LABEL_ZH[report.machineStatus]}」）`}
          description={`${report.override.reason} —— ${report.override.by?.name ?? ''} ${formatTime(report.override.at)}`}
        />
      )}
      {report.review?.comment && (
        <Alert
          type={report.state === 'returned' ? 'error' : 'success'}
          showIcon
          style={{ marginBottom: 8 }}
          title={report.state === 'returned' ? '退回意见' : '审核意见'}
          description={`${report.review.comment} —— ${report.review.by?.name ?? ''} ${formatTime(report.review.at)}`}
        />
      )}
      {report.attachments?.length > 0 && (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'a',
              label: '证明材料',
              children: (
                <Space wrap>
                  {report.attachments.map((a) => (
                    <a key={a.id} href={`/api/attachments/${a.id}`}>
                      {a.fileName}（{fileSize(a.size)}）
                    </a>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
