/** ECharts, tree-shaken: only the chart types, components and the SVG renderer the dashboard uses. */
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  CustomChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  SVGRenderer,
]);

export { echarts };
export type EChartsOption = echarts.EChartsCoreOption;

// Single quotes only: ECharts writes the family into an SVG style attribute without escaping double quotes.
export const FONT = "Inter, 'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif";

/** Shared look: quiet axes, the app's font, tooltips that escape their text (we format them ourselves). */
export const BASE_OPTION = {
  textStyle: { fontFamily: FONT, color: '#27313d' },
  animationDuration: 300,
  tooltip: { confine: true, borderColor: '#d6dbe1', textStyle: { color: '#1d2530', fontSize: 12 } },
};

/** Renders an option to an SVG string without a DOM (used by the HTML briefing). */
export function renderSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ ...BASE_OPTION, ...option, animation: false });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
