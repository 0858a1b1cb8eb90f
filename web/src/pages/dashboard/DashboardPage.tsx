// 驾驶舱: status counts (cards + ring), stacked bars by theme / leader / unit, the trend across
// periods and the behind list. Every card and chart segment opens the filtered task list.
// A leader sees their own tasks (the server scopes the answer); a unit sees its own.
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Card, Col, Row, Select, Space, Tabs, Typography } from 'antd';
import { messageOf } from '../../api/client';
import { dashboard as dashboardApi, firstScreen, reference } from '../../api/endpoints';
import type { GroupCounts, Named, Status } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { BehindList } from '../cockpit/BehindList';
import { LeaderDesk } from '../cockpit/LeaderDesk';
import { EChart } from '../../components/charts/EChart';
import type { ChartClick } from '../../components/charts/EChart';
import { barHeight, ringOption, stackedBarOption, trendOption } from '../../components/charts/options';
import { EmptyHint, LoadError, PageLoading } from '../../components/Feedback';
import { LightDot } from '../../components/LightDot';
import { usePlan } from '../../lib/PlanContext';
import { STATUSES, STATUS_COLOR, STATUS_LABEL_ZH } from '../../lib/status';
import { taskListLink } from '../../lib/taskLink';
import type { TaskFilter } from '../../lib/taskLink';
import { useLoad } from '../../lib/useLoad';
import { PublishBar } from './PublishBar';

