// Login: username and password and/or the identity platform (统一身份认证), readable errors (wrong
// password, too many attempts, no account opened for a platform identity), then back to the page the
// user wanted or the role's home.
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { messageOf } from '../../api/client';
import { auth, type SignInMethods } from '../../api/endpoints';
import { useAuth } from '../../auth/AuthContext';
import { homeOf } from '../../layout/menu';

/** What the identity platform's round trip can come back with (server: routes/auth/oidc.ts). */
const SSO_ERRORS: Record<string, string> = {
  sso_unknown: '该统一身份账号尚未开通本系统，请联系督查科开通账号',
  sso_disabled: '该账号已停用，请联系督查科',
  sso_expired: '登录已超时或链接已失效，请重新登录',
  sso_failed: '统一身份认证未能完成，请重试',
  sso_unavailable: '暂时无法连接统一身份认证平台，请稍后再试',
};

interface Values {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [methods, setMethods] = useState<SignInMethods>({ password: true, sso: null });
  const ssoError = new URLSearchParams(location.search).get('sso_error');
  const shownError = error ?? (ssoError ? (SSO_ERRORS[ssoError] ?? SSO_ERRORS.sso_failed) : null);

  useEffect(() => {
    // Older servers have no /auth/methods: passwords only.
    auth.methods().then(setMethods, () => undefined);
  }, []);

  if (user) return <Navigate to={from ?? homeOf(user.role)} replace />;

  const onFinish = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const me = await login(values.username.trim(), values.password);
      navigate(from && from !== '/login' ? from : homeOf(me.role), { replace: true });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg,#fff5f5 0%,#f5f6f8 60%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', color: '#c41d1d', marginTop: 0 }}>
          督办 · 重点工作任务
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          政府工作报告重点工作任务督查督办系统
        </Typography.Paragraph>
        {shownError && <Alert type="error" showIcon title={shownError} role="alert" style={{ marginBottom: 16 }} />}
        {methods.sso && (
          <Button
            block
            type={methods.password ? 'default' : 'primary'}
            href={`${methods.sso.start}?returnTo=${encodeURIComponent(from && from !== '/login' ? from : '/')}`}
            style={{ marginBottom: methods.password ? 16 : 0 }}
          >
            {methods.sso.label}
          </Button>
        )}
        {methods.password && (
          <Form<Values> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
            <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              登录
            </Button>
          </Form>
        )}
      </Card>
    </main>
  );
}
