// The frame around every page after login: the menu for the user's role, the plan switcher,
// and the user menu (change password, logout). On a phone the menu folds into a drawer.
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Button, Drawer, Dropdown, Layout, Menu, Select } from 'antd';
import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth, useMe } from '../auth/AuthContext';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { PageLoading } from '../components/Feedback';
import { PlanProvider, usePlan } from '../lib/PlanContext';
import { ROLE_LABEL } from '../lib/status';
import { usePhone } from '../lib/useMediaQuery';
import { menuFor } from './menu';

const { Header, Sider, Content } = Layout;

function selectedKey(pathname: string): string {
  if (pathname === '/') return '/';
  const first = '/' + (pathname.split('/')[1] ?? '');
  return first;
}

function PlanSwitcher({ phone }: { phone: boolean }) {
  const { plans, plan, setPlanId } = usePlan();
  if (plans.length <= 1)
    return plan ? (
      <div
        className="hide-on-phone"
        style={{ lineHeight: 1.4, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: '#555' }}
        title={plan.title}
      >
        {plan.title}
      </div>
    ) : null;
  // On a phone the picker takes the room left between the menu button and the user menu (and no
  // more): a fixed minimum width pushed it under the user's name.
  return (
    <Select
      aria-label="年度计划"
      value={plan?.id}
      onChange={setPlanId}
      style={phone ? { width: '100%' } : { minWidth: 220, maxWidth: 420, width: '100%' }}
      popupMatchSelectWidth={phone ? false : undefined}
      styles={phone ? { popup: { root: { maxWidth: 'calc(100vw - 16px)' } } } : undefined}
      options={plans.map((p) => ({ value: p.id, label: p.title }))}
    />
  );
}

function Shell() {
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const phone = usePhone();
  const [drawer, setDrawer] = useState(false);
  const items = menuFor(me.role).map((m) => ({ key: m.path, icon: m.icon, label: m.label }));
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selectedKey(location.pathname)]}
      items={items}
      onClick={({ key }) => {
        setDrawer(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );
  const brand = (
    <div style={{ padding: '16px 20px', fontWeight: 700, fontSize: 18, color: '#c41d1d', whiteSpace: 'nowrap' }}>
      督办 · 重点工作
    </div>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      {!phone && (
        <Sider width={200} theme="light" style={{ borderInlineEnd: '1px solid #eee' }}>
          {brand}
          <nav aria-label="主菜单">{menu}</nav>
        </Sider>
      )}
      {phone && (
        <Drawer
          open={drawer}
          onClose={() => setDrawer(false)}
          placement="left"
          size={240}
          title="督办 · 重点工作"
          styles={{ body: { padding: 0 } }}
        >
          <nav aria-label="主菜单">{menu}</nav>
        </Drawer>
      )}
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: phone ? '0 8px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            gap: phone ? 8 : 12,
            borderBottom: '1px solid #eee',
          }}
        >
          {phone && (
            <Button type="text" icon={<MenuOutlined />} aria-label="打开菜单" onClick={() => setDrawer(true)} />
          )}
          <div style={{ flex: 1, minWidth: 0 }}>
            <PlanSwitcher phone={phone} />
          </div>
          <Dropdown
            menu={{
              items: [
                {
                  key: 'role',
                  label:
                    ROLE_LABEL[me.role] +
                    (me.unit ? ` · ${me.unit.name}` : '') +
                    (me.leader ? ` · ${me.leader.name}` : ''),
                  disabled: true,
                },
                { type: 'divider' },
                { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
                { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
              ],
              onClick: ({ key }) => {
                if (key === 'password') navigate('/password');
                if (key === 'logout') void logout().then(() => navigate('/login'));
              },
            }}
          >
            <Button
              type="text"
              icon={<UserOutlined />}
              aria-label="用户菜单"
              title={me.displayName || me.username}
              style={{ flex: 'none', maxWidth: phone ? '40vw' : 240, paddingInline: phone ? 6 : undefined }}
            >
              <span style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                {me.displayName || me.username}
              </span>
            </Button>
          </Dropdown>
        </Header>
        <Content id="main" className="app-content">
          <ErrorBoundary key={location.pathname}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Content>
      </Layout>
    </Layout>
  );
}

export default function AppLayout() {
  return (
    <PlanProvider>
      <Shell />
    </PlanProvider>
  );
}
