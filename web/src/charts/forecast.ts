/** Forecast charts: model comparison per issue, round-by-round trajectories, Monte Carlo bands. */
import type { Case } from '../api/types.js';
import type { ForecastView, McView } from '../lib/present-forecast.js';
import { escapeHtml } from '../lib/escape.js';
import { statusQuoValue } from '../../../src/case/resolve.js';
import { fmt } from '../lib/format.js';
import type { EChartsOption } from './echarts-setup.js';

const MODEL_SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect'];
export const MODEL_COLORS = ['#1d3557', '#e76f51', '#2a9d8f', '#8d5a97', '#e9c46a', '#457b9d', '#6b705c'];

function issueAxis(c: Case, ids: string[]) {
  return {
    type: 'category',
    data: ids.map((id) => c.issues.find((i) => i.id === id)?.name ?? id),
    inverse: true,
    axisTick: { show: false },
    axisLabel: { width: 170, overflow: 'truncate', color: '#27313d' },
    splitArea: { show: true, areaStyle: { color: ['#ffffff', '#f7f8fa'] } },
  };
}

export function modelComparisonOption(c: Case, f: ForecastView): EChartsOption {
  const sq = f.issues.map((id) => {
    const issue = c.issues.find((i) => i.id === id);
    return issue ? (statusQuoValue(issue) ?? null) : null;
  });
  return {
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: { seriesName: string; value: number; name: string }[]) =>
        [
          `<b>${escapeHtml(ps[0]?.name)}</b>`,
          ...ps.filter((p) => p.value !== null).map((p) => `${escapeHtml(p.seriesName)}: ${fmt(p.value)}`),
        ].join('<br/>'),
    },
    grid: { left: 190, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'value', min: 0, max: 100, splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: issueAxis(c, f.issues),
    series: [
      ...f.models.map((m, k) => ({
        name: m.model,
        type: 'scatter',
        symbol: MODEL_SYMBOLS[k % MODEL_SYMBOLS.length],
        symbolSize: 12,
        itemStyle: { color: MODEL_COLORS[k % MODEL_COLORS.length], opacity: 0.9 },
        data: f.issues.map((id) => m.outcome.get(id) ?? null),
      })),
      {
        name: 'Status quo',
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 9,
        itemStyle: { color: '#9aa3ad' },
        data: sq,
      },
    ],
  };
}

export function trajectoryOption(
  c: Case,
  f: ForecastView,
  model: string,
  issue: string,
  colors: Map<string, string>,
): EChartsOption {
  const m = f.models.find((x) => x.model === model);
  const rounds = m?.rounds ?? [];
  const outcomes = m?.outcomes ?? [];
  const T = Math.max(rounds.length, outcomes.length);
  const xs = Array.from({ length: T }, (_, t) => String(t));
  const series: Record<string, unknown>[] = f.actors.map((a) => ({
    name: c.actors.find((x) => x.id === a)?.name ?? a,
    type: 'line',
    showSymbol: false,
    lineStyle: { width: 2 },
    itemStyle: { color: colors.get(a) },
    data: rounds.map((r) => r.get(a)?.get(issue) ?? null),
  }));
  if (outcomes.length)
    series.push({
      name: 'Predicted outcome',
      type: 'line',
      symbol: 'circle',
      symbolSize: 6,
      lineStyle: { width: 3, type: 'dashed', color: '#1d2530' },
      itemStyle: { color: '#1d2530' },
      data: outcomes.map((o) => o.get(issue) ?? null),
    });
  return {
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => fmt(v) },
    grid: { left: 48, right: 24, top: 40, bottom: 40 },
    xAxis: {
      type: 'category',
      data: xs,
      name: 'round',
      nameLocation: 'middle',
      nameGap: 26,
      boundaryGap: false,
    },
    yAxis: { type: 'value', min: 0, max: 100, splitLine: { lineStyle: { color: '#eef0f3' } } },
    series,
  };
}

/** Monte Carlo bands: 5–95 % (light) and 25–75 % (dark) ranges per issue, the median as a tick. */
export function monteCarloOption(c: Case, mc: McView): EChartsOption {
  const ids = mc.issues.map((x) => x.issue);
  const band = (lo: keyof McView['issues'][number]['q'], hi: keyof McView['issues'][number]['q']) =>
    mc.issues.map((x, k) => [x.q[lo] ?? x.mean ?? null, x.q[hi] ?? x.mean ?? null, k]);
  const render =
    (fill: string, share: number) =>
    (
      _: unknown,
      api: {
        value: (i: number) => number;
        coord: (p: number[]) => number[];
        size: (p: number[]) => number[];
      },
    ) => {
      const lo = api.coord([api.value(0), api.value(2)]);
      const hi = api.coord([api.value(1), api.value(2)]);
      const h = api.size([0, 1])[1]! * share;
      return {
        type: 'rect',
        shape: { x: lo[0]!, y: lo[1]! - h / 2, width: Math.max(hi[0]! - lo[0]!, 2), height: h, r: 2 },
        style: { fill },
      };
    };
  return {
    legend: { top: 0 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const x = mc.issues[p.dataIndex];
        if (!x) return '';
        return [
          `<b>${escapeHtml(c.issues.find((i) => i.id === x.issue)?.name ?? x.issue)}</b>`,
          `median ${fmt(x.q.p50)} · mean ${fmt(x.mean)}`,
          `50 % of runs in ${fmt(x.q.p25)}–${fmt(x.q.p75)}`,
          `90 % of runs in ${fmt(x.q.p05)}–${fmt(x.q.p95)}`,
        ].join('<br/>');
      },
    },
    grid: { left: 190, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'value', min: 0, max: 100, splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: { ...issueAxis(c, ids), type: 'category' },
    series: [
      {
        name: '90 % of runs',
        type: 'custom',
        renderItem: render('rgba(47,109,181,0.18)', 0.5),
        encode: { x: [0, 1], y: 2 },
        data: band('p05', 'p95'),
        itemStyle: { color: 'rgba(47,109,181,0.3)' },
      },
      {
        name: '50 % of runs',
        type: 'custom',
        renderItem: render('rgba(47,109,181,0.45)', 0.5),
        encode: { x: [0, 1], y: 2 },
        data: band('p25', 'p75'),
        itemStyle: { color: 'rgba(47,109,181,0.6)' },
      },
      {
        name: 'Median',
        type: 'scatter',
        symbol: 'rect',
        symbolSize: [3, 22],
        itemStyle: { color: '#1d3557' },
        data: mc.issues.map((x, k) => [x.q.p50 ?? x.mean ?? null, k]),
      },
    ],
  };
}
