// 逾期/催办台: one row per unit (逾期项数, 最长逾期天数, 已催办, 已提级, open 督办单), sorted, filtered
// and paged by the server, units in official order by default; a row opens its tasks. The office
// reminds (with a confirmation, a message and a reply-by date) and raises 督办单 from here.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { api } from '../../api/client';
import type { Named, Theme } from '../../api/types';
import { DownloadButton } from '../../components/DownloadButton';
import { LoadError } from '../../components/Feedback';
import { usePhone } from '../../lib/useMediaQuery';
import { useLoad } from '../../lib/useLoad';
import { RaiseNoticeModal, type RaiseTarget } from '../supervision/RaiseNoticeModal';
import {
  desk,
  levelOf,
  LEVELS,
  type DeskFilters,
  type DeskRow,
  type DeskSort,
  type DeskTask,
  type Level,
} from '../supervision/api';
import { RemindModal, type RemindTarget } from './RemindModal';
import { UnitOrderButton } from './UnitOrderModal';

const PAGE_SIZE = 20;

function LevelTag({ level }: { level: Level | null }) {
  if (!level) return null;
  const l = levelOf(level);
  return <Tag color={l.color}>{l.label}</Tag>;
}

function UnitTasks({
  unit,
  filters,
  planId,
  admin,
  onRemind,
  onRaise,
  version,
}: {
  unit: Named;
  filters: DeskFilters;
  planId: number;
  admin: boolean;
  onRemind: (t: RemindTarget) => void;
  onRaise: (t: RaiseTarget) => void;
  version: number;
}) {
  const tasks = useLoad(() => desk.unitTasks(unit.id, filters), [unit.id, JSON.stringify(filters), version]);
  if (tasks.error) return <LoadError error={tasks.error} onRetry={tasks.reload} />;
  const rows = tasks.data ?? [];
  return (
    <Table<DeskTask>
      rowKey="taskId"
      size="small"
      loading={tasks.loading}
      pagination={false}
      dataSource={rows}
      scroll={{ x: 760 }}
      title={
        admin && rows.length > 1
          ? () => (
              <Space>
                <Button
                  size="small"
                  onClick={() =>
                    onRemind({
                      unit,
                      periodId: filters.periodId,
                      tasks: rows.map((t) => ({ taskId: t.taskId, seq: t.seq })),
                    })
                  }
                >
                  全部催办（{rows.length} 项）
                </Button>
                <Button
                  size="small"
                  onClick={() =>
                    onRaise({ planId, unit, tasks: rows.map((t) => ({ id: t.taskId, seq: t.seq, target: t.target })) })
                  }
                >
                  就全部滞后任务下发督办单
                </Button>
              </Space>
            )
          : undefined
      }
      columns={[
        { title: '序号', dataIndex: 'seq', width: 60 },
        {
          title: '目标任务',
          dataIndex: 'target',
          render: (v: string, r) => <Link to={`/tasks/${r.taskId}`}>{v}</Link>,
        },
        { title: '逾期天数', dataIndex: 'daysOverdue', width: 90, render: (d: number) => `${d} 天` },
        {
          title: '已催办',
          dataIndex: 'reminders',
          width: 120,
          render: (n: number, r) => (
            <Space size={4}>
              {n} 次{r.escalated && <Tag color="red">已提级</Tag>}
            </Space>
          ),
        },
        { title: '督办单', dataIndex: 'noticeLevel', width: 100, render: (l: Level | null) => <LevelTag level={l} /> },
        ...(admin
          ? [
              {
                title: '操作',
                key: 'op',
                width: 170,
                render: (_: unknown, r: DeskTask) => (
                  <Space size={4}>
                    <Button
                      size="small"
                      type="primary"
                      aria-label={`催办任务 ${r.seq}`}
                      onClick={() =>
                        onRemind({ unit, periodId: filters.periodId, tasks: [{ taskId: r.taskId, seq: r.seq }] })
                      }
                    >
                      催办
                    </Button>
                    <Button
                      size="small"
                      aria-label={`督办任务 ${r.seq}`}
                      onClick={() => onRaise({ planId, unit, tasks: [{ id: r.taskId, seq: r.seq, target: r.target }] })}
                    >
                      督办单
                    </Button>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

export function OverdueDesk({
  planId,
  periodId,
  admin,
  leader,
}: {
  planId: number;
  periodId: number;
  admin: boolean;
  leader: boolean;
}) {
  const phone = usePhone();
  const [leaderId, setLeaderId] = useState<number | undefined>();
  const [themeId, setThemeId] = useState<number | undefined>();
  const [urgency, setUrgency] = useState<Level | 'none' | undefined>();
  const [sort, setSort] = useState<{ sort: DeskSort; order?: 'asc' | 'desc' }>({ sort: 'order' });
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState(0);
  const [remindTarget, setRemindTarget] = useState<RemindTarget | null>(null);
  const [raiseTarget, setRaiseTarget] = useState<RaiseTarget | null>(null);
  const filters: DeskFilters = { periodId, leaderId, themeId, urgency };
  const rows = useLoad(
    () => desk.page({ ...filters, ...sort, page, pageSize: PAGE_SIZE }),
    [JSON.stringify(filters), sort.sort, sort.order, page, version],
  );
  const leaders = useLoad(() => api.get<Named[]>('/leaders'), [], !leader);
  const themes = useLoad(() => api.get<Theme[]>(`/plans/${planId}/themes`), [planId]);
  const changed = () => setVersion((v) => v + 1);
  const onChange: TableProps<DeskRow>['onChange'] = (pagination, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    if (s?.order && s.columnKey)
      setSort({ sort: s.columnKey as DeskSort, order: s.order === 'ascend' ? 'asc' : 'desc' });
    else setSort({ sort: 'order' });
    setPage(pagination.current ?? 1);
  };
  /** A filter change goes back to the first page. */
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const sortOrder = (key: DeskSort) =>
    sort.sort === key ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;
  if (rows.error) return <LoadError error={rows.error} onRetry={rows.reload} />;
  const data = rows.data;
  // On a phone, one column: the unit and its figures under it, no sideways scrolling.
  const phoneColumns: TableProps<DeskRow>['columns'] = [
    {
      title: '单位',
      key: 'unit',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <strong>{r.unit.name}</strong>
          <Typography.Text type="secondary">
            逾期 {r.overdueTasks} 项 · 最长 {r.maxDaysOverdue} 天 · 催办 {r.reminders} 次
          </Typography.Text>
          <Space size={4}>
            {r.escalated > 0 && <Tag color="red">已提级 {r.escalated} 项</Tag>}
            <LevelTag level={r.topLevel} />
          </Space>
        </Space>
      ),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        {!leader && (
          <Select
            aria-label="按领导筛选"
            allowClear
            placeholder="全部领导"
            style={{ minWidth: 140 }}
            value={leaderId}
            onChange={filter(setLeaderId)}
            options={(leaders.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
          />
        )}
        <Select
          aria-label="按主题筛选"
          allowClear
          placeholder="全部主题"
          style={{ minWidth: 160 }}
          value={themeId}
          onChange={filter(setThemeId)}
          options={(themes.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
        />
        <Select
          aria-label="按督办等级筛选"
          allowClear
          placeholder="全部督办等级"
          style={{ minWidth: 140 }}
          value={urgency}
          onChange={filter(setUrgency)}
          options={[...LEVELS.map((l) => ({ value: l.value, label: l.label })), { value: 'none', label: '未下督办单' }]}
        />
        {admin && <UnitOrderButton onSaved={changed} />}
        {data && (
          <Typography.Text type="secondary">
            共 {data.total} 个单位、{data.totalTasks} 项任务逾期未报。
          </Typography.Text>
        )}
      </Space>
      <Table<DeskRow>
        rowKey={(r) => r.unit.id}
        loading={rows.loading}
        dataSource={data?.items ?? []}
        onChange={onChange}
        locale={{ emptyText: '没有逾期未报的任务。截止日期过后仍未提交的任务会列在这里。' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
        }}
        scroll={phone ? undefined : { x: 900 }}
        expandable={{
          expandRowByClick: false,
          expandedRowRender: (r) => (
            <UnitTasks
              unit={r.unit}
              filters={filters}
              planId={planId}
              admin={admin}
              version={version}
              onRemind={setRemindTarget}
              onRaise={setRaiseTarget}
            />
          ),
        }}
        columns={
          phone
            ? phoneColumns
            : [
                { title: '单位', key: 'unit', render: (_, r) => r.unit.name },
                {
                  title: '逾期项数',
                  key: 'overdue',
                  dataIndex: 'overdueTasks',
                  width: 100,
                  sorter: true,
                  sortOrder: sortOrder('overdue'),
                },
                {
                  title: '最长逾期天数',
                  key: 'days',
                  dataIndex: 'maxDaysOverdue',
                  width: 130,
                  sorter: true,
                  sortOrder: sortOrder('days'),
                  render: (d: number) => `${d} 天`,
                },
                {
                  title: '已催办',
                  key: 'reminders',
                  dataIndex: 'reminders',
                  width: 100,
                  sorter: true,
                  sortOrder: sortOrder('reminders'),
                },
                {
                  title: '已提级',
                  key: 'escalated',
                  dataIndex: 'escalated',
                  width: 100,
                  sorter: true,
                  sortOrder: sortOrder('escalated'),
                  render: (n: number) => (n > 0 ? <Tag color="red">{n} 项</Tag> : '0'),
                },
                {
                  title: '督办单',
                  key: 'notices',
                  width: 130,
                  render: (_, r) =>
                    r.openNotices > 0 ? (
                      <Space size={4}>
                        {r.openNotices} 项<LevelTag level={r.topLevel} />
                      </Space>
                    ) : (
                      '—'
                    ),
                },
                ...(admin
                  ? [
                      {
                        title: '操作',
                        key: 'op',
                        width: 130,
                        render: (_: unknown, r: DeskRow) => (
                          <DownloadButton
                            size="small"
                            path={`/notices/${r.unit.id}`}
                            query={{ planId, periodId }}
                            fileName={`催办通知-${r.unit.name}.docx`}
                            aria-label={`下载${r.unit.name}的催办通知`}
                          >
                            催办通知
                          </DownloadButton>
                        ),
                      },
                    ]
                  : []),
              ]
        }
      />
      <RemindModal target={remindTarget} onClose={() => setRemindTarget(null)} onSent={changed} />
      <RaiseNoticeModal target={raiseTarget} onClose={() => setRaiseTarget(null)} onRaised={changed} />
    </Space>
  );
}