function StatusCards({ counts, link }: { counts: Record<Status, number>; link: (s: Status) => string }) {
  return (
    <Row gutter={[12, 12]} role="list" aria-label="各状态任务数">
      {STATUSES.map((s) => (
        <Col key={s} flex="1 1 150px" role="listitem">
          <Link
            to={link(s)}
            aria-label={`${STATUS_LABEL_ZH[s]} ${counts[s] ?? 0} 项，查看任务`}
            data-testid={`count-${s}`}
          >
            <Card size="small" hoverable style={{ borderTop: `3px solid ${STATUS_COLOR[s]}` }}>
              <div style={{ color: '#666' }}>{STATUS_LABEL_ZH[s]}</div>
              <div style={{ fontSize: 28, fontWeight: 600, color: STATUS_COLOR[s] }} data-count={counts[s] ?? 0}>
                {counts[s] ?? 0}
              </div>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}

function GroupBars({
  groups,
  label,
  onPick,
}: {
  groups: GroupCounts[];
  label: string;
  onPick: (g: GroupCounts, s: Status) => void;
}) {
  const option = useMemo(() => stackedBarOption(groups), [groups]);
  if (groups.length === 0) return <EmptyHint>本周期还没有可统计的任务。</EmptyHint>;
  const ordered = [...groups].reverse();
  return (
    <EChart
      option={option}
      height={barHeight(groups.length)}
      label={`${label}：${groups.map((g) => `${g.name} ${STATUSES.map((s) => `${STATUS_LABEL_ZH[s]}${g.counts[s] ?? 0}`).join('、')}`).join('；')}`}
      onClick={(p: ChartClick) => {
        const g = ordered[p.dataIndex];
        if (g && p.seriesId) onPick(g, p.seriesId as Status);
      }}
    />
  );
}

/**
 * A leader or unit picker (admin, viewer). Its list is loaded when the picker is first focused or
 * opened, not with the page: most visits never open it, the province's unit list is large, and its
 * arrival would re-render the page's toolbar while the charts are being drawn.
 */
function ScopePicker({
  label,
  placeholder,
  minWidth,
  value,
  onChange,
  loadList,
}: {
  label: string;
  placeholder: string;
  minWidth: number;
  value?: number;
  onChange: (id: number | undefined) => void;
  loadList: () => Promise<Named[]>;
}) {
  const [wanted, setWanted] = useState(false);
  const list = useLoad(loadList, [], wanted);
  const want = () => setWanted(true);
  return (
    <Select
      aria-label={label}
      allowClear
      placeholder={placeholder}
      style={{ minWidth }}
      value={value}
      onChange={onChange}
      onFocus={want}
      onOpenChange={(open) => open && want()}
      loading={list.loading}
      notFoundContent={list.loading ? '正在加载…' : list.error ? `加载失败：${messageOf(list.error)}` : undefined}
      options={(list.data ?? []).map((n) => ({ value: n.id, label: n.name }))}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}

export default function DashboardPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { plan, periods, currentPeriod, loading: planLoading, error: planError, reload: reloadPlan } = usePlan();
  const [params, setParams] = useSearchParams();
  // A link may carry a period of another plan (or an old one): the current plan's current period then.
  const asked = Number(params.get('periodId'));
  const periodId = periods.some((p) => p.id === asked) ? asked : currentPeriod?.id;
  const [leaderId, setLeaderId] = useState<number | undefined>();
  const [unitId, setUnitId] = useState<number | undefined>();
  const canFilter = me.role === 'admin' || me.role === 'viewer';

  const scope = { leaderId, unitId };
  // The first render takes the answers boot.ts prefetched, when they are here.
  const board = useLoad(
    () => dashboardApi.get({ planId: plan!.id, periodId, ...scope }),
    [plan?.id, periodId, leaderId, unitId],
    !!plan && !!periodId,
    () => firstScreen.dashboard({ planId: plan!.id, periodId, ...scope }).peek(),
  );
  const trend = useLoad(
    () => dashboardApi.trend(plan!.id, scope),
    [plan?.id, leaderId, unitId],
    !!plan,
    () => firstScreen.trend(plan!.id, scope).peek(),
  );

  const base: TaskFilter = { planId: plan?.id, periodId, leaderId, unitId };
  const link = (extra: TaskFilter) => taskListLink({ ...base, ...extra });
  const ring = useMemo(() => (board.data ? ringOption(board.data.counts) : null), [board.data]);
  const trendOpt = useMemo(() => (trend.data ? trendOption(trend.data) : null), [trend.data]);

  if (planLoading) return <PageLoading />;
  if (planError) return <LoadError error={planError} onRetry={reloadPlan} />;
  if (!plan)
    return (
      <EmptyHint action={me.role === 'admin' ? <Link to="/import">去导入进展表</Link> : undefined}>
        还没有年度计划。{me.role === 'admin' ? '请先导入一份重点工作任务进展表。' : '请联系督查科导入任务。'}
      </EmptyHint>
    );

  const data = board.data;
  return (
    <div>
      <Space wrap style={{ justifyContent: 'space-between', alignItems: 'center', width: '100%', marginBottom: 12 }}>
        <h1 className="page-title" style={{ marginBottom: 0 }}>
          驾驶舱
        </h1>
        <Space wrap>
          <label>
            <span style={{ marginInlineEnd: 6 }}>周期</span>
            <Select
              aria-label="周期"
              style={{ minWidth: 140 }}
              value={periodId}
              placeholder="选择周期"
              options={periods.map((p) => ({
                value: p.id,
                label: `${p.label}${p.state === 'open' ? '（填报中）' : ''}`,
              }))}
              onChange={(v: number) => setParams({ periodId: String(v) })}
            />
          </label>
          {canFilter && (
            <>
              <ScopePicker
                label="牵头领导"
                placeholder="全部领导"
                minWidth={120}
                value={leaderId}
                onChange={setLeaderId}
                loadList={reference.leaders}
              />
              <ScopePicker
                label="牵头单位"
                placeholder="全部单位"
                minWidth={160}
                value={unitId}
                onChange={setUnitId}
                loadList={reference.units}
              />
            </>
          )}
        </Space>
      </Space>
      {data && periodId && (
        <div style={{ marginBottom: 12 }}>
          <PublishBar
            me={me}
            planId={plan.id}
            periodId={periodId}
            periodLabel={periods.find((p) => p.id === periodId)?.label}
            leaderId={leaderId}
            unitId={unitId}
            leaders={data.byLeader}
          />
        </div>
      )}
      {me.role === 'leader' && (
        <Alert type="info" showIcon title={`仅显示${me.leader?.name ?? '您'}牵头的任务`} style={{ marginBottom: 12 }} />
      )}
      <LeaderDesk planId={plan.id} />
      {me.role === 'unit' && (
        <Alert
          type="info"
          showIcon
          title={`仅显示${me.unit?.name ?? '本单位'}牵头或配合的任务`}
          style={{ marginBottom: 12 }}
        />
      )}
      {periods.length === 0 && (
        <Alert
          type="warning"
          showIcon
          title="还没有填报周期"
          description={
            me.role === 'admin'
              ? '请在「系统管理 → 周期」中开启一个填报周期。'
              : '督查科开启填报周期后，这里会显示进展。'
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {board.error ? <LoadError error={board.error} onRetry={board.reload} /> : null}
      {board.loading && !data ? (
        <PageLoading tip="正在统计…" />
      ) : data ? (
        <>
          <StatusCards counts={data.counts} link={(s) => link({ status: s })} />
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} lg={8}>
              <Card title="状态分布" size="small">
                {ring && (
                  <EChart
                    option={ring}
                    height={280}
                    label={`状态分布：${STATUSES.map((s) => `${STATUS_LABEL_ZH[s]}${data.counts[s] ?? 0}项`).join('，')}`}
                    onClick={(p) => navigate(link({ status: (p.data as { status: Status }).status }))}
                  />
                )}
                <Space wrap size={12} style={{ justifyContent: 'center', width: '100%' }}>
                  {(['green', 'yellow', 'red', 'grey'] as const).map((l) => (
                    <Link key={l} to={link({ light: l })}>
                      <LightDot light={l} withLabel /> {data.lights?.[l] ?? 0}
                    </Link>
                  ))}
                </Space>
              </Card>
            </Col>
            <Col xs={24} lg={16}>
              <Card title="进展趋势" size="small">
                {trend.error ? (
                  <LoadError error={trend.error} onRetry={trend.reload} />
                ) : trendOpt && trend.data && trend.data.length > 0 ? (
                  <EChart
                    option={trendOpt}
                    height={300}
                    label={`各周期进展：${trend.data.map((t) => `${t.label} ${STATUSES.map((s) => `${STATUS_LABEL_ZH[s]}${t.counts[s] ?? 0}`).join('、')}`).join('；')}`}
                    onClick={(p) => {
                      const point = trend.data![p.dataIndex];
                      if (point && p.seriesId)
                        navigate(link({ periodId: point.periodId, status: p.seriesId as Status }));
                    }}
                  />
                ) : trend.loading ? (
                  <PageLoading />
                ) : (
                  <EmptyHint>至少有一个周期的填报后才有趋势。</EmptyHint>
                )}
              </Card>
            </Col>
          </Row>
          <Card size="small" style={{ marginTop: 12 }}>
            <Tabs
              items={[
                {
                  key: 'theme',
                  label: '按任务板块',
                  children: (
                    <GroupBars
                      label="按任务板块"
                      groups={data.byTheme}
                      onPick={(g, s) => navigate(link({ themeId: g.id, status: s }))}
                    />
                  ),
                },
                {
                  key: 'leader',
                  label: '按牵头领导',
                  children: (
                    <GroupBars
                      label="按牵头领导"
                      groups={data.byLeader}
                      onPick={(g, s) => navigate(link({ leaderId: g.id, status: s }))}
                    />
                  ),
                },
                {
                  key: 'unit',
                  label: '按牵头单位',
                  children: (
                    <GroupBars
                      label="按牵头单位"
                      groups={data.byUnit}
                      onPick={(g, s) => navigate(link({ unitId: g.id, status: s }))}
                    />
                  ),
                },
              ]}
            />
          </Card>
          <Card title={`进度滞后任务（${data.behind.length}）`} size="small" style={{ marginTop: 12 }}>
            <BehindList items={data.behind} />
          </Card>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            点击任一卡片、图表色块或行，即可打开对应的任务清单。
          </Typography.Paragraph>
        </>
      ) : null}
    </div>
  );
}
