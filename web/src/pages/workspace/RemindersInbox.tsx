// The unit's reminders inbox (催办): what the office chased, newest first; mark as read.
import { App, Badge, Button, Card, List, Tag, Typography } from 'antd';
import { messageOf } from '../../api/client';
import { cycle } from '../../api/endpoints';
import type { Reminder } from '../../api/types';
import { LoadError } from '../../components/Feedback';
import { formatDate, formatTime } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';

export function RemindersInbox({ periodId }: { periodId?: number }) {
  const { message } = App.useApp();
  const inbox = useLoad(() => cycle.reminders({ periodId }), [periodId]);
  const items = [...(inbox.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const unread = items.filter((r) => !r.readAt).length;
  const read = async (r: Reminder) => {
    try {
      await cycle.markRead(r.id);
      inbox.reload();
    } catch (e) {
      message.error(messageOf(e));
    }
  };
  return (
    <Card
      size="small"
      title={
        <span>
          催办提醒 <Badge count={unread} />
        </span>
      }
      role="region"
      aria-label="催办提醒"
    >
      {inbox.error ? <LoadError error={inbox.error} onRetry={inbox.reload} /> : null}
      <List
        loading={inbox.loading}
        dataSource={items}
        locale={{ emptyText: '没有催办提醒。' }}
        renderItem={(r) => (
          <List.Item
            actions={
              r.readAt
                ? []
                : [
                    <Button key="read" size="small" onClick={() => read(r)}>
                      标为已读
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <span style={{ fontWeight: r.readAt ? 400 : 600 }}>
                  {r.message || '请尽快报送本期进展'}
                  {r.replyBy && <Tag color="orange">请于 {formatDate(r.replyBy)} 前回复</Tag>}
                </span>
              }
              description={
                <Typography.Text
                  type="secondary"
                  ellipsis
                >{`第${r.task.seq}项「${r.task.target}」 · ${r.sentBy?.name ?? '督查科'} · ${formatTime(r.createdAt)}`}</Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
