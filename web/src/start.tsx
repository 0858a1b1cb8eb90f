// The app, started by main.tsx once the first screen's code and data are on their way: the
// Chinese locale for Ant Design and dayjs, the theme, and the routes.
// Ant Design runs in zero-runtime mode: its component styles come from its prebuilt stylesheet
// (antd/dist/antd.css, every component, every themed value a CSS variable) instead of being
// computed and injected on first render, which was a third of the main thread's work before the
// dashboard appeared. The theme below still applies: antd sets the CSS variables of these tokens
// at run time. Our own styles come after antd's, as they did when antd injected its styles.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App';
import 'antd/dist/antd.css';
import './styles.css';

dayjs.locale('zh-cn');

const FONT = '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif';

/**
 * How long the first render waits for the first screen's code and data once the app's own code
 * is here. They were requested together and usually arrive together; waiting lets React render
 * the page once, with its data, instead of a spinner, then the layout, then the page — each a full
 * render on a slow PC. A slow server must not keep the page blank, so the wait is bounded.
 */
const FIRST_SCREEN_WAIT_MS = 800;

export async function start(firstScreenLoaded: Promise<void>): Promise<void> {
  await Promise.race([firstScreenLoaded, new Promise((r) => setTimeout(r, FIRST_SCREEN_WAIT_MS))]);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ConfigProvider
        locale={zhCN}
        button={{ autoInsertSpace: false }}
        theme={{ zeroRuntime: true, token: { fontFamily: FONT, colorPrimary: '#c41d1d', borderRadius: 4 } }}
      >
        <AntApp>
          <App />
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
