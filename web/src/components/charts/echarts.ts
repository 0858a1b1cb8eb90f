// ECharts, on demand: only the charts and components the dashboard draws are bundled, in a chunk
// of its own (loaded through loadCharts in lib/charts-chunk.ts). Only `init` is exported: re-exporting the
// whole echarts/core namespace from a dynamically imported module would keep all of it.
import { init, use } from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, TitleComponent, GraphicComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  TitleComponent,
  GraphicComponent,
  CanvasRenderer,
]);

export { init };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';
