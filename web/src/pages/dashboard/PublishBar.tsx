// 驾驶舱's publishing bar: the progress table of the chosen period in every format (with the
// status colours), the 领导专报 of each leader (admin and viewer; a leader gets their own only),
// and the way to 期间对比. The server checks the scope of each download again.
import { useNavigate } from 'react-router-dom';
import { Button, Dropdown, Space } from 'antd';
import { DownloadOutlined, SwapOutlined } from '@ant-design/icons';
import type { GroupCounts, Me } from '../../api/types';
import { DownloadButton, ExportMenu, useDownload } from '../../components/DownloadButton';

interface Props {
  me: Me;
  planId: number;
  periodId: number;
  periodLabel?: string;
  leaderId?: number;
  unitId?: number;
  /** Leaders with tasks in the current view (the dashboard's byLeader): those a briefing exists for. */
  leaders: GroupCounts[];
}

function BriefingMenu({ planId, periodId, leaders }: { planId: number; periodId: number; leaders: GroupCounts[] }) {
  const { busy, run } = useDownload();
  return (
    <Dropdown
      disabled={leaders.length === 0 || busy !== null}
      menu={{
        items: leaders.map((l) => ({ key: String(l.id), label: l.total ? `${l.name}（${l.total} 项）` : l.name })),
        onClick: ({ key }) => run(key, `/briefings/${key}`, { planId, periodId }, `领导专报-${key}.docx`),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy !== null} aria-label="领导专报（选择领导）">
        领导专报
      </Button>
    </Dropdown>
  );
}

export function PublishBar({ me, planId, periodId, periodLabel, leaderId, unitId, leaders }: Props) {
  const navigate = useNavigate();
  const everyone = me.role === 'admin' || me.role === 'viewer';
  return (
    <Space wrap aria-label="导出与专报">
      <ExportMenu
        query={{ planId, periodId, withStatus: 1, leaderId, unitId }}
        label={periodLabel ? `导出 ${periodLabel} 进展表` : '导出进展表'}
      />
      {everyone && <BriefingMenu planId={planId} periodId={periodId} leaders={leaders} />}
      {me.role === 'leader' && me.leader && (
        <DownloadButton path={`/briefings/${me.leader.id}`} query={{ planId, periodId }} fileName="领导专报.docx">
          我的领导专报
        </DownloadButton>
      )}
      {everyone && (
        <Button icon={<SwapOutlined />} onClick={() => navigate('/compare')}>
          期间对比
        </Button>
      )}
    </Space>
  );
}
