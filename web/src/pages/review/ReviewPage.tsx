// 审核: submitted reports of a period. Approve, return with a comment, or override the status
// with a reason; approve or return several at once.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { messageOf } from '../../api/client';
import { itemsOf, reports } from '../../api/endpoints';
import type { BulkResult, TaskListItem } from '../../api/types';
import { EmptyHint, LoadError, PageLoading } from '../../components/Feedback';
import { LightDot } from '../../components/LightDot';
import { OverrideModal } from '../../components/OverrideModal';
import { StatusTag } from '../../components/StatusTag';
import { browserAssessor, type Assessor } from '../../lib/assess';
import { formatTime } from '../../lib/format';
import { usePlan } from '../../lib/PlanContext';
import { useLoad } from '../../lib/useLoad';
import { usePhone } from '../../lib/useMediaQuery';
import { MissingDataTag } from './MissingDataTag';
import { ReviewCards } from './ReviewCards';
import { REVIEW_COMMENT_MAX_CHARS } from '@duban/domain/report';

function ReturnModal({
  count,
  onCancel,
  onOk,
}: {
  count: number;
  onCancel: () => void;
  onOk: (comment: string) => Promise<void>;
}) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={count > 1 ? `退回 ${count} 份填报` : '退回填报'}
      okText="退回"
      okButtonProps={{ danger: true, disabled: !comment.trim() }}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={async () => {
        setBusy(true);
        try {
          await onOk(comment.trim());
        } finally {
          setBusy(false);
        }
      }}
    >
      <label htmlFor="return-comment">退回意见（责任单位会看到）</label>
      <Input.TextArea
        id="return-comment"
        rows={4}
        maxLength={REVIEW_COMMENT_MAX_CHARS}
        showCount
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder="例如：请补充1-11月的具体投资额和同比增速。"
      />
    </Modal>
  );
}

