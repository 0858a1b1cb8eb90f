// ECharts (the charts and components the dashboard draws) as a chunk of its own: boot.ts requests it
// with the dashboard, EChart.tsx runs it on demand.
import { chunk } from './chunk';

export const loadCharts = chunk(() => import('../components/charts/echarts'));
