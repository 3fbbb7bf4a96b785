/** One ECharts chart in a card, with PNG/SVG export and click events; resizes with its container. */
import { useEffect, useRef } from 'react';
import { echarts, BASE_OPTION, type EChartsOption } from '../charts/echarts-setup.js';
import { downloadBlob, slug, svgToPng } from '../lib/download.js';

export interface EChartProps {
  title: string;
  option: EChartsOption;
  height?: number;
  subtitle?: string;
  onClick?: (params: {
    name?: string;
    seriesName?: string;
    data?: unknown;
    dataIndex?: number;
    value?: unknown;
  }) => void;
  testId?: string;
}

export function EChart({ title, option, height = 360, subtitle, onClick, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof echarts.init> | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chartRef.current = chart;
    chart.on('click', (p) => clickRef.current?.(p as Parameters<NonNullable<EChartProps['onClick']>>[0]));
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption({ ...BASE_OPTION, ...option }, { notMerge: true });
  }, [option]);

  const exportAs = async (kind: 'svg' | 'png') => {
    const chart = chartRef.current;
    if (!chart) return;
    const svg = chart.renderToSVGString();
    const name = slug(title);
    if (kind === 'svg') downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${name}.svg`);
    else downloadBlob(await svgToPng(svg, chart.getWidth(), chart.getHeight()), `${name}.png`);
  };

  return (
    <section className="card chart-card" data-testid={testId}>
      <header className="card-head">
        <div>
          <h3>{title}</h3>
          {subtitle && <p className="muted small">{subtitle}</p>}
        </div>
        <div className="btn-group" role="group" aria-label={`Export ${title}`}>
          <button type="button" className="btn btn-ghost btn-xs" onClick={() => void exportAs('png')}>
            PNG
          </button>
          <button type="button" className="btn btn-ghost btn-xs" onClick={() => void exportAs('svg')}>
            SVG
          </button>
        </div>
      </header>
      <div ref={ref} className="chart" style={{ height }} role="img" aria-label={title} />
    </section>
  );
}
