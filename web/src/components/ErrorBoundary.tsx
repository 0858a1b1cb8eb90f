// Catches a render error in one page so the screen is never blank: it says what happened
// and offers to reload; the rest of the app (menu, header) keeps working.
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { Button } from 'antd';
import { Notice } from './Notice';

interface Props {
  children: ReactNode;
}
interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('页面出错', error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // A failed lazy chunk (after an upgrade) is fixed by a full reload.
    const chunkFailed = /dynamically imported module|Failed to fetch|Importing a module script failed/i.test(
      error.message,
    );
    return (
      <Notice
        tone="error"
        title={chunkFailed ? '页面资源加载失败' : '页面出错了'}
        actions={
          <>
            <Button type="primary" onClick={() => window.location.reload()}>
              刷新页面
            </Button>
            <Button onClick={() => window.location.assign('/')}>返回首页</Button>
          </>
        }
      >
        {chunkFailed ? '系统可能刚刚更新，请刷新页面。' : `出错信息：${error.message}。可以刷新重试，或返回首页。`}
      </Notice>
    );
  }
}
