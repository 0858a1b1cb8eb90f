// 我的填报: every open period with work for the unit (overdue first), each with its tasks, the
// report form, returned reports with the office's comment, 签收, 延期 and reminders. With two open
// periods (2024Q1 late while 2024Q2 opened) the late one comes first and nothing is hidden.
import { Tabs } from 'antd';
import { tasks as tasksApi } from '../../api/endpoints';
import { useMe } from '../../auth/AuthContext';
import { EmptyHint, LoadError, PageLoading } from '../../components/Feedback';
import { usePlan } from '../../lib/PlanContext';
import { useLoad } from '../../lib/useLoad';
import { UnitInbox } from '../supervision/UnitInbox';
import { isOverdue, notSubmitted, periodsWithWork } from './open-periods';
import { PeriodWork } from './PeriodWork';
import { RemindersInbox } from './RemindersInbox';

export default function WorkspacePage() {
  const me = useMe();
  const { plan, periods, loading: planLoading, error: planError, reload: reloadPlan } = usePlan();
  const open = periods.filter((p) => p.state === 'open');
  const openKey = open.map((p) => p.id).join(',');
  const lists = useLoad(
    (signal) =>
      Promise.all(
        open.map(async (period) => ({
          period,
          items: (
            await tasksApi.list(
              {
                planId: plan!.id,
                periodId: period.id,
                unitId: me.role === 'unit' ? me.unit?.id : undefined,
                pageSize: 200,
                sort: 'seq',
                order: 'asc',
              },
              signal,
            )
          ).items,
        })),
      ),
    [plan?.id, openKey],
    !!plan && open.length > 0,
  );

  if (planLoading) return <PageLoading />;
  if (planError) return <LoadError error={planError} onRetry={reloadPlan} />;
  if (!plan || open.length === 0)
    return (
      <div>
        <h1 className="page-title">我的填报</h1>
        <UnitInbox />
        <EmptyHint>当前没有开放的填报周期。督查科开启周期后，这里会列出本单位需要填报的任务。</EmptyHint>
        <RemindersInbox />
      </div>
    );
  if (lists.error) return <LoadError error={lists.error} onRetry={lists.reload} />;
  if (!lists.data) return <PageLoading />;

  const shown = periodsWithWork(lists.data);
  const work = (w: (typeof shown)[number]) => (
    <PeriodWork period={w.period} items={w.items} loading={lists.loading} error={null} reload={lists.reload} />
  );
  return (
    <div>
      <h1 className="page-title">我的填报 · {shown.map((w) => w.period.label).join('、')}</h1>
      <UnitInbox />
      {shown.length === 1 ? (
        work(shown[0])
      ) : (
        <Tabs
          items={shown.map((w) => {
            const todo = notSubmitted(w.items).length;
            return {
              key: String(w.period.id),
              label: `${w.period.label}${isOverdue(w.period) ? '（已逾期）' : ''}${todo ? ` · ${todo} 项未提交` : ''}`,
              children: work(w),
            };
          })}
        />
      )}
    </div>
  );
}
