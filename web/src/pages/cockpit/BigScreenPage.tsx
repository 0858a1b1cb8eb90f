// 大屏: the cockpit for the office's meeting-room screen (designed for 1920×1080, dark): status
// counts and lights, the units' ranking, the units most overdue, open 督办单 by level, 批示
// awaiting answers, and the tasks behind with their reasons. Refreshes itself every minute. A
// leader sees their own tasks, as everywhere.
import { useEffect, useState } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Dashboard, Status } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { PlanProvider, usePlan } from '../../lib/PlanContext';
import { useLoad } from '../../lib/useLoad';
import { desk, instructions, LEVELS, supervision } from '../supervision/api';

const BG = '#08142b';
const PANEL = '#0f2142';
const TEXT = '#e6edf7';
const DIM = '#8aa0c0';
const STATUS: { key: Status; label: string; color: string }[] = [
  { key: 'done', label: '已完成', color: '#52c41a' },
  { key: 'on_track', label: '正常推进', color: '#1890ff' },
  { key: 'behind', label: '进度滞后', color: '#ff4d4f' },
  { key: 'pending', label: '待数据', color: '#faad14' },
  { key: 'no_report', label: '未报送', color: '#8c8c8c' },
];
const LEVEL_HEX: Record<string, string> = { blue: '#1890ff', orange: '#fa8c16', red: '#ff4d4f' };

function Panel({ title, children, style }: { title: string; children: ReactNode; style?: CSSProperties }) {
  return (
    <section
      aria-label={title}
      style={{ background: PANEL, borderRadius: 8, padding: '1vh 1vw', overflow: 'hidden', ...style }}
    >
      <h2 style={{ color: DIM, fontSize: '1.1vw', margin: '0 0 1vh', fontWeight: 500 }}>{title}</h2>
      {children}
    </section>
  );
}

function Bar({
  label,
  value,
  max,
  color,
  suffix,
}: {
  label: string;
  value: number;
  max: number;
  color: string;
  suffix: string;
}) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: '0.6vw', margin: '0.7vh 0', fontSize: '0.95vw' }}>
      <span style={{ width: '9vw', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{label}</span>
      <span style={{ flex: 1, background: '#1b3260', height: '1.4vh', borderRadius: 4 }}>
        <span
          style={{
            display: 'block',
            width: `${max > 0 ? Math.max(2, (value / max) * 100) : 0}%`,
            height: '100%',
            background: color,
            borderRadius: 4,
          }}
        />
      </span>
      <span style={{ width: '4.5vw', textAlign: 'right' }}>
        {value}
        {suffix}
      </span>
    </div>
  );
}

