// 任务详情: the target with its indicators highlighted, every period's report as a timeline
// (status, reason, actual figures highlighted, override, review), comments and the audit trail.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  List,
  Result,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { ApiError, messageOf } from '../../api/client';
import { reports, tasks } from '../../api/endpoints';
import type { Comment, TrailEntry } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { TaskSupervision } from '../supervision/TaskSupervision';
import { LoadError, PageLoading } from '../../components/Feedback';
import { Highlighted } from '../../components/Highlighted';
import { OverrideModal } from '../../components/OverrideModal';
import { ReportView } from '../../components/ReportView';
import { formatDate, formatTime } from '../../lib/format';
import { indicatorLine, targetMarks } from '../../lib/indicators';
import { LIGHT_COLOR } from '../../lib/status';
import { useLoad } from '../../lib/useLoad';
import { allowedActions, type ReportAction } from '@duban/workflow/rules';
import type { PeriodRow } from '../../api/types';
import { ReportForm } from '../workspace/ReportForm';
import { COMMENT_MAX_CHARS } from '@duban/domain/report';

function CommentBox({
  reportId,
  comments,
  onAdded,
  closedHint,
}: {
  /** The report a new comment goes to, or null when the caller may not comment now. */
  reportId: number | null;
  comments: Comment[];
  onAdded: () => void;
  closedHint: string;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ body: string }>();
  const [busy, setBusy] = useState(false);
  const add = async ({ body }: { body: string }) => {
    if (!reportId) return;
    setBusy(true);
    try {
      await reports.comment(reportId, body.trim());
      form.resetFields();
      onAdded();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={`交流意见（${comments.length}）`} size="small" style={{ marginTop: 12 }}>
      <List
        dataSource={comments}
        locale={{ emptyText: '还没有意见。' }}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={`${c.author?.name ?? ''} · ${formatTime(c.createdAt)}`}
              description={<span className="pre-text">{c.body}</span>}
            />
          </List.Item>
        )}
      />
      {reportId ? (
        <Form form={form} layout="vertical" onFinish={add} style={{ marginTop: 8 }}>
          <Form.Item
            label="写意见"
            name="body"
            rules={[{ required: true, whitespace: true, message: '请输入意见内容' }]}
          >
            <Input.TextArea rows={2} maxLength={COMMENT_MAX_CHARS} placeholder="对本期进展的意见或说明" />
          </Form.Item>
          <Button htmlType="submit" loading={busy}>
            发表意见
          </Button>
        </Form>
      ) : (
        <Typography.Text type="secondary">{closedHint}</Typography.Text>
      )}
    </Card>
  );
}

