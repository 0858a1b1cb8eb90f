// 逾期/催办: the overdue desk (OverdueDesk.tsx: one row per unit, opened to its tasks, with
// confirmed reminders and 督办单), extension requests to decide, and the unit ranking (考核).
import { useState } from 'react';
import { EXTENSION_COMMENT_MAX_CHARS } from '@duban/domain/cycle';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Input, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { messageOf } from '../../api/client';
import { cycle } from '../../api/endpoints';
import type { Extension, Score } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { EmptyHint, LoadError, PageLoading } from '../../components/Feedback';
import { formatDate, formatTime, percent } from '../../lib/format';
import { usePlan } from '../../lib/PlanContext';
import { useLoad } from '../../lib/useLoad';
import { OverdueDesk } from './OverdueDesk';

function ExtensionsTab({ periodId }: { periodId?: number }) {
  const { message } = App.useApp();
  const list = useLoad(() => cycle.extensions({ periodId }), [periodId]);
  const [deciding, setDeciding] = useState<{ ext: Extension; approve: boolean } | null>(null);
  const [comment, setComment] = useState('');
  const decide = async () => {
    if (!deciding) return;
    try {
      await cycle.decideExtension(deciding.ext.id, deciding.approve, comment.trim() || undefined);
      message.success(deciding.approve ? '已同意延期' : '已驳回延期');
      setDeciding(null);
      setComment('');
      list.reload();
    } catch (e) {
      message.error(messageOf(e));
    }
  };
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  return (
    <>
      <Table<Extension>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: '没有延期申请。' }}
        scroll={{ x: 800 }}
        columns={[
          {
            title: '任务',
            key: 'task',
            render: (_, e) => (
              <Link to={`/tasks/${e.task.id}`}>
                {e.task.seq}. {e.task.target}
              </Link>
            ),
          },
          { title: '单位', key: 'unit', width: 140, render: (_, e) => e.unit?.name },
          { title: '申请延至', dataIndex: 'requestedDue', width: 110, render: formatDate },
          { title: '理由', dataIndex: 'reason', width: 220 },
          { title: '申请时间', dataIndex: 'createdAt', width: 140, render: formatTime },
          {
            title: '状态 / 操作',
            key: 'op',
            width: 160,
            render: (_, e) =>
              e.state === 'pending' ? (
                <Space size={4}>
                  <Button size="small" type="primary" onClick={() => setDeciding({ ext: e, approve: true })}>
                    同意
                  </Button>
                  <Button size="small" danger onClick={() => setDeciding({ ext: e, approve: false })}>
                    驳回
                  </Button>
                </Space>
              ) : (
                <Tag color={e.state === 'approved' ? 'green' : 'red'}>
                  {e.state === 'approved' ? '已同意' : '已驳回'}
                </Tag>
              ),
          },
        ]}
      />
      <Modal
        open={!!deciding}
        title={deciding?.approve ? '同意延期' : '驳回延期'}
        onCancel={() => setDeciding(null)}
        onOk={decide}
        okText="确定"
      >
        <label htmlFor="decision-comment">意见（可选）</label>
        <Input.TextArea
          id="decision-comment"
          rows={3}
          maxLength={EXTENSION_COMMENT_MAX_CHARS}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </Modal>
    </>
  );
}

function ScoresTab({ planId, periodId }: { planId: number; periodId?: number }) {
  const scores = useLoad(() => cycle.scores({ planId, periodId }), [planId, periodId], !!periodId);
  if (scores.error) return <LoadError error={scores.error} onRetry={scores.reload} />;
  const unranked = (scores.data ?? []).length > 1 && (scores.data ?? []).every((s) => s.rank === null);
  return (
    <>
      {unranked && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="各单位得分相同，本期排名无法区分"
          description="考核只计各单位在系统中的报送；导入的已发布进展表是督查科的存档，不计入单位得分。"
        />
      )}
      <Table<Score>
        rowKey={(s) => s.unit.id}
        loading={scores.loading}
        dataSource={[...(scores.data ?? [])].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))}
        locale={{ emptyText: '本周期还没有考核数据。' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 700 }}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 60, render: (r: number | null) => r ?? '—' },
          { title: '单位', key: 'unit', render: (_, s) => s.unit.name },
          { title: '任务数', dataIndex: 'tasks', width: 80 },
          { title: '按时报送率', dataIndex: 'onTimeRate', width: 110, render: (v: number) => percent(v) },
          {
            title: '完成/正常推进占比',
            dataIndex: 'doneOrOnTrackShare',
            width: 150,
            render: (v: number) => percent(v),
          },
          { title: '被退回', dataIndex: 'returns', width: 80 },
          { title: '被催办', dataIndex: 'reminders', width: 80 },
          {
            title: '得分',
            dataIndex: 'score',
            width: 80,
            render: (v: number) => <strong>{Math.round(v * 10) / 10}</strong>,
          },
        ]}
      />
    </>
  );
}

export default function OverduePage() {
  const me = useMe();
  const { plan, periods, currentPeriod, loading, error, reload } = usePlan();
  const [periodId, setPeriodId] = useState<number | undefined>();
  if (loading) return <PageLoading />;
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!plan) return <EmptyHint>还没有年度计划。</EmptyHint>;
  const pid = periodId ?? currentPeriod?.id;
  const admin = me.role === 'admin';
  return (
    <div>
      <Space wrap style={{ justifyContent: 'space-between', alignItems: 'center', width: '100%', marginBottom: 12 }}>
        <h1 className="page-title">逾期 / 催办</h1>
        <Select
          aria-label="周期"
          style={{ minWidth: 140 }}
          value={pid}
          onChange={setPeriodId}
          options={periods.map((p) => ({ value: p.id, label: `${p.label}（截止 ${formatDate(p.dueDate)}）` }))}
        />
      </Space>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'overdue',
              label: '逾期未报',
              children: pid ? (
                <OverdueDesk planId={plan.id} periodId={pid} admin={admin} leader={me.role === 'leader'} />
              ) : (
                <EmptyHint>还没有报告期。</EmptyHint>
              ),
            },
            ...(admin ? [{ key: 'ext', label: '延期申请', children: <ExtensionsTab periodId={pid} /> }] : []),
            { key: 'scores', label: '单位考核', children: <ScoresTab planId={plan.id} periodId={pid} /> },
          ]}
        />
      </Card>
    </div>
  );
}
