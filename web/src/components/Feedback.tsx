// Loading, error and empty states shared by every page.
import { Alert, Button, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { messageOf } from '../api/client';

export function PageLoading({ tip = '正在加载…' }: { tip?: string }) {
  return (
    <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
      <div style={{ marginTop: 8, color: '#888' }}>{tip}</div>
    </div>
  );
}

export function LoadError({
  error,
  onRetry,
  title = '加载失败',
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={messageOf(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}

export function EmptyHint({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <Empty description={children} style={{ padding: 24 }}>
      {action}
    </Empty>
  );
}
