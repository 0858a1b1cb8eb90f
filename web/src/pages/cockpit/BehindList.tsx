// The 驾驶舱's list of tasks behind, with the assessor's reason. On a desktop a table; on a phone
// one entry per task (number, light, target, lead units, reason) stacked in the card's width —
// the table, 720 px wide inside a sideways-scrolling box, showed only 序号, 灯 and half the
// target on a phone, and the reason (why the task is behind) not at all.
import { Link } from 'react-router-dom';
import { List, Table } from 'antd';
import type { BehindItem } from '../../api/types';
import { LightDot } from '../../components/LightDot';
import { usePhone } from '../../lib/useMediaQuery';

const EMPTY = '本周期没有进度滞后的任务。';

function PhoneBehindList({ items }: { items: BehindItem[] }) {
  return (
    <section aria-label="进度滞后任务">
      <List<BehindItem>
        size="small"
        dataSource={items}
        locale={{ emptyText: EMPTY }}
        pagination={items.length > 10 ? { pageSize: 10, size: 'small', simple: true, align: 'center' } : false}
        renderItem={(r) => (
          <List.Item key={r.taskId} style={{ display: 'block', paddingInline: 0 }} data-task-id={r.taskId}>
            <div style={{ display: 'flex', alignItems: 'baseline', gap: 8 }}>
              <LightDot light={r.light} />
              <Link to={`/tasks/${r.taskId}`} style={{ minWidth: 0, wordBreak: 'break-word' }}>
                第 {r.seq} 项 {r.target}
              </Link>
            </div>
            {r.units.length > 0 && (
              <div style={{ color: '#888', fontSize: 12, marginTop: 2, paddingInlineStart: 20 }}>
                牵头单位：{r.units.join('、')}
              </div>
            )}
            <div style={{ color: '#555', marginTop: 4, paddingInlineStart: 20, wordBreak: 'break-word' }}>
              {r.reason}
            </div>
          </List.Item>
        )}
      />
    </section>
  );
}

export function BehindList({ items }: { items: BehindItem[] }) {
  const phone = usePhone();
  if (phone) return <PhoneBehindList items={items} />;
  // Scrolls sideways in a narrow window through its own box: a Table with `scroll.x` measures
  // every column after each render, forcing a layout of the whole page.
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table<BehindItem>
        rowKey="taskId"
        size="small"
        style={{ minWidth: 720 }}
        pagination={items.length > 10 ? { pageSize: 10 } : false}
        dataSource={items}
        locale={{ emptyText: EMPTY }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 60 },
          { title: '灯', dataIndex: 'light', width: 50, render: (l: BehindItem['light']) => <LightDot light={l} /> },
          {
            title: '目标任务',
            dataIndex: 'target',
            render: (t: string, r) => <Link to={`/tasks/${r.taskId}`}>{t}</Link>,
          },
          { title: '牵头单位', dataIndex: 'units', width: 160, render: (u: string[]) => u.join('、') },
          { title: '滞后原因', dataIndex: 'reason', width: 300 },
        ]}
      />
    </div>
  );
}
