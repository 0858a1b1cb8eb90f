// The menu each role sees. The server checks every route anyway; the menu only hides
// what a role cannot use.
import {
  AlertOutlined,
  AuditOutlined,
  DashboardOutlined,
  EditOutlined,
  FileProtectOutlined,
  FundProjectionScreenOutlined,
  ImportOutlined,
  MessageOutlined,
  SettingOutlined,
  SwapOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../api/types';

export interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  roles: Role[];
}

export const MENU: MenuEntry[] = [
  { path: '/workspace', label: '我的填报', icon: <EditOutlined />, roles: ['unit'] },
  { path: '/', label: '驾驶舱', icon: <DashboardOutlined />, roles: ['admin', 'leader', 'viewer', 'unit'] },
  { path: '/tasks', label: '任务清单', icon: <UnorderedListOutlined />, roles: ['admin', 'leader', 'viewer', 'unit'] },
  { path: '/compare', label: '期间对比', icon: <SwapOutlined />, roles: ['admin', 'viewer'] },
  { path: '/review', label: '审核', icon: <AuditOutlined />, roles: ['admin'] },
  { path: '/overdue', label: '逾期/催办', icon: <AlertOutlined />, roles: ['admin', 'leader', 'viewer'] },
  {
    path: '/supervision',
    label: '督办单',
    icon: <FileProtectOutlined />,
    roles: ['admin', 'leader', 'viewer', 'unit'],
  },
  { path: '/instructions', label: '领导批示', icon: <MessageOutlined />, roles: ['admin', 'leader', 'viewer', 'unit'] },
  { path: '/screen', label: '大屏', icon: <FundProjectionScreenOutlined />, roles: ['admin', 'leader', 'viewer'] },
  { path: '/import', label: '导入', icon: <ImportOutlined />, roles: ['admin'] },
  { path: '/admin', label: '系统管理', icon: <SettingOutlined />, roles: ['admin'] },
];

export function menuFor(role: Role): MenuEntry[] {
  return MENU.filter((m) => m.roles.includes(role));
}

/** Where a role lands after login. */
export function homeOf(role: Role): string {
  return role === 'unit' ? '/workspace' : '/';
}
