// 期间对比: pick two periods of the plan and see which tasks moved status between them, grouped
// by direction (上升 / 下降 / 新增, and how many stayed the same), each row opening the task.
// Direction follows the server's order: 已完成 > 序时推进 > 待数据 > 进度滞后 > 未报送.
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Col, Row, Select, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { ArrowRightOutlined, SwapOutlined } from '@ant-design/icons';
import { publish } from '../../api/endpoints';
import type { PeriodRow, TaskMove } from '../../api/types';
import { EmptyHint, LoadError, PageLoading } from '../../components/Feedback';
import { StatusTag } from '../../components/StatusTag';
import { usePlan } from '../../lib/PlanContext';
import { useLoad } from '../../lib/useLoad';

const GROUPS = [
  { key: 'up', label: '上升', color: '#389e0d', hint: '状态向“已完成”方向变化的任务' },
  { key: 'down', label: '下降', color: '#cf1322', hint: '状态向“未报送”方向变化的任务' },
  { key: 'new', label: '新增', color: '#1677ff', hint: '只在后一期有填报的任务' },
  { key: 'gone', label: '移出', color: '#8c8c8c', hint: '只在前一期有填报的任务' },
] as const;

function MoveTable({ moves, empty }: { moves: TaskMove[]; empty: string }) {
  return (
    <Table<TaskMove>
      rowKey="taskId"
      size="small"
      dataSource={moves}
      pagination={moves.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: empty }}
      scroll={{ x: 640 }}
      columns={[
        { title: '序号', dataIndex: 'seq', width: 60 },
        {
          title: '目标任务',
          dataIndex: 'target',
          render: (t: string, r) => <Link to={`/tasks/${r.taskId}`}>{t}</Link>,
        },
        {
          title: '状态变化',
          key: 'move',
          width: 230,
          render: (_, r) => (
            <Space size={6} aria-label={`由${r.from ?? '无'}变为${r.to ?? '无'}`}>
              {r.from ? <StatusTag status={r.from} /> : <Typography.Text type="secondary">无填报</Typography.Text>}
              <ArrowRightOutlined />
              {r.to ? <StatusTag status={r.to} /> : <Typography.Text type="secondary">无填报</Typography.Text>}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** The period just before `period` in the list (newest first), or the newest other one. */
function previousOf(periods: PeriodRow[], period: PeriodRow | undefined): PeriodRow | undefined {
  if (!period) return undefined;
  const i = periods.findIndex((p) => p.id === period.id);
  return periods[i + 1] ?? periods.find((p) => p.id !== period.id);
}

export default function ComparePage() {
  const { plan, periods, loading, error, reload } = usePlan();
  const [params, setParams] = useSearchParams();
  // By default the newest period with reports in it is compared with the one before it.
  const to =
    periods.find((p) => p.id === Number(params.get('to'))) ?? periods.find((p) => p.state === 'closed') ?? periods[0];
  const from = periods.find((p) => p.id === Number(params.get('from'))) ?? previousOf(periods, to);
  const diff = useLoad(
    () => publish.diff(plan!.id, from!.label, to!.label),
    [plan?.id, from?.label, to?.label],
    !!plan && !!from && !!to,
  );
  const pick = (key: 'from' | 'to', id: number) => {
    const next = new URLSearchParams(params);
    next.set(key, String(id));
    if (key === 'to' && !params.get('from')) next.delete('from');
    setParams(next);
  };
  const options = useMemo(() => periods.map((p) => ({ value: p.id, label: p.label })), [periods]);

  if (loading) return <PageLoading />;
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!plan || periods.length < 2)
    return (
      <div>
        <h1 className="page-title">期间对比</h1>
        <EmptyHint>至少要有两个填报周期才能对比。督查科开启新的周期并收到填报后，这里会列出状态变化的任务。</EmptyHint>
      </div>
    );

  const d = diff.data;
  return (
    <div>
      <h1 className="page-title">期间对比</h1>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <label>
            <span style={{ marginInlineEnd: 6 }}>前一期</span>
            <Select
              aria-label="前一期"
              style={{ minWidth: 120 }}
              value={from?.id}
              options={options}
              onChange={(v: number) => pick('from', v)}
            />
          </label>
          <Button
            icon={<SwapOutlined />}
            aria-label="交换前后两期"
            onClick={() => from && to && setParams({ from: String(to.id), to: String(from.id) })}
          />
          <label>
            <span style={{ marginInlineEnd: 6 }}>后一期</span>
            <Select
              aria-label="后一期"
              style={{ minWidth: 120 }}
              value={to?.id}
              options={options}
              onChange={(v: number) => pick('to', v)}
            />
          </label>
          {from?.id === to?.id && <Typography.Text type="warning">请选择两个不同的周期。</Typography.Text>}
        </Space>
      </Card>
      {diff.error ? <LoadError error={diff.error} onRetry={diff.reload} /> : null}
      {diff.loading && !d ? (
        <PageLoading tip="正在对比…" />
      ) : d ? (
        <>
          <Row gutter={[12, 12]} role="list" aria-label="状态变化统计">
            {GROUPS.filter((g) => g.key !== 'gone' || d.gone.length > 0).map((g) => (
              <Col key={g.key} flex="1 1 150px" role="listitem">
                <Card
                  size="small"
                  style={{ borderTop: `3px solid ${g.color}` }}
                  title={g.label}
                  data-testid={`diff-${g.key}`}
                >
                  <Statistic value={d[g.key].length} suffix="项" styles={{ content: { color: g.color } }} />
                </Card>
              </Col>
            ))}
            <Col flex="1 1 150px" role="listitem">
              <Card size="small" style={{ borderTop: '3px solid #d9d9d9' }} title="未变化" data-testid="diff-same">
                <Statistic value={d.same} suffix="项" />
              </Card>
            </Col>
          </Row>
          <Card size="small" style={{ marginTop: 12 }} title={`${d.from} → ${d.to} 状态变化的任务`}>
            <Tabs
              items={GROUPS.filter((g) => g.key !== 'gone' || d.gone.length > 0).map((g) => ({
                key: g.key,
                label: `${g.label}（${d[g.key].length}）`,
                children: (
                  <>
                    <Typography.Paragraph type="secondary">{g.hint}。</Typography.Paragraph>
                    <MoveTable moves={d[g.key]} empty={`没有${g.label}的任务。`} />
                  </>
                ),
              }))}
            />
          </Card>
        </>
      ) : null}
    </div>
  );
}
