// One open period's work in 我的填报: due date and countdown, the unit's tasks with their report
// state, returned reports with the office's comment, 签收, 延期, reminders and the report form.
import { useState } from 'react';
import { App, Alert, Button, Card, Col, List, Row, Segmented, Space, Statistic, Tag, Typography } from 'antd';
import { messageOf } from '../../api/client';
import { cycle, itemsOf } from '../../api/endpoints';
import type { PeriodRow, ReportState, TaskListItem } from '../../api/types';
import { LoadError } from '../../components/Feedback';
import { LightDot } from '../../components/LightDot';
import { StatusTag } from '../../components/StatusTag';
import { countdown, formatDate } from '../../lib/format';
import { REPORT_STATE_COLOR, REPORT_STATE_LABEL } from '../../lib/status';
import { useLoad } from '../../lib/useLoad';
import { ExtensionModal } from './ExtensionModal';
import { isOverdue, notSubmitted } from './open-periods';
import { RemindersInbox } from './RemindersInbox';
import { ReportForm } from './ReportForm';

type Filter = 'all' | 'todo' | 'returned' | 'submitted' | 'approved';
const FILTER_LABEL: Record<Filter, string> = {
  all: '全部',
  todo: '待填报',
  returned: '被退回',
  submitted: '待审核',
  approved: '已审核',
};

function matches(filter: Filter, state: ReportState | undefined): boolean {
  if (filter === 'all') return true;
  if (filter === 'todo') return !state || state === 'draft';
  return state === filter;
}

interface Props {
  period: PeriodRow;
  items: TaskListItem[];
  loading: boolean;
  error: Error | null;
  reload: () => void;
}

export function PeriodWork({ period, items, loading, error, reload }: Props) {
  const { message } = App.useApp();
  const extensions = useLoad(() => cycle.extensions({ periodId: period.id }), [period.id]);
  const [filter, setFilter] = useState<Filter>('all');
  const [editing, setEditing] = useState<TaskListItem | null>(null);
  const [extending, setExtending] = useState<TaskListItem | null>(null);
  const [acking, setAcking] = useState(false);

  const due = countdown(period.dueDate);
  const overdue = isOverdue(period);
  const returned = items.filter((t) => t.report?.state === 'returned');
  const todo = notSubmitted(items);
  const shown = items.filter((t) => matches(filter, t.report?.state));
  const pendingExtension = new Set(
    itemsOf(extensions.data)
      .filter((e) => e.state === 'pending')
      .map((e) => e.task.id),
  );

  const acknowledge = async () => {
    setAcking(true);
    try {
      const r = await cycle.acknowledge(period.id);
      message.success(`已签收 ${r.acknowledged} 项任务`);
      reload();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setAcking(false);
    }
  };

  return (
    <div data-period={period.label}>
      <Space wrap style={{ justifyContent: 'space-between', alignItems: 'center', width: '100%', marginBottom: 12 }}>
        <Space size={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {period.label}
          </Typography.Title>
          {overdue && todo.length > 0 && <Tag color="red">已逾期</Tag>}
        </Space>
        {items.length > 0 && items.every((t) => t.acknowledgedAt) ? (
          <Tag color="green" data-testid="acknowledged">
            已签收{period.label}任务（{formatDate(items.map((t) => t.acknowledgedAt!).sort()[0])}）
          </Tag>
        ) : (
          <Button onClick={acknowledge} loading={acking}>
            签收{period.label}任务
          </Button>
        )}
      </Space>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="截止日期" value={formatDate(period.dueDate)} styles={{ content: { fontSize: 20 } }} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="倒计时"
              value={due.text}
              styles={{
                content: {
                  fontSize: 20,
                  color: due.tone === 'late' ? '#cf1322' : due.tone === 'soon' ? '#d48806' : undefined,
                },
              }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="本单位任务" value={items.length} suffix="项" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="尚未提交"
              value={todo.length}
              suffix="项"
              styles={{ content: { color: todo.length ? '#cf1322' : '#389e0d' } }}
            />
          </Card>
        </Col>
      </Row>
      {returned.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${period.label} 有 ${returned.length} 项填报被督查科退回，请按意见修改后重新提交`}
          action={
            <Button size="small" onClick={() => setFilter('returned')}>
              查看
            </Button>
          }
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Card
            size="small"
            title={`${period.label} 任务`}
            extra={
              <Segmented<Filter>
                size="small"
                value={filter}
                onChange={setFilter}
                options={(Object.keys(FILTER_LABEL) as Filter[]).map((f) => ({ value: f, label: FILTER_LABEL[f] }))}
              />
            }
          >
            {error ? <LoadError error={error} onRetry={reload} /> : null}
            <List
              loading={loading}
              dataSource={shown}
              locale={{ emptyText: items.length === 0 ? '本期没有分配给本单位的任务。' : '没有这一类的任务。' }}
              renderItem={(t) => {
                const open = !t.report || t.report.state === 'draft' || t.report.state === 'returned';
                return (
                  <List.Item
                    key={t.id}
                    actions={[
                      <Button
                        key="fill"
                        type={open ? 'primary' : 'default'}
                        onClick={() => setEditing(t)}
                        aria-label={`填报任务 ${t.seq}（${period.label}）`}
                      >
                        {open ? '填报' : '查看'}
                      </Button>,
                      // 延期 only while the report is still to be handed in.
                      !open ? null : pendingExtension.has(t.id) ? (
                        <Tag key="ext">延期审批中</Tag>
                      ) : (
                        <Button key="ext" type="link" onClick={() => setExtending(t)}>
                          延期
                        </Button>
                      ),
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <Space wrap size={6}>
                          <span>任务 {t.seq}</span>
                          {t.report && <LightDot light={t.report.light} />}
                          {/* Its own draft's assessment for the unit; the office sees 未报送 until it is handed in. */}
                          {t.report && <StatusTag status={open ? t.report.machineStatus : t.report.status} />}
                          {t.report && (
                            <Tag color={REPORT_STATE_COLOR[t.report.state]}>{REPORT_STATE_LABEL[t.report.state]}</Tag>
                          )}
                        </Space>
                      }
                      description={
                        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                          {t.target}
                        </Typography.Paragraph>
                      }
                    />
                  </List.Item>
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <RemindersInbox periodId={period.id} />
          {itemsOf(extensions.data).length > 0 && (
            <Card size="small" title="延期申请" style={{ marginTop: 12 }}>
              <List
                dataSource={itemsOf(extensions.data)}
                renderItem={(e) => (
                  <List.Item>
                    <List.Item.Meta
                      title={`任务 ${e.task.seq} · 申请延至 ${formatDate(e.requestedDue)}`}
                      description={`${e.state === 'pending' ? '审批中' : e.state === 'approved' ? '已同意' : '未同意'}${e.decisionComment ? `：${e.decisionComment}` : ''}`}
                    />
                  </List.Item>
                )}
              />
            </Card>
          )}
        </Col>
      </Row>
      {editing && (
        <ReportForm
          task={editing}
          period={period}
          dueDatePassed={overdue}
          onClose={() => setEditing(null)}
          onChanged={reload}
        />
      )}
      {extending && (
        <ExtensionModal
          task={extending}
          period={period}
          onClose={() => setExtending(null)}
          onDone={extensions.reload}
        />
      )}
    </div>
  );
}
