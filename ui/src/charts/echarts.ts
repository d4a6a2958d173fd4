// The one place ECharts is assembled: only the chart types and components Laoke draws are
// registered on `echarts/core` (tree-shaken; the full bundle would add megabytes), drawn on canvas.
// Every screen draws through <Chart> (./Chart.tsx), never by importing echarts itself.
import { BarChart, FunnelChart, HeatmapChart, LineChart, PieChart, SankeyChart } from "echarts/charts";
import {
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  FunnelChart,
  HeatmapChart,
  SankeyChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  DatasetComponent,
  AriaComponent,
  CanvasRenderer,
]);

export { echarts };
/** The option object a builder returns (ECharts' own type, over the registered parts). */
export type ChartOption = echarts.EChartsCoreOption;
/** ECharts' built-in locales (registered by echarts/core itself). */
export const chartLocale = (lang: string) => (lang === "en" ? "EN" : "ZH");
