// Vite build of the duban web app: root web/, output web/dist (served by `duban serve` at `/`).
// Routes are split with React.lazy; vendor libraries get their own chunks so that the login
// page loads React + a slice of Ant Design only, and ECharts only reaches the pages with charts.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { dubanAliases } from './aliases';
import { precompress } from './precompress';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), precompress()],
  // src/domain, src/workflow and src/assess as `@duban/…` (aliases.ts).
  resolve: { alias: dubanAliases },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    // The web app imports @duban/domain, @duban/assess … from ../src (aliases.ts).
    fs: { allow: [repoRoot] },
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
