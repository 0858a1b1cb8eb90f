// 督办与批示 on a task's page: its 督办单 (each opens in the drawer) and its leaders' 批示, which
// the lead unit acknowledges and answers here too; a leader of the task writes a new 批示 here.
import { useState } from 'react';
import { App, Button, Card, Input, List, Space, Tag } from 'antd';
import { messageOf } from '../../api/client';
import { useMe } from '../../auth/AuthContext';
import { formatDate } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { InstructionItem } from '../instructions/InstructionsPage';
import { instructions, NOTICE_STATE, supervision } from './api';
import { LevelTag, NoticeDrawer } from './NoticeDrawer';
import { INSTRUCTION_MAX_CHARS } from '@duban/domain/supervision';

export function TaskSupervision({ taskId, leads }: { taskId: number; leads: boolean }) {
  const me = useMe();
  const { message } = App.useApp();
  const notices = useLoad(() => supervision.list({ taskId, pageSize: 50 }), [taskId]);
  const said = useLoad(() => instructions.list({ taskId, pageSize: 50 }), [taskId]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const write = async () => {
    setBusy(true);
    try {
      await instructions.create(taskId, body);
      message.success('批示已发出');
      setBody('');
      said.reload();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const items = notices.data?.items ?? [];
  const words = said.data?.items ?? [];
  const canWrite = me.role === 'leader' && leads;
  if (items.length === 0 && words.length === 0 && !canWrite) return null;
  return (
    <Card title="督办与批示" size="small" style={{ marginTop: 12 }} aria-label="督办与批示">
      {items.length > 0 && (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item onClick={() => setOpenId(n.id)} style={{ cursor: 'pointer' }}>
              <Space wrap size={6}>
                <LevelTag level={n.level} />
                <strong>{n.number}</strong>
                <span>{n.unit.name}</span>
                <Tag color={NOTICE_STATE[n.state].color}>{NOTICE_STATE[n.state].label}</Tag>
                <span>期限 {formatDate(n.deadline)}</span>
                {n.escalations > 0 && <Tag color="red">已提级</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {words.length > 0 && (
        <List
          size="small"
          dataSource={words}
          renderItem={(i) => (
            <InstructionItem
              item={i}
              canAcknowledge={me.role === 'unit'}
              canAnswer={me.role === 'unit' || me.role === 'admin'}
              onChanged={said.reload}
            />
          )}
        />
      )}
      {canWrite && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input.TextArea
            aria-label="批示内容"
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={INSTRUCTION_MAX_CHARS}
            placeholder="对本任务作批示，如：请加快推进，月底前专题汇报。"
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
          <Button type="primary" loading={busy} disabled={!body.trim()} onClick={write}>
            批示
          </Button>
        </Space.Compact>
      )}
      <NoticeDrawer id={openId} role={me.role} onClose={() => setOpenId(null)} onChanged={notices.reload} />
    </Card>
  );
}
