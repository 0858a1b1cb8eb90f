// The unit's open 督办单 and 批示, shown at the top of its workspace: each must be signed or
// acknowledged and answered. Nothing is shown when there is nothing to do.
import { useState } from 'react';
import { Alert, Button, Card, List, Space, Tag } from 'antd';
import { useMe } from '../../auth/AuthContext';
import { formatDate } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { InstructionItem } from '../instructions/InstructionsPage';
import { instructions, NOTICE_STATE, supervision } from './api';
import { LevelTag, NoticeDrawer } from './NoticeDrawer';

export function UnitInbox() {
  const me = useMe();
  return me.role === 'unit' ? <UnitInboxPanel /> : null;
}

function UnitInboxPanel() {
  const me = useMe();
  const notices = useLoad(() => supervision.list({ open: 1, pageSize: 50 }), []);
  const open = useLoad(() => instructions.list({ open: 1, pageSize: 50 }), []);
  const [openId, setOpenId] = useState<number | null>(null);
  // Answered notices wait for the office, not for the unit.
  const todo = (notices.data?.items ?? []).filter((n) => n.state !== 'answered');
  const asked = open.data?.items ?? [];
  if (todo.length === 0 && asked.length === 0) return null;
  return (
    <Card size="small" title="待办督办事项" style={{ marginBottom: 12 }} aria-label="待办督办事项">
      {todo.length > 0 && (
        <List
          size="small"
          dataSource={todo}
          renderItem={(n) => (
            <List.Item
              actions={[
                <Button key="open" size="small" type="primary" onClick={() => setOpenId(n.id)}>
                  {n.state === 'issued' ? '签收并反馈' : '办结反馈'}
                </Button>,
              ]}
            >
              <Space wrap size={6}>
                <LevelTag level={n.level} />
                <strong>{n.number}</strong>
                <span>{n.title}</span>
                <Tag color={NOTICE_STATE[n.state].color}>{NOTICE_STATE[n.state].label}</Tag>
                <span>期限 {formatDate(n.deadline)}</span>
                {n.overdue && <Tag color="red">已逾期</Tag>}
                {n.escalations > 0 && <Tag color="red">已提级并报分管领导</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {asked.length > 0 && (
        <>
          <Alert type="info" showIcon message={`领导批示 ${asked.length} 条待落实`} style={{ margin: '8px 0' }} />
          <List
            size="small"
            dataSource={asked}
            renderItem={(item) => <InstructionItem item={item} canAcknowledge canAnswer onChanged={open.reload} />}
          />
        </>
      )}
      <NoticeDrawer id={openId} role={me.role} onClose={() => setOpenId(null)} onChanged={notices.reload} />
    </Card>
  );
}