function Screen() {
  const me = useMe();
  const { plan, periods, currentPeriod: openPeriod } = usePlan();
  // `?periodId=` shows another period (the one the meeting reviews); the open one by default.
  const [params] = useSearchParams();
  const asked = Number(params.get('periodId'));
  const currentPeriod = periods.find((p) => p.id === asked) ?? openPeriod;
  const [tick, setTick] = useState(0);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const refresh = setInterval(() => setTick((t) => t + 1), 60_000);
    const clock = setInterval(() => setNow(new Date()), 1000);
    return () => {
      clearInterval(refresh);
      clearInterval(clock);
    };
  }, []);
  const periodId = currentPeriod?.id;
  const enabled = !!plan && !!periodId;
  const board = useLoad(
    () => api.get<Dashboard>('/dashboard', { planId: plan!.id, periodId }),
    [plan?.id, periodId, tick],
    enabled,
  );
  const overdue = useLoad(
    () => desk.page({ periodId: periodId!, sort: 'overdue', order: 'desc', pageSize: 8 }),
    [periodId, tick],
    enabled && me.role !== 'unit',
  );
  const notices = useLoad(
    () => supervision.list({ planId: plan!.id, open: 1, pageSize: 200 }),
    [plan?.id, tick],
    enabled,
  );
  const waiting = useLoad(
    () => instructions.list({ planId: plan!.id, open: 1, pageSize: 1 }),
    [plan?.id, tick],
    enabled,
  );
  const data = board.data;
  const total = data ? STATUS.reduce((n, s) => n + (data.counts[s.key] ?? 0), 0) : 0;
  const ranking = [...(data?.byUnit ?? [])]
    .map((u) => {
      const n = STATUS.reduce((k, s) => k + (u.counts[s.key] ?? 0), 0);
      return { name: u.name, n, good: n ? ((u.counts.done ?? 0) + (u.counts.on_track ?? 0)) / n : 0 };
    })
    .filter((u) => u.n > 0)
    .sort((a, b) => b.good - a.good || b.n - a.n)
    .slice(0, 8);
  const open = notices.data?.items ?? [];
  return (
    <div
      style={{
        background: BG,
        color: TEXT,
        minHeight: '100vh',
        padding: '1.5vh 1.5vw',
        display: 'grid',
        gridTemplateRows: 'auto auto 1fr 1fr',
        gap: '1.5vh',
        boxSizing: 'border-box',
        fontFamily: 'inherit',
      }}
    >
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h1 style={{ color: TEXT, fontSize: '2vw', margin: 0, letterSpacing: 2 }}>
          {plan?.title ?? '重点工作'} · {currentPeriod?.label ?? ''} 督办大屏
        </h1>
        <span style={{ color: DIM, fontSize: '1vw' }}>
          {now.toLocaleString('zh-CN', { hour12: false })}
          <Link to="/" style={{ color: DIM, marginLeft: '1.5vw' }}>
            退出大屏
          </Link>
        </span>
      </header>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(6, 1fr)', gap: '1vw' }} aria-label="各状态任务数">
        <Panel title="任务总数">
          <div style={{ fontSize: '3.2vw', fontWeight: 700 }}>{total}</div>
        </Panel>
        {STATUS.map((s) => (
          <Panel key={s.key} title={s.label}>
            <div style={{ fontSize: '3.2vw', fontWeight: 700, color: s.color }}>{data?.counts[s.key] ?? 0}</div>
          </Panel>
        ))}
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: '1vw' }}>
        <Panel title="单位进展排行（完成及正常推进占比）">
          {ranking.map((u) => (
            <Bar key={u.name} label={u.name} value={Math.round(u.good * 100)} max={100} color="#52c41a" suffix="%" />
          ))}
        </Panel>
        <Panel title={`逾期未报单位（共 ${overdue.data?.total ?? 0} 个单位、${overdue.data?.totalTasks ?? 0} 项任务）`}>
          {(overdue.data?.items ?? []).map((r) => (
            <Bar
              key={r.unit.id}
              label={r.unit.name}
              value={r.overdueTasks}
              max={overdue.data?.items[0]?.overdueTasks ?? 1}
              color="#ff4d4f"
              suffix=" 项"
            />
          ))}
          {overdue.data && overdue.data.total === 0 && (
            <div style={{ color: DIM, fontSize: '1vw' }}>没有逾期未报的任务</div>
          )}
        </Panel>
        <Panel title="督办与批示">
          <div style={{ display: 'flex', gap: '1.5vw', margin: '1vh 0 2vh' }}>
            {LEVELS.map((l) => (
              <div key={l.value}>
                <div style={{ color: DIM, fontSize: '0.95vw' }}>{l.label}</div>
                <div style={{ fontSize: '2.6vw', fontWeight: 700, color: LEVEL_HEX[l.color] }}>
                  {open.filter((n) => n.level === l.value).length}
                </div>
              </div>
            ))}
            <div>
              <div style={{ color: DIM, fontSize: '0.95vw' }}>已提级</div>
              <div style={{ fontSize: '2.6vw', fontWeight: 700, color: '#ff4d4f' }}>
                {open.filter((n) => n.escalations > 0).length}
              </div>
            </div>
          </div>
          <div style={{ fontSize: '1.1vw' }}>
            领导批示待答复 <strong style={{ fontSize: '2vw', color: '#faad14' }}>{waiting.data?.total ?? 0}</strong> 条
          </div>
        </Panel>
      </div>
      <Panel title={`进度滞后任务（${data?.behind.length ?? 0}）`}>
        <div style={{ columns: 2, columnGap: '2vw', fontSize: '0.95vw' }}>
          {(data?.behind ?? []).slice(0, 12).map((b) => (
            <div key={b.taskId} style={{ breakInside: 'avoid', margin: '0 0 1vh' }}>
              <span style={{ color: b.light === 'red' ? '#ff4d4f' : '#faad14' }}>●</span> 第{b.seq}项 {b.target}
              <div style={{ color: DIM }}>
                {b.units.join('、')}：{b.reason}
              </div>
            </div>
          ))}
        </div>
      </Panel>
    </div>
  );
}

export default function BigScreenPage() {
  return (
    <PlanProvider>
      <Screen />
    </PlanProvider>
  );
}
