// 我的填报: the unit's tasks in the open period with the due-date countdown, the report form,
// returned reports with the office's comment, 签收 (acknowledge), 延期 (extension) and reminders.
import { useState } from 'react';
import { App, Alert, Button, Card, Col, List, Row, Segmented, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { messageOf } from '../../api/client';
import { cycle, itemsOf, tasks as tasksApi } from '../../api/endpoints';
import type { ReportState, TaskListItem } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { EmptyHint, LoadError, PageLoading } from '../../components/Feedback';
import { LightDot } from '../../components/LightDot';
import { StatusTag } from '../../components/StatusTag';
import { countdown, formatDate } from '../../lib/format';
import { usePlan } from '../../lib/PlanContext';
import { REPORT_STATE_COLOR, REPORT_STATE_LABEL } from '../../lib/status';
import { useLoad } from '../../lib/useLoad';
import { ExtensionModal } from './ExtensionModal';
import { UnitInbox } from '../supervision/UnitInbox';
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

export default function WorkspacePage() {
  const me = useMe();
  const { message } = App.useApp();
  const { plan, periods, loading: planLoading, error: planError, reload: reloadPlan } = usePlan();
  const openPeriod = periods.find((p) => p.state === 'open') ?? null;
  const list = useLoad(
    (signal) =>
      tasksApi.list(
        {
          planId: plan!.id,
          periodId: openPeriod!.id,
          unitId: me.role === 'unit' ? me.unit?.id : undefined,
          pageSize: 200,
          sort: 'seq',
          order: 'asc',
        },
        signal,
      ),
    [plan?.id, openPeriod?.id],
    !!plan && !!openPeriod,
  );
  const extensions = useLoad(() => cycle.extensions({ periodId: openPeriod!.id }), [openPeriod?.id], !!openPeriod);
  const [filter, setFilter] = useState<Filter>('all');
  const [editing, setEditing] = useState<TaskListItem | null>(null);
  const [extending, setExtending] = useState<TaskListItem | null>(null);
  const [acking, setAcking] = useState(false);

  if (planLoading) return <PageLoading />;
  if (planError) return <LoadError error={planError} onRetry={reloadPlan} />;
  if (!plan || !openPeriod)
    return (
      <div>
        <h1 className="page-title">我的填报</h1>
        <UnitInbox />
        <EmptyHint>当前没有开放的填报周期。督查科开启周期后，这里会列出本单位需要填报的任务。</EmptyHint>
        <RemindersInbox />
      </div>
    );

  const items = list.data?.items ?? [];
  const due = countdown(openPeriod.dueDate);
  const dueDatePassed = !!openPeriod.dueDate && dayjs().isAfter(dayjs(openPeriod.dueDate), 'day');
  const returned = items.filter((t) => t.report?.state === 'returned');
  const notSubmitted = items.filter((t) => !t.report || t.report.state === 'draft' || t.report.state === 'returned');
  const shown = items.filter((t) => matches(filter, t.report?.state));
  const pendingExtension = new Set(
    itemsOf(extensions.data)
      .filter((e) => e.state === 'pending')
      .map((e) => e.task.id),
  );

  const acknowledge = async () => {
    setAcking(true);
    try {
      const r = await cycle.acknowledge(openPeriod.id);
      message.success(`已签收 ${r.acknowledged} 项任务`);
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setAcking(false);
    }
  };

  return (
    <div>
      <Space wrap style={{ justifyContent: 'space-between', alignItems: 'center', width: '100%', marginBottom: 12 }}>
        <h1 className="page-title">我的填报 · {openPeriod.label}</h1>
        <Button onClick={acknowledge} loading={acking}>
          签收本期任务
        </Button>
      </Space>
      <UnitInbox />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="截止日期" value={formatDate(openPeriod.dueDate)} styles={{ content: { fontSize: 20 } }} />
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
              value={notSubmitted.length}
              suffix="项"
              styles={{ content: { color: notSubmitted.length ? '#cf1322' : '#389e0d' } }}
            />
          </Card>
        </Col>
      </Row>
      {returned.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有 ${returned.length} 项填报被督查科退回，请按意见修改后重新提交`}
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
            title="本期任务"
            extra={
              <Segmented<Filter>
                size="small"
                value={filter}
                onChange={setFilter}
                options={(Object.keys(FILTER_LABEL) as Filter[]).map((f) => ({ value: f, label: FILTER_LABEL[f] }))}
              />
            }
          >
            {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
            <List
              loading={list.loading}
              dataSource={shown}
              locale={{ emptyText: items.length === 0 ? '本期没有分配给本单位的任务。' : '没有这一类的任务。' }}
              renderItem={(t) => (
                <List.Item
                  key={t.id}
                  actions={[
                    <Button
                      key="fill"
                      type={
                        t.report?.state === 'draft' || t.report?.state === 'returned' || !t.report
                          ? 'primary'
                          : 'default'
                      }
                      onClick={() => setEditing(t)}
                      aria-label={`填报任务 ${t.seq}`}
                    >
                      {t.report?.state === 'submitted' || t.report?.state === 'approved' ? '查看' : '填报'}
                    </Button>,
                    pendingExtension.has(t.id) ? (
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
                        {t.report && <StatusTag status={t.report.status} />}
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
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <RemindersInbox periodId={openPeriod.id} />
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
          period={openPeriod}
          dueDatePassed={dueDatePassed}
          onClose={() => setEditing(null)}
          onChanged={list.reload}
        />
      )}
      {extending && (
        <ExtensionModal
          task={extending}
          period={openPeriod}
          onClose={() => setExtending(null)}
          onDone={extensions.reload}
        />
      )}
    </div>
  );
}