export default function TaskDetailPage() {
  const { id } = useParams();
  const me = useMe();
  const { message, modal } = App.useApp();
  const detail = useLoad(() => tasks.detail(Number(id)), [id]);
  const [overrideFor, setOverrideFor] = useState<{ id: number; status: import('../../api/types').Status } | null>(null);
  const [filing, setFiling] = useState<{ period: PeriodRow; reportId: number } | null>(null);

  if (detail.loading && !detail.data) return <PageLoading />;
  if (detail.error) {
    const e = detail.error;
    if (e instanceof ApiError && (e.status === 403 || e.status === 404))
      return (
        <Result
          status={e.status === 403 ? '403' : '404'}
          title={e.status === 403 ? '无权查看此任务' : '任务不存在'}
          subTitle={e.status === 403 ? '这项任务不属于您的单位或您牵头的范围。' : '该任务可能已被删除，或链接有误。'}
          extra={<Link to="/tasks">返回任务清单</Link>}
        />
      );
    return <LoadError error={e} onRetry={detail.reload} />;
  }
  const data = detail.data!;
  const { task } = data;
  const periods = [...data.periods].sort((a, b) => (b.period.endDate ?? '').localeCompare(a.period.endDate ?? ''));
  const admin = me.role === 'admin';
  // What the caller may do with each period's report: the workflow's own rules (src/workflow/rules.ts).
  const leadUnit = me.role === 'unit' && task.units.some((u) => u.id === me.unit?.id);
  const actionsOf = (p: (typeof periods)[number]): ReportAction[] =>
    p.report
      ? allowedActions({
          role: me.role,
          state: p.report.state,
          periodOpen: p.period.state === 'open',
          taskClosed: !!task.closedAt,
          leadUnit,
        })
      : [];
  const commentable = periods.find((p) => actionsOf(p).includes('comment'))?.report ?? null;
  const commentHint =
    me.role === 'viewer'
      ? '查看账号不能发表意见。'
      : periods.some((p) => p.period.state === 'open')
        ? '本期暂无可发表意见的报告。'
        : '报告期均已关闭，不能再发表意见。';

  const closeTask = () =>
    modal.confirm({
      title: '销号',
      content: '确认该任务已全部完成并销号？销号后任务仍可查看。',
      okText: '销号',
      onOk: async () => {
        try {
          await tasks.close(task.id, '已完成，销号');
          message.success('已销号');
          detail.reload();
        } catch (e) {
          message.error(messageOf(e));
        }
      },
    });
  const reopenTask = async () => {
    try {
      await tasks.reopen(task.id);
      message.success('已恢复');
      detail.reload();
    } catch (e) {
      message.error(messageOf(e));
    }
  };

  return (
    <div>
      <Space wrap style={{ justifyContent: 'space-between', alignItems: 'center', width: '100%', marginBottom: 12 }}>
        <h1 className="page-title">
          任务 {task.seq}
          {task.closedAt && <Tag style={{ marginInlineStart: 8 }}>已销号 {formatDate(task.closedAt)}</Tag>}
        </h1>
        {admin &&
          (task.closedAt ? <Button onClick={reopenTask}>取消销号</Button> : <Button onClick={closeTask}>销号</Button>)}
      </Space>
      <Card size="small">
        <Typography.Paragraph style={{ fontSize: 16 }}>
          <Highlighted text={task.target} marks={targetMarks(data.indicators)} />
        </Typography.Paragraph>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'theme', label: '任务板块', children: task.theme ?? '—' },
            { key: 'category', label: '二级分类', children: task.category ?? '—' },
            { key: 'leaders', label: '牵头领导', children: task.leaders.map((l) => l.name).join('、') || '—' },
            { key: 'units', label: '牵头单位', children: task.units.map((u) => u.name).join('、') || '—' },
            { key: 'co', label: '配合单位', children: task.coUnits.map((u) => u.name).join('、') || '—' },
            { key: 'deadline', label: '完成时限', children: task.deadline ?? '—' },
          ]}
        />
        {data.indicators.length > 0 && (
          <div style={{ marginTop: 8 }}>
            <Typography.Text strong>量化指标：</Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {data.indicators.map((i, n) => (
                <li key={n}>{indicatorLine(i)}</li>
              ))}
            </ul>
          </div>
        )}
      </Card>
      <Card title="各期进展" size="small" style={{ marginTop: 12 }}>
        {periods.length === 0 ? (
          <Typography.Text type="secondary">还没有填报周期。</Typography.Text>
        ) : (
          <Timeline
            items={periods.map(({ period, report }) => ({
              key: period.id,
              color: report ? LIGHT_COLOR[report.light] : 'gray',
              content: (
                <div>
                  <div style={{ marginBottom: 6 }}>
                    <strong>
                      {period.label}
                      {period.state === 'open' ? '（填报中）' : ''}
                    </strong>
                    {period.dueDate ? (
                      <Typography.Text type="secondary">　截止 {formatDate(period.dueDate)}</Typography.Text>
                    ) : null}
                  </div>
                  {report ? (
                    <ReportView report={report} />
                  ) : (
                    <Typography.Text type="secondary">本期无填报记录。</Typography.Text>
                  )}
                  <Space size={8} style={{ marginTop: 4 }}>
                    {report && actionsOf({ period, report }).includes('save') && me.role === 'unit' && (
                      <Button
                        type="primary"
                        size="small"
                        onClick={() => setFiling({ period, reportId: report.id })}
                        aria-label={`填报 ${period.label}`}
                      >
                        填报{period.label}
                      </Button>
                    )}
                    {report && actionsOf({ period, report }).includes('override') && (
                      <Button size="small" onClick={() => setOverrideFor({ id: report.id, status: report.status })}>
                        人工调整状态
                      </Button>
                    )}
                  </Space>
                </div>
              ),
            }))}
          />
        )}
      </Card>
      <TaskSupervision taskId={task.id} leads={task.leaders.some((l) => l.id === me.leader?.id)} />
      <CommentBox
        reportId={commentable?.id ?? null}
        comments={data.comments}
        onAdded={detail.reload}
        closedHint={commentHint}
      />
      <Card title="操作记录" size="small" style={{ marginTop: 12 }}>
        <Table<TrailEntry>
          rowKey="id"
          size="small"
          dataSource={data.audit}
          pagination={data.audit.length > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: '暂无操作记录。' }}
          scroll={{ x: 600 }}
          columns={[
            { title: '时间', dataIndex: 'at', width: 150, render: formatTime },
            { title: '操作人', dataIndex: 'actor', width: 140 },
            {
              title: '操作',
              key: 'label',
              width: 150,
              render: (_, e) => (e.period ? `${e.label}（${e.period}）` : e.label),
            },
            { title: '变更', dataIndex: 'change', render: (c: string) => c || '—' },
          ]}
        />
      </Card>
      {filing && (
        <ReportForm
          task={{ seq: task.seq, target: task.target, report: { id: filing.reportId } }}
          period={filing.period}
          dueDatePassed={!!filing.period.dueDate && new Date().toISOString().slice(0, 10) > filing.period.dueDate}
          onClose={() => setFiling(null)}
          onChanged={detail.reload}
        />
      )}
      {overrideFor && (
        <OverrideModal
          reportId={overrideFor.id}
          current={overrideFor.status}
          open
          onClose={() => setOverrideFor(null)}
          onDone={() => detail.reload()}
        />
      )}
    </div>
  );
}
