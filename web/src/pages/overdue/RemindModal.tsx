// 催办 with a confirmation: the office sees whom it reminds of what, may add a message and a
// reply-by date, and chooses the channels (DingTalk, WeCom, webhook) it also goes out on; it always
// lands in the unit's inbox. The server treats the same reminder sent again within a minute as one.
import { useState } from 'react';
import { REMINDER_MESSAGE_MAX_CHARS } from '@duban/domain/cycle';
import { App, Checkbox, Input, Modal, Space, Typography } from 'antd';
import { api, messageOf } from '../../api/client';
import { cycle } from '../../api/endpoints';
import type { Named } from '../../api/types';
import { useLoad } from '../../lib/useLoad';

export interface RemindTarget {
  unit: Named;
  periodId: number;
  tasks: { taskId: number; seq: number }[];
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export function RemindModal({
  target,
  onClose,
  onSent,
}: {
  target: RemindTarget | null;
  onClose: () => void;
  onSent: () => void;
}) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [replyBy, setReplyBy] = useState(inDays(3));
  const [busy, setBusy] = useState(false);
  const channels = useLoad(
    () => api.get<{ id: number; name: string; events: string[]; enabled: boolean }[]>('/channels'),
    [],
    !!target,
  );
  const usable = (channels.data ?? []).filter((c) => c.enabled && c.events.includes('reminder'));
  /** Unticked channels; every usable channel is ticked until the user unticks it. */
  const [skipped, setSkipped] = useState<number[]>([]);
  const chosen = usable.filter((c) => !skipped.includes(c.id)).map((c) => c.id);
  const send = async () => {
    if (!target) return;
    setBusy(true);
    let sent = 0;
    try {
      for (const t of target.tasks) {
        await cycle.remind({
          taskId: t.taskId,
          periodId: target.periodId,
          unitId: target.unit.id,
          message: text.trim() || undefined,
          replyBy: replyBy || undefined,
          channelIds: chosen,
        });
        sent += 1;
      }
      message.success(`已向${target.unit.name}催办 ${sent} 项`);
      setText('');
      onSent();
      onClose();
    } catch (e) {
      message.error(sent ? `已催办 ${sent} 项后出错：${messageOf(e)}` : messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={!!target} title="确认催办" okText="发送催办" onOk={send} confirmLoading={busy} onCancel={onClose}>
      {target && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            向 <strong>{target.unit.name}</strong> 催办 {target.tasks.map((t) => `第${t.seq}项`).join('、')}
            任务。
          </Typography.Text>
          <label htmlFor="remind-message">催办留言（可选）</label>
          <Input.TextArea
            id="remind-message"
            rows={3}
            placeholder="不填则发送默认催办内容"
            maxLength={REMINDER_MESSAGE_MAX_CHARS}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <label htmlFor="remind-reply-by">请于此日期前回复</label>
          <Input id="remind-reply-by" type="date" value={replyBy} onChange={(e) => setReplyBy(e.target.value)} />
          {usable.length > 0 ? (
            <div>
              <div id="remind-channels">同时发送到</div>
              <Checkbox.Group
                aria-labelledby="remind-channels"
                value={chosen}
                onChange={(ids) => setSkipped(usable.map((c) => c.id).filter((id) => !ids.includes(id)))}
                options={usable.map((c) => ({ value: c.id, label: c.name }))}
              />
            </div>
          ) : (
            <Typography.Text type="secondary">未配置催办通知渠道，仅在系统内提醒单位。</Typography.Text>
          )}
        </Space>
      )}
    </Modal>
  );
}
