// 下发督办单: the office chooses the urgency level, the deadline and the feedback required for one
// task or a unit's lagging tasks; the server numbers it (督办〔年〕第N号).
import { useState } from 'react';
import { App, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { messageOf } from '../../api/client';
import type { Named } from '../../api/types';
import { LEVELS, supervision, type Level } from './api';
import { FEEDBACK_REQUIRED_MAX_CHARS } from '@duban/domain/supervision';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export interface RaiseTarget {
  planId: number;
  unit: Named;
  tasks: { id: number; seq: number; target: string }[];
}

export function RaiseNoticeModal({
  target,
  onClose,
  onRaised,
}: {
  target: RaiseTarget | null;
  onClose: () => void;
  onRaised: () => void;
}) {
  const { message } = App.useApp();
  const [level, setLevel] = useState<Level>('hint');
  const [deadline, setDeadline] = useState(inDays(5));
  const [feedback, setFeedback] = useState('逐项说明滞后原因、已采取的措施和完成时限，并报送佐证材料。');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!target) return;
    setBusy(true);
    try {
      const n = await supervision.raise({
        planId: target.planId,
        unitId: target.unit.id,
        taskIds: target.tasks.map((t) => t.id),
        level,
        deadline,
        feedbackRequired: feedback,
      });
      message.success(`已下发${n.number}`);
      onRaised();
      onClose();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={!!target}
      title={target ? `向${target.unit.name}下发督办单` : ''}
      okText="下发"
      onOk={submit}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
    >
      {target && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            涉及任务：{target.tasks.map((t) => `第${t.seq}项`).join('、')}
          </Typography.Text>
          <div>
            <div id="notice-level-label">督办等级</div>
            <Radio.Group aria-labelledby="notice-level-label" value={level} onChange={(e) => setLevel(e.target.value)}>
              {LEVELS.map((l) => (
                <Radio key={l.value} value={l.value}>
                  <Tag color={l.color}>{l.label}</Tag>
                </Radio>
              ))}
            </Radio.Group>
          </div>
          <label htmlFor="notice-deadline">办理期限</label>
          <Input id="notice-deadline" type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
          <label htmlFor="notice-feedback">反馈要求</label>
          <Input.TextArea
            id="notice-feedback"
            rows={3}
            maxLength={FEEDBACK_REQUIRED_MAX_CHARS}
            value={feedback}
            onChange={(e) => setFeedback(e.target.value)}
          />
          <Typography.Text type="secondary">逾期未反馈的督办单将自动提级并报分管领导。</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
