// 任务清单: filters (plan, period, theme, category, leader, unit, status, light), Chinese
// full-text search with highlighted hits, sorting, pagination and export of the current view.
// The filters live in the URL, so the dashboard can link here and a view can be shared.
// On a phone the same filters sit in two columns and the tasks are cards (TaskCards).
import type { CSSProperties, ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { reference, tasks as tasksApi } from '../../api/endpoints';
import type { TaskQuery } from '../../api/endpoints';
import type { Status, TaskListItem } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { ExportMenu } from '../../components/DownloadButton';
import { LoadError, PageLoading } from '../../components/Feedback';
import { HitText } from '../../components/Highlighted';
import { LightDot } from '../../components/LightDot';
import { StatusTag } from '../../components/StatusTag';
import { formatTime } from '../../lib/format';
import { usePlan } from '../../lib/PlanContext';
import { LIGHTS, LIGHT_LABEL, REPORT_STATE_LABEL, STATUSES, STATUS_LABEL_ZH } from '../../lib/status';
import { useLoad } from '../../lib/useLoad';
import { usePhone } from '../../lib/useMediaQuery';
import { TaskCards } from './TaskCards';

/** The table's column sorting, as one choice for the phone's cards. */
const PHONE_SORTS = [
  { value: 'seq:asc', label: '按序号' },
  { value: 'seq:desc', label: '按序号倒序' },
  { value: 'status:asc', label: '按状态' },
  { value: 'unit:asc', label: '按牵头单位' },
  { value: 'updated:desc', label: '最近更新在前' },
];

const RELEVANCE = 'relevance';

const NUMBER_KEYS = ['planId', 'periodId', 'themeId', 'categoryId', 'leaderId', 'unitId', 'page', 'pageSize'] as const;

function readQuery(params: URLSearchParams): TaskQuery {
  const q: TaskQuery = {};
  for (const k of NUMBER_KEYS) {
    const v = Number(params.get(k));
    if (v) (q as Record<string, number>)[k] = v;
  }
  const status = params.get('status');
  if (status) q.status = status as Status;
  for (const k of ['light', 'q'] as const) if (params.get(k)) q[k] = params.get(k)!;
  const sort = params.get('sort');
  if (sort) q.sort = sort as TaskQuery['sort'];
  const order = params.get('order');
  if (order) q.order = order as TaskQuery['order'];
  return q;
}

/** The phone's filters: two columns, the search (and plan) across both. */
function PhoneFilterGrid({ children }: { children: ReactNode; wrap?: boolean }) {
  return <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 8 }}>{children}</div>;
}

