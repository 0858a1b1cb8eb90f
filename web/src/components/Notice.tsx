// A full-width message with actions, for errors and refusals shown by the app shell. Lighter than
// Ant Design's Result (no illustrations), because it is part of the first chunk every page loads.
import type { ReactNode } from 'react';

export function Notice({
  title,
  children,
  actions,
  tone = 'info',
}: {
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  tone?: 'info' | 'error' | 'warning';
}) {
  const color = tone === 'error' ? '#cf1322' : tone === 'warning' ? '#d48806' : '#1f1f1f';
  return (
    <div
      role={tone === 'info' ? 'status' : 'alert'}
      style={{ maxWidth: 560, margin: '64px auto', padding: 24, textAlign: 'center' }}
    >
      <h1 style={{ fontSize: 22, color, margin: '0 0 12px' }}>{title}</h1>
      {children && <div style={{ color: '#555', marginBottom: 20, lineHeight: 1.7 }}>{children}</div>}
      {actions && <div style={{ display: 'flex', gap: 8, justifyContent: 'center', flexWrap: 'wrap' }}>{actions}</div>}
    </div>
  );
}
