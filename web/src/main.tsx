// Entry point, kept small on purpose: it starts fetching the first screen's code (React, Ant Design,
// the route's chunks) and data at once, in parallel, and only then imports the app. Were React and
// Ant Design imported here, nothing else would be requested until the browser had parsed and run
// them (≈ 0.5 s on a slow machine).
import { boot } from './lib/boot';

const firstScreenLoaded = boot(window.location.pathname, window.location.search);

import('./start')
  .then(({ start }) => start(firstScreenLoaded))
  .catch(() => {
    // The app's code could not be loaded (server restarted with a new build, network lost):
    // say so instead of leaving a blank page.
    const root = document.getElementById('root');
    if (root) root.textContent = '无法加载督办系统的页面代码，请检查网络后刷新页面重试。';
  });
