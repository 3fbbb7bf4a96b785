/** Zone of agreement: per issue, the veto players' acceptable ranges and, behind them, their intersection. */
import type { Case } from '../api/types.js';
import type { ZoneView } from '../lib/present-redlines.js';
import { escapeHtml } from '../lib/escape.js';
import { withAlpha } from '../lib/colors.js';
import type { ResolvedStance } from '../../../src/case/resolve.js';
import { acceptableIntervals, fmt } from '../lib/format.js';
import type { EChartsOption } from './echarts-setup.js';
import { issueRowsAxis, laneOffset } from './position-map.js';

interface RenderApi {
  value: (i: number) => number;
  coord: (p: number[]) => number[];
  size: (p: number[]) => number[];
}

function rect(api: RenderApi, heightShare: number, fill: string, stroke: string) {
  const lo = api.coord([api.value(0), api.value(2)]);
  const hi = api.coord([api.value(1), api.value(2)]);
  const h = api.size([0, heightShare])[1]!;
  const point = hi[0]! - lo[0]! < 8;
  const w = point ? 10 : hi[0]! - lo[0]!;
  return {
    type: 'rect',
    shape: { x: point ? (lo[0]! + hi[0]!) / 2 - 5 : lo[0]!, y: lo[1]! - h / 2, width: w, height: h, r: 3 },
    style: { fill, stroke, lineWidth: 1 },
  };
}

export function zoneOption(
  c: Case,
  zone: ZoneView,
  stances: ResolvedStance[],
  colors: Map<string, string>,
): EChartsOption {
  const issues = c.issues;
  const rowOf = new Map(issues.map((i, k) => [i.id, issues.length - 1 - k]));
  const vetoes = c.actors.filter((a) => a.veto);
  const players = vetoes.length ? vetoes : c.actors;
  const zoneData = zone.issues.flatMap((r) =>
    r.zone.map(([lo, hi]) => [lo, hi, rowOf.get(r.issue) ?? -10, r.issue]),
  );
  const empty = zone.issues
    .filter((r) => r.zone.length === 0)
    .map((r) => [50, rowOf.get(r.issue) ?? -10, r.issue]);
  const series: Record<string, unknown>[] = [
    {
      name: 'Zone of agreement',
      type: 'custom',
      itemStyle: { color: '#2a9d8f' },
      renderItem: (_: unknown, api: RenderApi) =>
        rect(api, 0.86, 'rgba(42,157,143,0.16)', 'rgba(42,157,143,0.9)'),
      encode: { x: [0, 1], y: 2 },
      data: zoneData,
      tooltip: {
        formatter: (p: { value: [number, number, number, string] }) =>
          `<b>Zone of agreement</b> — ${escapeHtml(issues.find((i) => i.id === p.value[3])?.name)}<br/>${fmt(p.value[0])}–${fmt(p.value[1])}`,
      },
      z: 1,
    },
    {
      name: 'No zone',
      type: 'scatter',
      symbol: 'none',
      label: {
        show: true,
        formatter: 'no overlap — see relaxation',
        color: '#b3261e',
        fontWeight: 600,
        fontSize: 11,
      },
      data: empty,
      tooltip: { show: false },
      z: 5,
    },
  ];
  series.push({
    name: 'Package',
    type: 'scatter',
    symbol: 'diamond',
    symbolSize: 12,
    itemStyle: { color: '#1d2530' },
    data: zone.issues
      .filter((r) => r.suggested !== undefined)
      .map((r) => [r.suggested, rowOf.get(r.issue) ?? -10, r.issue]),
    tooltip: {
      formatter: (p: { value: [number, number, string] }) =>
        `<b>Package</b> — ${escapeHtml(issues.find((i) => i.id === p.value[2])?.name)}<br/>outcome ${fmt(p.value[0])}`,
    },
    z: 6,
  });
  players.forEach((a, k) => {
    const color = colors.get(a.id)!;
    const data = stances
      .filter((s) => s.actor === a.id && rowOf.has(s.issue))
      .flatMap((s) =>
        acceptableIntervals(s.redLine).map(([lo, hi]) => [
          lo,
          hi,
          rowOf.get(s.issue)! + laneOffset(k, players.length) * 0.8,
          s.issue,
        ]),
      );
    series.push({
      name: a.name,
      type: 'custom',
      itemStyle: { color },
      renderItem: (_: unknown, api: RenderApi) =>
        rect(api, 0.55 / Math.max(players.length, 2), withAlpha(color, 0.6), color),
      encode: { x: [0, 1], y: 2 },
      data,
      tooltip: {
        formatter: (p: { value: [number, number, number, string] }) =>
          `<b>${escapeHtml(a.name)}</b> accepts ${fmt(p.value[0])}–${fmt(p.value[1])} on ${escapeHtml(issues.find((i) => i.id === p.value[3])?.name)}`,
      },
      z: 3,
    });
  });
  return {
    legend: { top: 0, type: 'scroll', data: ['Zone of agreement', 'Package', ...players.map((a) => a.name)] },
    tooltip: { trigger: 'item' },
    grid: { left: 230, right: 28, top: 40, bottom: 36 },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      splitNumber: 10,
      splitLine: { lineStyle: { color: '#eef0f3' } },
    },
    yAxis: issueRowsAxis(issues.map((i) => i.name)),
    series,
  };
}
