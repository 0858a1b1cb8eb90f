// What is addressed to a leader, on top of their 驾驶舱: 督办单 on their tasks that rose to them
// (and any still open), 催办 escalated to them, and their 批示 still awaiting an answer. Each
// opens the page where it is handled. Nothing is shown when nothing waits.
import { Link } from 'react-router-dom';
import { Badge, Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { cycle } from '../../api/endpoints';
import { useMe } from '../../auth/AuthContext';
import { formatDate } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { instructions, levelOf, supervision } from '../supervision/api';

export function LeaderDesk({ planId }: { planId: number }) {
  const me = useMe();
  return me.role === 'leader' ? <LeaderDeskPanel planId={planId} /> : null;
}

function LeaderDeskPanel({ planId }: { planId: number }) {
  const notices = useLoad(() => supervision.list({ planId, open: 1, pageSize: 50 }), [planId]);
  const waiting = useLoad(() => instructions.list({ planId, open: 1, pageSize: 50 }), [planId]);
  const reminders = useLoad(() => cycle.reminders(), []);
  const risen = (notices.data?.items ?? []).filter((n) => n.escalations > 0);
  const open = notices.data?.items ?? [];
  const asked = waiting.data?.items ?? [];
  const chased = new Map((reminders.data ?? []).map((r) => [`${r.task.id}:${r.unit.id}`, r]));
  if (open.length === 0 && asked.length === 0 && chased.size === 0) return null;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} aria-label="领导督办事项">
      <Col xs={24} lg={8}>
        <Card
          size="small"
          title={
            <Space>
              督办单
              <Badge count={risen.length} title="已提级至本人" />
            </Space>
          }
          extra={<Link to="/supervision">全部</Link>}
        >
          <List
            size="small"
            dataSource={[...risen, ...open.filter((n) => n.escalations === 0)].slice(0, 6)}
            locale={{ emptyText: '没有办理中的督办单' }}
            renderItem={(n) => (
              <List.Item>
                <Space wrap size={4}>
                  <Tag color={levelOf(n.level).color}>{levelOf(n.level).label}</Tag>
                  <span>{n.unit.name}</span>
                  <Typography.Text type="secondary">{n.number}</Typography.Text>
                  {n.escalations > 0 && <Tag color="red">已提级</Tag>}
                  {n.overdue && <Tag color="red">逾期</Tag>}
                  <span>期限 {formatDate(n.deadline)}</span>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card
          size="small"
          title={
            <Space>
              催办提级
              <Badge count={chased.size} />
            </Space>
          }
          extra={<Link to="/overdue">逾期/催办</Link>}
        >
          <List
            size="small"
            dataSource={[...chased.values()].slice(0, 6)}
            locale={{ emptyText: '没有提级到本人的催办' }}
            renderItem={(r) => (
              <List.Item>
                <Link to={`/tasks/${r.task.id}`}>
                  {r.unit.name} · 第{r.task.seq}项 {r.task.target}
                </Link>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card
          size="small"
          title={
            <Space>
              待答复的批示
              <Badge count={asked.length} />
            </Space>
          }
          extra={<Link to="/instructions">领导批示</Link>}
        >
          <List
            size="small"
            dataSource={asked.slice(0, 6)}
            locale={{ emptyText: '批示都已答复' }}
            renderItem={(i) => (
              <List.Item>
                <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
                  第{i.task.seq}项：{i.body}（{i.state === 'open' ? '单位未签收' : '已阅待答复'}）
                </Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
