// 批示: a leader writes instructions on the tasks they lead and sees what became of them; the
// lead unit acknowledges (已阅) and answers; the office sees the open ones and may answer.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Input, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { api, messageOf } from '../../api/client';
import type { Page, TaskListItem } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { LoadError } from '../../components/Feedback';
import { formatTime } from '../../lib/format';
import { usePlan } from '../../lib/PlanContext';
import { useLoad } from '../../lib/useLoad';
import { INSTRUCTION_STATE, instructions, type Instruction } from '../supervision/api';
import { INSTRUCTION_MAX_CHARS } from '@duban/domain/supervision';

function NewInstruction({ planId, onCreated }: { planId: number; onCreated: () => void }) {
  const { message } = App.useApp();
  const tasks = useLoad(() => api.get<Page<TaskListItem>>('/tasks', { planId, pageSize: 200 }), [planId]);
  const [taskId, setTaskId] = useState<number | undefined>();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!taskId) return;
    setBusy(true);
    try {
      await instructions.create(taskId, body);
      message.success('批示已发出');
      setBody('');
      onCreated();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="写批示" style={{ marginBottom: 12 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select
          aria-label="批示的任务"
          showSearch
          optionFilterProp="label"
          placeholder="选择本人牵头的任务"
          style={{ width: '100%' }}
          loading={tasks.loading}
          value={taskId}
          onChange={setTaskId}
          options={(tasks.data?.items ?? []).map((t) => ({ value: t.id, label: `${t.seq}. ${t.target}` }))}
        />
        <Input.TextArea
          aria-label="批示内容"
          rows={3}
          maxLength={INSTRUCTION_MAX_CHARS}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          placeholder="如：请加快推进，月底前报送进展。"
        />
        <Button type="primary" loading={busy} disabled={!taskId || !body.trim()} onClick={submit}>
          发出批示
        </Button>
      </Space>
    </Card>
  );
}

export function InstructionItem({
  item,
  canAcknowledge,
  canAnswer,
  onChanged,
}: {
  item: Instruction;
  canAcknowledge: boolean;
  canAnswer: boolean;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      message.success(done);
      setAnswer('');
      onChanged();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const state = INSTRUCTION_STATE[item.state];
  return (
    <List.Item>
      <Space direction="vertical" style={{ width: '100%' }} size={4}>
        <Space wrap size={6}>
          <Tag color={state.color}>{state.label}</Tag>
          <strong>{item.leader.name}批示</strong>
          <Typography.Text type="secondary">{formatTime(item.createdAt)}</Typography.Text>
          <Link to={`/tasks/${item.task.id}`}>
            第{item.task.seq}项：{item.task.target}
          </Link>
        </Space>
        <Typography.Paragraph style={{ margin: 0, fontSize: 15 }}>“{item.body}”</Typography.Paragraph>
        <Typography.Text type="secondary">牵头单位：{item.units.map((u) => u.name).join('、') || '—'}</Typography.Text>
        {item.answer && (
          <Typography.Paragraph style={{ margin: 0, background: '#f6ffed', padding: '4px 8px' }}>
            答复（{item.answeredByRole === 'admin' ? '督查室' : item.answeredBy}，{formatTime(item.answeredAt)}
            {item.answerReport ? `，随${item.answerReport.periodLabel}进展情况填报答复` : ''}）：
            {item.answer}
          </Typography.Paragraph>
        )}
        {item.state !== 'answered' && (canAcknowledge || canAnswer) && (
          <Space direction="vertical" style={{ width: '100%' }}>
            {canAcknowledge && item.state === 'open' && (
              <Button
                size="small"
                loading={busy}
                onClick={() => act(() => instructions.acknowledge(item.id), '已签收批示')}
              >
                已阅签收
              </Button>
            )}
            {canAnswer && (
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  aria-label={`答复批示 ${item.id}`}
                  placeholder="填写落实情况"
                  value={answer}
                  onChange={(e) => setAnswer(e.target.value)}
                />
                <Button
                  type="primary"
                  loading={busy}
                  disabled={!answer.trim()}
                  onClick={() => act(() => instructions.answer(item.id, answer), '已答复')}
                >
                  答复
                </Button>
              </Space.Compact>
            )}
          </Space>
        )}
      </Space>
    </List.Item>
  );
}

export default function InstructionsPage() {
  const me = useMe();
  const { plan } = usePlan();
  const [view, setView] = useState<'open' | 'all'>(me.role === 'leader' ? 'all' : 'open');
  const [page, setPage] = useState(1);
  const list = useLoad(
    () => instructions.list({ planId: plan?.id, open: view === 'open' ? 1 : undefined, page, pageSize: 20 }),
    [plan?.id, view, page],
  );
  return (
    <div>
      <Space wrap style={{ justifyContent: 'space-between', alignItems: 'center', width: '100%', marginBottom: 12 }}>
        <h1 className="page-title">领导批示</h1>
        <Segmented<'open' | 'all'>
          value={view}
          onChange={(v) => {
            setView(v);
            setPage(1);
          }}
          options={[
            { value: 'open', label: '待落实' },
            { value: 'all', label: '全部' },
          ]}
        />
      </Space>
      {me.role === 'leader' && plan && <NewInstruction planId={plan.id} onCreated={list.reload} />}
      <Card size="small">
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <List<Instruction>
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: me.role === 'leader' ? '还没有批示。' : '没有待落实的批示。' }}
            pagination={
              (list.data?.total ?? 0) > 20
                ? { current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }
                : false
            }
            renderItem={(item) => (
              <InstructionItem
                item={item}
                canAcknowledge={me.role === 'unit'}
                canAnswer={me.role === 'unit' || me.role === 'admin'}
                onChanged={list.reload}
              />
            )}
          />
        )}
      </Card>
    </div>
  );
}
