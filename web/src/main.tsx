// Entry point: the Chinese locale for Ant Design and dayjs, the theme, and the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App';
import { boot } from './lib/boot';
import './styles.css';

dayjs.locale('zh-cn');
// Before the first render: fetch the first screen's code and data in parallel.
boot(window.location.pathname, window.location.search);

const FONT = '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      theme={{ token: { fontFamily: FONT, colorPrimary: '#c41d1d', borderRadius: 4 } }}
    >
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