export default function ReviewPage() {
  const { message } = App.useApp();
  const phone = usePhone();
  const { plan, periods, currentPeriod, loading, error, reload } = usePlan();
  const [periodId, setPeriodId] = useState<number | undefined>();
  const pid = periodId ?? currentPeriod?.id;
  const queue = useLoad(
    () => reports.review({ planId: plan!.id, periodId: pid!, state: 'submitted' }),
    [plan?.id, pid],
    !!plan && !!pid,
  );
  const [selected, setSelected] = useState<number[]>([]);
  const [returning, setReturning] = useState<number[] | null>(null);
  const [overriding, setOverriding] = useState<TaskListItem | null>(null);
  const [busy, setBusy] = useState(false);
  // the figures a report lacks (缺少数据), read by the same assessor the report form uses
  const periodLabel = periods.find((p) => p.id === pid)?.label ?? '';
  // A closed period's queue is read-only: the server refuses every review step there.
  const closed = periods.find((p) => p.id === pid)?.state === 'closed';
  const [assessor, setAssessor] = useState<Assessor | null>(null);
  useEffect(() => {
    let live = true;
    if (periodLabel) void browserAssessor(periodLabel).then((a) => live && setAssessor(() => a));
    return () => {
      live = false;
    };
  }, [periodLabel]);
  const missingOf = (t: TaskListItem): string[] =>
    assessor && t.report?.text?.trim() ? (assessor(t.target, t.report.text, t.deadline).missing_figures ?? []) : [];

  if (loading) return <PageLoading />;
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!plan) return <EmptyHint>还没有年度计划，请先导入进展表。</EmptyHint>;

  const rows = itemsOf(queue.data).filter((t) => t.report);
  const reportIds = (taskIds: number[]) => rows.filter((t) => taskIds.includes(t.id)).map((t) => t.report!.id);

  const report = (r: BulkResult, verb: string) => {
    if (r.failed.length === 0) message.success(`已${verb} ${r.done.length} 份`);
    else
      message.warning(
        `已${verb} ${r.done.length} 份，${r.failed.length} 份失败：${r.failed.map((f) => f.error.message).join('；')}`,
      );
  };
  const after = () => {
    setSelected([]);
    queue.reload();
  };

  const approve = async (taskIds: number[]) => {
    setBusy(true);
    try {
      const ids = reportIds(taskIds);
      if (ids.length === 1) {
        await reports.approve(ids[0]);
        message.success('已审核通过');
      } else report(await reports.bulk(ids, 'approve'), '通过');
      after();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const doReturn = async (comment: string) => {
    const ids = reportIds(returning ?? []);
    try {
      if (ids.length === 1) {
        await reports.return(ids[0], comment);
        message.success('已退回');
      } else report(await reports.bulk(ids, 'return', comment), '退回');
      setReturning(null);
      after();
    } catch (e) {
      message.error(messageOf(e));
    }
  };

  return (
    <div>
      <Space wrap style={{ justifyContent: 'space-between', alignItems: 'center', width: '100%', marginBottom: 12 }}>
        <h1 className="page-title">审核</h1>
        <Select
          aria-label="周期"
          style={{ minWidth: 140 }}
          value={pid}
          onChange={setPeriodId}
          options={periods.map((p) => ({ value: p.id, label: p.label }))}
        />
      </Space>
      {queue.error ? <LoadError error={queue.error} onRetry={queue.reload} /> : null}
      <Card size="small">
        <Space style={{ marginBottom: 12 }} wrap>
          {!closed && (
            <>
              <Button type="primary" disabled={!selected.length || busy} onClick={() => approve(selected)}>
                批量通过（{selected.length}）
              </Button>
              <Button danger disabled={!selected.length || busy} onClick={() => setReturning(selected)}>
                批量退回（{selected.length}）
              </Button>
            </>
          )}
          <Typography.Text type="secondary">
            共 {rows.length} 份待审核{closed ? '（该报告期已关闭，只能查看）' : ''}
          </Typography.Text>
        </Space>
        {phone ? (
          <ReviewCards
            rows={rows}
            loading={queue.loading}
            actions={{
              closed,
              busy,
              selected,
              onSelect: (id, on) => setSelected(on ? [...selected, id] : selected.filter((x) => x !== id)),
              onApprove: (id) => void approve([id]),
              onReturn: (id) => setReturning([id]),
              onOverride: setOverriding,
              missingOf,
            }}
          />
        ) : (
          <Table<TaskListItem>
            rowKey="id"
            loading={queue.loading}
            dataSource={rows}
            rowSelection={
              closed ? undefined : { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }
            }
            locale={{ emptyText: '没有待审核的填报。责任单位提交后会出现在这里。' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 1080 }}
            expandable={{
              expandedRowRender: (t) => <div className="pre-text">{t.report?.text}</div>,
              expandRowByClick: false,
            }}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 60 },
              {
                title: '目标任务 / 牵头单位',
                dataIndex: 'target',
                width: 260,
                render: (v: string, t) => (
                  <div>
                    <Link to={`/tasks/${t.id}`}>{v}</Link>
                    <div style={{ fontSize: 12, color: '#888' }}>{t.units.map((u) => u.name).join('、')}</div>
                  </div>
                ),
              },
              {
                title: '进展（节选）',
                key: 'text',
                width: 240,
                render: (_, t) => (
                  <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ marginBottom: 0 }}>
                    {t.report?.text}
                  </Typography.Paragraph>
                ),
              },
              {
                title: '系统判定',
                key: 'status',
                width: 200,
                render: (_, t) => (
                  <div>
                    <Space size={4}>
                      <LightDot light={t.report!.light} />
                      <StatusTag
                        status={t.report!.status}
                        machineStatus={t.report!.machineStatus}
                        overridden={t.report!.overridden}
                      />
                    </Space>
                    <MissingDataTag metrics={missingOf(t)} />
                    <div style={{ fontSize: 12, color: '#666' }}>{t.report!.reason}</div>
                  </div>
                ),
              },
              { title: '提交时间', key: 'at', width: 100, render: (_, t) => formatTime(t.report?.submittedAt) },
              {
                title: '操作',
                key: 'ops',
                width: 170,
                fixed: 'right',
                render: (_, t) =>
                  closed ? (
                    <Link to={`/tasks/${t.id}`}>查看</Link>
                  ) : (
                    <Space size={4} wrap>
                      <Button
                        size="small"
                        type="primary"
                        disabled={busy}
                        onClick={() => approve([t.id])}
                        aria-label={`通过任务 ${t.seq}`}
                      >
                        通过
                      </Button>
                      <Button size="small" danger onClick={() => setReturning([t.id])} aria-label={`退回任务 ${t.seq}`}>
                        退回
                      </Button>
                      <Button size="small" onClick={() => setOverriding(t)}>
                        调整
                      </Button>
                    </Space>
                  ),
              },
            ]}
          />
        )}
      </Card>
      {returning && <ReturnModal count={returning.length} onCancel={() => setReturning(null)} onOk={doReturn} />}
      {overriding?.report && (
        <OverrideModal
          reportId={overriding.report.id}
          current={overriding.report.status}
          open
          onClose={() => setOverriding(null)}
          onDone={() => queue.reload()}
        />
      )}
    </div>
  );
}