export default function TaskListPage() {
  const me = useMe();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const { plans, plan: defaultPlan, periods: defaultPeriods, currentPeriod } = usePlan();
  const query = readQuery(params);
  const planId = query.planId ?? defaultPlan?.id;
  const periodsLoad = useLoad(() => reference.periods(planId!), [planId], !!planId && planId !== defaultPlan?.id);
  const periods = planId === defaultPlan?.id ? defaultPeriods : (periodsLoad.data ?? []);
  const periodId = query.periodId ?? (planId === defaultPlan?.id ? currentPeriod?.id : periods[0]?.id);
  const effective: TaskQuery = { ...query, planId, periodId, page: query.page ?? 1, pageSize: query.pageSize ?? 20 };

  const themes = useLoad(() => reference.themes(planId!), [planId], !!planId);
  const leaders = useLoad(() => reference.leaders(), []);
  const units = useLoad(() => reference.units(), []);
  const list = useLoad((signal) => tasksApi.list(effective, signal), [JSON.stringify(effective)], !!planId);

  const set = (patch: Record<string, string | number | undefined | null>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (resetPage && !('page' in patch)) next.delete('page');
    setParams(next);
  };

  const categories =
    (themes.data ?? []).find((t) => t.id === query.themeId)?.categories ??
    (themes.data ?? []).flatMap((t) => t.categories);
  // Every filter on screen, so the file holds exactly the rows of this view (the server applies
  // the caller's scope on top). Sorting and paging do not apply: the table is printed in 序号 order.
  const exportQuery = {
    planId,
    periodId,
    withStatus: 1,
    themeId: query.themeId,
    categoryId: query.categoryId,
    unitId: query.unitId,
    leaderId: query.leaderId,
    status: query.status,
    light: query.light,
    q: query.q,
  };

  const columns: TableProps<TaskListItem>['columns'] = [
    {
      title: '序号',
      dataIndex: 'seq',
      key: 'seq',
      width: 70,
      sorter: true,
      sortOrder: query.sort === 'seq' || !query.sort ? (query.order === 'desc' ? 'descend' : 'ascend') : null,
    },
    {
      title: '具体目标任务',
      dataIndex: 'target',
      key: 'target',
      render: (target: string, row) => {
        const targetHit = row.highlights?.find((h) => h.field === 'target');
        const progressHit = row.highlights?.find((h) => h.field === 'progress');
        return (
          <div>
            <Link to={`/tasks/${row.id}`}>{targetHit ? <HitText parts={targetHit.parts} /> : target}</Link>
            {row.theme && (
              <div style={{ color: '#999', fontSize: 12 }}>
                {row.theme}
                {row.category ? ` / ${row.category}` : ''}
              </div>
            )}
            {progressHit && (
              <div style={{ fontSize: 12, color: '#555', marginTop: 4 }}>
                进展：
                <HitText parts={progressHit.parts} />
              </div>
            )}
            {row.closedAt && <Tag color="default">已销号</Tag>}
          </div>
        );
      },
    },
    {
      title: '牵头领导',
      key: 'leaders',
      width: 100,
      className: 'hide-on-phone',
      render: (_, r) => r.leaders.map((l) => l.name).join('、'),
    },
    {
      title: '牵头单位',
      key: 'unit',
      width: 150,
      sorter: true,
      sortOrder: query.sort === 'unit' ? (query.order === 'desc' ? 'descend' : 'ascend') : null,
      render: (_, r) => r.units.map((u) => u.name).join('、'),
    },
    {
      title: '状态',
      key: 'status',
      width: 130,
      sorter: true,
      sortOrder: query.sort === 'status' ? (query.order === 'desc' ? 'descend' : 'ascend') : null,
      render: (_, r) =>
        r.report ? (
          <Space size={6}>
            <LightDot light={r.report.light} />
            <StatusTag
              status={r.report.status}
              machineStatus={r.report.machineStatus}
              overridden={r.report.overridden}
            />
          </Space>
        ) : (
          <span style={{ color: '#999' }}>本周期无填报</span>
        ),
    },
    {
      title: '填报',
      key: 'state',
      width: 80,
      className: 'hide-on-phone',
      render: (_, r) => (r.report ? REPORT_STATE_LABEL[r.report.state] : '—'),
    },
    {
      title: '更新时间',
      key: 'updated',
      width: 140,
      className: 'hide-on-phone',
      sorter: true,
      sortOrder: query.sort === 'updated' ? (query.order === 'desc' ? 'descend' : 'ascend') : null,
      render: (_, r) => formatTime(r.report?.updatedAt),
    },
  ];

  const onTableChange: TableProps<TaskListItem>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? (s.columnKey as string) : undefined;
    set(
      {
        page: pagination.current,
        pageSize: pagination.pageSize,
        sort: key,
        order: s?.order === 'descend' ? 'desc' : s?.order === 'ascend' ? 'asc' : undefined,
      },
      false,
    );
  };

  const selectProps = {
    allowClear: true,
    showSearch: { optionFilterProp: 'label' as const },
    style: { minWidth: 150 },
  };
  /** A filter's width: its own on a desktop, its grid cell on a phone. */
  const width = (desktop: CSSProperties): CSSProperties => (phone ? { width: '100%', minWidth: 0 } : desktop);
  const wide: CSSProperties = phone ? { gridColumn: '1 / -1' } : {};
  const emptyText =
    query.q || query.status || query.themeId || query.unitId || query.leaderId
      ? '没有符合条件的任务，试试清空筛选或换个关键词。'
      : '本周期还没有任务。';
  const Filters = phone ? PhoneFilterGrid : Space;
  return (
    <div>
      <h1 className="page-title">任务清单</h1>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Filters wrap>
          <Input.Search
            aria-label="全文搜索"
            placeholder="搜索目标任务或进展，如：研发投入"
            allowClear
            defaultValue={query.q}
            key={query.q ?? ''}
            onSearch={(v) => set({ q: v.trim() })}
            style={{ ...width({ width: 280 }), ...wide }}
            enterButton="搜索"
          />
          {plans.length > 1 && (
            <Select
              aria-label="年度计划"
              {...selectProps}
              style={{ ...width(selectProps.style), ...wide }}
              allowClear={false}
              value={planId}
              onChange={(v) => set({ planId: v, periodId: undefined, themeId: undefined, categoryId: undefined })}
              options={plans.map((p) => ({ value: p.id, label: p.title }))}
            />
          )}
          <Select
            aria-label="周期"
            {...selectProps}
            allowClear={false}
            style={width({ minWidth: 120 })}
            value={periodId}
            placeholder="周期"
            onChange={(v) => set({ periodId: v })}
            options={periods.map((p) => ({ value: p.id, label: p.label }))}
          />
          <Select
            aria-label="任务板块"
            {...selectProps}
            style={width({ width: 200 })}
            placeholder="任务板块"
            value={query.themeId}
            onChange={(v) => set({ themeId: v, categoryId: undefined })}
            options={(themes.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          />
          {categories.length > 0 && (
            <Select
              aria-label="二级分类"
              {...selectProps}
              style={width(selectProps.style)}
              placeholder="二级分类"
              value={query.categoryId}
              onChange={(v) => set({ categoryId: v })}
              options={categories.map((c) => ({ value: c.id, label: c.name }))}
            />
          )}
          {me.role !== 'leader' && (
            <Select
              aria-label="牵头领导"
              {...selectProps}
              style={width({ minWidth: 110 })}
              placeholder="牵头领导"
              value={query.leaderId}
              onChange={(v) => set({ leaderId: v })}
              options={(leaders.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
            />
          )}
          {me.role !== 'unit' && (
            <Select
              aria-label="牵头单位"
              {...selectProps}
              style={width(selectProps.style)}
              placeholder="牵头单位"
              value={query.unitId}
              onChange={(v) => set({ unitId: v })}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          )}
          <Select
            aria-label="状态"
            {...selectProps}
            style={width({ minWidth: 110 })}
            placeholder="状态"
            value={query.status}
            onChange={(v) => set({ status: v })}
            options={STATUSES.map((s) => ({ value: s, label: STATUS_LABEL_ZH[s] }))}
          />
          <Select
            aria-label="红黄绿灯"
            {...selectProps}
            style={width({ minWidth: 90 })}
            placeholder="灯"
            value={query.light}
            onChange={(v) => set({ light: v })}
            options={LIGHTS.map((l) => ({ value: l, label: LIGHT_LABEL[l] }))}
          />
          {phone && (
            <Select
              aria-label="排序"
              style={width({})}
              value={query.sort ? `${query.sort}:${query.order ?? 'asc'}` : query.q ? RELEVANCE : 'seq:asc'}
              onChange={(v: string) => {
                // Without a sort the server lists search hits best first, other lists by 序号.
                const [sort, order] = v.split(':');
                const plain = v === RELEVANCE || (!query.q && v === 'seq:asc');
                set({ sort: plain ? undefined : sort, order: plain ? undefined : order });
              }}
              options={query.q ? [{ value: RELEVANCE, label: '按相关度' }, ...PHONE_SORTS] : PHONE_SORTS}
            />
          )}
          <Button onClick={() => setParams(new URLSearchParams())}>清空筛选</Button>
          <ExportMenu query={exportQuery} label="导出当前视图" disabled={!planId || !periodId} />
        </Filters>
      </Card>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {!planId ? (
        <PageLoading />
      ) : phone ? (
        <TaskCards
          items={list.data?.items ?? []}
          loading={list.loading}
          emptyText={emptyText}
          page={effective.page!}
          pageSize={effective.pageSize!}
          total={list.data?.total ?? 0}
          onPage={(page, pageSize) => {
            set({ page, pageSize }, false);
            window.scrollTo({ top: 0 });
          }}
        />
      ) : (
        <Table<TaskListItem>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          onChange={onTableChange}
          scroll={{ x: 800 }}
          locale={{ emptyText }}
          pagination={{
            current: effective.page,
            pageSize: effective.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (t) => `共 ${t} 项`,
          }}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        导出当前视图：按序号排列的进展情况表，包含当前周期下所有筛选条件（搜索词、板块、分类、领导、单位、状态、灯色）选中的任务及其评估状态，可选
        Excel、Word、CSV 或 PDF。
      </Typography.Paragraph>
    </div>
  );
}
