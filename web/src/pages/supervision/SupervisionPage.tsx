// 督办单: the office's register of supervision notices (open, escalated, all), the unit's own and
// the leader's (those on their tasks, escalations first). A row opens the notice (NoticeDrawer).
import { useState } from 'react';
import { Card, Segmented, Space, Table, Tag } from 'antd';
import { useMe } from '../../auth/AuthContext';
import { LoadError } from '../../components/Feedback';
import { formatDate } from '../../lib/format';
import { usePlan } from '../../lib/PlanContext';
import { useLoad } from '../../lib/useLoad';
import { NOTICE_STATE, supervision, type Notice } from './api';
import { LevelTag, NoticeDrawer } from './NoticeDrawer';

type View = 'open' | 'escalated' | 'all';
const PAGE_SIZE = 20;

export default function SupervisionPage() {
  const me = useMe();
  const { plan } = usePlan();
  const [view, setView] = useState<View>(me.role === 'leader' ? 'escalated' : 'open');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useLoad(
    () =>
      supervision.list({
        planId: plan?.id,
        open: view === 'open' ? 1 : undefined,
        escalated: view === 'escalated' ? 1 : undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    [plan?.id, view, page],
  );
  return (
    <div>
      <Space wrap style={{ justifyContent: 'space-between', alignItems: 'center', width: '100%', marginBottom: 12 }}>
        <h1 className="page-title">督办单</h1>
        <Segmented<View>
          value={view}
          onChange={(v) => {
            setView(v);
            setPage(1);
          }}
          options={[
            { value: 'open', label: '办理中' },
            { value: 'escalated', label: '已提级' },
            { value: 'all', label: '全部' },
          ]}
        />
      </Space>
      <Card size="small">
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<Notice>
            rowKey="id"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: '没有督办单。在“逾期/催办”页可对滞后任务下发督办单。' }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              onChange: setPage,
              hideOnSinglePage: true,
            }}
            onRow={(n) => ({ onClick: () => setOpenId(n.id), style: { cursor: 'pointer' } })}
            scroll={{ x: 900 }}
            columns={[
              { title: '编号', dataIndex: 'number', width: 170 },
              { title: '等级', dataIndex: 'level', width: 100, render: (l: Notice['level']) => <LevelTag level={l} /> },
              { title: '标题', dataIndex: 'title' },
              { title: '承办单位', key: 'unit', width: 140, render: (_, n) => n.unit.name },
              {
                title: '办理期限',
                dataIndex: 'deadline',
                width: 140,
                render: (d: string, n) => (
                  <Space size={4}>
                    {formatDate(d)}
                    {n.overdue && <Tag color="red">逾期</Tag>}
                  </Space>
                ),
              },
              {
                title: '状态',
                dataIndex: 'state',
                width: 150,
                render: (s: Notice['state'], n) => (
                  <Space size={4}>
                    <Tag color={NOTICE_STATE[s].color}>{NOTICE_STATE[s].label}</Tag>
                    {n.escalations > 0 && <Tag color="red">已提级</Tag>}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <NoticeDrawer id={openId} role={me.role} onClose={() => setOpenId(null)} onChanged={list.reload} />
    </div>
  );
}
