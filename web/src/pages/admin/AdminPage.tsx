// 系统管理: accounts, units, leaders, plans and periods, notification channels, API tokens, settings,
// the audit log. The tab is in the URL.
import { useSearchParams } from 'react-router-dom';
import { Card, Tabs } from 'antd';
import { reference } from '../../api/endpoints';
import { AuditTab } from './AuditTab';
import { ChannelsTab } from './ChannelsTab';
import { NamesTab } from './NamesTab';
import { PeriodsTab } from './PeriodsTab';
import { SettingsTab } from './SettingsTab';
import { TokensTab } from './TokensTab';
import { UsersTab } from './UsersTab';

export default function AdminPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'periods';
  return (
    <div>
      <h1 className="page-title">系统管理</h1>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k })}
          destroyOnHidden
          items={[
            { key: 'periods', label: '计划与周期', children: <PeriodsTab /> },
            { key: 'users', label: '账号', children: <UsersTab /> },
            {
              key: 'units',
              label: '单位',
              children: (
                <NamesTab noun="单位" load={reference.units} save={reference.saveUnit} merge={reference.mergeUnits} />
              ),
            },
            {
              key: 'leaders',
              label: '领导',
              children: <NamesTab noun="领导" load={reference.leaders} save={reference.saveLeader} />,
            },
            { key: 'channels', label: '通知渠道', children: <ChannelsTab /> },
            { key: 'tokens', label: 'API 令牌', children: <TokensTab /> },
            { key: 'settings', label: '系统设置', children: <SettingsTab /> },
            { key: 'audit', label: '操作日志', children: <AuditTab /> },
          ]}
        />
      </Card>
    </div>
  );
}
